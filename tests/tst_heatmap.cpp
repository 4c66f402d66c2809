// The heatmap units (heatmapscale, heatmaplayout, heatmappainter) put each
// value's colour-map colour in its cell, on normal and high-DPI images alike;
// masked and NaN cells look like neither; labels, title and colour bar are
// drawn; hit-testing agrees with drawing; large matrices drop cell text and
// still render.

#include "ui/render/heatmaplayout.h"
#include "ui/render/heatmappainter.h"
#include "ui/render/heatmapscale.h"

#include "testutil.h"

#include <QElapsedTimer>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

Q_DECLARE_METATYPE(ColorMap)

class TestHeatmap : public QObject
{
    Q_OBJECT

private slots:
    void settingNumbersAreShortWithASmallE();
    void colorMapsStartAndEndAtPublishedColours_data();
    void colorMapsStartAndEndAtPublishedColours();
    void colorMapsLookUpByName();
    void textColourIsLegible_data();
    void textColourIsLegible();
    void cellNumbersReachWcagContrast_data();
    void cellNumbersReachWcagContrast();
    void formatsValues_data();
    void formatsValues();

    void cellsHaveTheirColourMapColour_data();
    void cellsHaveTheirColourMapColour();
    void divergingZeroIsTheNeutralCentre();
    void positiveInfinityClampsToTopColour();
    void maskedCellsAreHatchedNotColoured_data();
    void maskedCellsAreHatchedNotColoured();
    void nanCellsAreDistinct();
    void labelsTitleAndColourBarAreDrawn();
    void drawingStaysInsideTarget_data();
    void drawingStaysInsideTarget();
    void hitTestingMatchesCells_data();
    void hitTestingMatchesCells();
    void highDpiImageHasSameColours();
    void largeMatrixDropsTextAndRenders();
    void sizeForCellSizeGivesThatCell_data();
    void sizeForCellSizeGivesThatCell();
    void compactColourBarLabelsItsEnds();
    void labelsThinInSmallSteps_data();
    void labelsThinInSmallSteps();
    void rowStripShowsBarsAndNumbers();
    void normalizedIsNeverNaN_data();
    void normalizedIsNeverNaN();
    void extremeMatricesGetTheirColours_data();
    void extremeMatricesGetTheirColours();
    void overflowingRangeKeepsItsTicks();
    void cellImageOutOfMemoryLeavesGridEmpty();
    void keptLayoutOfAnEmptiedMatrixDrawsNoCells_data();
    void keptLayoutOfAnEmptiedMatrixDrawsNoCells();
};

