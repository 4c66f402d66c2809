#include "ui/widgets/heatmapaccessible.h"
#include "ui/widgets/accessibletable.h"

#include "ui/render/heatmaplayout.h"
#include "ui/render/heatmapscale.h"
#include "ui/render/heatmapspec.h"
#include "ui/render/lessonpage.h"
#include "ui/widgets/heatmapwidget.h"
#include "ui/widgets/lessonview.h"

#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QPointer>
#include <QTransform>
#include <QWindow>

#include <algorithm>
#include <functional>
#include <map>
#include <vector>

namespace {

// The heatmaps a widget shows now, each with its layout and where that
// layout's coordinates sit in the widget.
struct Heatmap
{
    HeatmapSpec spec;
    HeatmapLayout layout;
};

struct Shown
{
    std::vector<Heatmap> heatmaps;
    QTransform toWidget; // layout coordinates -> widget pixels
    // What identifies one showing: when it changes, earlier tables go.
    int generation = 0;
    QSize size; // a HeatmapWidget lays its heatmap out again for each size
    bool operator==(const Shown& other) const { return generation == other.generation && size == other.size; }
};

Shown shownBy(QWidget* widget)
{
    Shown shown;
    if (auto* lesson = qobject_cast<LessonView*>(widget)) {
        const LessonPage& page = lesson->page();
        for (const LessonPanel& panel : page.panels()) {
            if (panel.spec.matrix)
                shown.heatmaps.push_back({panel.spec, panel.layout});
        }
        shown.toWidget = lesson->pageTransform();
        shown.generation = lesson->pageGeneration();
    } else if (auto* single = qobject_cast<HeatmapWidget*>(widget)) {
        if (single->spec().matrix)
            shown.heatmaps.push_back({single->spec(), single->heatmapLayout()});
        shown.generation = single->specGeneration();
        shown.size = single->size();
    }
    return shown;
}

class HeatmapTable : public AccessibleTable
{
    Q_DECLARE_TR_FUNCTIONS(HeatmapTable)

public:
    // `valid` is the widget's interface's: whether this showing is still the one on screen.
    HeatmapTable(QWidget* widget, Heatmap heatmap, QTransform toWidget, std::function<bool()> valid)
        : AccessibleTable(heatmap.spec.rowLabels, heatmap.spec.columnLabels)
        , m_widget(widget)
        , m_heatmap(std::move(heatmap))
        , m_toWidget(toWidget)
        , m_valid(std::move(valid))
    {
    }

    const HeatmapSpec& spec() const { return m_heatmap.spec; }
    QRect toScreen(const QRectF& layoutRect) const
    {
        if (!m_widget || layoutRect.isEmpty())
            return {};
        const QRect r = m_toWidget.mapRect(layoutRect).toAlignedRect();
        return QRect(m_widget->mapToGlobal(r.topLeft()), r.size());
    }
    // The title without its shape ("Q  5 × 3" reads as "Q").
    QString name() const { return spec().title.section(QStringLiteral("  "), 0, 0).trimmed(); }
    QString valueText(int row, int column) const
    {
        return heatmapscale::formatValue((*spec().matrix)(row, column), spec().decimals);
    }

    bool isValid() const override { return m_widget && m_valid && m_valid(); }
    QWindow* window() const override { return m_widget ? m_widget->window()->windowHandle() : nullptr; }
    QAccessibleInterface* parent() const override
    {
        return m_widget ? QAccessible::queryAccessibleInterface(m_widget.data()) : nullptr;
    }
    QAccessibleInterface* childAt(int x, int y) const override
    {
        if (!isValid())
            return nullptr;
        const QPointF local = m_toWidget.inverted().map(QPointF(m_widget->mapFromGlobal(QPoint(x, y))));
        const auto cell = m_heatmap.layout.cellAt(local);
        return cell ? cellAt(cell->first, cell->second) : nullptr;
    }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        if (t == QAccessible::Name)
            return name();
        if (t == QAccessible::Description) {
            const QString shape = tr("%1 rows, %2 columns").arg(rowCount()).arg(columnCount());
            return spec().formula.isEmpty() ? shape : tr("%1; %2").arg(spec().formula, shape);
        }
        return {};
    }
    QRect rect() const override { return isValid() ? toScreen(m_heatmap.layout.gridRect) : QRect(); }
    // The layout's grid, which never has more cells than the matrix.
    int columnCount() const override
    {
        return isValid() ? std::min<int>(m_heatmap.layout.columns, static_cast<int>(spec().matrix->cols())) : 0;
    }
    int rowCount() const override
    {
        return isValid() ? std::min<int>(m_heatmap.layout.rows, static_cast<int>(spec().matrix->rows())) : 0;
    }

