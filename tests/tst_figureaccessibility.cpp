// The figure view as a screen reader and the keyboard meet it: every panel an
// accessible table whose cells say their panel, row, column and value as
// printed (checked against the result's numbers) with the hover's arithmetic
// as description; arrows and Tab move the keyboard's cell, Enter selects
// exactly as a click on the cell does, F2 edits where a double-click would,
// and every move of the cell is announced.

#include "core/attention.h"
#include "core/panels.h"
#include "ui/render/explanation.h"
#include "ui/render/figure.h"
#include "ui/render/heatmapscale.h"
#include "ui/widgets/figureaccessible.h"
#include "ui/widgets/figureview.h"

#include "testutil.h"

#include <QAccessible>
#include <QLineEdit>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>
#include <optional>
#include <vector>

Q_DECLARE_METATYPE(attn::PanelId)

namespace {

struct Announcement
{
    QAccessible::Role role;
    QString name;
};
std::vector<Announcement> g_focusEvents;

void recordFocus(QAccessibleEvent* event)
{
    if (event->type() != QAccessible::Focus)
        return;
    if (QAccessibleInterface* iface = event->accessibleInterface())
        g_focusEvents.push_back({iface->role(), iface->text(QAccessible::Name)});
}

QString plain(const QString& richText)
{
    QTextDocument document;
    document.setHtml(richText);
    return document.toPlainText().replace(QChar::LineSeparator, QLatin1Char('\n'));
}

// A cell's printed value back as a number ("−0.25" has a true minus sign).
double parsed(QString text)
{
    text.replace(QChar(0x2212), QLatin1Char('-'));
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? value : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

class TestFigureAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void viewHasATablePerPanel();
    void cellSaysNameValueAndFormula_data();
    void cellSaysNameValueAndFormula();
    void arrowsMoveTheFocusCell();
    void enterSelectsAsAClickDoes_data();
    void enterSelectsAsAClickDoes();
    void tabMovesBetweenPanelsThenOn();
    void theFocusCellIsScrolledIntoView();
    void f2EditsOnlyEditableCells();
    void focusMovesAreAnnounced();
    void tablesOfAnOldFigureAreDropped();

private:
    attn::AttentionConfig m_config;
    std::shared_ptr<const attn::AttentionResult> m_result;
    std::unique_ptr<QWidget> m_window;
    FigureView* m_view = nullptr;
    QLineEdit* m_after = nullptr; // the next widget in the tab order
};

void TestFigureAccessibility::initTestCase()
{
    // The offscreen platform has no accessibility: announcements come here.
    figureaccessible::setAnnouncer(recordFocus);
    m_config = testutil::articleConfig();
    m_result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(m_config));
}

void TestFigureAccessibility::init()
{
    m_window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(m_window.get());
    m_view = new FigureView;
    m_after = new QLineEdit;
    layout->addWidget(m_view);
    layout->addWidget(m_after);
    m_window->resize(1280, 760);
    m_view->setData(m_config, m_result);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_view->setFocus(Qt::OtherFocusReason);
    QVERIFY(m_view->hasFocus());
    g_focusEvents.clear();
}

void TestFigureAccessibility::cleanup()
{
    m_window.reset();
    m_view = nullptr;
    m_after = nullptr;
}