namespace {

const double kInf = std::numeric_limits<double>::infinity();
const QColor kPageColour(0x80, 0x90, 0xa0); // not white: shows what the renderer painted

HeatmapSpec specFor(const attn::Matrix& matrix, const ColorMap& map = ColorMap::viridis())
{
    HeatmapSpec spec;
    spec.matrix = std::make_shared<const attn::Matrix>(matrix);
    spec.colorMap = map;
    spec.showValues = false;
    return spec;
}

QImage render(const HeatmapSpec& spec, const QSizeF& logicalSize, double dpr = 1.0, const QRectF& target = {})
{
    QImage image(QSize(qCeil(logicalSize.width() * dpr), qCeil(logicalSize.height() * dpr)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(kPageColour);
    QPainter painter(&image);
    heatmappainter::paint(&painter, target.isNull() ? QRectF(QPointF(), logicalSize) : target, spec);
    return image;
}

QColor pixelAt(const QImage& image, QPointF logical)
{
    const double dpr = image.devicePixelRatio();
    return image.pixelColor(qFloor(logical.x() * dpr), qFloor(logical.y() * dpr));
}

// Colour counts over a rectangle's inside (a pixel in from each edge).
QHash<QRgb, int> histogram(const QImage& image, const QRectF& logical)
{
    const double dpr = image.devicePixelRatio();
    const QRect r = QRectF(logical.topLeft() * dpr, logical.size() * dpr).toAlignedRect().adjusted(1, 1, -1, -1);
    QHash<QRgb, int> counts;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000u];
    return counts;
}

QRgb dominant(const QHash<QRgb, int>& counts)
{
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

int darkPixels(const QImage& image, const QRectF& logical)
{
    int count = 0;
    const auto counts = histogram(image, logical);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (qGray(it.key()) < 128)
            count += it.value();
    }
    return count;
}

int distance(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}

int distanceToColourMap(QRgb colour, const ColorMap& map)
{
    int best = 255;
    for (int i = 0; i < ColorMap::kSize; ++i)
        best = std::min(best, distance(colour, map.entry(i)));
    return best;
}

attn::Matrix spanningMatrix()
{
    attn::Matrix m(3, 3);
    m << -1.5, 0.0, 0.25, 0.7, 1.9, -0.4, 3.0, 0.05, 1.1;
    return m;
}

attn::Matrix causalScores(int n)
{
    attn::Matrix m(n, n);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            m(r, c) = c > r ? -kInf : 0.3 * r - 0.2 * c + 0.1;
    return m;
}

} // namespace

void TestHeatmap::colorMapsStartAndEndAtPublishedColours_data()
{
    QTest::addColumn<ColorMap>("map");
    QTest::addColumn<double>("t");
    QTest::addColumn<QColor>("expected");
    // Published values (matplotlib's viridis/cividis tables, Moreland's
    // cool-warm table) rounded to 8 bits.
    QTest::addRow("viridis 0") << ColorMap::viridis() << 0.0 << QColor(68, 1, 84);
    QTest::addRow("viridis 0.5") << ColorMap::viridis() << 128.0 / 255.0 << QColor(33, 145, 140);
    QTest::addRow("viridis 1") << ColorMap::viridis() << 1.0 << QColor(253, 231, 37);
    QTest::addRow("cividis 0") << ColorMap::cividis() << 0.0 << QColor(0, 34, 78);
    QTest::addRow("cividis 1") << ColorMap::cividis() << 1.0 << QColor(254, 232, 56);
    QTest::addRow("coolwarm 0") << ColorMap::diverging() << 0.0 << QColor(59, 76, 192);
    QTest::addRow("coolwarm 0.5") << ColorMap::diverging() << 0.5 << QColor(221, 221, 221);
    QTest::addRow("coolwarm 1") << ColorMap::diverging() << 1.0 << QColor(180, 4, 38);
    QTest::addRow("grayscale 0") << ColorMap::grayscale() << 0.0 << QColor(0, 0, 0);
}

void TestHeatmap::colorMapsStartAndEndAtPublishedColours()
{
    QFETCH(ColorMap, map);
    QFETCH(double, t);
    QFETCH(QColor, expected);
    // Between table entries the colour may be one entry off the published
    // one; allow that much, no more.
    QVERIFY2(distance(map.rgb(t), expected.rgb()) <= 1,
             qPrintable(map.color(t).name() + QLatin1String(" vs ") + expected.name()));
}

void TestHeatmap::colorMapsLookUpByName()
{
    for (const QString& name : ColorMap::names()) {
        const std::optional<ColorMap> map = ColorMap::byName(name);
        QVERIFY2(map.has_value(), qPrintable(name));
        QCOMPARE(map->name(), name);
    }
    QCOMPARE(ColorMap::sequentialNames(), QStringList({"viridis", "cividis", "grayscale"}));
    for (const QString& name : ColorMap::sequentialNames())
        QVERIFY(!ColorMap::byName(name)->isDiverging());
    QVERIFY(ColorMap::diverging().isDiverging());
    QVERIFY(!ColorMap::byName("jet").has_value());
    QCOMPARE(ColorMap::byName(" Viridis ")->name(), QStringLiteral("viridis"));
}

void TestHeatmap::textColourIsLegible_data()
{
    QTest::addColumn<QColor>("background");
    QTest::addColumn<QColor>("expected");
    QTest::addRow("black") << QColor(Qt::black) << QColor(Qt::white);
    QTest::addRow("white") << QColor(Qt::white) << QColor(Qt::black);
    QTest::addRow("viridis low") << ColorMap::viridis().color(0.0) << QColor(Qt::white);
    QTest::addRow("viridis high") << ColorMap::viridis().color(1.0) << QColor(Qt::black);
    QTest::addRow("coolwarm centre") << ColorMap::diverging().color(0.5) << QColor(Qt::black);
}

void TestHeatmap::textColourIsLegible()
{
    QFETCH(QColor, background);
    QFETCH(QColor, expected);
    QCOMPARE(legibleTextColor(background), expected);
    QVERIFY(contrastRatio(background, legibleTextColor(background)) >= 4.5);
}

void TestHeatmap::cellNumbersReachWcagContrast_data()
{
    QTest::addColumn<QString>("map");
    for (const QString& name : ColorMap::names())
        QTest::addRow("%s", qPrintable(name)) << name;
}

// The number printed on a cell, in the colour the painter gives it, reaches
// WCAG's 4.5:1 against that cell's colour: at 1024 values across the map's
// range and at every entry of its table, and for masked and NaN cells on both
// their hatched and flat fills.
void TestHeatmap::cellNumbersReachWcagContrast()
{
    QFETCH(QString, map);
    HeatmapSpec spec;
    spec.colorMap = *ColorMap::byName(map);
    const ValueRange range{-1.0, 1.0};
    double worst = 21.0;
    QString worstAt;
    const auto check = [&](double value, const QColor& cell, const QString& where) {
        const double ratio = contrastRatio(heatmapscale::valueTextColor(spec, range, value, value), cell);
        if (ratio < worst) {
            worst = ratio;
            worstAt = where;
        }
    };
    constexpr int kSamples = 1024;
    for (int i = 0; i < kSamples; ++i) {
        const double value = range.low + (range.high - range.low) * i / (kSamples - 1);
        check(value, QColor::fromRgb(heatmapscale::cellColor(spec, range, value)), QString::number(value));
    }
    for (int index = 0; index < ColorMap::kSize; ++index) {
        const double value = range.low + (range.high - range.low) * index / (ColorMap::kSize - 1);
        QCOMPARE(ColorMap::indexFor(range.normalized(value)), index);
        check(value, QColor::fromRgb(spec.colorMap.entry(index)), QStringLiteral("entry %1").arg(index));
    }
    const double masked = -std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    check(masked, heatmapscale::maskedFill(), QStringLiteral("masked, hatched"));
    check(masked, heatmapscale::maskedFlatFill(), QStringLiteral("masked, flat"));
    check(nan, heatmapscale::nanFill(), QStringLiteral("NaN, hatched"));
    check(nan, heatmapscale::nanFlatFill(), QStringLiteral("NaN, flat"));
    QVERIFY2(worst >= 4.5, qPrintable(QStringLiteral("%1:1 at %2").arg(worst, 0, 'f', 2).arg(worstAt)));
}

void TestHeatmap::formatsValues_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("expected");
    QTest::addRow("positive") << 0.456 << 2 << QStringLiteral("0.46");
    QTest::addRow("negative uses minus sign") << -1.26 << 1 << QString::fromUtf8("\u22121.3");
    QTest::addRow("negative zero") << -0.001 << 2 << QStringLiteral("0.00");
    QTest::addRow("masked") << -kInf << 2 << QString::fromUtf8("\u2212\u221e");
    QTest::addRow("nan") << std::nan("") << 2 << QStringLiteral("NaN");
    QTest::addRow("integer") << 3.0 << 0 << QStringLiteral("3");
    QTest::addRow("below a billion stays fixed") << 999999999.0 << 0 << QStringLiteral("999999999");
    QTest::addRow("a billion in short") << 1.0e9 << 2 << QStringLiteral("1.000e9");
    QTest::addRow("near float64's limit") << 1.0454298e308 << 2 << QStringLiteral("1.045e308");
    QTest::addRow("large negative") << -2.5e12 << 0 << QString::fromUtf8("\u22122.500e12");
}

