// The figure at every size: zoom to fit shows the whole figure from 5 to
// 1024 tokens with legible text, the panels keep the computation's order,
// the weights' colour scale, grayscale signed panels, the PE panel, the
// hover outline and presentation mode.

#include "app/commandline.h"
#include "core/attention.h"
#include "core/panels.h"
#include "ui/document/session.h"
#include "ui/render/explanation.h"
#include "ui/render/figure.h"
#include "ui/render/figureexport.h"
#include "ui/render/heatmapscale.h"
#include "ui/widgets/figureview.h"

#include "ui/document/modelloader.h"

#include "testutil.h"

#include <QMouseEvent>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

using attn::PanelId;

Q_DECLARE_METATYPE(attn::AttentionConfig)

namespace {

constexpr double kLegiblePx = 12.0;

std::shared_ptr<const attn::AttentionResult> compute(const attn::AttentionConfig& config)
{
    return std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
}

attn::AttentionConfig tokens(int n)
{
    static const QStringList words{"the", "cat", "sat", "on", "a", "mat", "while", "dog", "ran", "to", "park"};
    QStringList sentence;
    for (int i = 0; i < n; ++i)
        sentence << words[(i * 7 + i / 11) % words.size()];
    attn::AttentionConfig config;
    config.sentence = sentence.join(QLatin1Char(' ')).toStdString();
    return config;
}

const FigurePanel* panelOf(const Figure& figure, PanelId id)
{
    const int index = figure.panelIndex(id);
    return index < 0 ? nullptr : &figure.panels()[static_cast<std::size_t>(index)];
}

// Panels in catalogue order, each to the right of the one before on its row
// or on a row below it.
void verifyReadingOrder(const Figure& figure)
{
    const auto& panels = figure.panels();
    for (std::size_t i = 1; i < panels.size(); ++i) {
        QVERIFY(static_cast<int>(panels[i].id) >= static_cast<int>(panels[i - 1].id));
        const QRectF a = panels[i - 1].layout.gridRect;
        const QRectF b = panels[i].layout.gridRect;
        const bool sameRow = a.top() == b.top();
        const QString what =
            QStringLiteral("%1 then %2").arg(attn::panelName(panels[i - 1].id), attn::panelName(panels[i].id));
        if (sameRow)
            QVERIFY2(panels[i].rect.left() >= panels[i - 1].rect.right(), qPrintable(what));
        else
            QVERIFY2(panels[i].rect.top() >= panels[i - 1].rect.bottom() - 1e-6 ||
                         panels[i].layout.gridRect.top() > a.bottom(),
                     qPrintable(what + QStringLiteral(": not on a row below")));
    }
}

QColor pixelAt(const QImage& image, QPointF p)
{
    return image.pixelColor(QPoint(qRound(p.x() * image.devicePixelRatio()), qRound(p.y() * image.devicePixelRatio())));
}

} // namespace

class TestFigureFit : public QObject
{
    Q_OBJECT

private slots:
    void panelsFollowTheComputation_data();
    void panelsFollowTheComputation();
    void wholeFigureFits_data();
    void wholeFigureFits();
    void numbersGoWhenCellsAreSmall();
    void weightsScaleModes();
    void grayscaleSignedPanelsAreGrey();
    void positionalEncodingHasItsPanel();
    void sessionKeepsTheWeightsScale();
    void commandLineTakesTheWeightsScale();
    void hoveredCellIsOutlined();
    void articleKeepsItsNumbersInTheDefaultWindow();
    void dimensionsNeverCrowdOutTheTokens();
    void wideModelKeepsItsTokenRows();
    void checkpointHoverAddsTheBias();
    void presentationEnlargesTheText();
};