void TestFigureAccessibility::viewHasATablePerPanel()
{
    QAccessibleInterface* figure = QAccessible::queryAccessibleInterface(m_view);
    QVERIFY(figure);
    QVERIFY(!figure->text(QAccessible::Name).isEmpty());
    const auto& panels = m_view->figure().panels();
    QVERIFY(panels.size() >= 9); // E, W_Q, W_K, W_V, Q, K, V, scores ... output
    QCOMPARE(figure->childCount(), static_cast<int>(panels.size()));
    for (std::size_t i = 0; i < panels.size(); ++i) {
        QAccessibleInterface* table = figure->child(static_cast<int>(i));
        QVERIFY(table);
        QCOMPARE(table->role(), QAccessible::Table);
        QCOMPARE(table->parent(), figure);
        QCOMPARE(figure->indexOfChild(table), static_cast<int>(i));
        QVERIFY(table->text(QAccessible::Name).startsWith(attn::panelTitle(panels[i].id)));
        QAccessibleTableInterface* cells = table->tableInterface();
        QVERIFY(cells);
        const attn::Matrix& m = *panels[i].spec.matrix;
        QCOMPARE(cells->rowCount(), static_cast<int>(m.rows()));
        QCOMPARE(cells->columnCount(), static_cast<int>(m.cols()));
        QCOMPARE(table->childCount(), static_cast<int>(m.size()));
        // The last cell: row-major children, each knowing its place.
        QAccessibleInterface* last = table->child(table->childCount() - 1);
        QVERIFY(last);
        QCOMPARE(last, cells->cellAt(cells->rowCount() - 1, cells->columnCount() - 1));
        QCOMPARE(last->tableCellInterface()->rowIndex(), cells->rowCount() - 1);
        QCOMPARE(last->tableCellInterface()->table(), table);
        QCOMPARE(table->indexOfChild(last), table->childCount() - 1);
        QVERIFY(table->rect().contains(last->rect().center()));
    }
}

void TestFigureAccessibility::cellSaysNameValueAndFormula_data()
{
    QTest::addColumn<attn::PanelId>("panel");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addRow("weights i, old") << attn::PanelId::Weights << 0 << 3;
    QTest::addRow("scores") << attn::PanelId::Scores << 1 << 2;
    QTest::addRow("scaled scores") << attn::PanelId::ScaledScores << 4 << 0;
    QTest::addRow("Q") << attn::PanelId::Q << 2 << 1;
    QTest::addRow("W_Q (no token axis)") << attn::PanelId::WQuery << 0 << 1;
    QTest::addRow("output") << attn::PanelId::Output << 4 << 2;
    QTest::addRow("E") << attn::PanelId::Embeddings << 3 << 0;
}

void TestFigureAccessibility::cellSaysNameValueAndFormula()
{
    QFETCH(attn::PanelId, panel);
    QFETCH(int, row);
    QFETCH(int, column);
    const int index = m_view->figure().panelIndex(panel, 0);
    QVERIFY(index >= 0);
    QAccessibleInterface* table = QAccessible::queryAccessibleInterface(m_view)->child(index);
    QAccessibleInterface* cell = table->tableInterface()->cellAt(row, column);
    QVERIFY(cell);
    QCOMPARE(cell->role(), QAccessible::Cell);

    // The value as printed, and it is the result's number.
    const double expected = attn::panelMatrix(*m_result, panel, 0, 0)(row, column);
    const int decimals = m_view->figure().panels()[static_cast<std::size_t>(index)].spec.decimals;
    const QString value = cell->text(QAccessible::Value);
    QCOMPARE(value, heatmapscale::formatValue(expected, decimals));
    QVERIFY2(std::abs(parsed(value) - expected) <= 0.5 * std::pow(10.0, -decimals) + 1e-12, qPrintable(value));

    // Panel, row and column by their names (tokens), or by number.
    const QStringList rows = panelRowLabels(*m_result, panel);
    const QStringList columns = panelColumnLabels(*m_result, panel);
    const QString rowText =
        rows.isEmpty() ? QStringLiteral("row %1").arg(row) : QStringLiteral("row '%1'").arg(rows.at(row));
    const QString columnText = columns.isEmpty() ? QStringLiteral("column %1").arg(column)
                                                 : QStringLiteral("column '%1'").arg(columns.at(column));
    QCOMPARE(cell->text(QAccessible::Name),
             QStringLiteral("%1, %2, %3: %4").arg(attn::panelTitle(panel), rowText, columnText, value));
    if (panel == attn::PanelId::Weights) // the article's "i" attending to "old"
        QVERIFY(cell->text(QAccessible::Name)
                    .startsWith(QStringLiteral("weights, row '%1', column '%2': ")
                                    .arg(QString::fromStdString(m_result->tokens[0]),
                                         QString::fromStdString(m_result->tokens[3]))));

    // The description is the hover's arithmetic, as plain text.
    const QString description = cell->text(QAccessible::Description);
    const QString hover = cellToolTip(m_config, *m_result, panel, 0, 0, row, column);
    QVERIFY(!hover.isEmpty());
    QCOMPARE(description, plain(hover));
    const auto centre = m_view->cellCenter(panel, row, column);
    QVERIFY(centre);
    QCOMPARE(description, plain(m_view->toolTipAt(*centre)));
    QVERIFY(!description.contains(QLatin1Char('<')));
    QVERIFY(description.count(QLatin1Char('\n')) >= 1); // the arithmetic under the cell's name
    QVERIFY2(description.contains(value), qPrintable(description));

    // It is where the view draws it.
    QVERIFY(cell->rect().contains(m_view->viewport()->mapToGlobal(*centre)));
}

