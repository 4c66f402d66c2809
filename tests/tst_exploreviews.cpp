#include "testutil.h"
#include "ui/document/viewstate.h"
#include "ui/render/attentionoverview.h"
#include "ui/widgets/headview.h"
#include "ui/widgets/modeloverview.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

// The model view (every layer x head as a thumbnail) and the head view
// (token-to-token lines): what they draw must be the weights, and what a
// click chooses must reach the view state the other views follow.
class TestExploreViews : public QObject
{
    Q_OBJECT

private slots:
    void thumbnailKeepsASharpPatternWhenShrunk();
    void thumbnailOfFewTokensIsTheMatrix();
    void strongestKeysComeStrongestFirst();
    void modelViewDrawsEveryHeadAndOpensTheClickedOne();
    void modelViewArrowKeysMoveTheChosenHead();
    void headViewDrawsTheStrongestLineAndSelectsTheQuery();
    void piecesGroupIntoWords();
    void headViewGroupsAWordsPieces();
};

namespace {

// Every query attends to the token before it (the first to itself): the
// pattern a trained previous-token head has.
attn::Matrix previousToken(int n)
{
    attn::Matrix weights = attn::Matrix::Zero(n, n);
    weights(0, 0) = 1.0;
    for (int i = 1; i < n; ++i)
        weights(i, i - 1) = 1.0;
    return weights;
}

} // namespace

void TestExploreViews::thumbnailKeepsASharpPatternWhenShrunk()
{
    const ColorMap map = ColorMap::viridis();
    const QImage image = attentionoverview::weightsThumbnail(previousToken(1000), 100, map);
    QCOMPARE(image.size(), QSize(100, 100));
    // Each pixel covers 10 x 10 cells; the diagonal ones hold a weight of 1.
    for (int p = 0; p < 100; ++p) {
        QCOMPARE(image.pixel(p, p), map.rgb(1.0));
        if (p + 5 < 100)
            QCOMPARE(image.pixel(p + 5, p), map.rgb(0.0));
    }
    // An average would have faded the diagonal to a tenth.
    QVERIFY(image.pixel(50, 50) != map.rgb(0.1));
}

void TestExploreViews::thumbnailOfFewTokensIsTheMatrix()
{
    const ColorMap map = ColorMap::cividis();
    attn::Matrix weights(3, 3);
    weights << 1.0, 0.0, 0.0, 0.25, 0.75, 0.0, 0.2, 0.3, 0.5;
    const QImage image = attentionoverview::weightsThumbnail(weights, 160, map);
    QCOMPARE(image.size(), QSize(3, 3));
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c)
            QCOMPARE(image.pixel(c, r), map.rgb(weights(r, c)));
    }
    QVERIFY(attentionoverview::weightsThumbnail(attn::Matrix(), 160, map).isNull());
}

void TestExploreViews::strongestKeysComeStrongestFirst()
{
    attn::Matrix weights(1, 5);
    weights << 0.1, 0.4, 0.1, 0.3, 0.1;
    QCOMPARE(attentionoverview::strongestKeys(weights, 0, 2, 0.0), (std::vector<int>{1, 3}));
    // Ties go to the earlier key; the minimum drops weak ones.
    QCOMPARE(attentionoverview::strongestKeys(weights, 0, 4, 0.0), (std::vector<int>{1, 3, 0, 2}));
    QCOMPARE(attentionoverview::strongestKeys(weights, 0, 5, 0.2), (std::vector<int>{1, 3}));
    QVERIFY(attentionoverview::strongestKeys(weights, 1, 5, 0.0).empty());
}