    QString cellText(int row, int column, QAccessible::Text t) const override
    {
        switch (t) {
        case QAccessible::Name:
            return tr("%1, %2, %3: %4").arg(name(), rowText(row), columnText(column), valueText(row, column));
        case QAccessible::Value:
            return valueText(row, column);
        default:
            return {};
        }
    }
    QRect cellRect(int row, int column) const override { return toScreen(m_heatmap.layout.cellRect(row, column)); }
    // These heatmaps are read, not selected from: a highlighted row or column is their selection.
    bool isCellSelected(int row, int column) const override { return isRowSelected(row) || isColumnSelected(column); }
    QSet<int> highlightedRows() const override { return spec().highlightedRows; }
    QSet<int> highlightedColumns() const override { return spec().highlightedColumns; }

private:
    QPointer<QWidget> m_widget;
    Heatmap m_heatmap;
    QTransform m_toWidget;
    std::function<bool()> m_valid;
};

// A widget whose heatmaps are its children, in the order drawn.
class HeatmapsAccessible : public QAccessibleWidget
{
    Q_DECLARE_TR_FUNCTIONS(HeatmapsAccessible)

public:
    explicit HeatmapsAccessible(QWidget* widget)
        : QAccessibleWidget(widget, qobject_cast<LessonView*>(widget) ? QAccessible::Pane : QAccessible::Graphic)
    {
    }
    ~HeatmapsAccessible() override { dropTables(); }

    int childCount() const override
    {
        sync();
        return static_cast<int>(m_tables.size());
    }
    QAccessibleInterface* child(int index) const override
    {
        sync();
        if (index < 0 || index >= static_cast<int>(m_tables.size()))
            return nullptr;
        return QAccessible::accessibleInterface(m_tables[static_cast<std::size_t>(index)]);
    }
    int indexOfChild(const QAccessibleInterface* child) const override
    {
        sync();
        if (!child)
            return -1;
        const auto it = std::find(m_tables.begin(), m_tables.end(),
                                  QAccessible::uniqueId(const_cast<QAccessibleInterface*>(child)));
        return it == m_tables.end() ? -1 : static_cast<int>(it - m_tables.begin());
    }
    QAccessibleInterface* childAt(int x, int y) const override
    {
        for (int i = 0; i < childCount(); ++i) {
            if (QAccessibleInterface* table = child(i); table && table->rect().contains(x, y))
                return table;
        }
        return nullptr;
    }
    QString text(QAccessible::Text t) const override
    {
        auto* lesson = qobject_cast<LessonView*>(widget());
        if (!lesson)
            return QAccessibleWidget::text(t);
        const LessonPage& page = lesson->page();
        if (t == QAccessible::Name && widget()->accessibleName().isEmpty())
            return tr("Lesson, step %1 of %2: %3").arg(lesson->step()).arg(lesson->stepCount()).arg(page.title());
        if (t == QAccessible::Description && widget()->accessibleDescription().isEmpty()) {
            QStringList parts{page.explanation()};
            parts << page.formulaLines();
            parts.removeAll(QString());
            return parts.join(QLatin1Char('\n'));
        }
        return QAccessibleWidget::text(t);
    }

private:
    // The tables of heatmaps the widget no longer shows go.
    void sync() const
    {
        Shown shown = shownBy(widget());
        if (m_synced && shown == m_shown)
            return;
        dropTables();
        m_synced = true;
        m_shown.generation = shown.generation;
        m_shown.size = shown.size;
        const auto generation = ++m_generation;
        QPointer<QWidget> owner = widget();
        const auto* self = this;
        for (Heatmap& heatmap : shown.heatmaps) {
            auto valid = [owner, self, generation] { return owner && self->m_generation == generation; };
            m_tables.push_back(QAccessible::registerAccessibleInterface(
                new HeatmapTable(widget(), std::move(heatmap), shown.toWidget, std::move(valid))));
        }
    }
    void dropTables() const
    {
        for (QAccessible::Id id : m_tables)
            QAccessible::deleteAccessibleInterface(id);
        m_tables.clear();
    }

    mutable std::vector<QAccessible::Id> m_tables;
    mutable Shown m_shown; // its generation and size only
    mutable bool m_synced = false;
    mutable int m_generation = 0;
};

QAccessibleInterface* heatmapsFactory(const QString& className, QObject* object)
{
    if (!object || !object->isWidgetType())
        return nullptr;
    if (className == QLatin1String("LessonView") || className == QLatin1String("HeatmapWidget"))
        return new HeatmapsAccessible(static_cast<QWidget*>(object));
    return nullptr;
}

} // namespace

namespace heatmapaccessible {

void install()
{
    static const bool installed = [] {
        QAccessible::installFactory(heatmapsFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace heatmapaccessible