void TestHeatmap::formatsValues()
{
    QFETCH(double, value);
    QFETCH(int, decimals);
    QFETCH(QString, expected);
    QCOMPARE(heatmapscale::formatValue(value, decimals), expected);
}

void TestHeatmap::cellsHaveTheirColourMapColour_data()
{
    QTest::addColumn<ColorMap>("map");
    QTest::addColumn<bool>("explicitRange");
    QTest::addRow("viridis, data range") << ColorMap::viridis() << false;
    QTest::addRow("cividis, data range") << ColorMap::cividis() << false;
    QTest::addRow("diverging, symmetric range") << ColorMap::diverging() << false;
    QTest::addRow("viridis, explicit range") << ColorMap::viridis() << true;
}

void TestHeatmap::cellsHaveTheirColourMapColour()
{
    QFETCH(ColorMap, map);
    QFETCH(bool, explicitRange);

    const attn::Matrix m = spanningMatrix();
    HeatmapSpec spec = specFor(m, map);
    // Expected normalisation worked out here from the data, independently of
    // the renderer's own range logic.
    double low = m.minCoeff();
    double high = m.maxCoeff();
    if (explicitRange) {
        low = -5.0;
        high = 5.0;
        spec.range = ValueRange{low, high};
    } else if (map.isDiverging()) {
        const double maxAbs = m.cwiseAbs().maxCoeff();
        low = -maxAbs;
        high = maxAbs;
    }

    const QRectF target(0, 0, 420, 320);
    const QImage image = render(spec, target.size());
    const HeatmapLayout layout = heatmaplayout::layout(target, spec);
    QVERIFY(!layout.rasterCells);
    for (int r = 0; r < m.rows(); ++r) {
        for (int c = 0; c < m.cols(); ++c) {
            const QColor expected = map.color((m(r, c) - low) / (high - low));
            const QColor actual = pixelAt(image, layout.cellRect(r, c).center());
            QVERIFY2(actual == expected,
                     qPrintable(
                         QStringLiteral("cell (%1, %2): %3 vs %4").arg(r).arg(c).arg(actual.name(), expected.name())));
        }
    }
}

void TestHeatmap::divergingZeroIsTheNeutralCentre()
{
    const attn::Matrix m = spanningMatrix(); // (0, 1) is exactly 0
    const HeatmapSpec spec = specFor(m, ColorMap::diverging());
    const QRectF target(0, 0, 420, 320);
    const QImage image = render(spec, target.size());
    const QColor zero =
        pixelAt(image, heatmaplayout::cellRect(target, spec, heatmaplayout::defaultFont(), 0, 1).center());
    QCOMPARE(zero, ColorMap::diverging().color(0.5));
    // Neutral: no hue to speak of, and light.
    QVERIFY(distance(zero.rgb(), qRgb(zero.red(), zero.red(), zero.red())) <= 4);
    QVERIFY(zero.lightness() > 180);
}

void TestHeatmap::positiveInfinityClampsToTopColour()
{
    attn::Matrix m = spanningMatrix();
    m(1, 1) = kInf;
    const HeatmapSpec spec = specFor(m);
    const QRectF target(0, 0, 420, 320);
    const QImage image = render(spec, target.size());
    const HeatmapLayout layout = heatmaplayout::layout(target, spec);
    QCOMPARE(pixelAt(image, layout.cellRect(1, 1).center()), ColorMap::viridis().color(1.0));
    // The infinity does not stretch the range: the finite maximum is still top.
    QCOMPARE(pixelAt(image, layout.cellRect(2, 0).center()), ColorMap::viridis().color(1.0));
}

void TestHeatmap::maskedCellsAreHatchedNotColoured_data()
{
    QTest::addColumn<ColorMap>("map");
    QTest::addRow("viridis") << ColorMap::viridis();
    QTest::addRow("diverging") << ColorMap::diverging();
}

void TestHeatmap::maskedCellsAreHatchedNotColoured()
{
    QFETCH(ColorMap, map);
    const attn::Matrix m = causalScores(5);
    const HeatmapSpec spec = specFor(m, map);
    const QRectF target(0, 0, 520, 420);
    const QImage image = render(spec, target.size());
    const HeatmapLayout layout = heatmaplayout::layout(target, spec);
    QVERIFY(layout.cellSize >= 20);

    for (int r = 0; r < m.rows(); ++r) {
        for (int c = r + 1; c < m.cols(); ++c) {
            const auto counts = histogram(image, layout.cellRect(r, c));
            const QRgb base = dominant(counts);
            QVERIFY2(distanceToColourMap(base, map) > 8,
                     qPrintable(QStringLiteral("masked cell (%1, %2) looks like a colour-map colour").arg(r).arg(c)));
            // Hatching: a good share of the cell is clearly darker than its base.
            int hatchPixels = 0;
            int total = 0;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
                total += it.value();
                if (qGray(base) - qGray(it.key()) > 30)
                    hatchPixels += it.value();
            }
            QVERIFY2(hatchPixels > total / 20, qPrintable(QStringLiteral("cell (%1, %2) not hatched").arg(r).arg(c)));
        }
    }
    // Unmasked cells are plain colour-map colour.
    QCOMPARE(pixelAt(image, layout.cellRect(3, 1).center()), map.color(layout.range.normalized(m(3, 1))));

    // The legend explains the hatching; without masked cells there is none.
    QVERIFY(!layout.legendRect.isEmpty());
    QVERIFY(darkPixels(image, layout.legendRect) > 0);
    attn::Matrix unmasked = m;
    for (int r = 0; r < m.rows(); ++r)
        for (int c = r + 1; c < m.cols(); ++c)
            unmasked(r, c) = 0.0;
    QVERIFY(heatmaplayout::layout(target, specFor(unmasked, map)).legendRect.isEmpty());
}