void TestFigureFit::panelsFollowTheComputation_data()
{
    QTest::addColumn<attn::AttentionConfig>("config");
    QTest::addColumn<QSizeF>("fit");
    attn::AttentionConfig six = tokens(5);
    six.dModel = 6;
    six.heads = 2;
    attn::AttentionConfig positional = testutil::articleConfig();
    positional.positional = true;
    for (const QSizeF fit : {QSizeF(1280, 720), QSizeF(1040, 660), QSizeF(1900, 970)}) {
        const QString size = QStringLiteral("%1x%2").arg(fit.width()).arg(fit.height());
        QTest::addRow("article %s", qPrintable(size)) << testutil::articleConfig() << fit;
        QTest::addRow("d_model 6 %s", qPrintable(size)) << six << fit;
        QTest::addRow("positional %s", qPrintable(size)) << positional << fit;
    }
}

void TestFigureFit::panelsFollowTheComputation()
{
    QFETCH(attn::AttentionConfig, config);
    QFETCH(QSizeF, fit);
    FigureSettings s;
    s.fitTo = fit;
    const Figure figure(config, compute(config), s);
    verifyReadingOrder(figure);
    // The output comes after the weights, never beside V.
    QVERIFY(figure.panelIndex(PanelId::Output) > figure.panelIndex(PanelId::Weights));
    // The three W share a row (Q, K and V may break across rows, in order).
    const double top = panelOf(figure, PanelId::WQuery)->layout.gridRect.top();
    for (PanelId id : {PanelId::WKey, PanelId::WValue})
        QVERIFY2(panelOf(figure, id)->layout.gridRect.top() == top, qPrintable(attn::panelName(id)));
}

void TestFigureFit::articleKeepsItsNumbersInTheDefaultWindow()
{
    // The figure's area of a 1280 x 720 window with the settings shown: the
    // article's example is read by its numbers, so every cell prints one.
    FigureSettings s;
    s.fitTo = QSizeF(935, 610);
    const attn::AttentionConfig config = testutil::articleConfig();
    const Figure figure(config, compute(config), s);
    for (const FigurePanel& panel : figure.panels())
        QVERIFY2(panel.layout.valuesVisible, qPrintable(attn::panelName(panel.id)));
}

// A random GPT-2 checkpoint of `embd` dimensions made in `dir`, and its
// result on `sentence` (nine tokens by default).
static std::shared_ptr<const attn::AttentionResult>
tinyCheckpoint(const QTemporaryDir& dir, attn::AttentionConfig* config, const QString& embd = QStringLiteral("32"),
               const QString& heads = QStringLiteral("4"),
               const std::string& sentence = "The quick brown fox jumps over the lazy dog")
{
    if (!testutil::writeGpt2Checkpoint(dir.path(),
                                       {"--positions", "64", "--layers", embd == QStringLiteral("32") ? "4" : "1",
                                        "--heads", heads, "--embd", embd, "--ids", "1"}))
        return nullptr;
    *config = withModel(attn::AttentionConfig(), dir.path().toStdString());
    config->sentence = sentence;
    return std::make_shared<const attn::AttentionResult>(computeModelResult(*config));
}

void TestFigureFit::checkpointHoverAddsTheBias()
{
    // GPT-2's projections add c_attn's bias: the hover of a Q, K or V cell
    // writes it as the sum's last term, and says where W comes from.
    QTemporaryDir dir;
    attn::AttentionConfig config;
    const auto result = tinyCheckpoint(dir, &config);
    QVERIFY(result);
    const attn::LayerResult& layer = result->layers[0];
    QVERIFY(layer.bQuery.size() == 32);
    const QString q = cellToolTip(config, *result, PanelId::Q, 0, 0, 2, 5);
    QVERIFY2(q.contains(QStringLiteral(" + b")), qPrintable(q));
    const QString w = cellToolTip(config, *result, PanelId::WKey, 0, 0, 2, 5);
    QVERIFY2(w.contains(QStringLiteral("checkpoint")), qPrintable(w));
    const attn::AttentionConfig article = testutil::articleConfig();
    const QString plain = cellToolTip(article, *compute(article), PanelId::Q, 0, 0, 2, 1);
    QVERIFY2(!plain.contains(QStringLiteral(" + b")), qPrintable(plain));
}