void TestExploreViews::modelViewDrawsEveryHeadAndOpensTheClickedOne()
{
    attn::AttentionConfig config = testutil::articleConfig();
    config.dModel = 6;
    config.heads = 3;
    config.explicitEmbeddings.clear();
    const auto result = testutil::twoLayerResult(config);
    ViewState view;
    view.setShape(2, 3, 5);
    ModelOverview overview(&view);
    overview.resize(900, 600);
    QSignalSpy ready(&overview, &ModelOverview::thumbnailsReady);
    overview.setResult(result);
    QVERIFY(ready.wait(10000));

    const QImage shot = overview.grab().toImage();
    const ColorMap map = ColorMap::viridis();
    for (int l = 0; l < 2; ++l) {
        for (int h = 0; h < 3; ++h) {
            const attn::Matrix& weights =
                result->layers[static_cast<std::size_t>(l)].heads[static_cast<std::size_t>(h)].weights;
            const QRectF cell = overview.cellRect(l, h);
            QVERIFY(cell.width() >= 36);
            // The middle of the thumbnail's cell (2, 2) has that weight's colour.
            const QPoint centre(static_cast<int>(cell.left() + cell.width() * 2.5 / 5),
                                static_cast<int>(cell.top() + cell.height() * 2.5 / 5));
            QCOMPARE(QColor(shot.pixel(centre)), QColor(map.rgb(weights(2, 2))));
        }
    }

    QSignalSpy opened(&overview, &ModelOverview::headOpened);
    QTest::mouseClick(&overview, Qt::LeftButton, {}, overview.cellRect(1, 2).center().toPoint());
    QCOMPARE(opened.count(), 1);
    QCOMPARE(view.layer(), 1);
    QCOMPARE(view.head(), 2);
    // A click between thumbnails opens nothing.
    QTest::mouseClick(&overview, Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(opened.count(), 1);
}

void TestExploreViews::modelViewArrowKeysMoveTheChosenHead()
{
    attn::AttentionConfig config = testutil::articleConfig();
    config.dModel = 6;
    config.heads = 2;
    config.explicitEmbeddings.clear();
    ViewState view;
    view.setShape(2, 2, 5);
    ModelOverview overview(&view);
    overview.setResult(testutil::twoLayerResult(config));
    QTest::keyClick(&overview, Qt::Key_Right);
    QTest::keyClick(&overview, Qt::Key_Down);
    QCOMPARE(view.layer(), 1);
    QCOMPARE(view.head(), 1);
    QTest::keyClick(&overview, Qt::Key_Right); // past the last head: stays
    QCOMPARE(view.head(), 1);
    QSignalSpy opened(&overview, &ModelOverview::headOpened);
    QTest::keyClick(&overview, Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.front().at(0).toInt(), 1);
}

void TestExploreViews::headViewDrawsTheStrongestLineAndSelectsTheQuery()
{
    // One head that attends from each token to the one before it.
    attn::AttentionConfig config = testutil::articleConfig();
    attn::AttentionResult built = attn::computeAttention(config);
    built.layers[0].heads[0].weights = previousToken(5);
    const auto result = std::make_shared<const attn::AttentionResult>(std::move(built));
    ViewState view;
    view.setShape(1, 1, 5);
    HeadView heads(&view);
    heads.resize(700, 500);
    heads.setResult(result);
    const QImage shot = heads.grab().toImage();
    const QColor line = attentionoverview::headColor(0);
    auto near = [&](QPointF p, const QColor& want) {
        for (int dy = -1; dy <= 1; ++dy) {
            const QColor c(shot.pixel(p.toPoint() + QPoint(0, dy)));
            if (std::abs(c.red() - want.red()) + std::abs(c.green() - want.green()) + std::abs(c.blue() - want.blue()) <
                40)
                return true;
        }
        return false;
    };
    // Halfway along the line from query 3 ("old") to key 2 ("the").
    const QPointF from = heads.tokenPoint(3, true);
    const QPointF to = heads.tokenPoint(2, false);
    QVERIFY(near((from + to) / 2, line));
    // No line from query 3 to itself.
    QVERIFY(!near((from + heads.tokenPoint(3, false)) / 2, line));

    QTest::mouseClick(&heads, Qt::LeftButton, {}, (from + QPointF(-10, 0)).toPoint());
    QCOMPARE(view.query(), std::optional<int>(3));
    QCOMPARE(heads.focus(), std::optional<int>(3));
}

void TestExploreViews::piecesGroupIntoWords()
{
    const attn::WordGroups g = attn::groupPieces({"The", " jump", "ed", " fox", ",", " don", "'t", "\n", "go"});
    QCOMPARE(g.words, (std::vector<std::string>{"The", " jumped", " fox", ",", " don't", "\n", "go"}));
    QCOMPARE(g.wordOf, (std::vector<int>{0, 1, 1, 2, 3, 4, 4, 5, 6}));
    QCOMPARE(g.firstPiece, (std::vector<int>{0, 1, 3, 4, 5, 7, 8}));
    QCOMPARE(attn::groupPieces({}).count(), 0);
}

void TestExploreViews::headViewGroupsAWordsPieces()
{
    // Five pieces of four words: "The", " jump"+"ed", " fox", ".".
    attn::AttentionConfig config = testutil::articleConfig();
    attn::AttentionResult built = attn::computeAttention(config);
    built.tokens = {"The", " jump", "ed", " fox", "."};
    attn::Matrix w(5, 5);
    w << 1.0, 0, 0, 0, 0,      //
        0.5, 0.5, 0, 0, 0,     //
        0.2, 0.3, 0.5, 0, 0,   //
        0.1, 0.6, 0.2, 0.1, 0, //
        0.25, 0.25, 0.25, 0.0, 0.25;
    built.layers[0].heads[0].weights = w;
    auto article = std::make_shared<const attn::AttentionResult>(built);
    built.tokenIds = {464, 4391, 276, 21831, 13};
    const auto pieces = std::make_shared<const attn::AttentionResult>(std::move(built));

    ViewState view;
    view.setShape(1, 1, 5);
    HeadView heads(&view);
    heads.resize(700, 500);
    heads.show();
    heads.setResult(article); // the article's words are words already
    auto* box = heads.findChild<QCheckBox*>(QStringLiteral("groupWords"));
    QVERIFY(box && !box->isVisible());
    heads.setResult(pieces);
    QVERIFY(box->isVisible());
    QCOMPARE(heads.shownNames().size(), 5);
    box->setChecked(true);
    QCOMPARE(heads.shownNames(), (QStringList{"The", " jumped", " fox", "."}));
    // Rows: the mean of a word's pieces; columns: the sum of its pieces.
    attn::Matrix expected(4, 4);
    expected << 1.0, 0, 0, 0,                         //
        (0.5 + 0.2) / 2, (0.5 + 0.3 + 0.5) / 2, 0, 0, //
        0.1, 0.8, 0.1, 0,                             //
        0.25, 0.5, 0.0, 0.25;
    const attn::Matrix grouped = heads.shownWeights(0);
    QVERIFY2((grouped - expected).cwiseAbs().maxCoeff() < 1e-15, "grouped weights");
    for (Eigen::Index r = 0; r < grouped.rows(); ++r)
        QVERIFY(std::abs(grouped.row(r).sum() - 1.0) < 1e-15);

    // Clicking the word "jumped" selects its first piece; the view state's
    // piece 2 ("ed") focuses its word.
    const QPointF jumped = heads.tokenPoint(1, true);
    QTest::mouseClick(&heads, Qt::LeftButton, {}, (jumped + QPointF(-10, 0)).toPoint());
    QCOMPARE(view.query(), std::optional<int>(1));
    view.setSelection(2, std::nullopt);
    QCOMPARE(heads.focus(), std::optional<int>(1));
    box->setChecked(false);
    QCOMPARE(heads.focus(), std::optional<int>(2));
}

QTEST_MAIN(TestExploreViews)
#include "tst_exploreviews.moc"