void TestHeatmap::nanCellsAreDistinct()
{
    attn::Matrix m = spanningMatrix();
    m(2, 2) = std::nan("");
    m(0, 2) = -kInf;
    const HeatmapSpec spec = specFor(m);
    const QRectF target(0, 0, 420, 320);
    const QImage image = render(spec, target.size());
    const HeatmapLayout layout = heatmaplayout::layout(target, spec);

    const auto nanCounts = histogram(image, layout.cellRect(2, 2));
    const auto maskedCounts = histogram(image, layout.cellRect(0, 2));
    QVERIFY(distanceToColourMap(dominant(nanCounts), spec.colorMap) > 8);
    QVERIFY(distance(dominant(nanCounts), dominant(maskedCounts)) > 8);
    QVERIFY(nanCounts.size() >= 2); // hatched, not flat
    QCOMPARE(layout.stats.nanCount, 1);
    QCOMPARE(layout.stats.maskedCount, 1);
}

void TestHeatmap::labelsTitleAndColourBarAreDrawn()
{
    attn::Matrix m(3, 3);
    m << 0.71, 0.12, 0.17, 0.05, 0.88, 0.07, 0.33, 0.21, 0.46;
    HeatmapSpec spec = specFor(m);
    spec.rowLabels = {"i", "miss", "the"};
    spec.columnLabels = spec.rowLabels;
    spec.title = QString::fromUtf8("Weights  3 × 3");
    spec.formula = QStringLiteral("A = softmax(S)");
    spec.showValues = true;

    const QSizeF size = heatmaplayout::preferredSize(spec);
    const QImage image = render(spec, size);
    const HeatmapLayout layout = heatmaplayout::layout(QRectF(QPointF(), size), spec);

    QVERIFY(layout.valuesVisible);
    QVERIFY(darkPixels(image, layout.titleRect) > 0);
    QVERIFY(darkPixels(image, layout.formulaRect) > 0);
    for (int i = 0; i < 3; ++i) {
        const QRectF cell = layout.cellRect(i, i);
        const QRectF rowBand(layout.rowLabelRect.left(), cell.top(), layout.rowLabelRect.width(), cell.height());
        const QRectF columnBand(cell.left(), layout.columnLabelRect.top(), cell.width(),
                                layout.columnLabelRect.height());
        QVERIFY2(darkPixels(image, rowBand) > 0, qPrintable(spec.rowLabels.at(i)));
        QVERIFY2(darkPixels(image, columnBand) > 0, qPrintable(spec.columnLabels.at(i)));
    }
    // Tick labels to the right of the bar.
    const QRectF ticks(layout.colorBarRect.right() + 1, layout.colorBarRect.top() - 10,
                       size.width() - layout.colorBarRect.right() - 1, layout.colorBarRect.height() + 20);
    QVERIFY(darkPixels(image, ticks) > 0);
    QVERIFY(layout.ticks.size() >= 2);
    // The bar runs from the bottom colour to the top colour.
    const QRectF bar = layout.colorBarRect;
    QVERIFY(distance(pixelAt(image, QPointF(bar.center().x(), bar.bottom() - 2)).rgb(), ColorMap::viridis().entry(0)) <=
            12);
    QVERIFY(distance(pixelAt(image, QPointF(bar.center().x(), bar.top() + 2)).rgb(),
                     ColorMap::viridis().entry(ColorMap::kSize - 1)) <= 12);

    // Values printed in cells: text pixels of the legible colour appear.
    const QRectF cell = layout.cellRect(1, 1); // 0.88: light yellow-green cell, black text
    QVERIFY(darkPixels(image, cell) > 0);
}

void TestHeatmap::drawingStaysInsideTarget_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<bool>("labelled");
    QTest::addRow("3x3 labelled") << 3 << true;
    QTest::addRow("5x5 masked") << 5 << true;
    QTest::addRow("64x64 labelled") << 64 << true;
    QTest::addRow("300x300 indices") << 300 << false;
}

void TestHeatmap::drawingStaysInsideTarget()
{
    QFETCH(int, n);
    QFETCH(bool, labelled);
    HeatmapSpec spec = specFor(causalScores(n));
    spec.title = QStringLiteral("Scores");
    spec.formula = QStringLiteral("S = Q K^T");
    spec.showValues = true;
    if (labelled) {
        for (int i = 0; i < n; ++i)
            spec.rowLabels << QStringLiteral("token%1").arg(i);
        spec.columnLabels = spec.rowLabels;
    }
    const QSizeF size = heatmaplayout::preferredSize(spec);
    const QRectF target(QPointF(30, 20), size);
    const QImage image = render(spec, size + QSizeF(60, 40), 1.0, target);

    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (!target.contains(QPointF(x + 0.5, y + 0.5)))
                QCOMPARE(image.pixelColor(x, y), kPageColour);
        }
    }
    // Every part lies inside the target.
    const HeatmapLayout layout = heatmaplayout::layout(target, spec);
    for (const QRectF& part : {layout.titleRect, layout.formulaRect, layout.gridRect, layout.rowLabelRect,
                               layout.columnLabelRect, layout.colorBarRect, layout.legendRect}) {
        if (!part.isEmpty())
            QVERIFY2(
                target.contains(part),
                qPrintable(
                    QStringLiteral("%1,%2 %3x%4").arg(part.x()).arg(part.y()).arg(part.width()).arg(part.height())));
    }
}

void TestHeatmap::hitTestingMatchesCells_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QSizeF>("size");
    QTest::addRow("3x3") << 3 << 3 << QSizeF(400, 300);
    QTest::addRow("5x8 wide") << 5 << 8 << QSizeF(900, 300);
    QTest::addRow("64x64 image path") << 64 << 64 << QSizeF(600, 600);
    QTest::addRow("200x30 fractional cells") << 200 << 30 << QSizeF(500, 450);
}