void TestFigureFit::dimensionsNeverCrowdOutTheTokens()
{
    // A random GPT-2 of 32 dimensions on a 1366 x 768 screen: when the
    // figure must shrink to fit, the W matrices shrink too, and a token's row
    // stays at least as tall as a model dimension's.
    QTemporaryDir dir;
    attn::AttentionConfig config;
    const auto result = tinyCheckpoint(dir, &config);
    QVERIFY(result);
    FigureSettings s;
    s.fitTo = QSizeF(1030, 660);
    const Figure figure(config, result, s);
    const double tokenRow = panelOf(figure, PanelId::Embeddings)->layout.cellSize;
    const double dimensionRow = panelOf(figure, PanelId::WQuery)->layout.cellSize;
    QVERIFY2(tokenRow >= dimensionRow, qPrintable(QStringLiteral("%1 < %2").arg(tokenRow).arg(dimensionRow)));
    QVERIFY(tokenRow * 9 >= 40); // nine rows one can point at
    const double zoom = std::min(s.fitTo.width() / figure.size().width(), s.fitTo.height() / figure.size().height());
    QVERIFY(zoom * figure.smallestTextPx() >= kLegiblePx - 1e-6);
}

void TestFigureFit::wideModelKeepsItsTokenRows()
{
    // GPT-2's width, 768 dimensions, on 27 tokens: the wide Q, K, V and
    // embeddings narrow their columns with the token rows, so the rows stay
    // visible (they once shrank alone, to a pixel each, and the figure never fit).
    QTemporaryDir dir;
    attn::AttentionConfig config;
    const auto result = tinyCheckpoint(dir, &config, QStringLiteral("768"), QStringLiteral("12"),
                                       "The cat sat on the mat because it was tired, and the dog that chased it "
                                       "all morning lay down beside the door to rest.");
    QVERIFY(result);
    QCOMPARE(result->tokens.size(), std::size_t(27));
    for (const QSizeF fit : {QSizeF(935, 610), QSizeF(1030, 660), QSizeF(1590, 930)}) {
        FigureSettings s;
        s.fitTo = fit;
        const Figure figure(config, result, s);
        const double zoom = std::min(fit.width() / figure.size().width(), fit.height() / figure.size().height());
        for (const PanelId id : {PanelId::Embeddings, PanelId::Q, PanelId::Weights}) {
            const double row = panelOf(figure, id)->layout.cellSize * zoom; // on screen
            QVERIFY2(row >= 2.0, qPrintable(QStringLiteral("%1 in %2 x %3: rows of %4 px")
                                                .arg(attn::panelName(id))
                                                .arg(fit.width())
                                                .arg(fit.height())
                                                .arg(row)));
        }
        QVERIFY(zoom * figure.smallestTextPx() >= kLegiblePx - 1e-6);
    }
}

void TestFigureFit::wholeFigureFits_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<QSize>("viewport");
    // The figure's area in a 1366 x 768 and a 1920 x 1080 window, settings
    // panel shown and hidden (menu, sentence row and status bar taken off).
    const QList<std::pair<const char*, QSize>> viewports{{"1366 settings", QSize(1040, 660)},
                                                         {"1366", QSize(1346, 660)},
                                                         {"1920 settings", QSize(1590, 970)},
                                                         {"1920", QSize(1900, 970)}};
    for (int n : {5, 30, 200, 1024}) {
        for (const auto& [name, size] : viewports)
            QTest::addRow("%d tokens, %s", n, name) << n << size;
    }
}

