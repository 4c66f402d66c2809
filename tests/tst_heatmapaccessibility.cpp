// The heatmaps outside the figure as a screen reader meets them: the lesson's
// slide and a lone heatmap (Compare Seeds) are accessible tables whose cells
// say their heatmap, row, column and value as printed, checked against the
// numbers of the result; the lesson view reads as its step; tables of a
// slide or heatmap no longer shown are dropped.

#include "core/attention.h"
#include "core/panels.h"
#include "ui/render/heatmaplayout.h"
#include "ui/widgets/heatmapwidget.h"
#include "ui/widgets/lessonview.h"

#include "testutil.h"

#include <QAccessible>
#include <QtTest>

#include <memory>

namespace {

// A cell's printed value back as a number ("−0.25" has a true minus sign).
double parsed(QString text)
{
    text.replace(QChar(0x2212), QLatin1Char('-'));
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? value : std::numeric_limits<double>::quiet_NaN();
}

// The article's sentence in a lesson view of a projector's shape, shown.
std::shared_ptr<const attn::AttentionResult> showArticle(LessonView& view)
{
    const attn::AttentionConfig config = testutil::articleConfig();
    auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
    view.resize(1280, 720);
    view.setData(config, result);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        qFatal("the lesson view was not shown");
    return result;
}

QAccessibleTableInterface* tableOf(QAccessibleInterface* iface)
{
    return iface ? iface->tableInterface() : nullptr;
}

} // namespace

class TestHeatmapAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void loneHeatmapIsATable();
    void lessonSlideReadsAsItsStep();
    void lessonTablesHoldTheResultsNumbers();
};

void TestHeatmapAccessibility::loneHeatmapIsATable()
{
    HeatmapWidget widget;
    widget.resize(400, 300);
    HeatmapSpec spec;
    auto matrix = std::make_shared<attn::Matrix>(3, 2);
    *matrix << 0.25, -0.5, 1.0, 0.125, 2.0, -3.0;
    spec.matrix = matrix;
    spec.rowLabels = {"a", "b", "c"};
    spec.columnLabels = {"x", "y"};
    spec.title = QStringLiteral("Weights  3 × 2");
    spec.decimals = 2;
    widget.setSpec(spec);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(&widget);
    QVERIFY(iface);
    QCOMPARE(iface->childCount(), 1);
    QAccessibleInterface* table = iface->child(0);
    QVERIFY(table && table->isValid());
    QCOMPARE(table->role(), QAccessible::Table);
    QCOMPARE(table->text(QAccessible::Name), QStringLiteral("Weights"));
    QAccessibleTableInterface* cells = tableOf(table);
    QVERIFY(cells);
    QCOMPARE(cells->rowCount(), 3);
    QCOMPARE(cells->columnCount(), 2);
    QCOMPARE(table->childCount(), 6);
    QAccessibleInterface* cell = cells->cellAt(2, 1);
    QVERIFY(cell);
    QCOMPARE(cell->role(), QAccessible::Cell);
    QCOMPARE(cell->text(QAccessible::Name), QStringLiteral("Weights, row 'c', column 'y': \u22123.00"));
    QCOMPARE(parsed(cell->text(QAccessible::Value)), -3.0);
    QCOMPARE(table->indexOfChild(cell), 5);
    QCOMPARE(cell->tableCellInterface()->rowIndex(), 2);

    // Where the cell is drawn, in screen coordinates, and found there again.
    const HeatmapLayout layout = widget.heatmapLayout();
    const QPoint centre = widget.mapToGlobal(layout.cellRect(2, 1).center().toPoint());
    QVERIFY2(cell->rect().contains(centre), qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));
    QCOMPARE(table->childAt(centre.x(), centre.y()), cell);

    // Other numbers: the old table goes, the new one reads them.
    const QAccessible::Id oldId = QAccessible::uniqueId(table);
    auto other = std::make_shared<attn::Matrix>(2, 2);
    *other << 1, 2, 3, 4;
    spec.matrix = other;
    spec.rowLabels = {"p", "q"};
    widget.setSpec(spec);
    QCOMPARE(iface->childCount(), 1);
    QAccessibleInterface* fresh = iface->child(0);
    QVERIFY(fresh && fresh->isValid());
    QVERIFY(QAccessible::uniqueId(fresh) != oldId);
    QVERIFY(!QAccessible::accessibleInterface(oldId)); // deleted, not left dangling
    QCOMPARE(tableOf(fresh)->cellAt(1, 0)->text(QAccessible::Name),
             QStringLiteral("Weights, row 'q', column 'x': 3.00"));

    widget.clear();
    QCOMPARE(iface->childCount(), 0);
}

