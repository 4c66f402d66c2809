#pragma once

// What the accessible heatmaps share (ui/widgets/figureaccessible.h for the
// figure's panels, heatmapaccessible.h for the lesson's and Compare Seeds'):
// a read-only table of cells made on demand and owned by the table, rows and
// columns named by the heatmap's labels ("row 'i'", or "row 2" without one),
// and the highlighted rows and columns as its selection.

#include <QAccessible>
#include <QCoreApplication>
#include <QSet>
#include <QStringList>

#include <map>

class AccessibleTable;

// One cell of an AccessibleTable: the table says what it reads and where it is.
class AccessibleCell : public QAccessibleInterface, public QAccessibleTableCellInterface
{
public:
    AccessibleCell(const AccessibleTable* table, int row, int column);

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
    QAccessible::State state() const override;
    void* interface_cast(QAccessible::InterfaceType type) override;

    bool isSelected() const override;
    QList<QAccessibleInterface*> columnHeaderCells() const override { return {}; }
    QList<QAccessibleInterface*> rowHeaderCells() const override { return {}; }
    int columnIndex() const override { return m_column; }
    int rowIndex() const override { return m_row; }
    int columnExtent() const override { return 1; }
    int rowExtent() const override { return 1; }
    QAccessibleInterface* table() const override;

private:
    const AccessibleTable* m_table; // owns this cell
    int m_row;
    int m_column;
};

class AccessibleTable : public QAccessibleInterface, public QAccessibleTableInterface
{
    Q_DECLARE_TR_FUNCTIONS(AccessibleTable)

public:
    AccessibleTable(QStringList rowLabels, QStringList columnLabels);
    ~AccessibleTable() override;

    // What a subclass says of its heatmap and its cells.
    virtual QString cellText(int row, int column, QAccessible::Text t) const = 0;
    virtual QRect cellRect(int row, int column) const = 0; // on the screen
    virtual bool isCellSelected(int row, int column) const = 0;
    virtual bool isCellFocused(int, int) const { return false; }
    virtual bool cellsFocusable() const { return false; }
    virtual QSet<int> highlightedRows() const = 0;
    virtual QSet<int> highlightedColumns() const = 0;

    // "row 'i'", or "row 2" for an axis without names.
    QString rowText(int row) const;
    QString columnText(int column) const;

    QObject* object() const override { return nullptr; }
    QAccessibleInterface* child(int index) const override;
    int childCount() const override { return rowCount() * columnCount(); }
    int indexOfChild(const QAccessibleInterface* child) const override;
    void setText(QAccessible::Text, const QString&) override {}
    QAccessible::Role role() const override { return QAccessible::Table; }
    QAccessible::State state() const override;
    void* interface_cast(QAccessible::InterfaceType type) override;

    QAccessibleInterface* caption() const override { return nullptr; }
    QAccessibleInterface* summary() const override { return nullptr; }
    QAccessibleInterface* cellAt(int row, int column) const override;
    QString columnDescription(int column) const override { return columnText(column); }
    QString rowDescription(int row) const override { return rowText(row); }

    int selectedCellCount() const override { return static_cast<int>(selectedCells().size()); }
    // Only cells in a highlighted row or column can be selected.
    QList<QAccessibleInterface*> selectedCells() const override;
    int selectedColumnCount() const override { return static_cast<int>(selectedColumns().size()); }
    int selectedRowCount() const override { return static_cast<int>(selectedRows().size()); }
    QList<int> selectedColumns() const override;
    QList<int> selectedRows() const override;
    bool isColumnSelected(int column) const override;
    bool isRowSelected(int row) const override;
    // The selection is the view's (a click or Enter on a cell), not made by rows.
    bool selectRow(int) override { return false; }
    bool selectColumn(int) override { return false; }
    bool unselectRow(int) override { return false; }
    bool unselectColumn(int) override { return false; }
    void modelChange(QAccessibleTableModelChangeEvent*) override {}

private:
    QStringList m_rowLabels;
    QStringList m_columnLabels;
    mutable std::map<int, QAccessible::Id> m_cells; // by row * columns + column
};
