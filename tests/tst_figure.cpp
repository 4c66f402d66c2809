// The figure composition: every cell's hover text writes out how it was
// computed with the real numbers (read back from the result, never
// hard-coded); masked cells say so; the selection follows query i and key j
// through every panel; titles carry shapes and formulas; the article example
// is readable in the view of a 1280 x 720 window and 64 tokens stay readable;
// each weights row shows its entropy; the view turns clicks into selections,
// shows the same hover text and turns double-clicks on E and W into edits.

#include "ui/document/presets.h"
#include "ui/render/figure.h"
#include "ui/render/formulatext.h"
#include "ui/render/heatmaplayout.h"
#include "ui/render/heatmapscale.h"
#include "ui/widgets/exportdialogs.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/filedialogs.h"

#include "testutil.h"

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using attn::PanelId;

Q_DECLARE_METATYPE(attn::AttentionConfig)
Q_DECLARE_METATYPE(attn::PanelId)

class TestFigure : public QObject
{
    Q_OBJECT

private slots:
    void saveFilterSuffix();
    void exportDialogNamesPanelsByTitle();
    void drawnWordsAreMarkedWhenOthersAreGiven();
    void toolTipsAreRichText();
    void scoreToolTipWritesOutTheDotProduct_data();
    void scoreToolTipWritesOutTheDotProduct();
    void scaledToolTipShowsDivisors_data();
    void scaledToolTipShowsDivisors();
    void weightToolTipShowsSoftmax_data();
    void weightToolTipShowsSoftmax();
    void outputToolTipShowsWeightedSum();
    void projectionToolTipShowsRowTimesColumn();
    void maskedCellsSayMasked();
    void everyCellHasNamesAndValue();
    void selectionHighlightsFollowTheComputation();
    void titlesCarryShapesAndFormulas();
    void figureTitleIsSelfExplanatory();
    void colourMapsMatchTheData();
    void articleFitsA720pWindow();
    void articleIsReadableInTheWindowsView_data();
    void articleIsReadableInTheWindowsView();
    void weightsShowRowEntropy_data();
    void weightsShowRowEntropy();
    void doubleClickEditsInputCells_data();
    void doubleClickEditsInputCells();
    void doubleClickElsewhereEditsNothing();
    void panelsDoNotOverlapAndNothingIsClipped_data();
    void panelsDoNotOverlapAndNothingIsClipped();
    void sixtyFourTokensStayReadable();
    void allHeadsShowsEveryHeadsWeights();
    void singlePanelFigure();
    void figureShowsTheChosenLayer();
    void hitTestingAndClickSelection();
    void viewToolTipsClicksAndEscape();
    void viewZoom();
    void largeFigureBuildsAndPaints();
    void viewShowsWholeFigure_data();
    void viewShowsWholeFigure();
    void megabyteTokenIsCutBeforeLayout();
    void longSentenceIsCutBetweenCharacters();
};

namespace {

const QString kMinus = QStringLiteral("\u2212");
const QString kTimes = QStringLiteral("\u00d7");

attn::AttentionConfig multiHead()
{
    attn::AttentionConfig c;
    c.sentence = "the cat sat on the mat";
    c.dModel = 8;
    c.heads = 2;
    c.init = attn::WeightInit::Normal; // signed numbers: negative factors too
    c.weightSeed = 7;
    return c;
}

attn::AttentionConfig wideHead()
{
    attn::AttentionConfig c;
    c.sentence = "a long head makes a long sum";
    c.dModel = 16;
    c.heads = 1;
    c.init = attn::WeightInit::Normal;
    return c;
}

attn::AttentionConfig causalTempered()
{
    attn::AttentionConfig c = multiHead();
    c.causal = true;
    c.temperature = 2.5;
    return c;
}

std::shared_ptr<const attn::AttentionResult> compute(const attn::AttentionConfig& config)
{
    return std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
}

QString fmt(double v)
{
    return heatmapscale::formatValue(v, 2);
}

// A factor as the tooltip writes it: negatives in parentheses.
QString factor(double v)
{
    const QString text = fmt(v);
    return text.startsWith(kMinus) ? QStringLiteral("(") + text + QStringLiteral(")") : text;
}

QString token(const attn::AttentionResult& r, int i)
{
    return QString::fromStdString(r.tokens[static_cast<std::size_t>(i)]);
}

// A token as a subscript: quoted, so a token "i" does not read as the index
// i; a token that occurs twice carries its position.
QString name(const attn::AttentionResult& r, int i)
{
    const auto& t = r.tokens[static_cast<std::size_t>(i)];
    const bool repeated = std::count(r.tokens.begin(), r.tokens.end(), t) > 1;
    const QString quotedToken = QStringLiteral("\u201c%1\u201d").arg(token(r, i));
    return repeated ? QStringLiteral("%1\u2009[%2]").arg(quotedToken).arg(i) : quotedToken;
}

// The indices of the terms a tooltip shows: all of few, else 3 + the last.
std::vector<int> shownTerms(int count)
{
    std::vector<int> shown;
    if (count <= 6) {
        for (int t = 0; t < count; ++t)
            shown.push_back(t);
    } else {
        shown = {0, 1, 2, count - 1};
    }
    return shown;
}

void addCellRows(const char* name, const attn::AttentionConfig& config)
{
    const auto result = attn::computeAttention(config);
    const int n = static_cast<int>(result.tokens.size());
    for (int h = 0; h < config.heads; ++h) {
        QTest::addRow("%s head %d (1, 0)", name, h) << config << h << std::min(1, n - 1) << 0;
        QTest::addRow("%s head %d (0, last)", name, h) << config << h << 0 << n - 1;
        QTest::addRow("%s head %d (last, 2)", name, h) << config << h << n - 1 << std::min(2, n - 1);
    }
}

void addConfigsColumns()
{
    QTest::addColumn<attn::AttentionConfig>("config");
    QTest::addColumn<int>("head");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
}

std::optional<FigurePanel> findPanel(const Figure& figure, PanelId id, int head = -1)
{
    const int index = figure.panelIndex(id, head);
    if (index < 0)
        return std::nullopt;
    return figure.panels()[static_cast<std::size_t>(index)];
}

QSet<int> setOf(std::initializer_list<int> values)
{
    return QSet<int>(values.begin(), values.end());
}

} // namespace

void TestFigure::scoreToolTipWritesOutTheDotProduct_data()
{
    addConfigsColumns();
    addCellRows("article", testutil::articleConfig());
    addCellRows("two heads", multiHead());
    addCellRows("d_k 16", wideHead());
}

void TestFigure::toolTipsAreRichText()
{
    // The article's first token is literally "i": q_i · k_i would read as the
    // general formula. Every hover text is rich text with real subscripts and
    // quoted token names, and escapes what the user typed.
    attn::AttentionConfig config = testutil::articleConfig();
    config.positional = true;
    const auto r = compute(config);
    QCOMPARE(token(*r, 0), QStringLiteral("i"));
    const QString score = cellToolTip(config, *r, PanelId::Scores, 0, 0, 0, 0);
    QVERIFY2(score.contains(QStringLiteral("q<sub>\u201ci\u201d</sub> \u00b7 k<sub>\u201ci\u201d</sub> = ")),
             qPrintable(score));
    const Figure figure(config, r, FigureSettings{});
    for (const FigurePanel& panel : figure.panels()) {
        const QString tip = cellToolTip(config, *r, panel.id, 0, std::max(0, panel.head), 1, 0);
        QVERIFY2(Qt::mightBeRichText(tip), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("<sub>")), qPrintable(tip));
        QVERIFY2(!tip.contains(QLatin1Char('\n')), qPrintable(tip));
        // No ASCII subscripts left ("q_miss", "W_Q", "d_k").
        QVERIFY2(!tip.contains(QLatin1Char('_')), qPrintable(tip));
        if (!panel.spec.rowLabels.isEmpty())
            QVERIFY2(tip.contains(QStringLiteral("<sub>\u201cmiss\u201d")), qPrintable(tip));
    }
    const QString entropy = entropyToolTip(config, *r, 0, 0, 1);
    QVERIFY2(Qt::mightBeRichText(entropy) && entropy.contains(QStringLiteral("H<sub>\u201cmiss\u201d</sub>")),
             qPrintable(entropy));
    QVERIFY2(!entropy.contains(QLatin1Char('_')), qPrintable(entropy));

    attn::AttentionConfig typed;
    typed.sentence = "a<b x&y <i>";
    const auto t = compute(typed);
    for (PanelId id : {PanelId::Embeddings, PanelId::Scores, PanelId::Weights, PanelId::Output}) {
        const QString tip = cellToolTip(typed, *t, id, 0, 0, 0, 1);
        QVERIFY2(tip.contains(QStringLiteral("a&lt;b")) && !tip.contains(QStringLiteral("a<b")), qPrintable(tip));
        QVERIFY2(!tip.contains(QStringLiteral("<i>")), qPrintable(tip));
    }
}