void TestFigureAccessibility::arrowsMoveTheFocusCell()
{
    const int weights = m_view->figure().panelIndex(attn::PanelId::Weights, 0);
    m_view->setFocusCell(weights, 0, 0);
    const auto at = [this] {
        const auto cell = m_view->focusCell();
        return cell ? QList<int>{cell->panelIndex, cell->row, cell->column} : QList<int>();
    };
    QCOMPARE(at(), (QList<int>{weights, 0, 0}));
    QTest::keyClick(m_view, Qt::Key_Right);
    QCOMPARE(at(), (QList<int>{weights, 0, 1}));
    QTest::keyClick(m_view, Qt::Key_Down);
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(at(), (QList<int>{weights, 2, 1}));
    QTest::keyClick(m_view, Qt::Key_Left);
    QTest::keyClick(m_view, Qt::Key_Left); // stops at the edge
    QCOMPARE(at(), (QList<int>{weights, 2, 0}));
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(at(), (QList<int>{weights, 1, 0}));
    const int n = static_cast<int>(m_result->tokens.size());
    for (int i = 0; i < n + 2; ++i)
        QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(at(), (QList<int>{weights, n - 1, 0}));
    // Moving is not selecting.
    QVERIFY(!m_view->viewState()->query() && !m_view->viewState()->key());
    QVERIFY(m_view->hasFocus());
}

void TestFigureAccessibility::enterSelectsAsAClickDoes_data()
{
    QTest::addColumn<attn::PanelId>("panel");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("selects"); // false: the panel has no token axis
    QTest::addRow("weights") << attn::PanelId::Weights << 3 << 1 << true;
    QTest::addRow("scores") << attn::PanelId::Scores << 0 << 4 << true;
    QTest::addRow("K (key rows)") << attn::PanelId::K << 4 << 2 << true;
    QTest::addRow("Q (query rows)") << attn::PanelId::Q << 1 << 0 << true;
    QTest::addRow("W_K") << attn::PanelId::WKey << 1 << 1 << false;
}

void TestFigureAccessibility::enterSelectsAsAClickDoes()
{
    QFETCH(attn::PanelId, panel);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(bool, selects);
    ViewState* state = m_view->viewState();
    const std::optional<int> query0 = 2;
    const std::optional<int> key0 = 2; // neither row nor column of any case above
    const auto selection = [state] { return std::make_pair(state->query(), state->key()); };

    state->setSelection(query0, key0);
    const auto centre = m_view->cellCenter(panel, row, column);
    QVERIFY(centre);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, *centre);
    const auto clicked = selection();
    QCOMPARE(clicked != std::make_pair(query0, key0), selects);

    state->setSelection(query0, key0);
    const int index = m_view->figure().panelIndex(panel, 0);
    m_view->setFocusCell(index, row, column);
    QCOMPARE(selection(), std::make_pair(query0, key0)); // moving is not selecting
    QSignalSpy changed(state, &ViewState::selectionChanged);
    QTest::keyClick(m_view, Qt::Key_Return);
    QCOMPARE(selection(), clicked);
    QCOMPARE(changed.count(), selects ? 1 : 0);

    // The numeric keypad's Enter too, and Esc still clears.
    state->setSelection(query0, key0);
    QTest::keyClick(m_view, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(selection(), clicked);
    QTest::keyClick(m_view, Qt::Key_Escape);
    QVERIFY(!state->query() && !state->key());
}

