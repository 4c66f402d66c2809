#include "ui/document/viewstate.h"

#include <QSignalSpy>
#include <QtTest>

// ViewState is the one owner of what is shown: its values must stay valid
// for the result's shape, and its signals must come exactly when a value
// changes, since every view redraws on them.
class TestViewState : public QObject
{
    Q_OBJECT

private slots:
    void startsAtTheDefaults();
    void signalsOnlyRealChanges();
    void clampsToTheShape();
    void shapeFitsWhatIsThere();
    void unknownShapeKeepsValues();
    void colorMapsAreTheRenderersOnly();
    void lessonFollowsTheQuery();
};

void TestViewState::startsAtTheDefaults()
{
    ViewState view;
    QCOMPARE(view.layer(), 0);
    QCOMPARE(view.head(), 0);
    QVERIFY(!view.allHeads());
    QCOMPARE(view.colorMap(), QStringLiteral("viridis"));
    QVERIFY(!view.query());
    QVERIFY(!view.key());
    QCOMPARE(view.lessonStep(), 1);
}

void TestViewState::signalsOnlyRealChanges()
{
    ViewState view;
    view.setShape(1, 4, 10);
    QSignalSpy heads(&view, &ViewState::headChanged);
    QSignalSpy selection(&view, &ViewState::selectionChanged);
    QSignalSpy all(&view, &ViewState::allHeadsChanged);
    view.setHead(2);
    view.setHead(2);
    QCOMPARE(heads.count(), 1);
    QCOMPARE(heads.at(0).at(0).toInt(), 2);
    view.setSelection(3, 5);
    view.setSelection(3, 5);
    QCOMPARE(selection.count(), 1);
    view.setAllHeads(true);
    view.setAllHeads(true);
    QCOMPARE(all.count(), 1);
    // The value is in place when the signal arrives.
    int seen = -1;
    connect(&view, &ViewState::headChanged, this, [&] { seen = view.head(); });
    view.setHead(1);
    QCOMPARE(seen, 1);
}

void TestViewState::clampsToTheShape()
{
    ViewState view;
    view.setShape(2, 3, 5);
    view.setHead(7);
    QCOMPARE(view.head(), 2);
    view.setHead(-4);
    QCOMPARE(view.head(), 0);
    view.setLayer(9);
    QCOMPARE(view.layer(), 1);
    view.setSelection(5, 1); // row 5 of 5 tokens does not exist
    QVERIFY(!view.query());
    QCOMPARE(view.key(), std::optional<int>(1));
    view.setSelection(-1, std::nullopt);
    QVERIFY(!view.query());
    view.setLessonStep(99);
    QCOMPARE(view.lessonStep(), ViewState::lessonSteps);
    view.setLessonStep(0);
    QCOMPARE(view.lessonStep(), 1);
}

void TestViewState::shapeFitsWhatIsThere()
{
    ViewState view;
    view.setShape(1, 4, 10);
    view.setHead(3);
    view.setSelection(8, 2);
    QSignalSpy heads(&view, &ViewState::headChanged);
    QSignalSpy selection(&view, &ViewState::selectionChanged);
    QSignalSpy shape(&view, &ViewState::shapeChanged);
    view.setShape(1, 2, 6); // fewer heads and tokens
    QCOMPARE(shape.count(), 1);
    QCOMPARE(view.headCount(), 2);
    QCOMPARE(view.head(), 1);
    QCOMPARE(heads.count(), 1);
    // Query 8 is gone: the key alone would highlight a column nobody chose.
    QVERIFY(!view.query());
    QVERIFY(!view.key());
    QCOMPARE(selection.count(), 1);
    // A selection that still fits stays.
    view.setSelection(4, 5);
    view.setShape(1, 2, 7);
    QCOMPARE(view.query(), std::optional<int>(4));
    QCOMPARE(view.key(), std::optional<int>(5));
}

void TestViewState::unknownShapeKeepsValues()
{
    // Before anything is computed a session's head and selection are taken
    // as they are, and fitted when the result arrives.
    ViewState view;
    view.setShape(1, 2, 0);
    view.setSelection(40, std::nullopt);
    QCOMPARE(view.query(), std::optional<int>(40));
    view.setShape(1, 2, 41);
    QCOMPARE(view.query(), std::optional<int>(40));
    view.setShape(1, 2, 40);
    QVERIFY(!view.query());
}

void TestViewState::colorMapsAreTheRenderersOnly()
{
    ViewState view;
    QSignalSpy spy(&view, &ViewState::colorMapChanged);
    view.setColorMap(QStringLiteral("CIVIDIS"));
    QCOMPARE(view.colorMap(), QStringLiteral("cividis"));
    view.setColorMap(QStringLiteral("rainbow"));
    view.setColorMap(QStringLiteral("diverging")); // for signed panels, not the weights
    QCOMPARE(view.colorMap(), QStringLiteral("cividis"));
    QCOMPARE(spy.count(), 1);
}

void TestViewState::lessonFollowsTheQuery()
{
    ViewState view;
    QCOMPARE(view.lessonToken(), 0);
    view.setSelection(3, 1);
    QCOMPARE(view.lessonToken(), 3);
    view.clearSelection();
    QCOMPARE(view.lessonToken(), 0);
}

QTEST_GUILESS_MAIN(TestViewState)
#include "tst_viewstate.moc"