void TestFigure::scoreToolTipWritesOutTheDotProduct()
{
    QFETCH(attn::AttentionConfig, config);
    QFETCH(int, head);
    QFETCH(int, row);
    QFETCH(int, column);
    const auto r = attn::computeAttention(config);
    const QString tip = cellToolTip(config, r, PanelId::Scores, 0, head, row, column);

    const int dK = r.layers[0].dK;
    QStringList terms;
    for (int t : shownTerms(dK))
        terms << factor(r.layers[0].q(row, head * dK + t)) + kTimes + factor(r.layers[0].k(column, head * dK + t));
    const QString expectedSum = dK <= 6 ? terms.join(QStringLiteral(" + "))
                                        : QStringList(terms.mid(0, 3)).join(QStringLiteral(" + ")) +
                                              QStringLiteral(" + \u2026 + ") + terms.last();
    const QString value = fmt(r.layers[0].heads[static_cast<std::size_t>(head)].scores(row, column));
    const QString expected = QStringLiteral("q<sub>%1</sub> \u00b7 k<sub>%2</sub> = %3 = %4")
                                 .arg(name(r, row), name(r, column), expectedSum, value);
    QVERIFY2(tip.contains(expected), qPrintable(tip + QStringLiteral("\nexpected: ") + expected));
    QVERIFY(tip.contains(QStringLiteral("query \u201c%1\u201d").arg(token(r, row))));
    QVERIFY(tip.contains(QStringLiteral("key \u201c%1\u201d").arg(token(r, column))));
    if (config.heads > 1)
        QVERIFY(tip.contains(QStringLiteral("head %1").arg(head + 1)));
}

void TestFigure::scaledToolTipShowsDivisors_data()
{
    addConfigsColumns();
    addCellRows("article", testutil::articleConfig());
    attn::AttentionConfig tempered = multiHead();
    tempered.temperature = 0.5;
    addCellRows("T 0.5", tempered);
    attn::AttentionConfig unscaled = testutil::articleConfig();
    unscaled.scaled = false;
    unscaled.temperature = 2;
    addCellRows("unscaled T 2", unscaled);
}

void TestFigure::scaledToolTipShowsDivisors()
{
    QFETCH(attn::AttentionConfig, config);
    QFETCH(int, head);
    QFETCH(int, row);
    QFETCH(int, column);
    const auto r = attn::computeAttention(config);
    const QString tip = cellToolTip(config, r, PanelId::ScaledScores, 0, head, row, column);
    const auto& h = r.layers[0].heads[static_cast<std::size_t>(head)];

    QString numeric = factor(h.scores(row, column));
    if (config.scaled)
        numeric += QStringLiteral(" \u00f7 \u221a%1").arg(r.layers[0].dK);
    else
        QVERIFY(!tip.contains(QStringLiteral("\u221ad<sub>k</sub>")));
    if (config.temperature != 1.0 || !config.scaled)
        numeric += QStringLiteral(" \u00f7 %1").arg(config.temperature);
    numeric += QStringLiteral(" = ") + fmt(h.scaledScores(row, column));
    QVERIFY2(tip.contains(numeric), qPrintable(tip + QStringLiteral("\nexpected: ") + numeric));
    if (config.temperature != 1.0)
        QVERIFY(tip.contains(QStringLiteral("\u00f7 temperature")));
    if (config.scaled) {
        QVERIFY(tip.contains(QStringLiteral("\u00f7 \u221ad<sub>k</sub>")));
        QVERIFY(tip.contains(fmt(std::sqrt(static_cast<double>(r.layers[0].dK)))));
    }
}

void TestFigure::weightToolTipShowsSoftmax_data()
{
    addConfigsColumns();
    addCellRows("article", testutil::articleConfig());
    addCellRows("two heads", multiHead());
}

void TestFigure::weightToolTipShowsSoftmax()
{
    QFETCH(attn::AttentionConfig, config);
    QFETCH(int, head);
    QFETCH(int, row);
    QFETCH(int, column);
    const auto r = attn::computeAttention(config);
    const QString tip = cellToolTip(config, r, PanelId::Weights, 0, head, row, column);
    const auto& h = r.layers[0].heads[static_cast<std::size_t>(head)];
    const double rowMax = h.scaledScores.row(row).maxCoeff();
    const double total = (h.scaledScores.row(row).array() - rowMax).exp().sum();

    const QString query = name(r, row);
    const QString general = QStringLiteral("w<sub>%1, %2</sub> = exp(s<sub>%1, %2</sub> \u2212 max<sub>%1</sub>) / "
                                           "\u03a3<sub>j</sub> exp(s<sub>%1, j</sub> \u2212 max<sub>%1</sub>)")
                                .arg(query, name(r, column));
    QVERIFY2(tip.contains(general), qPrintable(tip + QStringLiteral("\nexpected: ") + general));
    const QString numbers =
        QStringLiteral("exp(%1 \u2212 %2) / %3").arg(fmt(h.scaledScores(row, column)), factor(rowMax), fmt(total));
    QVERIFY2(tip.contains(numbers), qPrintable(tip + QStringLiteral("\nexpected: ") + numbers));
    QVERIFY(tip.endsWith(QStringLiteral("= ") + fmt(h.weights(row, column))));
}

void TestFigure::outputToolTipShowsWeightedSum()
{
    const attn::AttentionConfig config = multiHead();
    const auto r = attn::computeAttention(config);
    const int n = static_cast<int>(r.tokens.size());
    for (int column : {0, r.layers[0].dK, static_cast<int>(r.layers[0].output.cols()) - 1}) {
        const int row = 2;
        const int head = column / r.layers[0].dK;
        const QString tip = cellToolTip(config, r, PanelId::Output, 0, -1, row, column);
        const auto& w = r.layers[0].heads[static_cast<std::size_t>(head)].weights;
        QStringList terms;
        for (int j : shownTerms(n))
            terms << factor(w(row, j)) + kTimes + factor(r.layers[0].v(j, column));
        QVERIFY2(tip.contains(QStringLiteral("\u03a3<sub>j</sub> w<sub>%1, j</sub> \u00b7 v<sub>j, %2</sub>")
                                  .arg(name(r, row))
                                  .arg(column)),
                 qPrintable(tip));
        QVERIFY2(tip.contains(terms.first()), qPrintable(tip + QStringLiteral("\nexpected term: ") + terms.first()));
        QVERIFY2(tip.contains(terms.last()), qPrintable(tip + QStringLiteral("\nexpected term: ") + terms.last()));
        QVERIFY(tip.endsWith(QStringLiteral("= ") + fmt(r.layers[0].output(row, column))));
        QVERIFY(tip.contains(QStringLiteral("head %1").arg(head + 1)));
    }
}

void TestFigure::projectionToolTipShowsRowTimesColumn()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = attn::computeAttention(config);
    const int row = 1, column = 2;
    const QString tip = cellToolTip(config, r, PanelId::Q, 0, 0, row, column);
    QVERIFY2(tip.contains(QStringLiteral("W<sub>Q</sub>[:, %1]").arg(column)), qPrintable(tip));
    QStringList terms;
    for (int t = 0; t < r.inputs.cols(); ++t) // randint weights print as whole numbers
        terms << factor(r.inputs(row, t)) + kTimes + heatmapscale::formatValue(r.layers[0].wQuery(t, column), 0);
    const QString expected =
        terms.join(QStringLiteral(" + ")) + QStringLiteral(" = ") + fmt(r.layers[0].q(row, column));
    QVERIFY2(tip.contains(expected), qPrintable(tip + QStringLiteral("\nexpected: ") + expected));

    const QString keyTip = cellToolTip(config, r, PanelId::K, 0, 0, row, column);
    QVERIFY(keyTip.contains(QStringLiteral("W<sub>K</sub>[:, %1]").arg(column)));
    QVERIFY(keyTip.endsWith(fmt(r.layers[0].k(row, column))));
}

