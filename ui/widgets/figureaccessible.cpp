#include "ui/widgets/figureaccessible.h"
#include "ui/widgets/accessibletable.h"
#include "ui/widgets/figureview.h"

#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QLineEdit>
#include <QPointer>
#include <QTextDocument>
#include <QWindow>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace {

// One panel of one built figure of a view; invalid once the view builds another.
struct PanelRef
{
    QPointer<FigureView> view;
    int panelIndex = -1;
    int generation = -1;

    bool isValid() const
    {
        return view && view->figureGeneration() == generation && panelIndex >= 0 &&
               panelIndex < static_cast<int>(view->figure().panels().size());
    }
    const FigurePanel& panel() const { return view->figure().panels()[static_cast<std::size_t>(panelIndex)]; }
    int rows() const { return isValid() ? panel().layout.rows : 0; }
    int columns() const { return isValid() ? panel().layout.columns : 0; }
    QRect toScreen(const QRectF& viewportRect) const
    {
        if (!view || viewportRect.isEmpty())
            return {};
        const QRect r = viewportRect.toAlignedRect();
        return QRect(view->viewport()->mapToGlobal(r.topLeft()), r.size());
    }
    QWindow* window() const { return view ? view->window()->windowHandle() : nullptr; }
    bool isFocusCell(int row, int column) const
    {
        if (!isValid() || !view->hasFocus())
            return false;
        const auto cell = view->focusCell();
        return cell && cell->panelIndex == panelIndex && cell->row == row && cell->column == column;
    }
    // Selected: the selection is what Enter (or a click) on the cell would make it.
    bool isSelected(int row, int column) const
    {
        if (!isValid())
            return false;
        FigureHit hit;
        hit.panelIndex = panelIndex;
        hit.row = row;
        hit.column = column;
        const FigureSelectionChange change = view->figure().selectionFor(hit);
        const ViewState* state = view->viewState();
        return (change.query || change.key) && (!change.query || *change.query == state->query()) &&
               (!change.key || *change.key == state->key());
    }
};

QString plainText(const QString& text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    // One line per step of the arithmetic, as the hover shows it.
    return document.toPlainText().replace(QChar::LineSeparator, QLatin1Char('\n'));
}

QStringList rowLabelsOf(const PanelRef& ref)
{
    return ref.isValid() ? panelRowLabels(*ref.view->figure().result(), ref.panel().id) : QStringList();
}

QStringList columnLabelsOf(const PanelRef& ref)
{
    return ref.isValid() ? panelColumnLabels(*ref.view->figure().result(), ref.panel().id) : QStringList();
}

class PanelTable : public AccessibleTable
{
    Q_DECLARE_TR_FUNCTIONS(PanelTable)

public:
    explicit PanelTable(PanelRef ref)
        : AccessibleTable(rowLabelsOf(ref), columnLabelsOf(ref))
        , m_ref(std::move(ref))
    {
    }

    bool isValid() const override { return m_ref.isValid(); }
    QWindow* window() const override { return m_ref.window(); }
    QAccessibleInterface* parent() const override
    {
        return m_ref.view ? QAccessible::queryAccessibleInterface(m_ref.view.data()) : nullptr;
    }
    QAccessibleInterface* childAt(int x, int y) const override
    {
        if (!isValid())
            return nullptr;
        const auto hit = m_ref.view->hitAt(m_ref.view->viewport()->mapFromGlobal(QPoint(x, y)));
        if (!hit || hit->kind != FigureHit::Kind::Cell || hit->panelIndex != m_ref.panelIndex)
            return nullptr;
        return cellAt(hit->row, hit->column);
    }
    QAccessibleInterface* focusChild() const override
    {
        const auto cell = m_ref.isValid() && m_ref.view->hasFocus() ? m_ref.view->focusCell() : std::nullopt;
        return cell && cell->panelIndex == m_ref.panelIndex ? cellAt(cell->row, cell->column) : nullptr;
    }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        if (t == QAccessible::Name)
            return m_ref.panel().name;
        if (t == QAccessible::Description)
            return tr("%1; %2 rows, %3 columns").arg(m_ref.panel().spec.formula).arg(rowCount()).arg(columnCount());
        return {};
    }
    QRect rect() const override
    {
        if (!isValid() || childCount() == 0)
            return {};
        const QRectF first = m_ref.view->cellRectInViewport(m_ref.panelIndex, 0, 0);
        const QRectF last = m_ref.view->cellRectInViewport(m_ref.panelIndex, rowCount() - 1, columnCount() - 1);
        return m_ref.toScreen(first.united(last));
    }
    int columnCount() const override { return m_ref.columns(); }
    int rowCount() const override { return m_ref.rows(); }

    QString cellText(int row, int column, QAccessible::Text t) const override
    {
        const Figure& figure = m_ref.view->figure();
        switch (t) {
        case QAccessible::Name:
            return tr("%1, %2, %3: %4")
                .arg(m_ref.panel().name, rowText(row), columnText(column),
                     figure.cellValueText(m_ref.panelIndex, row, column));
        case QAccessible::Value:
            return figure.cellValueText(m_ref.panelIndex, row, column);
        case QAccessible::Description:
            return plainText(figure.cellToolTip(m_ref.panelIndex, row, column));
        default:
            return {};
        }
    }
    QRect cellRect(int row, int column) const override
    {
        return m_ref.toScreen(m_ref.view->cellRectInViewport(m_ref.panelIndex, row, column));
    }
    bool isCellSelected(int row, int column) const override { return m_ref.isSelected(row, column); }
    bool isCellFocused(int row, int column) const override { return m_ref.isFocusCell(row, column); }
    bool cellsFocusable() const override { return true; }
    QSet<int> highlightedRows() const override { return isValid() ? m_ref.panel().spec.highlightedRows : QSet<int>(); }
    QSet<int> highlightedColumns() const override
    {
        return isValid() ? m_ref.panel().spec.highlightedColumns : QSet<int>();
    }