void TestFigureFit::wholeFigureFits()
{
    QFETCH(int, n);
    QFETCH(QSize, viewport);
    const attn::AttentionConfig config = tokens(n);
    const auto r = compute(config);
    QCOMPARE(static_cast<int>(r->tokens.size()), n);
    FigureView view;
    view.resize(viewport);
    view.setData(config, r);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.viewport()->size(), viewport);
    QVERIFY(view.isZoomToFit());
    QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
    QCOMPARE(view.verticalScrollBar()->maximum(), 0);
    const Figure& figure = view.figure();
    const double zoom = view.zoom();
    // Every panel on screen.
    const QRectF screen(QPointF(0, 0), QSizeF(viewport));
    for (const FigurePanel& p : figure.panels()) {
        const auto tl = view.cellCenter(p.id, 0, 0);
        QVERIFY2(tl, qPrintable(attn::panelName(p.id)));
        const QPointF origin = QPointF(*tl) - p.layout.cellRect(0, 0).center() * zoom;
        const QRectF shown(origin + p.rect.topLeft() * zoom, p.rect.size() * zoom);
        QVERIFY2(screen.adjusted(-1, -1, 1, 1).contains(shown), qPrintable(QStringLiteral("%1 at %2,%3 %4x%5")
                                                                               .arg(attn::panelName(p.id))
                                                                               .arg(shown.left())
                                                                               .arg(shown.top())
                                                                               .arg(shown.width())
                                                                               .arg(shown.height())));
    }
    QVERIFY(figure.size().width() * zoom <= viewport.width());
    QVERIFY(figure.size().height() * zoom <= viewport.height());
    // No text below the legibility floor on screen.
    QVERIFY2(figure.smallestTextPx() * zoom >= kLegiblePx - 1e-9,
             qPrintable(QStringLiteral("%1 px at zoom %2").arg(figure.smallestTextPx()).arg(zoom)));
    for (const FigurePanel& p : figure.panels()) {
        QVERIFY(p.layout.labelFont.pixelSize() * zoom >= kLegiblePx - 1e-9);
        if (p.layout.valuesVisible)
            QVERIFY(p.layout.valueFont.pixelSize() * zoom >= kLegiblePx - 1e-9);
        // Shown labels never overlap: thinned until a label's line fits.
        const double line = QFontMetricsF(p.layout.labelFont).height();
        QVERIFY2(p.layout.rowLabelStride * p.layout.cellSize >= line - 1e-6 || p.layout.rows <= 1,
                 qPrintable(QStringLiteral("%1: stride %2, cell %3")
                                .arg(attn::panelName(p.id))
                                .arg(p.layout.rowLabelStride)
                                .arg(p.layout.cellSize)));
    }
    const FigurePanel* weights = panelOf(figure, PanelId::Weights);
    if (n >= 30) {
        QVERIFY(weights->layout.rowLabelStride > 1); // thinned
        QVERIFY(!weights->layout.valuesVisible);
    }
    if (n >= 200) {
        // The weights get the most room.
        for (const FigurePanel& p : figure.panels()) {
            if (p.id != PanelId::Weights)
                QVERIFY2(p.layout.gridRect.width() * p.layout.gridRect.height() <
                             weights->layout.gridRect.width() * weights->layout.gridRect.height(),
                         qPrintable(attn::panelName(p.id)));
        }
    }
    // Hover and click still reach a weight cell: the one under the point,
    // which at a fraction of a pixel per token is one of its neighbours.
    const auto cell = view.cellCenter(PanelId::Weights, n / 2, n / 3);
    QVERIFY(cell);
    QVERIFY(!view.toolTipAt(*cell).isEmpty());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, *cell);
    QVERIFY(view.viewState()->query());
    const double perPixel = 1.0 / (weights->layout.cellSize * zoom);
    QVERIFY2(std::abs(*view.viewState()->query() - n / 2) <= perPixel + 1,
             qPrintable(QString::number(*view.viewState()->query())));
}

void TestFigureFit::numbersGoWhenCellsAreSmall()
{
    // Five tokens on a large screen: every number printed, legibly.
    {
        const attn::AttentionConfig config = testutil::articleConfig();
        FigureView view;
        view.resize(1590, 970);
        view.setData(config, compute(config));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (const FigurePanel& p : view.figure().panels()) {
            QVERIFY2(p.layout.valuesVisible, qPrintable(attn::panelName(p.id)));
            QVERIFY(p.layout.valueFont.pixelSize() * view.zoom() >= kLegiblePx);
        }
    }
    // Thirty tokens on a laptop: the cells are too small for numbers.
    const attn::AttentionConfig config = tokens(30);
    FigureView view;
    view.resize(1040, 660);
    view.setData(config, compute(config));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (const FigurePanel& p : view.figure().panels()) {
        if (attn::isTokenAxis(attn::panelInfo(p.id).rows))
            QVERIFY2(!p.layout.valuesVisible, qPrintable(attn::panelName(p.id)));
    }
}

