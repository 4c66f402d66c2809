#include "ui/widgets/heatmapaccessible.h"

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

class HeatmapTable;

class HeatmapCell : public QAccessibleInterface, public QAccessibleTableCellInterface
{
    Q_DECLARE_TR_FUNCTIONS(HeatmapCell)

public:
    HeatmapCell(HeatmapTable* table, int row, int column)
        : m_table(table)
        , m_row(row)
        , m_column(column)
    {
    }

    bool isValid() const override;
    QObject* object() const override { return nullptr; }
    QWindow* window() const override;
    QAccessibleInterface* parent() const override;
    QAccessibleInterface* child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface*) const override { return -1; }
    QAccessibleInterface* childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString&) override {}
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::Cell; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.readOnly = true;
        s.invalid = !isValid();
        return s;
    }
    void* interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::TableCellInterface ? static_cast<QAccessibleTableCellInterface*>(this) : nullptr;
    }

    bool isSelected() const override;
    QList<QAccessibleInterface*> columnHeaderCells() const override { return {}; }
    QList<QAccessibleInterface*> rowHeaderCells() const override { return {}; }
    int columnIndex() const override { return m_column; }
    int rowIndex() const override { return m_row; }
    int columnExtent() const override { return 1; }
    int rowExtent() const override { return 1; }
    QAccessibleInterface* table() const override;

private:
    HeatmapTable* m_table; // owns this cell
    int m_row;
    int m_column;
};

class HeatmapTable : public QAccessibleInterface, public QAccessibleTableInterface
{
    Q_DECLARE_TR_FUNCTIONS(HeatmapTable)

public:
    // `valid` is the widget's interface's: whether this showing is still the one on screen.
    HeatmapTable(QWidget* widget, Heatmap heatmap, QTransform toWidget, std::function<bool()> valid)
        : m_widget(widget)
        , m_heatmap(std::move(heatmap))
        , m_toWidget(toWidget)
        , m_valid(std::move(valid))
    {
    }
    ~HeatmapTable() override
    {
        for (const auto& [index, id] : m_cells)
            QAccessible::deleteAccessibleInterface(id);
    }

    const HeatmapSpec& spec() const { return m_heatmap.spec; }
    QWidget* widget() const { return m_widget; }
    QRect toScreen(const QRectF& layoutRect) const
    {
        if (!m_widget || layoutRect.isEmpty())
            return {};
        const QRect r = m_toWidget.mapRect(layoutRect).toAlignedRect();
        return QRect(m_widget->mapToGlobal(r.topLeft()), r.size());
    }
    QRectF cellRect(int row, int column) const { return m_heatmap.layout.cellRect(row, column); }
    // "row 'i'", or "row 2" for an axis without names.
    QString rowText(int row) const
    {
        const QString label = spec().rowLabels.value(row);
        return label.isEmpty() ? tr("row %1").arg(row) : tr("row '%1'").arg(label);
    }
    QString columnText(int column) const
    {
        const QString label = spec().columnLabels.value(column);
        return label.isEmpty() ? tr("column %1").arg(column) : tr("column '%1'").arg(label);
    }
    // The title without its shape ("Q  5 × 3" reads as "Q").
    QString name() const { return spec().title.section(QStringLiteral("  "), 0, 0).trimmed(); }
    QString valueText(int row, int column) const
    {
        return heatmapscale::formatValue((*spec().matrix)(row, column), spec().decimals);
    }

    bool isValid() const override { return m_widget && m_valid && m_valid(); }
    QObject* object() const override { return nullptr; }
    QWindow* window() const override { return m_widget ? m_widget->window()->windowHandle() : nullptr; }
    QAccessibleInterface* parent() const override
    {
        return m_widget ? QAccessible::queryAccessibleInterface(m_widget.data()) : nullptr;
    }
    QAccessibleInterface* child(int index) const override
    {
        const int columns = columnCount();
        if (index < 0 || columns == 0 || index >= childCount())
            return nullptr;
        return cellAt(index / columns, index % columns);
    }
    int childCount() const override { return rowCount() * columnCount(); }
    int indexOfChild(const QAccessibleInterface* child) const override
    {
        auto* cell = child ? const_cast<QAccessibleInterface*>(child)->tableCellInterface() : nullptr;
        if (!cell || cell->table() != this)
            return -1;
        return cell->rowIndex() * columnCount() + cell->columnIndex();
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
    void setText(QAccessible::Text, const QString&) override {}
    QRect rect() const override { return isValid() ? toScreen(m_heatmap.layout.gridRect) : QRect(); }
    QAccessible::Role role() const override { return QAccessible::Table; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.readOnly = true;
        s.invalid = !isValid();
        return s;
    }
    void* interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::TableInterface ? static_cast<QAccessibleTableInterface*>(this) : nullptr;
    }