void TestFigure::maskedCellsSayMasked()
{
    const attn::AttentionConfig config = causalTempered();
    const auto r = attn::computeAttention(config);
    const int n = static_cast<int>(r.tokens.size());
    for (int h = 0; h < config.heads; ++h) {
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                const QString scaled = cellToolTip(config, r, PanelId::ScaledScores, 0, h, i, j);
                const QString weight = cellToolTip(config, r, PanelId::Weights, 0, h, i, j);
                QCOMPARE(scaled.contains(QStringLiteral("masked")), j > i);
                QCOMPARE(weight.contains(QStringLiteral("masked")), j > i);
                if (j > i) {
                    QVERIFY(scaled.contains(heatmapscale::formatValue(-std::numeric_limits<double>::infinity(), 2)));
                    QVERIFY(weight.contains(QStringLiteral("weight = 0")));
                }
            }
        }
    }
}

void TestFigure::everyCellHasNamesAndValue()
{
    attn::AttentionConfig config = testutil::articleConfig();
    config.positional = true;
    const auto r = compute(config);
    const Figure figure(config, r, FigureSettings{});
    QVERIFY(figure.panelIndex(PanelId::Inputs) >= 0);
    for (const FigurePanel& panel : figure.panels()) {
        const attn::Matrix& m = *panel.spec.matrix;
        for (int i = 0; i < m.rows(); ++i) {
            for (int j = 0; j < m.cols(); ++j) {
                const QString tip = cellToolTip(config, *r, panel.id, 0, std::max(0, panel.head), i, j);
                const QString value = heatmapscale::formatValue(m(i, j), panel.spec.decimals);
                QVERIFY2(tip.contains(value), qPrintable(attn::panelName(panel.id) + QStringLiteral(": ") + tip));
                if (!panel.spec.rowLabels.isEmpty())
                    QVERIFY2(tip.contains(QStringLiteral("\u201c%1\u201d").arg(token(*r, i))), qPrintable(tip));
                else
                    QVERIFY(tip.contains(QStringLiteral("row %1").arg(i)));
            }
        }
    }
    QVERIFY(cellToolTip(config, *r, PanelId::Inputs, 0, 0, 1, 2).contains(QStringLiteral("e + pe")));
}

void TestFigure::selectionHighlightsFollowTheComputation()
{
    const attn::AttentionConfig config = multiHead();
    const auto r = compute(config);
    FigureSettings s;
    s.query = 1;
    s.key = 3;
    s.head = 1;
    const Figure figure(config, r, s);
    auto rows = [&](PanelId id) { return findPanel(figure, id)->spec.highlightedRows; };
    auto columns = [&](PanelId id) { return findPanel(figure, id)->spec.highlightedColumns; };

    QCOMPARE(rows(PanelId::Q), setOf({1}));
    QCOMPARE(rows(PanelId::K), setOf({3}));
    QCOMPARE(rows(PanelId::V), setOf({3}));
    QCOMPARE(rows(PanelId::Output), setOf({1}));
    QCOMPARE(rows(PanelId::Embeddings), setOf({1, 3}));
    for (PanelId id : {PanelId::Scores, PanelId::ScaledScores, PanelId::Weights}) {
        QCOMPARE(rows(id), setOf({1}));
        QCOMPARE(columns(id), setOf({3}));
        QCOMPARE(findPanel(figure, id)->head, 1);
    }
    for (PanelId id : {PanelId::WQuery, PanelId::WKey, PanelId::WValue}) {
        QVERIFY(rows(id).isEmpty());
        QVERIFY(columns(id).isEmpty());
    }

    FigureSettings queryOnly;
    queryOnly.query = 4;
    const Figure partial(config, r, queryOnly);
    QCOMPARE(findPanel(partial, PanelId::Weights)->spec.highlightedRows, setOf({4}));
    QVERIFY(findPanel(partial, PanelId::Weights)->spec.highlightedColumns.isEmpty());
    QVERIFY(findPanel(partial, PanelId::K)->spec.highlightedRows.isEmpty());
}

void TestFigure::titlesCarryShapesAndFormulas()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = compute(config);
    const Figure figure(config, r, FigureSettings{});
    struct Expect
    {
        PanelId id;
        QString title;
        QString formula;
    };
    const QList<Expect> expectations{
        {PanelId::Embeddings, QStringLiteral("E  5 \u00d7 3"), QString()},
        {PanelId::WQuery, QStringLiteral("W_Q  3 \u00d7 3"), QStringLiteral("randint")},
        {PanelId::Q, QStringLiteral("Q  5 \u00d7 3"), QStringLiteral("Q = E \u00b7 W_Q")},
        {PanelId::K, QStringLiteral("K  5 \u00d7 3"), QStringLiteral("K = E \u00b7 W_K")},
        {PanelId::V, QStringLiteral("V  5 \u00d7 3"), QStringLiteral("V = E \u00b7 W_V")},
        {PanelId::Scores, QStringLiteral("scores  5 \u00d7 5"), QStringLiteral("scores = Q K\u1d40")},
        {PanelId::ScaledScores, QStringLiteral("scaled scores  5 \u00d7 5"), QStringLiteral("\u00f7 \u221ad_k")},
        {PanelId::Weights, QStringLiteral("weights  5 \u00d7 5"), QStringLiteral("softmax(row)")},
        {PanelId::Output, QStringLiteral("output  5 \u00d7 3"), QStringLiteral("output = weights \u00b7 V")},
    };
    for (const Expect& e : expectations) {
        const auto panel = findPanel(figure, e.id);
        QVERIFY2(panel, qPrintable(attn::panelName(e.id)));
        QCOMPARE(panel->spec.title, e.title);
        QVERIFY2(panel->spec.formula.contains(e.formula), qPrintable(panel->spec.formula));
    }
    // Reading order of the computation.
    QVERIFY(figure.panelIndex(PanelId::Embeddings) < figure.panelIndex(PanelId::WQuery));
    QVERIFY(figure.panelIndex(PanelId::WValue) < figure.panelIndex(PanelId::Q));
    QVERIFY(figure.panelIndex(PanelId::V) < figure.panelIndex(PanelId::Scores));
    QVERIFY(figure.panelIndex(PanelId::Weights) < figure.panelIndex(PanelId::Output));
    QCOMPARE(figure.panelIndex(PanelId::Inputs), -1);

    // Token labels: on both axes of n x n panels, on the rows of n x d ones.
    const QStringList tokens{"i", "miss", "the", "old", "kanye"};
    QCOMPARE(findPanel(figure, PanelId::Scores)->spec.rowLabels, tokens);
    QCOMPARE(findPanel(figure, PanelId::Scores)->spec.columnLabels, tokens);
    QCOMPARE(findPanel(figure, PanelId::Q)->spec.rowLabels, tokens);
    QVERIFY(findPanel(figure, PanelId::Q)->spec.columnLabels.isEmpty());

    const attn::AttentionConfig two = multiHead();
    const auto r2 = compute(two);
    FigureSettings s;
    s.head = 1;
    const Figure heads(two, r2, s);
    QCOMPARE(findPanel(heads, PanelId::Scores)->spec.title, QStringLiteral("scores \u00b7 head 2  6 \u00d7 6"));
    QVERIFY(findPanel(heads, PanelId::Scores)->spec.formula.contains(QStringLiteral("Q_h K_h\u1d40")));
    QCOMPARE(findPanel(heads, PanelId::Q)->spec.columnBlockStarts, (std::vector<int>{0, 4}));
}

void TestFigure::figureTitleIsSelfExplanatory()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = compute(config);
    QString title = figureTitle(config, *r);
    title.replace(QChar(0x00a0), QLatin1Char(' '));
    QCOMPARE(title,
             QStringLiteral("\u201ci miss the old kanye\u201d \u00b7 d_model 3 \u00b7 1 head \u00b7 randint \u00b7 "
                            "weight seed 42 \u00b7 embedding seed 0 \u00b7 scaled \u00b7 T = 1"));
    attn::AttentionConfig other = causalTempered();
    other.positional = true;
    title = figureTitle(other, attn::computeAttention(other));
    title.replace(QChar(0x00a0), QLatin1Char(' '));
    for (const char* piece : {"2 heads", "normal", "weight seed 7", "causal", "positional", "T = 2.5"})
        QVERIFY2(title.contains(QLatin1String(piece)), qPrintable(title));
}