void TestFigureFit::weightsScaleModes()
{
    attn::AttentionConfig config = tokens(8);
    config.init = attn::WeightInit::Normal;
    const auto r = compute(config);
    const attn::Matrix& w = r->layers[0].heads[0].weights;
    FigureSettings s;
    s.panel = PanelId::Weights;

    s.weightsScale = WeightsScale::Fixed;
    const Figure fixed(config, r, s);
    QCOMPARE(fixed.panels()[0].layout.range.low, 0.0);
    QCOMPARE(fixed.panels()[0].layout.range.high, 1.0);

    s.weightsScale = WeightsScale::Matrix;
    const Figure matrix(config, r, s);
    QCOMPARE(matrix.panels()[0].layout.range.low, w.minCoeff());
    QCOMPARE(matrix.panels()[0].layout.range.high, w.maxCoeff());
    QCOMPARE(matrix.panels()[0].layout.tickLabels.size(), matrix.panels()[0].layout.ticks.size());

    s.weightsScale = WeightsScale::Row;
    const Figure perRow(config, r, s);
    const FigurePanel& p = perRow.panels()[0];
    QVERIFY2(p.layout.tickLabels.contains(QStringLiteral("row min")), qPrintable(p.layout.tickLabels.join(", ")));
    QVERIFY(p.layout.tickLabels.contains(QStringLiteral("row max")));
    // In every row, its smallest and largest weight are the map's two ends.
    const QImage image = renderFigureImage(perRow, 1.0);
    const ColorMap map = p.spec.colorMap;
    for (int row = 0; row < static_cast<int>(w.rows()); ++row) {
        Eigen::Index lo = 0, hi = 0;
        w.row(row).minCoeff(&lo);
        w.row(row).maxCoeff(&hi);
        if (w(row, lo) == w(row, hi))
            continue;
        const QPointF corner(3, 3); // clear of the number in the cell
        QCOMPARE(pixelAt(image, p.layout.cellRect(row, static_cast<int>(lo)).topLeft() + corner), map.color(0.0));
        QCOMPARE(pixelAt(image, p.layout.cellRect(row, static_cast<int>(hi)).topLeft() + corner), map.color(1.0));
    }
    // The fixed scale gives the same row's largest weight another colour
    // (no weight of eight tokens' softmax reaches 1).
    const QImage fixedImage = renderFigureImage(fixed, 1.0);
    Eigen::Index hi = 0;
    w.row(0).maxCoeff(&hi);
    QVERIFY(pixelAt(fixedImage, fixed.panels()[0].layout.cellRect(0, static_cast<int>(hi)).topLeft() + QPointF(3, 3)) !=
            map.color(1.0));
    // Exports follow the option.
    FigureOptions options;
    options.weightsScale = WeightsScale::Row;
    FigureSettings exported;
    QString error;
    QVERIFY(figureSettingsFromOptions(config, options, &exported, &error));
    QCOMPARE(exported.weightsScale, WeightsScale::Row);
}

void TestFigureFit::grayscaleSignedPanelsAreGrey()
{
    attn::AttentionConfig config = tokens(6);
    config.init = attn::WeightInit::Normal; // signed W, Q, K, V and scores
    const auto r = compute(config);
    FigureSettings s;
    s.colorMap = QStringLiteral("grayscale");
    const Figure figure(config, r, s);
    const QImage image = renderFigureImage(figure, 1.0);
    for (PanelId id : {PanelId::WQuery, PanelId::Q, PanelId::Scores, PanelId::Output}) {
        const FigurePanel* p = panelOf(figure, id);
        QVERIFY(p);
        QCOMPARE(p->spec.colorMap, ColorMap::grayscale());
        // Symmetric: 0 is the middle grey.
        QCOMPARE(p->layout.range.low, -p->layout.range.high);
        for (int row = 0; row < p->layout.rows; ++row) {
            for (int column = 0; column < p->layout.columns; ++column) {
                const QColor c = pixelAt(image, p->layout.cellRect(row, column).topLeft() + QPointF(2, 2));
                QVERIFY2(c.red() == c.green() && c.green() == c.blue(),
                         qPrintable(attn::panelName(id) + QStringLiteral(" ") + c.name()));
            }
        }
    }
    // Viridis keeps the cool-warm map for signs.
    const Figure colour(config, r, FigureSettings{});
    QVERIFY(panelOf(colour, PanelId::WQuery)->spec.colorMap.isDiverging());
}