void TestFigureAccessibility::tabMovesBetweenPanelsThenOn()
{
    const int panels = static_cast<int>(m_view->figure().panels().size());
    m_view->setFocusCell(0, 1, 1);
    QTest::keyClick(m_view, Qt::Key_Tab);
    QVERIFY(m_view->hasFocus());
    QCOMPARE(m_view->focusCell()->panelIndex, 1);
    QTest::keyClick(m_view, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(m_view->focusCell()->panelIndex, 0);
    QCOMPARE(m_view->focusCell()->row, 1);
    for (int i = 1; i < panels; ++i) {
        QTest::keyClick(m_view, Qt::Key_Tab);
        QVERIFY(m_view->hasFocus());
        QCOMPARE(m_view->focusCell()->panelIndex, i);
    }
    // Past the last panel, on to the next widget; back enters at the last.
    QTest::keyClick(m_view, Qt::Key_Tab);
    QVERIFY(m_after->hasFocus());
    QTest::keyClick(m_after, Qt::Key_Backtab, Qt::ShiftModifier);
    QVERIFY(m_view->hasFocus());
    QCOMPARE(m_view->focusCell()->panelIndex, panels - 1);
    // Forward into the view enters at the first panel.
    m_after->setFocus(Qt::OtherFocusReason);
    QVERIFY(m_after->hasFocus());
    QTest::keyClick(m_after, Qt::Key_Tab);
    QVERIFY(m_view->hasFocus());
    QCOMPARE(m_view->focusCell()->panelIndex, 0);
    // Before the first panel, back to the widget before the view.
    QTest::keyClick(m_view, Qt::Key_Backtab, Qt::ShiftModifier);
    QVERIFY(m_after->hasFocus());
}

void TestFigureAccessibility::theFocusCellIsScrolledIntoView()
{
    m_view->setZoom(4.0);
    const int last = static_cast<int>(m_view->figure().panels().size()) - 1;
    const auto shown = [this] {
        const auto cell = m_view->focusCell();
        return m_view->viewport()->rect().contains(
            m_view->cellRectInViewport(cell->panelIndex, cell->row, cell->column).toAlignedRect());
    };
    m_view->setFocusCell(0, 0, 0);
    QVERIFY(shown());
    m_view->setFocusCell(last, 0, 0);
    QVERIFY(shown());
    const int rows = m_view->figure().panels().back().layout.rows;
    for (int i = 0; i < rows; ++i)
        QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_view->focusCell()->row, rows - 1);
    QVERIFY(shown());
    QTest::keyClick(m_view, Qt::Key_Tab, Qt::ShiftModifier); // Shift+Tab arrives as Backtab
    QVERIFY(shown());
}