void TestFigure::colourMapsMatchTheData()
{
    const attn::AttentionConfig config = multiHead(); // normal init: signed
    const auto r = compute(config);
    FigureSettings s;
    s.colorMap = QStringLiteral("cividis");
    const Figure figure(config, r, s);
    const auto weights = findPanel(figure, PanelId::Weights);
    QCOMPARE(weights->spec.colorMap, ColorMap::cividis());
    QVERIFY(weights->spec.range);
    QCOMPARE(weights->spec.range->low, 0.0);
    QCOMPARE(weights->spec.range->high, 1.0);
    for (PanelId id : {PanelId::WQuery, PanelId::Q, PanelId::K, PanelId::V, PanelId::Scores, PanelId::ScaledScores})
        QVERIFY2(findPanel(figure, id)->spec.colorMap.isDiverging(), qPrintable(attn::panelName(id)));
    // Embeddings are drawn from [0, 1): sequential, in the chosen map.
    QCOMPARE(findPanel(figure, PanelId::Embeddings)->spec.colorMap, ColorMap::cividis());

    const auto ra = compute(testutil::articleConfig()); // randint, positive embeddings: nothing signed
    const Figure plain(testutil::articleConfig(), ra, FigureSettings{});
    QCOMPARE(findPanel(plain, PanelId::Scores)->spec.colorMap, ColorMap::viridis());
    QCOMPARE(findPanel(plain, PanelId::WQuery)->spec.decimals, 0); // whole numbers
}

void TestFigure::articleFitsA720pWindow()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = compute(config);
    FigureSettings s;
    s.fitTo = QSizeF(1280, 720);
    const Figure figure(config, r, s);
    const QSizeF size = figure.size();
    const double zoom = std::min(1280.0 / size.width(), 720.0 / size.height());
    // At that zoom the labels are still at least 10 px.
    QVERIFY2(zoom * heatmaplayout::defaultFont().pixelSize() >= 10.0,
             qPrintable(QStringLiteral("figure %1 x %2, zoom %3").arg(size.width()).arg(size.height()).arg(zoom)));
    // Every number is printed.
    for (const FigurePanel& p : figure.panels())
        QVERIFY2(p.layout.valuesVisible, qPrintable(attn::panelName(p.id)));
    // The arrangement reads like the computation: inputs, projections, attention.
    QVERIFY(findPanel(figure, PanelId::WValue)->rect.top() < findPanel(figure, PanelId::Q)->rect.top());
    // The scores follow V: on a row below, or to its right on its row.
    const QRectF v = findPanel(figure, PanelId::V)->rect;
    const QRectF scores = findPanel(figure, PanelId::Scores)->rect;
    QVERIFY(scores.top() > v.top() || scores.left() >= v.right());

    // The view fits it without scroll bars at 1280 x 720.
    FigureView view;
    view.resize(1280, 720);
    view.setData(config, r);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.isZoomToFit());
    QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
    QCOMPARE(view.verticalScrollBar()->maximum(), 0);
    QVERIFY(view.zoom() >= 0.6);
}

void TestFigure::articleIsReadableInTheWindowsView_data()
{
    // The figure view's area in the 1280 x 720 main window, with the
    // settings panel shown and hidden.
    QTest::addColumn<QSize>("viewport");
    QTest::addRow("settings shown") << QSize(970, 600);
    QTest::addRow("settings hidden") << QSize(1270, 600);
}

void TestFigure::articleIsReadableInTheWindowsView()
{
    QFETCH(QSize, viewport);
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = compute(config);
    FigureView view;
    view.resize(viewport);
    view.setData(config, r);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.viewport()->size(), viewport);
    QVERIFY(view.isZoomToFit());
    QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
    QCOMPARE(view.verticalScrollBar()->maximum(), 0);
    const double zoom = view.zoom();
    QVERIFY2(zoom >= 0.8, qPrintable(QString::number(zoom)));
    // Numbers and labels at least 12 px on screen, every number printed,
    // and every panel with its colour bar.
    for (const FigurePanel& p : view.figure().panels()) {
        const QString name = attn::panelName(p.id);
        QVERIFY2(p.layout.valuesVisible, qPrintable(name));
        QVERIFY2(p.layout.valueFont.pixelSize() * zoom >= 12.0,
                 qPrintable(name + QStringLiteral(" %1 px").arg(p.layout.valueFont.pixelSize() * zoom)));
        QVERIFY2(p.layout.labelFont.pixelSize() * zoom >= 12.0, qPrintable(name));
        QVERIFY2(!p.layout.colorBarRect.isEmpty() && p.layout.ticks.size() >= 2, qPrintable(name));
        QVERIFY2(p.rect.contains(p.layout.colorBarRect), qPrintable(name));
        QVERIFY2(p.rect.contains(p.layout.gridRect), qPrintable(name));
    }
    QVERIFY(view.figure().size().width() * zoom <= viewport.width());
    QVERIFY(view.figure().size().height() * zoom <= viewport.height());
}

void TestFigure::weightsShowRowEntropy_data()
{
    QTest::addColumn<attn::AttentionConfig>("config");
    QTest::addColumn<bool>("allHeads");
    QTest::addRow("article") << testutil::articleConfig() << false;
    QTest::addRow("two heads, all") << multiHead() << true;
    QTest::addRow("causal, T 2.5") << causalTempered() << false;
}

void TestFigure::weightsShowRowEntropy()
{
    QFETCH(attn::AttentionConfig, config);
    QFETCH(bool, allHeads);
    const auto r = compute(config);
    FigureSettings s;
    s.allHeads = allHeads;
    const Figure figure(config, r, s);
    int checked = 0;
    for (const FigurePanel& p : figure.panels()) {
        if (p.id != PanelId::Weights) {
            QVERIFY(!p.spec.rowStrip);
            continue;
        }
        const int head = p.head;
        const attn::Matrix& w = r->layers[0].heads[static_cast<std::size_t>(head)].weights;
        const int n = static_cast<int>(w.cols());
        QVERIFY(p.spec.rowStrip);
        const HeatmapStrip& strip = *p.spec.rowStrip;
        QCOMPARE(static_cast<int>(strip.values.size()), n);
        QCOMPARE(strip.maximum, std::log(static_cast<double>(n)));
        QVERIFY(p.spec.formula.contains(QStringLiteral("ln %1 = %2").arg(n).arg(fmt(std::log(double(n))))));
        for (int i = 0; i < n; ++i) {
            // By hand: H_i = -sum_j w_ij ln w_ij, masked (zero) weights add nothing.
            double expected = 0.0;
            for (int j = 0; j < n; ++j) {
                if (w(i, j) > 0.0)
                    expected += -w(i, j) * std::log(w(i, j));
            }
            QVERIFY(std::abs(strip.values[static_cast<std::size_t>(i)] - expected) < 1e-12);
            const int visible = config.causal ? i + 1 : n;
            QVERIFY(expected <= std::log(static_cast<double>(visible)) + 1e-12);
            // The bar beside row i says the same and explains itself.
            QVERIFY(!p.layout.stripRect.isEmpty());
            QVERIFY(p.rect.contains(p.layout.stripRect));
            const QPointF point(p.layout.stripRect.center().x(), p.layout.cellRect(i, 0).center().y());
            const auto hit = figure.hitTest(point);
            QVERIFY(hit);
            QCOMPARE(hit->kind, FigureHit::Kind::Entropy);
            QCOMPARE(hit->row, i);
            QCOMPARE(*figure.selectionFor(*hit).query, std::optional<int>(i));
            const QString tip = figure.toolTipAt(point);
            QVERIFY2(tip.contains(QStringLiteral("= %1 nats").arg(fmt(expected))), qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("\u201c%1\u201d").arg(token(*r, i))), qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("ln %1 = %2").arg(visible).arg(fmt(std::log(double(visible))))),
                     qPrintable(tip));
        }
        // The first row of a causal head sees one key: all its weight there.
        if (config.causal)
            QCOMPARE(strip.values.front(), 0.0);
        ++checked;
    }
    QCOMPARE(checked, allHeads ? config.heads : 1);

    // Uniform attention has the maximum, one-hot attention none.
    attn::Matrix uniform = attn::Matrix::Constant(2, 4, 0.25);
    uniform.row(1) << 1.0, 0.0, 0.0, 0.0;
    const std::vector<double> h = rowEntropies(uniform);
    QVERIFY(std::abs(h[0] - std::log(4.0)) < 1e-12);
    QCOMPARE(h[1], 0.0);
}