private:
    PanelRef m_ref;
};

// The view: its panels' tables in figure order, then the cell editor while one is open.
class FigureViewAccessible : public QAccessibleWidget
{
public:
    explicit FigureViewAccessible(FigureView* view)
        : QAccessibleWidget(view, QAccessible::Pane)
    {
    }
    ~FigureViewAccessible() override { dropTables(); }

    int childCount() const override
    {
        sync();
        return static_cast<int>(m_tables.size()) + (editor() ? 1 : 0);
    }
    QAccessibleInterface* child(int index) const override
    {
        sync();
        const int tables = static_cast<int>(m_tables.size());
        if (index == tables && editor())
            return QAccessible::queryAccessibleInterface(editor());
        if (index < 0 || index >= tables)
            return nullptr;
        QAccessible::Id& id = m_tables[static_cast<std::size_t>(index)];
        if (id == 0)
            id = QAccessible::registerAccessibleInterface(new PanelTable({view(), index, view()->figureGeneration()}));
        return QAccessible::accessibleInterface(id);
    }
    int indexOfChild(const QAccessibleInterface* child) const override
    {
        sync();
        if (!child)
            return -1;
        if (child->object() && child->object() == editor())
            return static_cast<int>(m_tables.size());
        const auto it = std::find(m_tables.begin(), m_tables.end(),
                                  QAccessible::uniqueId(const_cast<QAccessibleInterface*>(child)));
        return it == m_tables.end() || *it == 0 ? -1 : static_cast<int>(it - m_tables.begin());
    }
    QAccessibleInterface* childAt(int x, int y) const override
    {
        const int index = view()->panelIndexAt(view()->viewport()->mapFromGlobal(QPoint(x, y)));
        return index >= 0 ? child(index) : nullptr;
    }
    QAccessibleInterface* focusChild() const override
    {
        if (QLineEdit* e = editor(); e && e->hasFocus())
            return QAccessible::queryAccessibleInterface(e);
        const auto cell = view()->hasFocus() ? view()->focusCell() : std::nullopt;
        QAccessibleInterface* table = cell ? child(cell->panelIndex) : nullptr;
        return table ? table->tableInterface()->cellAt(cell->row, cell->column) : nullptr;
    }

private:
    FigureView* view() const { return static_cast<FigureView*>(widget()); }
    // The open editor (a closed one lingers until the event loop deletes it).
    QLineEdit* editor() const
    {
        for (QLineEdit* e : view()->viewport()->findChildren<QLineEdit*>(QStringLiteral("cellEditor"))) {
            if (e->isVisible())
                return e;
        }
        return nullptr;
    }
    // The tables of a figure the view no longer shows go.
    void sync() const
    {
        if (m_generation == view()->figureGeneration())
            return;
        dropTables();
        m_generation = view()->figureGeneration();
        m_tables.assign(view()->figure().panels().size(), 0);
    }
    void dropTables() const
    {
        for (QAccessible::Id id : m_tables) {
            if (id != 0)
                QAccessible::deleteAccessibleInterface(id);
        }
        m_tables.clear();
    }

    mutable std::vector<QAccessible::Id> m_tables; // 0: not asked for yet
    mutable int m_generation = -1;
};

QAccessibleInterface* figureViewFactory(const QString& className, QObject* object)
{
    if (className == QLatin1String("FigureView") && object && object->isWidgetType())
        return new FigureViewAccessible(static_cast<FigureView*>(object));
    return nullptr;
}

} // namespace

namespace figureaccessible {

void install()
{
    static const bool installed = [] {
        QAccessible::installFactory(figureViewFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

namespace {
Announcer g_announcer = nullptr;
} // namespace

Announcer setAnnouncer(Announcer announcer)
{
    return std::exchange(g_announcer, announcer);
}

void announceFocusCell(FigureView* view, const FigureHit& cell)
{
    if (!g_announcer && !QAccessible::isActive())
        return;
    QAccessibleInterface* figure = QAccessible::queryAccessibleInterface(view);
    QAccessibleInterface* table = figure ? figure->child(cell.panelIndex) : nullptr;
    QAccessibleTableInterface* cells = table ? table->tableInterface() : nullptr;
    QAccessibleInterface* target = cells ? cells->cellAt(cell.row, cell.column) : nullptr;
    if (!target)
        return;
    QAccessibleEvent event(target, QAccessible::Focus);
    if (g_announcer)
        g_announcer(&event);
    else
        QAccessible::updateAccessibility(&event);
}

} // namespace figureaccessible