void TestHeatmap::hitTestingMatchesCells()
{
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(QSizeF, size);
    attn::Matrix m = attn::Matrix::Zero(rows, columns);
    HeatmapSpec spec = specFor(m);
    const QRectF target(QPointF(7, 5), size);
    const QFont font = heatmaplayout::defaultFont();
    const HeatmapLayout layout = heatmaplayout::layout(target, spec, font);

    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const QRectF rect = layout.cellRect(r, c);
            QVERIFY(!rect.isEmpty());
            const auto hit = layout.cellAt(rect.center());
            QVERIFY(hit.has_value());
            QCOMPARE(hit->first, r);
            QCOMPARE(hit->second, c);
        }
    }
    // The static convenience functions agree with the layout.
    QCOMPARE(heatmaplayout::cellRect(target, spec, font, rows - 1, columns - 1),
             layout.cellRect(rows - 1, columns - 1));
    QCOMPARE(heatmaplayout::cellAt(target, spec, font, layout.cellRect(0, columns - 1).center()),
             std::make_optional(std::make_pair(0, columns - 1)));

    QVERIFY(!layout.cellAt(layout.gridRect.topLeft() - QPointF(1, 1)).has_value());
    QVERIFY(!layout.cellAt(layout.gridRect.bottomRight() + QPointF(1, 1)).has_value());
    QVERIFY(!layout.cellRect(rows, 0).isValid());

    const double labelX = layout.rowLabelRect.center().x();
    QCOMPARE(layout.rowLabelAt(QPointF(labelX, layout.cellRect(rows - 1, 0).center().y())),
             std::optional<int>(rows - 1));
    const double labelY = layout.columnLabelRect.center().y();
    QCOMPARE(layout.columnLabelAt(QPointF(layout.cellRect(0, 0).center().x(), labelY)), std::optional<int>(0));
    QVERIFY(!layout.rowLabelAt(layout.gridRect.center()).has_value());
}

void TestHeatmap::highDpiImageHasSameColours()
{
    HeatmapSpec spec = specFor(causalScores(5), ColorMap::diverging());
    spec.title = QStringLiteral("Scores");
    const QSizeF size(480, 400);
    const QImage normal = render(spec, size, 1.0);
    const QImage sharp = render(spec, size, 2.0);
    QCOMPARE(sharp.size(), (size * 2).toSize());
    const HeatmapLayout layout = heatmaplayout::layout(QRectF(QPointF(), size), spec);

    for (int r = 0; r < 5; ++r) {
        for (int c = 0; c <= r; ++c) {
            const QPointF centre = layout.cellRect(r, c).center();
            const QColor expected = spec.colorMap.color(layout.range.normalized(spec.matrix->coeff(r, c)));
            QCOMPARE(pixelAt(normal, centre), expected);
            QCOMPARE(pixelAt(sharp, centre), expected);
        }
    }
    // Cell edges land on whole device pixels: the pixel just inside a
    // cell's top-left corner already has the cell's colour at 2x.
    const QRectF cell = layout.cellRect(4, 0);
    QCOMPARE(sharp.pixelColor(qRound(cell.left() * 2), qRound(cell.top() * 2) + 4), pixelAt(sharp, cell.center()));
}

void TestHeatmap::largeMatrixDropsTextAndRenders()
{
    const int n = 512;
    // Quadrants of constant value, so that even averaged-down pixels inside
    // a quadrant must have exactly that quadrant's colour.
    attn::Matrix m(n, n);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            m(r, c) = (r < n / 2 ? 0.0 : 2.0) + (c < n / 2 ? 0.0 : 1.0);
    HeatmapSpec spec = specFor(m);
    spec.showValues = true;
    spec.title = QStringLiteral("Scores  512 × 512");

    const QRectF target(0, 0, 800, 800);
    const HeatmapLayout layout = heatmaplayout::layout(target, spec);
    QVERIFY(!layout.valuesVisible);
    QVERIFY(layout.rasterCells);
    QVERIFY(layout.rowLabelStride > 1);
    QVERIFY(layout.columnLabelStride > 1);

    QElapsedTimer timer;
    timer.start();
    const QImage image = render(spec, target.size());
    qInfo("512 x 512 rendered in %lld ms", static_cast<long long>(timer.elapsed()));

    const QRectF grid = layout.gridRect;
    const QPointF quarter(grid.width() / 4, grid.height() / 4);
    QCOMPARE(pixelAt(image, grid.topLeft() + quarter), spec.colorMap.color(0.0));
    QCOMPARE(pixelAt(image, grid.topLeft() + QPointF(3 * quarter.x(), quarter.y())), spec.colorMap.color(1.0 / 3.0));
    QCOMPARE(pixelAt(image, grid.topLeft() + QPointF(quarter.x(), 3 * quarter.y())), spec.colorMap.color(2.0 / 3.0));
    QCOMPARE(pixelAt(image, grid.topLeft() + 3 * quarter), spec.colorMap.color(1.0));
}

void TestHeatmap::sizeForCellSizeGivesThatCell_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("compact");
    QTest::addColumn<double>("aspect");
    QTest::addColumn<double>("cell");
    QTest::addRow("5x5 square") << 5 << 5 << false << 1.0 << 30.0;
    QTest::addRow("5x5 compact wide") << 5 << 5 << true << 47.0 / 23.0 << 23.0;
    QTest::addRow("3x3 compact") << 3 << 3 << true << 1.0 << 23.0;
    QTest::addRow("64x16 compact") << 64 << 16 << true << 1.0 << 11.0;
    QTest::addRow("200x200 fractional") << 200 << 200 << true << 1.0 << 2.5;
}