void TestFigure::doubleClickEditsInputCells_data()
{
    QTest::addColumn<attn::PanelId>("panel");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addRow("E") << PanelId::Embeddings << 3 << 1;
    QTest::addRow("W_Q") << PanelId::WQuery << 0 << 2;
    QTest::addRow("W_K") << PanelId::WKey << 2 << 0;
    QTest::addRow("W_V") << PanelId::WValue << 1 << 1;
}

void TestFigure::doubleClickEditsInputCells()
{
    QFETCH(attn::PanelId, panel);
    QFETCH(int, row);
    QFETCH(int, column);
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = compute(config);
    FigureView view;
    view.resize(970, 600);
    view.setData(config, r);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &FigureView::cellEdited);
    // The open editor (closed ones linger until the event loop deletes them).
    auto editor = [&]() -> QLineEdit* {
        for (QLineEdit* e : view.viewport()->findChildren<QLineEdit*>(QStringLiteral("cellEditor"))) {
            if (e->isVisible())
                return e;
        }
        return nullptr;
    };
    auto open = [&] {
        const auto point = view.cellCenter(panel, row, column);
        QVERIFY(point);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, *point);
        QVERIFY(view.isEditing());
        QVERIFY(editor() && editor()->isVisible());
        QVERIFY(editor()->geometry().contains(*point));
    };

    // Enter commits the typed number, with the cell's coordinates.
    open();
    editor()->selectAll();
    QTest::keyClicks(editor(), QStringLiteral("-1.25"));
    QTest::keyClick(editor(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<attn::PanelId>(), panel);
    QCOMPARE(spy.at(0).at(1).toInt(), row);
    QCOMPARE(spy.at(0).at(2).toInt(), column);
    QCOMPARE(spy.at(0).at(3).toDouble(), -1.25);
    QVERIFY(!view.isEditing());
    // The view itself changes nothing.
    QCOMPARE(view.figure().panels()[static_cast<std::size_t>(view.figure().panelIndex(panel))].spec.matrix.get(),
             &panelMatrix(*r, panel, 0, 0));

    // The editor starts with the exact value, shown from its start and
    // whole; Enter unchanged gives it back.
    open();
    QCOMPARE(editor()->cursorPosition(), 0);
    QCOMPARE(editor()->selectedText(), editor()->text());
    QVERIFY(editor()->width() >= editor()->fontMetrics().horizontalAdvance(editor()->text()));
    QTest::keyClick(editor(), Qt::Key_Enter);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(3).toDouble(), panelMatrix(*r, panel, 0, 0)(row, column));

    // Esc cancels without a signal (and without clearing the selection).
    view.viewState()->setSelection(1, 2);
    open();
    QTest::keyClicks(editor(), QStringLiteral("7"));
    QTest::keyClick(editor(), Qt::Key_Escape);
    QCOMPARE(spy.count(), 2);
    QVERIFY(!view.isEditing());

    // Text that is no number gives no signal; the editor stays to be fixed.
    open();
    editor()->selectAll();
    QTest::keyClicks(editor(), QStringLiteral("abc"));
    QTest::keyClick(editor(), Qt::Key_Return);
    QCOMPARE(spy.count(), 2);
    QVERIFY(view.isEditing());
    // ... and says why, in words beside it.
    const auto hint = [&] { return view.viewport()->findChild<QLabel*>(QStringLiteral("cellEditorHint")); };
    QVERIFY(hint() && hint()->isVisible());
    QVERIFY2(hint()->text().contains(QStringLiteral("not a number")), qPrintable(hint()->text()));
    editor()->selectAll();
    QTest::keyClicks(editor(), QStringLiteral("1e400"));
    QVERIFY(!hint()->isVisible()); // typing clears the old reason
    QTest::keyClick(editor(), Qt::Key_Return);
    QCOMPARE(spy.count(), 2);
    QVERIFY(hint()->isVisible());
    QVERIFY2(hint()->text().contains(QStringLiteral("range")), qPrintable(hint()->text()));
    // The minus sign the cells print is accepted.
    editor()->selectAll();
    editor()->insert(QStringLiteral("\u22120.5")); // keyClicks types ASCII only
    QTest::keyClick(editor(), Qt::Key_Return);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(3).toDouble(), -0.5);
}

void TestFigure::doubleClickElsewhereEditsNothing()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = compute(config);
    FigureView view;
    view.resize(970, 600);
    view.setData(config, r);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &FigureView::cellEdited);
    for (PanelId id : {PanelId::Q, PanelId::K, PanelId::V, PanelId::Scores, PanelId::ScaledScores, PanelId::Weights,
                       PanelId::Output}) {
        const auto point = view.cellCenter(id, 1, 1);
        QVERIFY(point);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, *point);
        QVERIFY2(!view.isEditing(), qPrintable(attn::panelName(id)));
        QVERIFY(!view.editCell(id, 1, 1));
    }
    QCOMPARE(spy.count(), 0);
    // A new figure closes an open editor.
    QVERIFY(view.editCell(PanelId::WKey, 0, 0));
    view.setData(config, r);
    QVERIFY(!view.isEditing());
}

void TestFigure::panelsDoNotOverlapAndNothingIsClipped_data()
{
    QTest::addColumn<attn::AttentionConfig>("config");
    QTest::addColumn<bool>("allHeads");
    QTest::addColumn<QSizeF>("fitTo");
    attn::AttentionConfig positional = testutil::articleConfig();
    positional.positional = true;
    QTest::addRow("article") << testutil::articleConfig() << false << QSizeF(1280, 720);
    QTest::addRow("article portrait") << testutil::articleConfig() << false << QSizeF(600, 900);
    QTest::addRow("positional") << positional << false << QSizeF(1280, 720);
    QTest::addRow("two heads, all") << multiHead() << true << QSizeF(1280, 720);
    QTest::addRow("causal") << causalTempered() << false << QSizeF(1920, 1080);
}

void TestFigure::panelsDoNotOverlapAndNothingIsClipped()
{
    QFETCH(attn::AttentionConfig, config);
    QFETCH(bool, allHeads);
    QFETCH(QSizeF, fitTo);
    const auto r = compute(config);
    FigureSettings s;
    s.allHeads = allHeads;
    s.fitTo = fitTo;
    const Figure figure(config, r, s);
    const QRectF bounds(QPointF(0, 0), figure.size());
    QVERIFY(bounds.contains(figure.titleRect()));
    const auto& panels = figure.panels();
    for (std::size_t i = 0; i < panels.size(); ++i) {
        const FigurePanel& p = panels[i];
        QVERIFY2(bounds.contains(p.rect), qPrintable(attn::panelName(p.id)));
        QVERIFY(!p.rect.intersects(figure.titleRect()));
        QVERIFY(p.rect.contains(p.layout.gridRect));
        QVERIFY(p.rect.contains(p.layout.colorBarRect));
        QVERIFY(p.rect.contains(p.layout.titleRect));
        QVERIFY(p.rect.contains(p.layout.rowLabelRect));
        QVERIFY(p.rect.contains(p.layout.columnLabelRect));
        for (std::size_t j = i + 1; j < panels.size(); ++j)
            QVERIFY2(!p.rect.intersects(panels[j].rect), qPrintable(attn::panelName(p.id)));
    }
}