void TestFigureFit::positionalEncodingHasItsPanel()
{
    attn::AttentionConfig config = testutil::articleConfig();
    QVERIFY(panelOf(Figure(config, compute(config), FigureSettings{}), PanelId::Positional) == nullptr);
    config.positional = true;
    const auto r = compute(config);
    const Figure figure(config, r, FigureSettings{});
    const FigurePanel* pe = panelOf(figure, PanelId::Positional);
    QVERIFY(pe);
    QCOMPARE(figure.panelIndex(PanelId::Positional), figure.panelIndex(PanelId::Embeddings) + 1);
    QCOMPARE(figure.panelIndex(PanelId::Inputs), figure.panelIndex(PanelId::Positional) + 1);
    QVERIFY(pe->spec.title.startsWith(QStringLiteral("PE")));
    QVERIFY(pe->spec.formula.contains(QStringLiteral("sin")));
    QCOMPARE(*pe->spec.matrix, r->positional);
    QCOMPARE(*pe->spec.matrix, attn::positionalEncoding(static_cast<int>(r->tokens.size()), config.dModel));
    QCOMPARE(attn::panelFromName(std::string_view("positional")), std::optional<PanelId>(PanelId::Positional));
    // Its hover text names the function of the dimension.
    const QString sin = figure.toolTipAt(pe->layout.cellRect(2, 0).center());
    QVERIFY2(sin.contains(QStringLiteral("sin(2 / 10000<sup>0/")), qPrintable(sin));
    const QString cos = figure.toolTipAt(pe->layout.cellRect(2, 1).center());
    QVERIFY2(cos.contains(QStringLiteral("cos(")), qPrintable(cos));
    // `--panel positional` as an image and as CSV.
    FigureOptions options;
    options.panel = QStringLiteral("positional");
    QByteArray png;
    QString error;
    QVERIFY2(encodeFigure(QStringLiteral("pe.png"), config, r, options, &png, &error), qPrintable(error));
    QVERIFY(!QImage::fromData(png).isNull());
    QByteArray csv;
    QVERIFY2(encodePanelCsv(QStringLiteral("pe.csv"), config, *r, PanelId::Positional, 0, 0, &csv, &error),
             qPrintable(error));
    QCOMPARE(csv.count('\n'), static_cast<qsizetype>(r->tokens.size() + 1));
}

void TestFigureFit::sessionKeepsTheWeightsScale()
{
    Session session;
    session.config = testutil::articleConfig();
    session.weightsScale = WeightsScale::Row;
    QString error;
    const auto back = sessionFromJson(sessionToJson(session), QStringLiteral("s.attn"), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->weightsScale, WeightsScale::Row);
    QCOMPARE(*back, session);
    // Absent: 0 to 1; unknown: 0 to 1 with a note.
    QJsonObject root = QJsonDocument::fromJson(sessionToJson(session)).object();
    QJsonObject view = root.value("view").toObject();
    view.remove("weights_scale");
    root.insert("view", view);
    const auto absent = sessionFromJson(QJsonDocument(root).toJson(), QStringLiteral("s.attn"), &error);
    QVERIFY(absent);
    QCOMPARE(absent->weightsScale, WeightsScale::Fixed);
    view.insert("weights_scale", "loud");
    root.insert("view", view);
    QStringList notes;
    const auto unknown = sessionFromJson(QJsonDocument(root).toJson(), QStringLiteral("s.attn"), &error, &notes);
    QVERIFY(unknown);
    QCOMPARE(unknown->weightsScale, WeightsScale::Fixed);
    QCOMPARE(notes.size(), 1);
}