void TestFigureAccessibility::f2EditsOnlyEditableCells()
{
    const int weights = m_view->figure().panelIndex(attn::PanelId::Weights, 0);
    m_view->setFocusCell(weights, 1, 1);
    QTest::keyClick(m_view, Qt::Key_F2);
    QVERIFY(!m_view->isEditing());

    const int embeddings = m_view->figure().panelIndex(attn::PanelId::Embeddings);
    m_view->setFocusCell(embeddings, 2, 1);
    QSignalSpy edited(m_view, &FigureView::cellEdited);
    QTest::keyClick(m_view, Qt::Key_F2);
    QVERIFY(m_view->isEditing());
    QLineEdit* editor = nullptr;
    for (QLineEdit* e : m_view->viewport()->findChildren<QLineEdit*>(QStringLiteral("cellEditor"))) {
        if (e->isVisible())
            editor = e;
    }
    QVERIFY(editor);
    QVERIFY(editor->hasFocus());
    // The view's accessible children name the editor while it is open.
    QAccessibleInterface* figure = QAccessible::queryAccessibleInterface(m_view);
    QCOMPARE(figure->child(figure->childCount() - 1)->object(), editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("0.5"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).value<attn::PanelId>(), attn::PanelId::Embeddings);
    QCOMPARE(edited.at(0).at(1).toInt(), 2);
    QCOMPARE(edited.at(0).at(2).toInt(), 1);
    QCOMPARE(edited.at(0).at(3).toDouble(), 0.5);
    QVERIFY(m_view->hasFocus()); // back to the figure, on the same cell
    QCOMPARE(m_view->focusCell()->panelIndex, embeddings);
}

void TestFigureAccessibility::focusMovesAreAnnounced()
{
    const int scores = m_view->figure().panelIndex(attn::PanelId::Scores, 0);
    m_view->setFocusCell(scores, 1, 1);
    QAccessibleInterface* table = QAccessible::queryAccessibleInterface(m_view)->child(scores);
    const auto expectLast = [&](int panel, int row, int column) {
        QVERIFY(!g_focusEvents.empty());
        QCOMPARE(g_focusEvents.back().role, QAccessible::Cell);
        QAccessibleInterface* t = QAccessible::queryAccessibleInterface(m_view)->child(panel);
        QCOMPARE(g_focusEvents.back().name, t->tableInterface()->cellAt(row, column)->text(QAccessible::Name));
    };
    expectLast(scores, 1, 1);
    g_focusEvents.clear();
    QTest::keyClick(m_view, Qt::Key_Right);
    QCOMPARE(g_focusEvents.size(), std::size_t(1));
    expectLast(scores, 1, 2);
    QAccessibleInterface* focused = QAccessible::queryAccessibleInterface(m_view)->focusChild();
    QCOMPARE(focused, table->tableInterface()->cellAt(1, 2));
    QVERIFY(focused->state().focused);
    QVERIFY(!table->tableInterface()->cellAt(1, 1)->state().focused);
    QTest::keyClick(m_view, Qt::Key_Tab);
    expectLast(scores + 1, 1, 2);
    // Selecting makes the cell say so.
    QTest::keyClick(m_view, Qt::Key_Backtab, Qt::ShiftModifier);
    QTest::keyClick(m_view, Qt::Key_Return);
    QVERIFY(table->tableInterface()->cellAt(1, 2)->tableCellInterface()->isSelected());
    QVERIFY(!table->tableInterface()->cellAt(1, 1)->tableCellInterface()->isSelected());
    QCOMPARE(table->tableInterface()->selectedRows(), QList<int>{1});
    QCOMPARE(table->tableInterface()->selectedCellCount(), 1);
}

void TestFigureAccessibility::tablesOfAnOldFigureAreDropped()
{
    QAccessibleInterface* figure = QAccessible::queryAccessibleInterface(m_view);
    const int before = figure->childCount();
    QAccessibleInterface* cell = figure->child(0)->tableInterface()->cellAt(0, 0);
    const QAccessible::Id cellId = QAccessible::uniqueId(cell);
    const QAccessible::Id tableId = QAccessible::uniqueId(figure->child(0));
    QVERIFY(cell->isValid());

    attn::AttentionConfig positional = m_config;
    positional.positional = true; // one panel more (PE, X)
    m_view->setData(positional, std::make_shared<const attn::AttentionResult>(attn::computeAttention(positional)));
    QVERIFY(!cell->isValid());
    QVERIFY(figure->childCount() > before);
    QVERIFY(!QAccessible::accessibleInterface(cellId));
    QVERIFY(!QAccessible::accessibleInterface(tableId));
    QVERIFY(figure->child(0)->isValid());
}

QTEST_MAIN(TestFigureAccessibility)

#include "tst_figureaccessibility.moc"