void TestFigure::sixtyFourTokensStayReadable()
{
    attn::AttentionConfig config;
    QStringList words;
    for (int i = 0; i < 64; ++i)
        words << QStringLiteral("w%1").arg(i);
    config.sentence = words.join(QLatin1Char(' ')).toStdString();
    config.dModel = 16;
    config.heads = 4;
    config.causal = true;
    config.init = attn::WeightInit::Normal;
    const auto r = compute(config);
    // The whole figure fits the screen, so a full-HD one is needed for this.
    FigureSettings settings;
    settings.fitTo = QSizeF(1920, 1080);
    const Figure figure(config, r, settings);
    const auto scores = findPanel(figure, PanelId::Scores);
    QVERIFY(scores);
    // Cells big enough to see and to point at, at least every fifth token named.
    QVERIFY2(scores->layout.cellSize >= 5.0, qPrintable(QString::number(scores->layout.cellSize)));
    QVERIFY2(scores->layout.rowLabelStride <= 5,
             qPrintable(
                 QStringLiteral("cell %1, stride %2").arg(scores->layout.cellSize).arg(scores->layout.rowLabelStride)));
    // One cell size for every token axis: token rows line up across panels.
    for (PanelId id : {PanelId::Embeddings, PanelId::Q, PanelId::K, PanelId::V, PanelId::Output})
        QCOMPARE(findPanel(figure, id)->layout.cellSize, scores->layout.cellSize);
    // A figure a screen can hold in two or three screens' worth, not twenty.
    QVERIFY(figure.size().width() * figure.size().height() < 4000.0 * 2500.0);
}

void TestFigure::allHeadsShowsEveryHeadsWeights()
{
    const attn::AttentionConfig config = multiHead();
    const auto r = compute(config);
    FigureSettings s;
    s.allHeads = true;
    const Figure figure(config, r, s);
    int weights = 0;
    for (const FigurePanel& p : figure.panels()) {
        if (p.id != PanelId::Weights)
            continue;
        QCOMPARE(p.spec.matrix.get(), &r->layers[0].heads[static_cast<std::size_t>(p.head)].weights);
        QCOMPARE(p.head, weights);
        ++weights;
    }
    QCOMPARE(weights, config.heads);
    QVERIFY(figure.panelIndex(PanelId::Output) >= 0);
    // Small multiples: side by side, one size.
    const auto first = findPanel(figure, PanelId::Weights, 0);
    const auto second = findPanel(figure, PanelId::Weights, 1);
    QCOMPARE(first->rect.size(), second->rect.size());
    QCOMPARE(first->rect.top(), second->rect.top());
}

void TestFigure::singlePanelFigure()
{
    const attn::AttentionConfig config = multiHead();
    const auto r = compute(config);
    FigureSettings s;
    s.panel = PanelId::Weights;
    s.head = 1;
    const Figure single(config, r, s);
    QCOMPARE(single.panels().size(), std::size_t(1));
    QCOMPARE(single.panels().front().id, PanelId::Weights);
    QCOMPARE(single.panels().front().spec.matrix.get(), &r->layers[0].heads[1].weights);
    // The settings line comes along: a slide of one panel says what it shows.
    QCOMPARE(single.title(), figureTitle(config, *r));
    QVERIFY(single.titleRect().bottom() <= single.panels().front().rect.top());
    const QRectF bounds(QPointF(0, 0), single.size());
    QVERIFY(bounds.contains(single.titleRect()));
    QVERIFY(bounds.contains(single.panels().front().rect));
    const Figure whole(config, r, FigureSettings{});
    QVERIFY(single.size().width() < whole.size().width());
    QVERIFY(single.size().height() < whole.size().height());
}

void TestFigure::figureShowsTheChosenLayer()
{
    const attn::AttentionConfig config = multiHead();
    const auto r = testutil::twoLayerResult(config);
    const attn::LayerResult& second = r->layers[1];
    QVERIFY(second.heads[1].weights != r->layers[0].heads[1].weights);
    QVERIFY(second.input != r->inputs);

    FigureSettings s;
    s.layer = 1;
    s.head = 1;
    const Figure figure(config, r, s);
    QCOMPARE(figure.settings().layer, 1);
    const auto matrixOf = [&](const Figure& f, PanelId id) {
        return f.panels()[static_cast<std::size_t>(f.panelIndex(id))].spec.matrix.get();
    };
    QCOMPARE(matrixOf(figure, PanelId::Weights), &second.heads[1].weights);
    QCOMPARE(matrixOf(figure, PanelId::Scores), &second.heads[1].scores);
    QCOMPARE(matrixOf(figure, PanelId::WQuery), &second.wQuery);
    QCOMPARE(matrixOf(figure, PanelId::Q), &second.q);
    QCOMPARE(matrixOf(figure, PanelId::Output), &second.output);
    QCOMPARE(matrixOf(figure, PanelId::Embeddings), &r->embeddings);
    // With several layers the panels of a layer say which.
    const auto titleOf = [&](const Figure& f, PanelId id) {
        return f.panels()[static_cast<std::size_t>(f.panelIndex(id))].spec.title;
    };
    QVERIFY2(titleOf(figure, PanelId::Weights).startsWith(QStringLiteral("weights \u00b7 layer 2 \u00b7 head 2")),
             qPrintable(titleOf(figure, PanelId::Weights)));
    QVERIFY(titleOf(figure, PanelId::Q).contains(QStringLiteral("layer 2")));
    QVERIFY(!titleOf(figure, PanelId::Embeddings).contains(QStringLiteral("layer")));

    // The hover text works out layer 1's numbers.
    const int i = 2;
    const int j = 4;
    const auto weight = figure.cellCenter(PanelId::Weights, i, j, 1);
    QVERIFY(weight);
    const QString tip = figure.toolTipAt(*weight);
    QCOMPARE(tip, cellToolTip(config, *r, PanelId::Weights, 1, 1, i, j));
    QVERIFY2(tip.section(QStringLiteral("<br>"), 0, 0).endsWith(QStringLiteral("layer 2")), qPrintable(tip));
    QVERIFY2(tip.endsWith(QStringLiteral(" = ") + fmt(second.heads[1].weights(i, j))), qPrintable(tip));
    QVERIFY(tip.contains(fmt(second.heads[1].scaledScores(i, j))));
    QVERIFY(tip != cellToolTip(config, *r, PanelId::Weights, 0, 1, i, j));
    const auto query = figure.cellCenter(PanelId::Q, i, 5);
    QVERIFY(query);
    const QString queryTip = figure.toolTipAt(*query);
    QVERIFY2(queryTip.endsWith(QStringLiteral(" = ") + fmt(second.q(i, 5))), qPrintable(queryTip));
    // q = the layer's input times its W_Q, term by term.
    QVERIFY2(queryTip.contains(factor(second.input(i, 0)) + kTimes + factor(second.wQuery(0, 5))),
             qPrintable(queryTip));
    QVERIFY(entropyToolTip(config, *r, 1, 1, i).contains(fmt(rowEntropies(second.heads[1].weights)[i])));

    // Layer 0 by default; out-of-range layers are clamped as heads are.
    const Figure first(config, r, FigureSettings{});
    QCOMPARE(first.settings().layer, 0);
    QCOMPARE(matrixOf(first, PanelId::Weights), &r->layers[0].heads[0].weights);
    QVERIFY(titleOf(first, PanelId::Weights).contains(QStringLiteral("layer 1")));
    s.layer = 7;
    QCOMPARE(Figure(config, r, s).settings().layer, 1);
    QCOMPARE(matrixOf(Figure(config, r, s), PanelId::V), &second.v);
    s.layer = -2;
    QCOMPARE(matrixOf(Figure(config, r, s), PanelId::V), &r->layers[0].v);

    // The article's one layer is never named.
    const Figure one(config, compute(config), FigureSettings{});
    for (const FigurePanel& p : one.panels())
        QVERIFY2(!p.spec.title.contains(QStringLiteral("layer")), qPrintable(p.spec.title));
}