void TestHeatmap::sizeForCellSizeGivesThatCell()
{
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(bool, compact);
    QFETCH(double, aspect);
    QFETCH(double, cell);
    attn::Matrix m(rows, columns);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            m(r, c) = (r * 7 + c * 3) % 11 - 5.25;
    HeatmapSpec spec = specFor(m, ColorMap::diverging());
    spec.title = QStringLiteral("scores  %1 \u00d7 %2").arg(rows).arg(columns);
    spec.formula = QStringLiteral("scores = Q K\u1d40");
    spec.showValues = true;
    spec.compact = compact;
    spec.cellAspect = aspect;
    for (int r = 0; r < rows; ++r)
        spec.rowLabels << QStringLiteral("tok%1").arg(r);
    if (rows == columns)
        spec.columnLabels = spec.rowLabels;
    const QSizeF size = heatmaplayout::sizeForCellSize(spec, cell);
    const QRectF target(QPointF(10, 20), size);
    const HeatmapLayout exact = heatmaplayout::layoutForCellSize(target, spec, cell);
    QCOMPARE(exact.cellSize, cell);
    QCOMPARE(exact.cellWidth, cell >= 3 ? std::floor(cell * aspect + 1e-6) : cell * aspect);
    // Fitting the same box gives the same cells back, and everything fits.
    const HeatmapLayout fitted = heatmaplayout::layout(target, spec);
    QCOMPARE(fitted.cellSize, cell);
    QCOMPARE(fitted.gridRect, exact.gridRect);
    for (const QRectF& part : {exact.titleRect, exact.formulaRect, exact.gridRect, exact.rowLabelRect,
                               exact.columnLabelRect, exact.colorBarRect, exact.legendRect}) {
        if (!part.isEmpty())
            QVERIFY(target.contains(part));
    }
    // A laid-out panel moves with its target.
    HeatmapLayout moved = exact;
    moved.translate(QPointF(5, 7));
    QCOMPARE(moved.gridRect, heatmaplayout::layoutForCellSize(target.translated(5, 7), spec, cell).gridRect);
    // Wide cells are hit-tested by their own width.
    const QRectF last = exact.cellRect(rows - 1, columns - 1);
    QCOMPARE(exact.cellAt(last.center()), std::make_optional(std::make_pair(rows - 1, columns - 1)));
    QVERIFY(std::abs(last.right() - exact.gridRect.right()) < 1.0);
}

void TestHeatmap::compactColourBarLabelsItsEnds()
{
    attn::Matrix m(3, 3);
    m << 3.84, 10.1, 17.46, 5, 6, 7, 8, 9, 10;
    HeatmapSpec spec = specFor(m);
    spec.compact = true;
    spec.showValues = true;
    const QSizeF compactSize = heatmaplayout::sizeForCellSize(spec, 40);
    HeatmapLayout l = heatmaplayout::layoutForCellSize(QRectF(QPointF(), compactSize), spec, 40);
    // The data's ends, at most three significant digits, and a round middle.
    QCOMPARE(l.ticks.front(), 3.84);
    QCOMPARE(l.ticks.back(), 17.46);
    QCOMPARE(l.tickLabels.front(), QStringLiteral("3.84"));
    QCOMPARE(l.tickLabels.back(), QStringLiteral("17.5"));
    QCOMPARE(l.tickLabels.size(), 3);
    QCOMPARE(l.tickLabels.at(1), QStringLiteral("10"));
    // Narrower than the full bar, which reserves room for any tick count.
    HeatmapSpec full = spec;
    full.compact = false;
    QVERIFY(compactSize.width() < heatmaplayout::sizeForCellSize(full, 40).width());
    // The tick labels are drawn within the panel.
    const QImage image = render(spec, compactSize);
    const QRectF ticks(l.colorBarRect.right() + 1, l.colorBarRect.top(),
                       compactSize.width() - l.colorBarRect.right() - 1, l.colorBarRect.height());
    QVERIFY(darkPixels(image, ticks) > 0);

    // A diverging map is labelled at both ends and zero; weights 0 and 1 as such.
    spec.colorMap = ColorMap::diverging();
    l = heatmaplayout::layoutForCellSize(QRectF(QPointF(), compactSize), spec, 40);
    QCOMPARE(l.tickLabels, QStringList({QStringLiteral("\u221217.5"), QStringLiteral("0"), QStringLiteral("17.5")}));
    spec.colorMap = ColorMap::viridis();
    spec.range = ValueRange{0.0, 1.0};
    l = heatmaplayout::layoutForCellSize(QRectF(QPointF(), compactSize), spec, 40);
    QCOMPARE(l.tickLabels.front(), QStringLiteral("0"));
    QCOMPARE(l.tickLabels.back(), QStringLiteral("1"));
}

void TestHeatmap::labelsThinInSmallSteps_data()
{
    QTest::addColumn<double>("cell");
    QTest::addColumn<int>("stride");
    // Rows need about 1.15 label heights each (19 px labels at 16 px).
    QTest::addRow("room for all") << 23.0 << 1;
    QTest::addRow("every second") << 11.0 << 2;
    QTest::addRow("every third") << 8.0 << 3;
    QTest::addRow("every fifth") << 5.0 << 5;
    QTest::addRow("every tenth") << 2.5 << 10;
}

void TestHeatmap::labelsThinInSmallSteps()
{
    QFETCH(double, cell);
    QFETCH(int, stride);
    const int n = 120;
    HeatmapSpec spec = specFor(attn::Matrix::Zero(n, 4));
    spec.compact = true;
    for (int i = 0; i < n; ++i)
        spec.rowLabels << QStringLiteral("t%1").arg(i);
    const HeatmapLayout l =
        heatmaplayout::layoutForCellSize(QRectF(QPointF(), heatmaplayout::sizeForCellSize(spec, cell)), spec, cell);
    QCOMPARE(l.rowLabelStride, stride);
    // Shown labels never overlap: a stride's worth of rows holds a label.
    QVERIFY(l.rowLabelStride * l.cellSize >= QFontMetricsF(l.labelFont).height());
}

