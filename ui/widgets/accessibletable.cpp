#include "ui/widgets/accessibletable.h"

#include <algorithm>

namespace {

QList<int> sortedWithin(const QSet<int>& set, int count)
{
    QList<int> list;
    for (int i : set) {
        if (i >= 0 && i < count)
            list << i;
    }
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

AccessibleCell::AccessibleCell(const AccessibleTable* table, int row, int column)
    : m_table(table)
    , m_row(row)
    , m_column(column)
{
}

bool AccessibleCell::isValid() const
{
    return m_table->isValid() && m_row < m_table->rowCount() && m_column < m_table->columnCount();
}

QWindow* AccessibleCell::window() const
{
    return m_table->window();
}

QAccessibleInterface* AccessibleCell::parent() const
{
    return const_cast<AccessibleTable*>(m_table);
}

QAccessibleInterface* AccessibleCell::table() const
{
    return parent();
}

QString AccessibleCell::text(QAccessible::Text t) const
{
    return isValid() ? m_table->cellText(m_row, m_column, t) : QString();
}

QRect AccessibleCell::rect() const
{
    return isValid() ? m_table->cellRect(m_row, m_column) : QRect();
}

QAccessible::State AccessibleCell::state() const
{
    QAccessible::State s;
    s.readOnly = !m_table->cellsFocusable();
    s.focusable = m_table->cellsFocusable();
    s.selectable = m_table->cellsFocusable();
    s.focused = isValid() && m_table->isCellFocused(m_row, m_column);
    s.selected = isSelected();
    s.invalid = !isValid();
    return s;
}

void* AccessibleCell::interface_cast(QAccessible::InterfaceType type)
{
    return type == QAccessible::TableCellInterface ? static_cast<QAccessibleTableCellInterface*>(this) : nullptr;
}

bool AccessibleCell::isSelected() const
{
    return isValid() && m_table->isCellSelected(m_row, m_column);
}

AccessibleTable::AccessibleTable(QStringList rowLabels, QStringList columnLabels)
    : m_rowLabels(std::move(rowLabels))
    , m_columnLabels(std::move(columnLabels))
{
}

AccessibleTable::~AccessibleTable()
{
    for (const auto& [index, id] : m_cells)
        QAccessible::deleteAccessibleInterface(id);
}

QString AccessibleTable::rowText(int row) const
{
    const QString label = m_rowLabels.value(row);
    return label.isEmpty() ? tr("row %1").arg(row) : tr("row '%1'").arg(label);
}

QString AccessibleTable::columnText(int column) const
{
    const QString label = m_columnLabels.value(column);
    return label.isEmpty() ? tr("column %1").arg(column) : tr("column '%1'").arg(label);
}

QAccessibleInterface* AccessibleTable::child(int index) const
{
    const int columns = columnCount();
    if (index < 0 || columns == 0 || index >= childCount())
        return nullptr;
    return cellAt(index / columns, index % columns);
}

int AccessibleTable::indexOfChild(const QAccessibleInterface* child) const
{
    auto* cell = child ? const_cast<QAccessibleInterface*>(child)->tableCellInterface() : nullptr;
    if (!cell || cell->table() != this)
        return -1;
    return cell->rowIndex() * columnCount() + cell->columnIndex();
}

QAccessible::State AccessibleTable::state() const
{
    QAccessible::State s;
    s.readOnly = true;
    s.invalid = !isValid();
    return s;
}

void* AccessibleTable::interface_cast(QAccessible::InterfaceType type)
{
    return type == QAccessible::TableInterface ? static_cast<QAccessibleTableInterface*>(this) : nullptr;
}

QAccessibleInterface* AccessibleTable::cellAt(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return nullptr;
    const int index = row * columnCount() + column;
    auto it = m_cells.find(index);
    if (it == m_cells.end()) {
        auto* cell = new AccessibleCell(this, row, column);
        it = m_cells.emplace(index, QAccessible::registerAccessibleInterface(cell)).first;
    }
    return QAccessible::accessibleInterface(it->second);
}

QList<QAccessibleInterface*> AccessibleTable::selectedCells() const
{
    QList<QAccessibleInterface*> cells;
    for (int r = 0; r < rowCount(); ++r) {
        const bool rowLit = isRowSelected(r);
        for (int c = 0; c < columnCount(); ++c) {
            if ((rowLit || isColumnSelected(c)) && isCellSelected(r, c))
                cells << cellAt(r, c);
        }
    }
    return cells;
}

QList<int> AccessibleTable::selectedColumns() const
{
    return isValid() ? sortedWithin(highlightedColumns(), columnCount()) : QList<int>();
}

QList<int> AccessibleTable::selectedRows() const
{
    return isValid() ? sortedWithin(highlightedRows(), rowCount()) : QList<int>();
}

bool AccessibleTable::isColumnSelected(int column) const
{
    return isValid() && highlightedColumns().contains(column);
}

bool AccessibleTable::isRowSelected(int row) const
{
    return isValid() && highlightedRows().contains(row);
}