void TestFigure::hitTestingAndClickSelection()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = compute(config);
    const Figure figure(config, r, FigureSettings{});
    const auto center = figure.cellCenter(PanelId::Scores, 1, 3);
    QVERIFY(center);
    const auto hit = figure.hitTest(*center);
    QVERIFY(hit);
    QCOMPARE(hit->kind, FigureHit::Kind::Cell);
    QCOMPARE(hit->row, 1);
    QCOMPARE(hit->column, 3);
    QCOMPARE(figure.toolTipAt(*center), cellToolTip(config, *r, PanelId::Scores, 0, 0, 1, 3));
    const FigureSelectionChange change = figure.selectionFor(*hit);
    QCOMPARE(change.query, std::optional<std::optional<int>>(1));
    QCOMPARE(change.key, std::optional<std::optional<int>>(3));

    // A K cell picks the key; a W cell picks nothing.
    const auto kHit = figure.hitTest(*figure.cellCenter(PanelId::K, 4, 0));
    QVERIFY(kHit);
    QVERIFY(!figure.selectionFor(*kHit).query);
    QCOMPARE(figure.selectionFor(*kHit).key, std::optional<std::optional<int>>(4));
    const auto wHit = figure.hitTest(*figure.cellCenter(PanelId::WQuery, 0, 0));
    QVERIFY(wHit);
    QVERIFY(!figure.selectionFor(*wHit).query && !figure.selectionFor(*wHit).key);

    // A row label of Q selects the query; its tooltip names the token.
    const FigurePanel q = *findPanel(figure, PanelId::Q);
    const QPointF label(q.layout.rowLabelRect.center().x(), q.layout.cellRect(2, 0).center().y());
    const auto labelHit = figure.hitTest(label);
    QVERIFY(labelHit);
    QCOMPARE(labelHit->kind, FigureHit::Kind::RowLabel);
    QCOMPARE(labelHit->row, 2);
    QVERIFY(figure.toolTipAt(label).contains(QStringLiteral("\u201cthe\u201d")));
}

void TestFigure::viewToolTipsClicksAndEscape()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = compute(config);
    FigureView view;
    view.resize(1280, 720);
    view.setData(config, r);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const auto point = view.cellCenter(PanelId::Weights, 2, 4);
    QVERIFY(point);
    QCOMPARE(view.toolTipAt(*point), cellToolTip(config, *r, PanelId::Weights, 0, 0, 2, 4));

    QSignalSpy spy(view.viewState(), &ViewState::selectionChanged);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, *point);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.viewState()->query(), std::optional<int>(2));
    QCOMPARE(view.viewState()->key(), std::optional<int>(4));
    QCOMPARE(
        view.figure().panels()[static_cast<std::size_t>(view.figure().panelIndex(PanelId::Q))].spec.highlightedRows,
        setOf({2}));

    // Clicking a K cell moves only the key.
    const auto kPoint = view.cellCenter(PanelId::K, 1, 0);
    QVERIFY(kPoint);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::NoModifier, *kPoint);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(view.viewState()->query(), std::optional<int>(2));
    QCOMPARE(view.viewState()->key(), std::optional<int>(1));

    QTest::keyClick(&view, Qt::Key_Escape);
    QCOMPARE(spy.count(), 3);
    QVERIFY(!view.viewState()->query());
    QVERIFY(!view.viewState()->key());

    // The view state is the one owner: a selection set there reaches the
    // figure's highlights as a click's does.
    view.viewState()->setSelection(0, 0);
    QCOMPARE(spy.count(), 4);
    QCOMPARE(
        view.figure().panels()[static_cast<std::size_t>(view.figure().panelIndex(PanelId::Q))].spec.highlightedRows,
        setOf({0}));

    // The widget paints the same figure: the weights cell has its colour.
    const QImage shot = view.viewport()->grab().toImage();
    const auto panel = findPanel(view.figure(), PanelId::Weights);
    const QRgb expected = heatmapscale::cellColor(panel->spec, *panel->spec.range, r->layers[0].heads[0].weights(2, 4));
    const QPoint corner = *point - QPoint(static_cast<int>(panel->layout.cellSize * view.zoom() / 2) - 3,
                                          static_cast<int>(panel->layout.cellSize * view.zoom() / 2) - 3);
    const double dpr = shot.devicePixelRatio();
    const QColor seen = shot.pixelColor(QPoint(qRound(corner.x() * dpr), qRound(corner.y() * dpr)));
    QVERIFY2(std::abs(seen.red() - qRed(expected)) <= 8 && std::abs(seen.green() - qGreen(expected)) <= 8 &&
                 std::abs(seen.blue() - qBlue(expected)) <= 8,
             qPrintable(seen.name() + QStringLiteral(" vs ") + QColor(expected).name()));
}

void TestFigure::viewZoom()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto r = compute(config);
    FigureView view;
    view.resize(900, 600);
    view.setData(config, r);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const double fit = view.zoom();
    QVERIFY(fit * view.figure().size().width() <= view.viewport()->width());
    QVERIFY(fit * view.figure().size().height() <= view.viewport()->height());

    QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(view.zoom() > fit);
    QVERIFY(!view.isZoomToFit());
    QVERIFY(view.horizontalScrollBar()->maximum() > 0 || view.verticalScrollBar()->maximum() > 0);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view.zoom() < fit);
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(view.isZoomToFit());
    QCOMPARE(view.zoom(), fit);

    // The hover text stays right at any zoom.
    view.setZoom(2.0);
    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum());
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    const auto point = view.cellCenter(PanelId::Output, 4, 2);
    QVERIFY(point);
    QCOMPARE(view.toolTipAt(*point), cellToolTip(config, *r, PanelId::Output, 0, 0, 4, 2));
}

void TestFigure::largeFigureBuildsAndPaints()
{
    // How fast is for bench/ (BM_RecomputeAndRender); here, what a large
    // figure does: it builds, paints, scrolls, and a new selection moves the
    // highlights without laying the figure out again.
    attn::AttentionConfig config;
    QStringList words;
    for (int i = 0; i < 1024; ++i)
        words << QStringLiteral("t%1").arg(i);
    config.sentence = words.join(QLatin1Char(' ')).toStdString();
    config.dModel = 8;
    config.heads = 2;
    config.causal = true;
    const auto r = compute(config);

    FigureView view;
    view.resize(1280, 720);
    view.setData(config, r);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.figure().isEmpty());
    QVERIFY(view.figure().result() == r);
    QVERIFY(!view.viewport()->grab().isNull());
    for (int i = 0; i < 5; ++i) {
        view.verticalScrollBar()->setValue(i * 7);
        QVERIFY(!view.viewport()->grab().isNull());
    }

    const QSizeF size = view.figure().size();
    std::vector<QRectF> rects;
    for (const FigurePanel& panel : view.figure().panels())
        rects.push_back(panel.rect);
    view.viewState()->setSelection(100, 40); // highlights only: no new layout
    QVERIFY(!view.viewport()->grab().isNull());
    QCOMPARE(view.viewState()->query(), std::optional<int>(100));
    QCOMPARE(view.viewState()->key(), std::optional<int>(40));
    const auto weights = findPanel(view.figure(), PanelId::Weights);
    QVERIFY(weights);
    QCOMPARE(weights->spec.highlightedRows, setOf({100}));
    QCOMPARE(weights->spec.highlightedColumns, setOf({40}));
    QCOMPARE(view.figure().size(), size);
    QCOMPARE(view.figure().panels().size(), rects.size());
    for (std::size_t i = 0; i < rects.size(); ++i)
        QCOMPARE(view.figure().panels()[i].rect, rects[i]);
}

void TestFigure::viewShowsWholeFigure_data()
{
    QTest::addColumn<attn::AttentionConfig>("config");
    QTest::addColumn<bool>("allHeads");
    QTest::addColumn<QSize>("window");
    attn::AttentionConfig big;
    QStringList words;
    for (int i = 0; i < 64; ++i)
        words << QStringLiteral("w%1").arg(i);
    big.sentence = words.join(QLatin1Char(' ')).toStdString();
    big.dModel = 16;
    big.heads = 4;
    big.causal = true;
    big.init = attn::WeightInit::Normal;
    QTest::addRow("article") << testutil::articleConfig() << false << QSize(1280, 720);
    QTest::addRow("article-allheads") << multiHead() << true << QSize(1280, 720);
    QTest::addRow("tokens64") << big << false << QSize(1280, 720);
    QTest::addRow("tokens64-allheads") << big << true << QSize(1920, 1080);
}