void TestHeatmapAccessibility::lessonSlideReadsAsItsStep()
{
    LessonView view;
    showArticle(view);
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(&view);
    QVERIFY(iface);
    for (int step = 1; step <= view.stepCount(); ++step) {
        view.setStep(step);
        const QString name = iface->text(QAccessible::Name);
        QVERIFY2(name.contains(QStringLiteral("step %1 of %2").arg(step).arg(view.stepCount())), qPrintable(name));
        QVERIFY2(name.contains(view.page().title()), qPrintable(name));
        QVERIFY(iface->text(QAccessible::Description).contains(view.page().explanation()));
        int heatmaps = 0;
        for (const LessonPanel& panel : view.page().panels())
            heatmaps += panel.spec.matrix ? 1 : 0;
        QCOMPARE(iface->childCount(), heatmaps);
        for (int i = 0; i < iface->childCount(); ++i)
            QCOMPARE(iface->child(i)->role(), QAccessible::Table);
    }
}

void TestHeatmapAccessibility::lessonTablesHoldTheResultsNumbers()
{
    LessonView view;
    const auto result = showArticle(view);
    const attn::AttentionConfig config = testutil::articleConfig();
    const attn::HeadResult& head = result->layers.front().heads.front();
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(&view);

    // The step whose large panel is the weights.
    int weightsStep = 0;
    for (int step = 1; step <= view.stepCount() && weightsStep == 0; ++step) {
        view.setStep(step);
        const auto panels = view.visiblePanels();
        if (panels.size() == 1 && panels.front() == attn::PanelId::Weights)
            weightsStep = step;
    }
    QVERIFY(weightsStep > 0);
    QAccessibleInterface* weights = nullptr;
    for (int i = 0; i < iface->childCount(); ++i) {
        QAccessibleTableInterface* t = tableOf(iface->child(i));
        if (t && t->rowCount() == head.weights.rows() && t->columnCount() == head.weights.cols() &&
            std::abs(parsed(t->cellAt(0, 1)->text(QAccessible::Value)) - head.weights(0, 1)) < 0.006 &&
            std::abs(parsed(t->cellAt(2, 3)->text(QAccessible::Value)) - head.weights(2, 3)) < 0.006)
            weights = iface->child(i);
    }
    QVERIFY(weights);
    const QStringList tokens = QString::fromStdString(config.sentence).split(' ');
    QAccessibleTableInterface* cells = tableOf(weights);
    for (int r = 0; r < cells->rowCount(); ++r) {
        for (int c = 0; c < cells->columnCount(); ++c) {
            QAccessibleInterface* cell = cells->cellAt(r, c);
            QVERIFY(std::abs(parsed(cell->text(QAccessible::Value)) - head.weights(r, c)) <= 0.0051);
            const QString name = cell->text(QAccessible::Name);
            QVERIFY2(name.contains(QStringLiteral("row '%1'").arg(tokens[r])) &&
                         name.contains(QStringLiteral("column '%1'").arg(tokens[c])),
                     qPrintable(name));
            // Each cell is where the slide draws it.
            QVERIFY(!cell->rect().isEmpty());
            QVERIFY(view.rect().contains(view.mapFromGlobal(cell->rect().center())));
        }
    }

    // Another step: the tables of this one are dropped.
    const QAccessible::Id id = QAccessible::uniqueId(weights);
    view.setStep(weightsStep == 1 ? 2 : 1);
    iface->childCount();
    QVERIFY(!QAccessible::accessibleInterface(id));
}

QTEST_MAIN(TestHeatmapAccessibility)
#include "tst_heatmapaccessibility.moc"