void TestFigureFit::commandLineTakesTheWeightsScale()
{
    const ParseOutcome row =
        parseCommandLine({QStringLiteral("attention-visualizer"), QStringLiteral("--weights-scale"), "row"});
    QVERIFY2(row.error.isEmpty(), qPrintable(row.error));
    QCOMPARE(row.options.weightsScale, std::optional<WeightsScale>(WeightsScale::Row));
    QCOMPARE(sessionFromOptions(row.options).weightsScale, WeightsScale::Row);
    const ParseOutcome bad =
        parseCommandLine({QStringLiteral("attention-visualizer"), QStringLiteral("--weights-scale"), "loud"});
    QVERIFY(bad.error.contains(QStringLiteral("matrix")));
    const ParseOutcome none = parseCommandLine({QStringLiteral("attention-visualizer")});
    QVERIFY(!none.options.weightsScale);
}

void TestFigureFit::hoveredCellIsOutlined()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    FigureView view;
    view.resize(1280, 720);
    view.setData(config, compute(config));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.hoverRect().isEmpty());
    const auto cell = view.cellCenter(PanelId::Weights, 1, 2);
    QVERIFY(cell);
    QMouseEvent move(QEvent::MouseMove, QPointF(*cell), view.viewport()->mapToGlobal(QPointF(*cell)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    const QRectF outline = view.hoverRect();
    QVERIFY(!outline.isEmpty());
    QVERIFY(outline.contains(QPointF(*cell)));
    // Drawn: the outline's edge is neither the cell's colour nor white.
    const QImage shot = view.viewport()->grab().toImage();
    const QColor edge = pixelAt(shot, QPointF(outline.center().x(), outline.top()));
    const QColor inside = pixelAt(shot, outline.center() + QPointF(-outline.width() / 2 + 5, 0));
    QVERIFY2(edge != inside, qPrintable(edge.name() + QStringLiteral(" ") + inside.name()));
    // Another cell moves it; leaving the view clears it.
    const auto other = view.cellCenter(PanelId::Q, 0, 0);
    QMouseEvent move2(QEvent::MouseMove, QPointF(*other), view.viewport()->mapToGlobal(QPointF(*other)), Qt::NoButton,
                      Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move2);
    QVERIFY(view.hoverRect().contains(QPointF(*other)));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(view.viewport(), &leave);
    QVERIFY(view.hoverRect().isEmpty());
}

void TestFigureFit::presentationEnlargesTheText()
{
    const attn::AttentionConfig config = tokens(30);
    FigureView view;
    view.resize(1900, 1040);
    view.setData(config, compute(config));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const double normal = view.figure().smallestTextPx() * view.zoom();
    view.setPresentation(true);
    QVERIFY(view.isPresentation());
    QVERIFY(view.isZoomToFit());
    const double presenting = view.figure().smallestTextPx() * view.zoom();
    QVERIFY2(presenting >= 14.0 - 1e-9, qPrintable(QString::number(presenting)));
    QVERIFY(presenting > normal);
    QVERIFY(view.figure().settings().font.pixelSize() > heatmaplayout::defaultFont().pixelSize());
    for (const FigurePanel& p : view.figure().panels())
        QVERIFY(p.spec.highContrast);
    QCOMPARE(view.horizontalScrollBar()->maximum(), 0);
    QCOMPARE(view.verticalScrollBar()->maximum(), 0);
    view.setPresentation(false);
    QCOMPARE(view.figure().settings().font.pixelSize(), heatmaplayout::defaultFont().pixelSize());

    // On a 1366 x 768 projector the article's example keeps every number,
    // larger than in the window.
    const attn::AttentionConfig article = testutil::articleConfig();
    FigureView small;
    small.resize(1366, 700);
    small.setData(article, compute(article));
    small.setPresentation(true);
    small.show();
    QVERIFY(QTest::qWaitForWindowExposed(&small));
    for (const FigurePanel& p : small.figure().panels())
        QVERIFY2(p.layout.valuesVisible, qPrintable(attn::panelName(p.id)));
    QVERIFY(small.figure().smallestTextPx() * small.zoom() >= 14.0 - 1e-9);
}

QTEST_MAIN(TestFigureFit)
#include "tst_figurefit.moc"