void TestHeatmap::rowStripShowsBarsAndNumbers()
{
    attn::Matrix m(3, 3);
    m << 0.2, 0.3, 0.5, 1.0, 0.0, 0.0, 1.0 / 3, 1.0 / 3, 1.0 / 3;
    HeatmapSpec spec = specFor(m);
    spec.compact = true;
    spec.showValues = true;
    HeatmapStrip strip;
    strip.values = {1.03, 0.0, std::log(3.0)};
    strip.maximum = std::log(3.0);
    strip.header = QStringLiteral("H");
    spec.rowStrip = strip;
    const QSizeF size = heatmaplayout::sizeForCellSize(spec, 30);
    const HeatmapLayout l = heatmaplayout::layoutForCellSize(QRectF(QPointF(), size), spec, 30);
    QVERIFY(!l.stripRect.isEmpty());
    QVERIFY(l.stripRect.left() > l.gridRect.right());
    QVERIFY(l.colorBarRect.left() > l.stripRect.right());
    QVERIFY(l.stripValuesVisible);
    QCOMPARE(l.stripRowAt(QPointF(l.stripRect.center().x(), l.cellRect(2, 0).center().y())), std::optional<int>(2));
    QVERIFY(!l.stripRowAt(l.gridRect.center()));
    const QImage image = render(spec, size);
    // A full bar reaches the right end, an empty one leaves the track pale.
    const double y2 = l.cellRect(2, 0).top() + 2;
    const double y1 = l.cellRect(1, 0).top() + 2;
    const QColor full = pixelAt(image, QPointF(l.stripRect.right() - 2, y2));
    const QColor empty = pixelAt(image, QPointF(l.stripRect.right() - 2, y1));
    QVERIFY(full != empty);
    QVERIFY(darkPixels(image, QRectF(l.stripRect.left(), l.cellRect(0, 0).top(), l.stripRect.width(), 30)) > 0);
}

void TestHeatmap::normalizedIsNeverNaN_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("expected");
    const double big = 1.5e308; // 2 * big overflows
    const double max = std::numeric_limits<double>::max();
    const double tiny = std::numeric_limits<double>::denorm_min();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::addRow("overflowing span, middle") << -big << big << 0.0 << 0.5;
    QTest::addRow("overflowing span, quarter") << -big << big << -big / 2 << 0.25;
    QTest::addRow("overflowing span, top") << -big << big << big << 1.0;
    QTest::addRow("largest doubles, middle") << -max << max << 0.0 << 0.5;
    QTest::addRow("denormal span") << 0.0 << 2 * tiny << tiny << 0.5;
    QTest::addRow("NaN value") << 0.0 << 1.0 << nan << 0.0;
    QTest::addRow("NaN value, overflowing span") << -big << big << nan << 0.0;
    QTest::addRow("NaN end") << nan << 1.0 << 0.5 << 0.5;
    QTest::addRow("infinite low end") << -kInf << 1.0 << 0.0 << 1.0;
    QTest::addRow("infinite high end") << 0.0 << kInf << 5.0 << 0.0;
    QTest::addRow("both ends infinite") << -kInf << kInf << 5.0 << 0.5;
    QTest::addRow("+inf value") << 0.0 << 1.0 << kInf << 1.0;
    QTest::addRow("-inf value") << -big << big << -kInf << 0.0;
}

void TestHeatmap::normalizedIsNeverNaN()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, value);
    QFETCH(double, expected);
    const ValueRange range{low, high};
    QCOMPARE(range.normalized(value), expected);
}

void TestHeatmap::extremeMatricesGetTheirColours_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<ColorMap>("map");
    const double big = 1.5e308;
    const double max = std::numeric_limits<double>::max();
    const double tiny = std::numeric_limits<double>::denorm_min();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QList<std::pair<const char*, QList<double>>> matrices = {
        {"span overflows", {-big, -big / 2, 0.0, big / 2, big}},
        {"largest doubles", {-max, 0.0, max}},
        {"denormals", {0.0, tiny, 2 * tiny}},
        {"signed denormals", {-tiny, 0.0, tiny}},
        {"all equal", {7.0, 7.0, 7.0}},
        {"mixed", {nan, kInf, -kInf, 1e308, -1e308, 0.0, tiny}},
        {"nothing finite", {nan, kInf, -kInf}},
    };
    for (const auto& [name, values] : matrices) {
        QTest::addRow("%s, viridis", name) << values << ColorMap::viridis();
        QTest::addRow("%s, diverging", name) << values << ColorMap::diverging();
    }
}

