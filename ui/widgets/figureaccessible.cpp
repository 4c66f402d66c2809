#include "ui/widgets/figureaccessible.h"
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

class PanelTable;

class PanelCell : public QAccessibleInterface, public QAccessibleTableCellInterface
{
    Q_DECLARE_TR_FUNCTIONS(PanelCell)

public:
    PanelCell(const PanelTable* table, PanelRef ref, int row, int column)
        : m_table(table)
        , m_ref(std::move(ref))
        , m_row(row)
        , m_column(column)
    {
    }

    bool isValid() const override { return m_row < m_ref.rows() && m_column < m_ref.columns(); }
    QObject* object() const override { return nullptr; }
    QWindow* window() const override { return m_ref.window(); }
    QAccessibleInterface* parent() const override;
    QAccessibleInterface* child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface*) const override { return -1; }
    QAccessibleInterface* childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString&) override {}
    QRect rect() const override
    {
        return isValid() ? m_ref.toScreen(m_ref.view->cellRectInViewport(m_ref.panelIndex, m_row, m_column)) : QRect();
    }
    QAccessible::Role role() const override { return QAccessible::Cell; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.focusable = true;
        s.selectable = true;
        s.focused = m_ref.isFocusCell(m_row, m_column);
        s.selected = m_ref.isSelected(m_row, m_column);
        s.invalid = !isValid();
        return s;
    }
    void* interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::TableCellInterface ? static_cast<QAccessibleTableCellInterface*>(this) : nullptr;
    }

    bool isSelected() const override { return m_ref.isSelected(m_row, m_column); }
    QList<QAccessibleInterface*> columnHeaderCells() const override { return {}; }
    QList<QAccessibleInterface*> rowHeaderCells() const override { return {}; }
    int columnIndex() const override { return m_column; }
    int rowIndex() const override { return m_row; }
    int columnExtent() const override { return 1; }
    int rowExtent() const override { return 1; }
    QAccessibleInterface* table() const override;

private:
    const PanelTable* m_table; // owns this cell
    PanelRef m_ref;
    int m_row;
    int m_column;
};

class PanelTable : public QAccessibleInterface, public QAccessibleTableInterface
{
    Q_DECLARE_TR_FUNCTIONS(PanelTable)

public:
    explicit PanelTable(PanelRef ref)
        : m_ref(std::move(ref))
    {
        if (m_ref.isValid()) {
            const attn::AttentionResult& result = *m_ref.view->figure().result();
            m_rowLabels = panelRowLabels(result, m_ref.panel().id);
            m_columnLabels = panelColumnLabels(result, m_ref.panel().id);
        }
    }
    ~PanelTable() override
    {
        for (const auto& [index, id] : m_cells)
            QAccessible::deleteAccessibleInterface(id);
    }

    const PanelRef& ref() const { return m_ref; }
    // "row 'i'", or "row 2" for an axis without names.
    QString rowText(int row) const
    {
        const QString label = m_rowLabels.value(row);
        return label.isEmpty() ? tr("row %1").arg(row) : tr("row '%1'").arg(label);
    }
    QString columnText(int column) const
    {
        const QString label = m_columnLabels.value(column);
        return label.isEmpty() ? tr("column %1").arg(column) : tr("column '%1'").arg(label);
    }

    bool isValid() const override { return m_ref.isValid(); }
    QObject* object() const override { return nullptr; }
    QWindow* window() const override { return m_ref.window(); }
    QAccessibleInterface* parent() const override
    {
        return m_ref.view ? QAccessible::queryAccessibleInterface(m_ref.view.data()) : nullptr;
    }
    QAccessibleInterface* child(int index) const override
    {
        const int columns = m_ref.columns();
        if (index < 0 || columns == 0 || index >= childCount())
            return nullptr;
        return cellAt(index / columns, index % columns);
    }
    int childCount() const override { return m_ref.rows() * m_ref.columns(); }
    int indexOfChild(const QAccessibleInterface* child) const override
    {
        auto* cell = child ? const_cast<QAccessibleInterface*>(child)->tableCellInterface() : nullptr;
        if (!cell || cell->table() != this)
            return -1;
        return cell->rowIndex() * m_ref.columns() + cell->columnIndex();
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
    void setText(QAccessible::Text, const QString&) override {}
    QRect rect() const override
    {
        if (!isValid() || childCount() == 0)
            return {};
        const QRectF first = m_ref.view->cellRectInViewport(m_ref.panelIndex, 0, 0);
        const QRectF last = m_ref.view->cellRectInViewport(m_ref.panelIndex, rowCount() - 1, columnCount() - 1);
        return m_ref.toScreen(first.united(last));
    }
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
            auto* cell = new PanelCell(this, m_ref, row, column);
            it = m_cells.emplace(index, QAccessible::registerAccessibleInterface(cell)).first;
        }
        return QAccessible::accessibleInterface(it->second);
    }
    int columnCount() const override { return m_ref.columns(); }
    int rowCount() const override { return m_ref.rows(); }
    QString columnDescription(int column) const override { return columnText(column); }
    QString rowDescription(int row) const override { return rowText(row); }

    int selectedCellCount() const override { return static_cast<int>(selectedCells().size()); }
    QList<QAccessibleInterface*> selectedCells() const override
    {
        // Only cells in a highlighted row or column can be selected.
        QList<QAccessibleInterface*> cells;
        for (int r = 0; r < rowCount(); ++r) {
            const bool rowLit = isRowSelected(r);
            for (int c = 0; c < columnCount(); ++c) {
                if ((rowLit || isColumnSelected(c)) && m_ref.isSelected(r, c))
                    cells << cellAt(r, c);
            }
        }
        return cells;
    }
    int selectedColumnCount() const override { return static_cast<int>(selectedColumns().size()); }
    int selectedRowCount() const override { return static_cast<int>(selectedRows().size()); }
    QList<int> selectedColumns() const override
    {
        return isValid() ? sorted(m_ref.panel().spec.highlightedColumns, columnCount()) : QList<int>();
    }
    QList<int> selectedRows() const override
    {
        return isValid() ? sorted(m_ref.panel().spec.highlightedRows, rowCount()) : QList<int>();
    }
    bool isColumnSelected(int column) const override
    {
        return isValid() && m_ref.panel().spec.highlightedColumns.contains(column);
    }
    bool isRowSelected(int row) const override { return isValid() && m_ref.panel().spec.highlightedRows.contains(row); }
    // The selection is made with Enter or a click on a cell, not by rows.
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

    PanelRef m_ref;
    QStringList m_rowLabels;
    QStringList m_columnLabels;
    mutable std::map<int, QAccessible::Id> m_cells; // by row * columns + column
};

QAccessibleInterface* PanelCell::parent() const
{
    return const_cast<PanelTable*>(m_table);
}

QAccessibleInterface* PanelCell::table() const
{
    return parent();
}

QString PanelCell::text(QAccessible::Text t) const
{
    if (!isValid())
        return {};
    const Figure& figure = m_ref.view->figure();
    switch (t) {
    case QAccessible::Name:
        return tr("%1, %2, %3: %4")
            .arg(m_ref.panel().name, m_table->rowText(m_row), m_table->columnText(m_column),
                 figure.cellValueText(m_ref.panelIndex, m_row, m_column));
    case QAccessible::Value:
        return figure.cellValueText(m_ref.panelIndex, m_row, m_column);
    case QAccessible::Description:
        return plainText(figure.cellToolTip(m_ref.panelIndex, m_row, m_column));
    default:
        return {};
    }
}

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