    QAccessibleInterface* caption() const override { return nullptr; }
    QAccessibleInterface* summary() const override { return nullptr; }
    QAccessibleInterface* cellAt(int row, int column) const override
    {
        if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
            return nullptr;
        const int index = row * columnCount() + column;
        auto it = m_cells.find(index);
        if (it == m_cells.end()) {
            auto* cell = new HeatmapCell(const_cast<HeatmapTable*>(this), row, column);
            it = m_cells.emplace(index, QAccessible::registerAccessibleInterface(cell)).first;
        }
        return QAccessible::accessibleInterface(it->second);
    }
    // The layout's grid, which never has more cells than the matrix.
    int columnCount() const override
    {
        return isValid() ? std::min<int>(m_heatmap.layout.columns, static_cast<int>(spec().matrix->cols())) : 0;
    }
    int rowCount() const override
    {
        return isValid() ? std::min<int>(m_heatmap.layout.rows, static_cast<int>(spec().matrix->rows())) : 0;
    }
    QString columnDescription(int column) const override { return columnText(column); }
    QString rowDescription(int row) const override { return rowText(row); }

    int selectedCellCount() const override { return 0; }
    QList<QAccessibleInterface*> selectedCells() const override { return {}; }
    int selectedColumnCount() const override { return static_cast<int>(selectedColumns().size()); }
    int selectedRowCount() const override { return static_cast<int>(selectedRows().size()); }
    QList<int> selectedColumns() const override { return sorted(spec().highlightedColumns, columnCount()); }
    QList<int> selectedRows() const override { return sorted(spec().highlightedRows, rowCount()); }
    bool isColumnSelected(int column) const override { return spec().highlightedColumns.contains(column); }
    bool isRowSelected(int row) const override { return spec().highlightedRows.contains(row); }
    // These heatmaps are read, not selected from.
    bool selectRow(int) override { return false; }
    bool selectColumn(int) override { return false; }
    bool unselectRow(int) override { return false; }
    bool unselectColumn(int) override { return false; }
    void modelChange(QAccessibleTableModelChangeEvent*) override {}

private:
    static QList<int> sorted(const QSet<int>& set, int count)
    {
        QList<int> list;
        for (int i : set) {
            if (i >= 0 && i < count)
                list << i;
        }
        std::sort(list.begin(), list.end());
        return list;
    }

    QPointer<QWidget> m_widget;
    Heatmap m_heatmap;
    QTransform m_toWidget;
    std::function<bool()> m_valid;
    mutable std::map<int, QAccessible::Id> m_cells; // by row * columns + column
};

bool HeatmapCell::isValid() const
{
    return m_row < m_table->rowCount() && m_column < m_table->columnCount();
}

QWindow* HeatmapCell::window() const
{
    return m_table->window();
}

QAccessibleInterface* HeatmapCell::parent() const
{
    return m_table;
}

QAccessibleInterface* HeatmapCell::table() const
{
    return m_table;
}

QRect HeatmapCell::rect() const
{
    return isValid() ? m_table->toScreen(m_table->cellRect(m_row, m_column)) : QRect();
}

bool HeatmapCell::isSelected() const
{
    return m_table->isRowSelected(m_row) || m_table->isColumnSelected(m_column);
}

QString HeatmapCell::text(QAccessible::Text t) const
{
    if (!isValid())
        return {};
    switch (t) {
    case QAccessible::Name:
        return tr("%1, %2, %3: %4")
            .arg(m_table->name(), m_table->rowText(m_row), m_table->columnText(m_column),
                 m_table->valueText(m_row, m_column));
    case QAccessible::Value:
        return m_table->valueText(m_row, m_column);
    default:
        return {};
    }
}

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