void TestHeatmap::extremeMatricesGetTheirColours()
{
    QFETCH(QList<double>, values);
    QFETCH(ColorMap, map);
    // The range worked out here in long double, whose exponent reaches far
    // past double's, so high - low cannot overflow or underflow.
    long double low = kInf, high = -kInf;
    for (double v : values) {
        if (std::isfinite(v)) {
            low = std::min<long double>(low, v);
            high = std::max<long double>(high, v);
        }
    }
    if (map.isDiverging()) {
        const long double maxAbs = low <= high ? std::max(std::abs(low), std::abs(high)) : 0.0L;
        low = maxAbs > 0 ? -maxAbs : -1.0L;
        high = -low;
    } else if (low > high) {
        low = 0.0L;
        high = 1.0L;
    }
    auto expectedT = [&](double v) {
        if (v == kInf)
            return 1.0;
        return high > low ? static_cast<double>((v - low) / (high - low)) : 0.5;
    };

    // A few cells take the per-cell path, more than 64 × 64 the image path.
    for (const int side : {0, 65}) {
        const int n = static_cast<int>(values.size());
        attn::Matrix m(side == 0 ? 1 : side, side == 0 ? n : side);
        for (Eigen::Index i = 0; i < m.size(); ++i)
            m(i / m.cols(), i % m.cols()) = values[static_cast<qsizetype>(i % n)];
        const HeatmapSpec spec = specFor(m, map);
        // Cells of a fixed size: the labels of numbers like 1e308 are wide.
        const double cell = side > 0 ? 10 : 40;
        const QRectF target(QPointF(), heatmaplayout::sizeForCellSize(spec, cell));
        const HeatmapLayout layout = heatmaplayout::layoutForCellSize(target, spec, cell);
        QCOMPARE(layout.rasterCells, side > 0);
        QImage image(target.size().toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(kPageColour);
        QPainter painter(&image);
        heatmappainter::paint(&painter, layout, spec);
        painter.end();
        for (int r = 0; r < m.rows(); ++r) {
            for (int c = 0; c < m.cols(); ++c) {
                const double v = m(r, c);
                if (std::isnan(v) || v == -kInf)
                    continue;
                const QColor expected = map.color(expectedT(v));
                const QColor actual = pixelAt(image, layout.cellRect(r, c).center());
                QVERIFY2(actual == expected, qPrintable(QStringLiteral("%1 × %2, cell (%3, %4) = %5: %6 vs %7")
                                                            .arg(m.rows())
                                                            .arg(m.cols())
                                                            .arg(r)
                                                            .arg(c)
                                                            .arg(v)
                                                            .arg(actual.name(), expected.name())));
            }
        }
    }
}

void TestHeatmap::overflowingRangeKeepsItsTicks()
{
    attn::Matrix m(5, 5);
    for (int i = 0; i < 25; ++i)
        m(i / 5, i % 5) = (i - 12) * 1.25e307; // -1.5e308 .. 1.5e308
    HeatmapSpec spec = specFor(m);
    const QSizeF size = heatmaplayout::sizeForCellSize(spec, 40);
    HeatmapLayout l = heatmaplayout::layoutForCellSize(QRectF(QPointF(), size), spec, 40);
    // A scale, not just one end: round ticks inside the range, in order.
    QVERIFY2(l.ticks.size() >= 3, qPrintable(QString::number(l.ticks.size())));
    for (std::size_t i = 0; i < l.ticks.size(); ++i) {
        QVERIFY(std::isfinite(l.ticks[i]));
        QVERIFY(l.ticks[i] >= m.minCoeff() && l.ticks[i] <= m.maxCoeff());
        QVERIFY(i == 0 || l.ticks[i] > l.ticks[i - 1]);
    }
    QCOMPARE(l.tickLabels.size(), static_cast<qsizetype>(l.ticks.size()));

    // The compact bar finds its round middle too.
    spec.compact = true;
    const QSizeF compactSize = heatmaplayout::sizeForCellSize(spec, 40);
    l = heatmaplayout::layoutForCellSize(QRectF(QPointF(), compactSize), spec, 40);
    QCOMPARE(l.tickLabels.size(), 3);
    QCOMPARE(l.tickLabels.at(1), QStringLiteral("0"));
    render(spec, compactSize); // and draws
}

void TestHeatmap::cellImageOutOfMemoryLeavesGridEmpty()
{
    if (testutil::underSanitizer())
        QSKIP("sanitizers reserve more address space than the limit allows");
    const int n = 2048; // the cells as one image: 16 MB
    attn::Matrix m(n, n);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            m(r, c) = r + c;
    HeatmapSpec spec = specFor(m);
    spec.stats = heatmapscale::scan(m);
    const QRectF target(0, 0, 300, 300);
    const HeatmapLayout layout = heatmaplayout::layout(target, spec);
    QVERIFY(layout.rasterCells);
    // Fonts and glyphs loaded before the limit, by a panel of few cells.
    render(specFor(attn::Matrix::Identity(65, 65)), target.size());

    QImage image(target.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(kPageColour);
    {
        testutil::AddressSpaceLimit limit(4 << 20);
        QVERIFY(limit.active());
        QPainter painter(&image);
        heatmappainter::paint(&painter, layout, spec);
    }
    // The panel's white page shows where the cells would be; the rest is drawn.
    QCOMPARE(pixelAt(image, layout.gridRect.center()), QColor(Qt::white));
    QVERIFY(darkPixels(image, layout.rowLabelRect) > 0);
}

void TestHeatmap::keptLayoutOfAnEmptiedMatrixDrawsNoCells_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addRow("0 x 0") << 0 << 0;
    QTest::addRow("0 x 3") << 0 << 3;
    QTest::addRow("3 x 0") << 3 << 0;
}

void TestHeatmap::keptLayoutOfAnEmptiedMatrixDrawsNoCells()
{
    QFETCH(int, rows);
    QFETCH(int, columns);
    // A widget keeps its layout between paints; the matrix may have lost
    // its cells since. Painting with the old layout must not read them.
    for (const int side : {3, 65}) { // per-cell and image path
        const HeatmapSpec before = specFor(attn::Matrix::Constant(side, side, 0.5));
        const QRectF target(0, 0, 400, 300);
        const HeatmapLayout kept = heatmaplayout::layout(target, before);
        QCOMPARE(kept.rows, side);
        const HeatmapSpec now = specFor(attn::Matrix(rows, columns));
        const QImage image = [&] {
            QImage image(target.size().toSize(), QImage::Format_ARGB32_Premultiplied);
            image.fill(kPageColour);
            QPainter painter(&image);
            heatmappainter::paint(&painter, kept, now);
            return image;
        }();
        // The panel's white page, and no cell where the cells were.
        QCOMPARE(dominant(histogram(image, kept.gridRect)), QColor(Qt::white).rgb());
    }
}

void TestHeatmap::settingNumbersAreShortWithASmallE()
{
    // Temperatures and epsilons in titles and formulas: the user's decimal
    // mark, as few digits as they need, a small e, no group separator.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German));
    QCOMPARE(heatmapscale::formatSetting(0.7), QStringLiteral("0,7"));
    QCOMPARE(heatmapscale::formatSetting(1e-5, 3), QStringLiteral("1e-05"));
    QCOMPARE(heatmapscale::formatSetting(1000.0), QStringLiteral("1000"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(heatmapscale::formatSetting(1e-5, 3), QStringLiteral("1e-05"));
    QCOMPARE(heatmapscale::formatSetting(1500.0), QStringLiteral("1500"));
    QCOMPARE(heatmapscale::formatSetting(1.0), QStringLiteral("1"));
    QLocale::setDefault(before);
}

QTEST_MAIN(TestHeatmap)

#include "tst_heatmap.moc"