// The widget paints every panel of the figure; with AV_SCREENSHOT_DIR set the
// shots are saved there to be looked at.
void TestFigure::viewShowsWholeFigure()
{
    QFETCH(attn::AttentionConfig, config);
    QFETCH(bool, allHeads);
    QFETCH(QSize, window);
    const auto r = compute(config);
    FigureView view;
    view.resize(window);
    view.viewState()->setAllHeads(allHeads);
    view.setData(config, r);
    view.viewState()->setSelection(2, 1);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage shot = view.viewport()->grab().toImage();
    QVERIFY(!shot.isNull());
    const QByteArray dir = qgetenv("AV_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        shot.save(QString::fromLocal8Bit(dir) +
                  QStringLiteral("/view-%1.png").arg(QString::fromLatin1(QTest::currentDataTag())));
    // Each visible panel's grid is painted (the figure's background is white).
    int checked = 0;
    for (const FigurePanel& p : view.figure().panels()) {
        const QPointF c = p.layout.gridRect.center() * view.zoom() +
                          QPointF(-view.horizontalScrollBar()->value(), -view.verticalScrollBar()->value());
        if (!view.viewport()->rect().contains(c.toPoint()) || view.horizontalScrollBar()->maximum() > 0 ||
            view.verticalScrollBar()->maximum() > 0)
            continue; // centring offsets only apply when nothing scrolls
        const auto cell = p.layout.cellAt(p.layout.gridRect.center());
        QVERIFY(cell);
        const auto point = view.cellCenter(p.id, cell->first, cell->second);
        if (!point || view.panelIndexAt(*point) != &p - view.figure().panels().data())
            continue;
        // Near the cell's corner, clear of its printed number.
        const double dpr = shot.devicePixelRatio();
        const double inset = std::max(1.0, p.layout.cellSize * view.zoom() / 2 - 3);
        const QPointF probe = *point - QPointF(inset, inset);
        QVERIFY2(shot.pixelColor(QPoint(qRound(probe.x() * dpr), qRound(probe.y() * dpr))) != QColor(Qt::white),
                 qPrintable(attn::panelName(p.id)));
        ++checked;
    }
    if (view.horizontalScrollBar()->maximum() == 0 && view.verticalScrollBar()->maximum() == 0)
        QVERIFY(checked >= 5);
}

void TestFigure::drawnWordsAreMarkedWhenOthersAreGiven()
{
    attn::AttentionConfig config;
    config.sentence = "the cat sat on the mat";
    config.explicitEmbeddings.clear();
    const auto eLabels = [&] {
        const auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
        const Figure figure(config, result, FigureSettings{});
        const FigurePanel& e = figure.panels()[std::size_t(figure.panelIndex(PanelId::Embeddings))];
        return std::pair{e.spec.rowLabels, e.spec.formula};
    };
    // Nothing given: nothing marked.
    QCOMPARE(eLabels().first, (QStringList{"the", "cat", "sat", "on", "the", "mat"}));
    // "the" and "mat" given (as by an import): the others are marked, both "the" rows are not.
    config.explicitEmbeddings["the"] = {1.0, 2.0, 3.0};
    config.explicitEmbeddings["mat"] = {0.5, 0.5, 0.5};
    const auto [labels, formula] = eLabels();
    QCOMPARE(labels, (QStringList{"the", "cat *", "sat *", "on *", "the", "mat"}));
    QVERIFY2(formula.contains("drawn from seed 0"), qPrintable(formula));
    // Everything given (the article preset): nothing marked.
    QString error;
    config = *loadPreset("article", &error);
    QVERIFY(!eLabels().first.join(' ').contains('*'));
}

void TestFigure::megabyteTokenIsCutBeforeLayout()
{
    // Laying out a label costs time and memory in its whole length (10 MB
    // took half a minute and 800 MB): what is laid out must be bounded.
    attn::AttentionConfig config;
    // The longest token a sentence can hold (the engine refuses more than 1 MiB).
    config.sentence = std::string(attn::Limits::maxSentenceBytes - 6, 'x') + " small";
    const auto r = compute(config);
    const Figure figure(config, r, FigureSettings{});
    QVERIFY(!figure.isEmpty());
    const QString start(60, QLatin1Char('x'));
    for (const FigurePanel& p : figure.panels()) {
        for (const QStringList* labels : {&p.spec.rowLabels, &p.spec.columnLabels}) {
            if (labels->isEmpty())
                continue;
            const QString label = heatmaplayout::labelText(*labels, 0);
            QVERIFY2(label.size() <= formulatext::kMaxLabelLength + 1, qPrintable(QString::number(label.size())));
            QVERIFY(label.startsWith(start));
            QCOMPARE(heatmaplayout::labelText(*labels, 1), QStringLiteral("small"));
        }
    }
    // The title and the hover texts quote a bounded start of it too.
    QVERIFY2(figure.title().size() < 400, qPrintable(QString::number(figure.title().size())));
    QVERIFY(figure.title().contains(start));
    for (const auto& [id, row, column] : {std::tuple{PanelId::Embeddings, 0, 1}, std::tuple{PanelId::Scores, 0, 1},
                                          std::tuple{PanelId::Weights, 1, 0}, std::tuple{PanelId::Output, 0, 0}}) {
        const auto centre = figure.cellCenter(id, row, column);
        QVERIFY(centre);
        const QString tip = figure.toolTipAt(*centre);
        QVERIFY2(tip.size() < 2000, qPrintable(QStringLiteral("%1: %2").arg(attn::panelName(id)).arg(tip.size())));
        QVERIFY(tip.contains(start));
    }
    // And it is drawn: the token's row label shows.
    QImage image(figure.size().toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    figure.paint(&painter);
    painter.end();
    const FigurePanel& e = figure.panels()[static_cast<std::size_t>(figure.panelIndex(PanelId::Embeddings))];
    const QRectF cell = e.layout.cellRect(0, 0);
    const QRect band =
        QRectF(e.layout.rowLabelRect.left(), cell.top(), e.layout.rowLabelRect.width(), cell.height()).toAlignedRect();
    int dark = 0;
    for (int y = band.top(); y <= band.bottom(); ++y)
        for (int x = band.left(); x <= band.right(); ++x)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    QVERIFY(dark > 10);
}

void TestFigure::longSentenceIsCutBetweenCharacters()
{
    attn::AttentionConfig config;
    config.sentence = std::string(70, 'x') + "🙂🙂 e\u0301";
    const QString title = figureTitle(config, attn::computeAttention(config));
    QVERIFY2(title.contains(QString(70, QLatin1Char('x')) + formulatext::kEllipsis), qPrintable(title));
    // Half an emoji would be drawn as a box, or not at all.
    for (qsizetype i = 0; i < title.size(); ++i) {
        if (title[i].isHighSurrogate())
            QVERIFY2(i + 1 < title.size() && title[++i].isLowSurrogate(), qPrintable(QString::number(i)));
        else
            QVERIFY2(!title[i].isLowSurrogate(), qPrintable(QString::number(i)));
    }
}

void TestFigure::saveFilterSuffix()
{
    // A panel saved as "weights" with the SVG filter chosen is weights.svg.
    QCOMPARE(FileDialogs::filterSuffix(QStringLiteral("SVG drawing (*.svg)")), QStringLiteral("svg"));
    QCOMPARE(FileDialogs::filterSuffix(QStringLiteral("PDF document (*.PDF *.pdf)")), QStringLiteral("pdf"));
    QCOMPARE(FileDialogs::filterSuffix(QStringLiteral("All files (*)")), QString());
    QCOMPARE(FileDialogs::filterSuffix(QString()), QString());
}

void TestFigure::exportDialogNamesPanelsByTitle()
{
    // The list a user picks from reads "W_Q — query weights", not "w_query";
    // the chosen panel is still the catalogue's name.
    ExportFigureDialog dialog;
    auto* content = dialog.findChild<QComboBox*>(QStringLiteral("figureContent"));
    QVERIFY(content);
    QStringList texts;
    for (int i = 0; i < content->count(); ++i)
        texts << content->itemText(i);
    QVERIFY2(texts.contains(QStringLiteral("W_Q — query weights")), qPrintable(texts.join(", ")));
    QVERIFY2(texts.contains(QStringLiteral("scaled scores — scores ÷ √d_k")), qPrintable(texts.join(", ")));
    for (const QString& name : attn::allPanelNames())
        QVERIFY2(!texts.contains(name), qPrintable(name));
    content->setCurrentIndex(content->findText(QStringLiteral("W_Q — query weights")));
    QCOMPARE(dialog.panel(), QStringLiteral("w_query"));
}

QTEST_MAIN(TestFigure)
#include "tst_figure.moc"
