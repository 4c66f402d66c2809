#include "ui/render/heatmaprenderer.h"

#include "ui/render/formulatext.h"

#include <QFontMetricsF>
#include <QImage>
#include <QLinearGradient>
#include <QPaintEngine>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace {

// Proportions, all relative to the label font's line height so the whole
// panel scales with the font.
constexpr double kPaddingFactor = 0.5;  // around the panel
constexpr double kGapFactor = 0.4;      // between labels and grid
constexpr double kBarGapFactor = 1.0;   // between grid and colour bar
constexpr double kBarWidthFactor = 0.9; // colour bar width
constexpr double kMinBarHeightFactor = 4.0;
constexpr double kMaxLabelChars = 10.0; // longer labels are elided
constexpr double kPreferredGridExtent = 720.0;
constexpr double kMaxCellFactor = 2.0; // cells grow to at most 2x comfortable
constexpr double kCompactPaddingFactor = 0.3;

// Below this many logical pixels per cell, or above this many cells, the
// cells are drawn as one image: per-cell rectangles would be slow on screen
// and bloat SVG/PDF exports.
constexpr double kRasterCellSize = 6.0;
constexpr qsizetype kRasterCellCount = 64 * 64;
constexpr double kGridLineCellSize = 14.0; // white separators from this size
constexpr double kHatchCellSize = 4.0;     // hatching needs room to be seen
constexpr double kMaxHatchLines = 20000;   // beyond this, flat fills instead
constexpr int kMaxVectorImageSide = 2048;

const QColor kBackground(Qt::white);
const QColor kTitleColor(0x1a, 0x1a, 0x1a);
const QColor kFormulaColor(0x4a, 0x4a, 0x4a);
const QColor kLabelColor(0x30, 0x30, 0x30);
const QColor kFrameColor(0xa8, 0xa8, 0xa8);
const QColor kBlockColor(0x1a, 0x1a, 0x1a);
const QColor kMaskedText(0x6a, 0x6a, 0x6a);
const QColor kNanText(0x9a, 0x00, 0x66);
// Masked and NaN fills for cells too small to hatch: about the average
// colour of the hatched version, so the look does not jump between sizes.
const QColor kMaskedFlat(0xe6, 0xe6, 0xe6);
const QColor kNanFlat(0xf2, 0xb8, 0xdc);
const QColor kStripTrack(0xee, 0xee, 0xee);
const QColor kStripBar(0xa9, 0xc8, 0xe8);

const QString kMinus = QStringLiteral("\u2212");
const QString kMaskedLegend = QStringLiteral("masked");
const QString kNanLegend = QStringLiteral("NaN");

bool isMasked(double v)
{
    return v == -std::numeric_limits<double>::infinity();
}

QFont pixelSized(const QFont& font, double scale = 1.0)
{
    QFont f(font);
    double px = font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 96.0 / 72.0;
    if (px <= 0)
        px = 16.0;
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px * scale))));
    return f;
}

// Titles may be longer than labels before they are cut: a panel is as wide
// as its title.
constexpr qsizetype kMaxTitleLength = 4 * formulatext::kMaxLabelLength;

QString labelText(const QStringList& labels, int index)
{
    return HeatmapRenderer::labelText(labels, index);
}

QString titleText(const QString& title)
{
    return formulatext::boundedText(title, kMaxTitleLength);
}

// 1, 2, 3, 5, 10, 20, 30, 50, ... at least `minimum`; thinned labels then
// land on round indices, which is what a reader expects, and the steps are
// fine enough that as many labels as fit are shown.
int niceStride(double minimum)
{
    if (minimum <= 1.0)
        return 1;
    for (int base = 1;; base *= 10) {
        for (int m : {1, 2, 3, 5}) {
            if (base * m >= minimum)
                return base * m;
        }
        if (base > std::numeric_limits<int>::max() / 100)
            return base * 10;
    }
}

// The factor both ends of a range (and the value) are multiplied by before
// subtracting: 1, or 0.5 when high - low overflows (±1.5e308, say). Halving
// is exact at the magnitudes that can overflow, and a factor of 1 keeps every
// other range bit for bit the plain (v - low) / (high - low).
double spanScale(double low, double high)
{
    return std::isfinite(high - low) ? 1.0 : 0.5;
}

// Round tick values inside [low, high]: the most that fit in maxCount, with
// steps of 1, 2, 2.5 or 5 times a power of ten. `decimals` gets the digits
// needed to print them.
std::vector<double> niceTicks(double low, double high, int maxCount, int* decimals)
{
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high)) {
        *decimals = 2;
        return {low};
    }
    auto ticksFor = [&](double step) {
        std::vector<double> ticks;
        const double first = std::ceil(low / step - 1e-9);
        for (int i = 0; i <= 64; ++i) {
            const double v = (first + i) * step; // not accumulated: no drift
            // v - high, not high + slack: next to the largest double the
            // slack would overflow and no tick would ever be past the end.
            if (v - high > step * 1e-9)
                break;
            ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    };
    // Smallest step first, so the first that fits gives the most ticks.
    const double scale = spanScale(low, high);
    const int top = static_cast<int>(std::ceil(std::log10(high * scale - low * scale) - std::log10(scale)));
    for (int exponent = top - 3; exponent <= top + 1; ++exponent) {
        for (double mantissa : {1.0, 2.0, 2.5, 5.0}) {
            const double step = mantissa * std::pow(10.0, exponent);
            // Past the largest double or below the smallest the step is
            // infinite or zero, and its ticks would be NaN.
            if (!std::isfinite(step) || !(step > 0.0))
                continue;
            std::vector<double> ticks = ticksFor(step);
            if (static_cast<int>(ticks.size()) <= maxCount) {
                *decimals = std::max(0, -exponent) + (mantissa == 2.5 ? 1 : 0);
                return ticks;
            }
        }
    }
    *decimals = 2;
    return {low, high};
}

struct LabelWidths
{
    double widest = 0; // capped
    double pair = 0;   // widest neighbours' half widths summed (capped each)
};

LabelWidths measureLabels(const QFontMetricsF& fm, const QStringList& labels, int count, double cap)
{
    LabelWidths w;
    if (labels.isEmpty()) { // indices: the last one is the widest
        w.widest = count > 0 ? std::min(cap, fm.horizontalAdvance(QString::number(count - 1))) : 0.0;
        w.pair = w.widest;
        return w;
    }
    // Past a few hundred, labels are thinned anyway, so a sample gives the width.
    const int step = std::max(1, count / 256);
    double previous = -1;
    for (int i = 0; i < count; i += step) {
        const double a = std::min(cap, fm.horizontalAdvance(labelText(labels, i)));
        w.widest = std::max(w.widest, a);
        w.pair = std::max(w.pair, previous < 0 ? a : (step == 1 ? (a + previous) / 2 : w.widest));
        previous = a;
    }
    return w;
}

// Label widths are measured once per list and font: a figure shows the same
// tokens in a dozen panels and lays each out more than once, and text
// measuring would otherwise dominate its build time. An entry holds a copy
// of the list, so the list's data cannot be freed and its address reused
// while the entry exists (a changed list detaches to new data).
LabelWidths labelWidths(const QFont& font, const QStringList& labels, int count, double cap)
{
    struct Entry
    {
        QStringList labels;
        QString fontKey;
        int count;
        double cap;
        LabelWidths widths;
    };
    thread_local std::vector<Entry> cache;
    const QString key = font.key();
    for (const Entry& e : cache) {
        if (e.labels.constData() == labels.constData() && e.labels.size() == labels.size() && e.count == count &&
            e.cap == cap && e.fontKey == key)
            return e.widths;
    }
    const LabelWidths widths = measureLabels(QFontMetricsF(font), labels, count, cap);
    if (cache.size() >= 16)
        cache.erase(cache.begin());
    cache.push_back({labels, key, count, cap, widths});
    return widths;
}

// From the bar's right edge to its tick labels: the tick mark and some air.
double tickLengthFor(double lineHeight, bool compact)
{
    return compact ? 3.0 : std::round(lineHeight * 0.25);
}

double tickGapFor(double lineHeight, bool compact)
{
    return tickLengthFor(lineHeight, compact) + (compact ? 3 : 4);
}

// Numbers in cells relative to the labels: a compact figure is zoomed out to
// fit a screen, and its numbers are what the audience reads.
double valueFontScale(const HeatmapSpec& spec)
{
    return spec.compact ? 0.94 : 0.9;
}

double hatchSpacing(const QFont& labelFont)
{
    return std::max(4.0, std::round(labelFont.pixelSize() * 0.4));
}

// Sizes that do not depend on the cell size.
struct Measures
{
    QFont titleFont;
    QFont labelFont;
    QFont valueFont; // the full-size value font (0.9 of the labels)
    bool compact = false;
    double aspect = 1.0;
    double lineHeight = 0;
    double padding = 0;
    double gap = 0;
    double headerGap = 0;
    double titleHeight = 0;
    double formulaHeight = 0;
    double titleWidth = 0;
    double formulaWidth = 0;
    double headerSpace = 0;   // between title and formula on one line
    double rowLabelWidth = 0; // including the gap to the grid
    double columnLabelWidth = 0;
    double columnLabelPairWidth = 0; // widest two neighbouring column labels, halved and summed
    bool columnLabelsAreIndices = true;
    double barGap = 0;
    double barWidth = 0;
    double barColumnWidth = 0; // from the strip's (or grid's) right edge to the panel edge
    double minBarHeight = 0;
    double legendHeight = 0;
    double stripGap = 0;
    double stripWidth = 0; // 0 without a strip
    double stripValueWidth = 0;
    double valueHeight = 0;
    double valueWidth = 0; // the widest number at valueFont
    double comfortableCell = 0;
    QStringList valueTexts; // the widest candidates of the printed numbers
    QStringList compactTickTexts;
    std::vector<double> compactTicks;
    int rows = 0;
    int columns = 0;
    HeatmapStats stats;
    ValueRange range;
};

QStringList valueSamples(const HeatmapSpec& spec, const HeatmapStats& stats)
{
    QStringList samples;
    if (stats.hasFinite) {
        samples << HeatmapRenderer::formatValue(stats.min, spec.decimals)
                << HeatmapRenderer::formatValue(stats.max, spec.decimals);
    }
    if (stats.maskedCount > 0)
        samples << HeatmapRenderer::formatValue(-std::numeric_limits<double>::infinity(), 0);
    if (stats.nanCount > 0)
        samples << kNanLegend;
    if (stats.positiveInfCount > 0)
        samples << HeatmapRenderer::formatValue(std::numeric_limits<double>::infinity(), 0);
    return samples;
}

double widestValue(const QFontMetricsF& fm, const QStringList& samples)
{
    double widest = 0;
    for (const QString& s : samples)
        widest = std::max(widest, fm.horizontalAdvance(s));
    return widest;
}

// A tick value in as few digits as say it at `decimals`, "1" not "1.00",
// and at most three significant ones ("17.5" for 17.46): a colour scale
// needs the magnitude, the cells and tooltips carry the exact numbers.
QString tickText(double value, int decimals)
{
    if (std::isfinite(value) && value != 0.0) {
        const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value)))) + 1;
        decimals = std::min(decimals, std::max(0, 3 - magnitude));
    }
    QString text = HeatmapRenderer::formatValue(value, decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text == kMinus + QStringLiteral("0") ? QStringLiteral("0") : text;
}

// The compact bar's ticks: both ends (the data's extremes for an automatic
// range), 0 on a diverging map, else a round value near the middle; the
// middle one is dropped later when the bar is too short for three.
void compactTicks(const HeatmapSpec& spec, const Measures& m, std::vector<double>* ticks, QStringList* texts)
{
    const ValueRange r = m.range;
    const int decimals = std::max(0, spec.decimals);
    if (!(r.high > r.low)) {
        ticks->push_back(r.low);
        texts->push_back(tickText(r.low, decimals));
        return;
    }
    ticks->push_back(r.low);
    texts->push_back(tickText(r.low, decimals));
    if (spec.colorMap.isDiverging() && r.low < 0 && r.high > 0) {
        ticks->push_back(0.0);
        texts->push_back(QStringLiteral("0"));
    } else {
        int niceDecimals = 0;
        const std::vector<double> nice = niceTicks(r.low, r.high, 5, &niceDecimals);
        const double mid = r.low / 2 + r.high / 2; // the sum may overflow
        double best = mid;
        double bestDistance = std::numeric_limits<double>::infinity();
        for (double v : nice) {
            if (std::abs(v - mid) < bestDistance) {
                bestDistance = std::abs(v - mid);
                best = v;
            }
        }
        // Only a value well inside the bar: a middle tick next to an end
        // would collide with the end's label.
        const double t = r.normalized(best);
        if (bestDistance < std::numeric_limits<double>::infinity() && t > 0.3 && t < 0.7) {
            ticks->push_back(best);
            texts->push_back(tickText(best, niceDecimals));
        }
    }
    ticks->push_back(r.high);
    texts->push_back(tickText(r.high, decimals));
}

Measures measure(const HeatmapSpec& spec, const QFont& font)
{
    Measures m;
    m.compact = spec.compact;
    m.aspect = spec.cellAspect > 0 && std::isfinite(spec.cellAspect) ? spec.cellAspect : 1.0;
    m.labelFont = pixelSized(font);
    m.titleFont = pixelSized(font, 1.2);
    m.titleFont.setBold(true);
    m.valueFont = pixelSized(m.labelFont, valueFontScale(spec));
    const QFontMetricsF fm(m.labelFont);
    const QFontMetricsF titleFm(m.titleFont);
    const QFontMetricsF valueFm(m.valueFont);
    // Highlighted labels are drawn bold; measuring bold keeps them unelided.
    QFont boldLabel = m.labelFont;
    boldLabel.setBold(true);
    m.lineHeight = std::ceil(fm.height());
    m.padding = std::round(m.lineHeight * (m.compact ? kCompactPaddingFactor : kPaddingFactor));
    m.gap = std::round(m.lineHeight * (m.compact ? 0.3 : kGapFactor));
    m.headerGap = m.compact ? std::round(m.lineHeight * 0.2) : m.gap;
    m.valueHeight = valueFm.height();

    if (spec.matrix) {
        m.rows = static_cast<int>(spec.matrix->rows());
        m.columns = static_cast<int>(spec.matrix->cols());
    }
    if (m.rows == 0 || m.columns == 0)
        m.rows = m.columns = 0;
    m.stats = spec.stats ? *spec.stats : (spec.matrix ? HeatmapRenderer::scan(*spec.matrix) : HeatmapStats{});
    m.range = HeatmapRenderer::effectiveRange(spec, m.stats);

    if (!spec.title.isEmpty()) {
        m.titleHeight = std::ceil(titleFm.height());
        m.titleWidth = std::ceil(titleFm.horizontalAdvance(titleText(spec.title))) + 1;
    }
    if (!spec.formula.isEmpty()) {
        m.formulaHeight = m.lineHeight;
        m.formulaWidth = std::ceil(fm.horizontalAdvance(titleText(spec.formula))) + 1;
    }
    m.headerSpace = std::round(m.lineHeight * 0.8);

    const double cap = fm.averageCharWidth() * kMaxLabelChars;
    // +1: rounding the grid's edge to a whole pixel must not elide a label.
    m.rowLabelWidth = std::ceil(labelWidths(boldLabel, spec.rowLabels, m.rows, cap).widest) + 1 + m.gap;
    const LabelWidths columnWidths = labelWidths(m.labelFont, spec.columnLabels, m.columns, cap);
    m.columnLabelWidth = std::ceil(columnWidths.widest) + 1;
    // Upright token labels may be wider than their cell as long as
    // neighbours stay apart.
    m.columnLabelPairWidth = columnWidths.pair;
    m.columnLabelsAreIndices = spec.columnLabels.isEmpty();
    double tickWidth = 0;
    if (m.compact) {
        compactTicks(spec, m, &m.compactTicks, &m.compactTickTexts);
        for (const QString& t : std::as_const(m.compactTickTexts))
            tickWidth = std::max(tickWidth, fm.horizontalAdvance(t));
        m.barGap = std::round(m.lineHeight * 0.3);
        m.barWidth = std::round(m.lineHeight * 0.45);
        m.minBarHeight = m.lineHeight * 2.2;
    } else {
        // The bar column must fit the widest tick text of any tick count.
        for (int count : {2, 3, 4, 5, 6}) {
            int decimals = 0;
            for (double v : niceTicks(m.range.low, m.range.high, count, &decimals))
                tickWidth = std::max(tickWidth, fm.horizontalAdvance(HeatmapRenderer::formatValue(v, decimals)));
        }
        m.barGap = std::round(m.lineHeight * kBarGapFactor);
        m.barWidth = std::round(m.lineHeight * kBarWidthFactor);
        m.minBarHeight = m.lineHeight * kMinBarHeightFactor;
    }
    double legendWidth = 0;
    int legendEntries = 0;
    if (m.stats.maskedCount > 0) {
        legendWidth = std::max(legendWidth, fm.horizontalAdvance(kMaskedLegend));
        ++legendEntries;
    }
    if (m.stats.nanCount > 0) {
        legendWidth = std::max(legendWidth, fm.horizontalAdvance(kNanLegend));
        ++legendEntries;
    }
    m.legendHeight = legendEntries > 0 ? m.gap + legendEntries * m.lineHeight * 1.25 : 0;
    const double tickGap = tickGapFor(m.lineHeight, m.compact);
    m.barColumnWidth =
        m.barGap + std::ceil(std::max(m.barWidth + tickGap + tickWidth, m.barWidth + m.gap + legendWidth)) + 2;

    if (spec.rowStrip) {
        const HeatmapStrip& strip = *spec.rowStrip;
        QStringList texts{HeatmapRenderer::formatValue(strip.maximum, strip.decimals)};
        for (double v : strip.values) {
            if (!std::isfinite(v))
                continue;
            texts << HeatmapRenderer::formatValue(v, strip.decimals);
            if (texts.size() > 256)
                break;
        }
        m.stripValueWidth = widestValue(valueFm, texts);
        m.stripGap = std::round(m.lineHeight * 0.35);
        m.stripWidth = std::ceil(std::max(
            {m.stripValueWidth + 8, m.lineHeight * 2.2, fm.horizontalAdvance(labelText({strip.header}, 0)) + 2}));
    }

    m.valueTexts = valueSamples(spec, m.stats);
    m.valueWidth = widestValue(valueFm, m.valueTexts);
    m.comfortableCell = std::max(m.valueWidth + m.lineHeight * 0.8, m.lineHeight * 2.2);
    if (m.aspect != 1.0)
        m.comfortableCell = std::max(m.comfortableCell / m.aspect, m.lineHeight * 1.2);
    // Short column labels (tokens) read better upright: grow the cells a
    // little if that avoids rotating them.
    if (!m.columnLabelsAreIndices && m.aspect == 1.0)
        m.comfortableCell = std::max(m.comfortableCell, std::min(m.columnLabelWidth + 8, m.comfortableCell * 1.6));
    m.comfortableCell = std::round(m.comfortableCell);
    return m;
}

double snapCell(double cell)
{
    // Whole-pixel cells give identical cell widths; below a few pixels the
    // waste from flooring would be too large, and those go to the image path.
    return cell >= 3.0 ? std::floor(cell + 1e-6) : cell;
}

double cellWidthFor(const Measures& m, double cellHeight)
{
    return m.aspect == 1.0 ? cellHeight : snapCell(cellHeight * m.aspect);
}

double columnLabelHeight(const Measures& m, bool rotated)
{
    return rotated ? m.columnLabelWidth + m.gap : m.lineHeight + m.gap * 0.5;
}

bool needsRotation(const Measures& m, double cellWidth)
{
    if (m.columnLabelsAreIndices)
        return false;
    if (!m.compact)
        return m.columnLabelWidth + 6 > cellWidth;
    // Neighbours keep a small gap, and the outermost labels do not reach
    // past the grid by more than the room beside it.
    const double air = std::round(m.lineHeight * 0.3);
    const double overhang = (m.columnLabelWidth - cellWidth) / 2;
    return m.columnLabelPairWidth + air > cellWidth || overhang > std::min(m.barGap, m.rowLabelWidth);
}

double gridRightExtras(const Measures& m)
{
    return (m.stripWidth > 0 ? m.stripGap + m.stripWidth : 0.0) + m.barColumnWidth;
}

// Width of the panel's content next to the header.
double contentWidth(const Measures& m, double cellWidth)
{
    return m.rowLabelWidth + m.columns * cellWidth + gridRightExtras(m);
}

bool headerOnOneLine(const Measures& m, double cellWidth)
{
    return m.compact && m.titleWidth > 0 && m.formulaWidth > 0 &&
           m.titleWidth + m.headerSpace + m.formulaWidth <= contentWidth(m, cellWidth);
}

double headerHeight(const Measures& m, double cellWidth)
{
    const double h =
        headerOnOneLine(m, cellWidth) ? std::max(m.titleHeight, m.formulaHeight) : m.titleHeight + m.formulaHeight;
    return h > 0 ? h + m.headerGap : 0.0;
}

double headerWidth(const Measures& m, double cellWidth)
{
    return headerOnOneLine(m, cellWidth) ? m.titleWidth + m.headerSpace + m.formulaWidth
                                         : std::max(m.titleWidth, m.formulaWidth);
}

double barHeightFor(const Measures& m, double gridH)
{
    return std::max(gridH - m.legendHeight, m.minBarHeight);
}

QSizeF composedSize(const Measures& m, double cellW, double cellH, bool rotated)
{
    const double gridH = m.rows * cellH;
    const double barH = barHeightFor(m, gridH);
    const double width = std::max(contentWidth(m, cellW), headerWidth(m, cellW));
    const double height =
        headerHeight(m, cellW) + columnLabelHeight(m, rotated) + std::max(gridH, barH + m.legendHeight);
    return {std::ceil(width), std::ceil(height)};
}

// The smallest stride in 1, 2, 3, 5, 10, 20, 30, 50, ... whose labels keep
// `extent` (their size plus air) apart: as many labels as fit, on round indices.
int labelStride(double extent, double pitch)
{
    if (!(pitch > 0))
        return 1;
    return niceStride(extent / pitch - 1e-9);
}

HeatmapLayout place(const QRectF& target, const Measures& m, const HeatmapSpec& spec, double cell, bool rotated)
{
    HeatmapLayout l;
    const double cellW = cellWidthFor(m, cell);
    l.target = target;
    l.rows = m.rows;
    l.columns = m.columns;
    l.cellSize = cell;
    l.cellWidth = cellW;
    l.columnLabelsRotated = rotated;
    l.stats = m.stats;
    l.range = m.range;
    l.titleFont = m.titleFont;
    l.labelFont = m.labelFont;

    const QRectF content = target.adjusted(m.padding, m.padding, -m.padding, -m.padding);
    const QSizeF size = composedSize(m, cellW, cell, rotated);
    const double x0 = std::round(content.left() + std::max(0.0, (content.width() - size.width()) / 2));
    // Centred both ways: a panel given more room than it can use (cells stop
    // growing at twice their comfortable size) keeps its balance.
    const double y0 = std::round(content.top() + std::max(0.0, (content.height() - size.height()) / 2));

    if (headerOnOneLine(m, cellW)) {
        const double h = std::max(m.titleHeight, m.formulaHeight);
        l.titleRect = QRectF(x0, y0, m.titleWidth, h);
        const double fx = x0 + m.titleWidth + m.headerSpace;
        l.formulaRect = QRectF(fx, y0, std::max(0.0, x0 + size.width() - fx), h);
    } else {
        l.titleRect = QRectF(x0, y0, size.width(), m.titleHeight);
        l.formulaRect = QRectF(x0, y0 + m.titleHeight, size.width(), m.formulaHeight);
    }
    const double header = headerHeight(m, cellW);

    const double colLabelH = columnLabelHeight(m, rotated);
    const double gridLeft = std::round(x0 + m.rowLabelWidth);
    const double gridTop = std::round(y0 + header + colLabelH);
    const double gridW = m.columns * cellW;
    const double gridH = m.rows * cell;
    l.gridRect = QRectF(gridLeft, gridTop, gridW, gridH);
    l.rowLabelRect = QRectF(x0, gridTop, gridLeft - m.gap - x0, gridH);
    l.columnLabelRect = QRectF(gridLeft, y0 + header, gridW, colLabelH - m.gap * (rotated ? 1.0 : 0.5));

    double right = gridLeft + std::round(gridW);
    if (m.stripWidth > 0) {
        l.stripRect = QRectF(right + m.stripGap, gridTop, m.stripWidth, gridH);
        right = l.stripRect.right();
        l.stripValuesVisible = m.valueHeight <= cell - 2 && m.stripValueWidth + 4 <= m.stripWidth;
    }

    const double barH = std::round(barHeightFor(m, gridH));
    l.colorBarRect = QRectF(right + m.barGap, gridTop, m.barWidth, barH);
    if (m.legendHeight > 0) {
        l.legendRect =
            QRectF(l.colorBarRect.left(), gridTop + barH + m.gap, m.barColumnWidth - m.barGap, m.legendHeight - m.gap);
    }

    if (m.compact) {
        l.ticks = m.compactTicks;
        l.tickLabels = m.compactTickTexts;
        // A middle label needs a line and a half of bar to either side (the
        // end labels sit inside the bar's ends); else the ends only.
        const double t = l.ticks.size() == 3 ? l.range.normalized(l.ticks[1]) : 0.0;
        if (l.ticks.size() == 3 && std::min(t, 1.0 - t) * barH < m.lineHeight * 1.5) {
            l.ticks.erase(l.ticks.begin() + 1);
            l.tickLabels.removeAt(1);
        }
        l.tickDecimals = spec.decimals;
    } else {
        const int tickCount = std::clamp(static_cast<int>(barH / (m.lineHeight * 1.6)), 2, 6);
        l.ticks = niceTicks(m.range.low, m.range.high, tickCount, &l.tickDecimals);
        for (double v : l.ticks)
            l.tickLabels << HeatmapRenderer::formatValue(v, l.tickDecimals);
    }

    if (cell > 0) {
        // Every label if they fit; once thinned, as many as fit with air
        // between them so they read as an axis, not as a wall of numbers.
        const double air = m.lineHeight * 0.15;
        l.rowLabelStride = labelStride(m.lineHeight + air, cell);
        if (rotated || !m.columnLabelsAreIndices) {
            l.columnLabelStride = rotated ? labelStride(m.lineHeight + air, cellW) : 1;
        } else {
            l.columnLabelStride = labelStride(m.columnLabelWidth + m.gap, cellW);
        }
    }

    const double smallSide = std::min(cell, cellW);
    l.rasterCells = smallSide < kRasterCellSize || static_cast<qsizetype>(m.rows) * m.columns > kRasterCellCount;
    l.gridLines = smallSide >= kGridLineCellSize;
    const double hatchLines =
        static_cast<double>(m.stats.maskedCount + m.stats.nanCount + m.rows) * cellW / hatchSpacing(m.labelFont);
    l.hatched = smallSide >= kHatchCellSize && hatchLines <= kMaxHatchLines;

    l.valueFont = m.valueFont;
    if (spec.showValues && !l.rasterCells && m.rows > 0) {
        // Shrink the number font a little before giving up on numbers. Text
        // scales with its pixel size, so the smaller fonts are judged from
        // the full one's measures (a pixel of slack covers hinting).
        const double full = valueFontScale(spec);
        for (double scale : {full, 0.8, 0.7}) {
            const QFont f = scale == full ? m.valueFont : pixelSized(m.labelFont, scale);
            if (f.pixelSize() < 9)
                break;
            const double ratio = static_cast<double>(f.pixelSize()) / m.valueFont.pixelSize();
            const double slack = scale == full ? 0.0 : 1.0;
            if (m.valueWidth * ratio + slack + 4 <= cellW && m.valueHeight * ratio + slack <= cell - 2) {
                l.valueFont = f;
                l.valuesVisible = true;
                break;
            }
        }
    }
    return l;
}

// Edges of cell i along one axis. Vector cells use rounded edges so adjacent
// cells share a pixel boundary with no gap and no overlap.
double edge(double origin, double cell, int index, bool rounded)
{
    const double e = origin + index * cell;
    return rounded ? std::round(e) : e;
}

// Diagonal hatching on a global lattice, so runs of adjacent hatched cells
// join into one continuous pattern. Segments are clipped analytically rather
// than with a clip path, which SVG and PDF exports handle unevenly.
void hatch(QPainter* painter, const QRectF& r, double spacing, bool forward)
{
    const double x0 = r.left(), x1 = r.right(), y0 = r.top(), y1 = r.bottom();
    if (forward) { // lines x + y = c
        for (double c = std::ceil((x0 + y0) / spacing) * spacing; c < x1 + y1; c += spacing) {
            const double lo = std::max(x0, c - y1);
            const double hi = std::min(x1, c - y0);
            if (hi > lo)
                painter->drawLine(QPointF(lo, c - lo), QPointF(hi, c - hi));
        }
    } else { // lines x - y = c
        for (double c = std::ceil((x0 - y1) / spacing) * spacing; c < x1 - y0; c += spacing) {
            const double lo = std::max(x0, y0 + c);
            const double hi = std::min(x1, y1 + c);
            if (hi > lo)
                painter->drawLine(QPointF(lo, lo - c), QPointF(hi, hi - c));
        }
    }
}

void drawSwatch(QPainter* painter, const QRectF& r, const QColor& fill, const QColor& lines, double spacing,
                bool forward)
{
    painter->fillRect(r, fill);
    painter->setPen(QPen(lines, 1.0, Qt::SolidLine, Qt::FlatCap));
    hatch(painter, r, spacing, forward);
}

QImage cellImage(const HeatmapSpec& spec, const HeatmapLayout& l)
{
    QImage image(l.columns, l.rows, QImage::Format_RGB32);
    if (image.isNull()) // out of memory: there are no scan lines to write
        return image;
    const attn::Matrix& matrix = *spec.matrix;
    const QRgb masked = (l.hatched ? HeatmapRenderer::maskedFill() : kMaskedFlat).rgb();
    const QRgb nan = (l.hatched ? HeatmapRenderer::nanFill() : kNanFlat).rgb();
    const ValueRange range = l.range;
    const double scale = spanScale(range.low, range.high);
    const double low = range.low * scale;
    const double span = range.high * scale - low;
    // Ranges with an infinite or NaN end, or none at all, take the general
    // (slower) path; they are explicit ranges or constant matrices.
    const bool direct = std::isfinite(range.low) && std::isfinite(range.high) && span > 0;
    // A local copy of the table: the compiler cannot prove that writes to the
    // image leave the shared table alone, and would reload it for every cell.
    std::array<QRgb, ColorMap::kSize> lut;
    for (int i = 0; i < ColorMap::kSize; ++i)
        lut[static_cast<std::size_t>(i)] = spec.colorMap.entry(i);
    for (int r = 0; r < l.rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        const double* row = matrix.data() + static_cast<qsizetype>(r) * l.columns;
        for (int c = 0; c < l.columns; ++c) {
            const double v = row[c];
            if (std::isnan(v)) {
                line[c] = nan;
            } else if (isMasked(v)) {
                line[c] = masked;
            } else if (direct) {
                // ColorMap::indexFor(range.normalized(v)) spelled out, because
                // this loop runs once per cell of matrices with millions.
                const double t = (v * scale - low) / span;
                // Asked as !(t > 0) so that a NaN never reaches the cast.
                const int index = !(t > 0.0) ? 0
                                  : t >= 1.0 ? ColorMap::kSize - 1
                                             : static_cast<int>(t * (ColorMap::kSize - 1) + 0.5);
                line[c] = lut[static_cast<std::size_t>(index)];
            } else {
                line[c] = lut[static_cast<std::size_t>(ColorMap::indexFor(range.normalized(v)))];
            }
        }
    }
    return image;
}

void drawRasterCells(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l)
{
    QImage image = cellImage(spec, l);
    // Out of memory the grid stays empty: a panel cannot report an error, and
    // guessed colours would be worse than none.
    if (image.isNull())
        return;
    const bool raster = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    const double deviceScale = std::abs(painter->deviceTransform().m11());
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    if (raster && std::min(l.cellSize, l.cellWidth) * deviceScale < 1.0) {
        // Several cells per device pixel: nearest-neighbour would drop whole
        // rows and columns (a diagonal could vanish), so average them instead.
        const QSize device(std::max(1, static_cast<int>(std::lround(l.gridRect.width() * deviceScale))),
                           std::max(1, static_cast<int>(std::lround(l.gridRect.height() * deviceScale))));
        const QImage averaged = image.scaled(device, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        if (!averaged.isNull())
            image = averaged;
    } else if (!raster && l.cellSize >= 2.0) {
        // SVG and PDF viewers smooth embedded images when they enlarge them;
        // pre-enlarging by a whole factor keeps the cells' edges crisp there.
        const int side = std::max(l.rows, l.columns);
        const int factor =
            std::min(static_cast<int>(std::ceil(l.cellSize * 2)), kMaxVectorImageSide / std::max(1, side));
        if (factor > 1) {
            // Without the memory for the enlarged copy, a soft-edged image
            // still shows the right colours.
            const QImage enlarged =
                image.scaled(l.columns * factor, l.rows * factor, Qt::IgnoreAspectRatio, Qt::FastTransformation);
            if (!enlarged.isNull())
                image = enlarged;
        }
    }
    painter->drawImage(l.gridRect, image);
}

void drawVectorCells(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l, const std::vector<double>& xs,
                     const std::vector<double>& ys)
{
    const attn::Matrix& matrix = *spec.matrix;
    for (int r = 0; r < l.rows; ++r) {
        for (int c = 0; c < l.columns; ++c) {
            const double v = matrix(r, c);
            const QRectF rect(xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r]);
            if (!l.hatched && std::isnan(v))
                painter->fillRect(rect, kNanFlat);
            else if (!l.hatched && isMasked(v))
                painter->fillRect(rect, kMaskedFlat);
            else
                painter->fillRect(rect, QColor::fromRgb(HeatmapRenderer::cellColor(spec, l.range, v)));
        }
    }
}

template <typename Predicate>
void hatchRuns(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l, const std::vector<double>& xs,
               const std::vector<double>& ys, Predicate matches, const QColor& color, bool forward)
{
    const attn::Matrix& matrix = *spec.matrix;
    const double spacing = hatchSpacing(l.labelFont);
    painter->setPen(QPen(color, 1.0, Qt::SolidLine, Qt::FlatCap));
    for (int r = 0; r < l.rows; ++r) {
        int c = 0;
        while (c < l.columns) {
            if (!matches(matrix(r, c))) {
                ++c;
                continue;
            }
            const int start = c;
            while (c < l.columns && matches(matrix(r, c)))
                ++c;
            hatch(painter, QRectF(QPointF(xs[start], ys[r]), QPointF(xs[c], ys[r + 1])), spacing, forward);
        }
    }
}

// What a colour drawn at `opacity` on the white page looks like; a dimmed
// panel must pick its text colour for that, not for the full-strength cell.
QColor blendWithBackground(const QColor& color, double opacity)
{
    auto mix = [&](int channel, int page) { return qRound(channel * opacity + page * (1.0 - opacity)); };
    return QColor(mix(color.red(), kBackground.red()), mix(color.green(), kBackground.green()),
                  mix(color.blue(), kBackground.blue()));
}

void drawValues(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l, const std::vector<double>& xs,
                const std::vector<double>& ys)
{
    const attn::Matrix& matrix = *spec.matrix;
    painter->setFont(l.valueFont);
    for (int r = 0; r < l.rows; ++r) {
        for (int c = 0; c < l.columns; ++c) {
            const double v = matrix(r, c);
            QColor pen;
            if (std::isnan(v))
                pen = kNanText;
            else if (isMasked(v))
                pen = kMaskedText;
            else
                pen = legibleTextColor(blendWithBackground(
                    QColor::fromRgb(HeatmapRenderer::cellColor(spec, l.range, v)), painter->opacity()));
            painter->setPen(pen);
            const QRectF rect(xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r]);
            painter->drawText(rect, Qt::AlignCenter, HeatmapRenderer::formatValue(v, spec.decimals));
        }
    }
}

void drawGridLines(QPainter* painter, const HeatmapLayout& l, const std::vector<double>& xs,
                   const std::vector<double>& ys)
{
    const double width = l.cellSize >= 40 ? 2.0 : 1.0;
    for (int c = 1; c < l.columns; ++c)
        painter->fillRect(QRectF(xs[c] - std::floor(width / 2), l.gridRect.top(), width, l.gridRect.height()),
                          kBackground);
    for (int r = 1; r < l.rows; ++r)
        painter->fillRect(QRectF(l.gridRect.left(), ys[r] - std::floor(width / 2), l.gridRect.width(), width),
                          kBackground);
}

void drawBlocksAndHighlights(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l,
                             const std::vector<double>& xs, const std::vector<double>& ys)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setBrush(Qt::NoBrush);
    const double extend = std::round(QFontMetricsF(l.labelFont).height() * 0.25);
    painter->setPen(QPen(kBlockColor, 2.0, Qt::SolidLine, Qt::FlatCap));
    for (int start : spec.columnBlockStarts) {
        if (start <= 0 || start >= l.columns)
            continue;
        painter->drawLine(QPointF(xs[start], l.gridRect.top() - extend), QPointF(xs[start], l.gridRect.bottom()));
    }

    const double width = 3.0;
    painter->setPen(QPen(spec.accentColor, width, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    const double inset = width / 2;
    for (int r : spec.highlightedRows) {
        if (r < 0 || r >= l.rows)
            continue;
        painter->drawRect(QRectF(QPointF(l.gridRect.left(), ys[r]), QPointF(l.gridRect.right(), ys[r + 1]))
                              .adjusted(inset, inset, -inset, -inset));
    }
    for (int c : spec.highlightedColumns) {
        if (c < 0 || c >= l.columns)
            continue;
        painter->drawRect(QRectF(QPointF(xs[c], l.gridRect.top()), QPointF(xs[c + 1], l.gridRect.bottom()))
                              .adjusted(inset, inset, -inset, -inset));
    }
}

// Which labels of an axis are drawn: every stride-th, and the highlighted
// ones, whose thinned neighbours give way so no two labels overlap.
std::vector<bool> shownLabels(int count, int stride, const QSet<int>& highlighted, double pitch, double extent)
{
    std::vector<bool> shown(static_cast<std::size_t>(std::max(0, count)), false);
    for (int i = 0; i < count; i += std::max(1, stride))
        shown[static_cast<std::size_t>(i)] = true;
    if (stride <= 1)
        return shown;
    const int reach = pitch > 0 ? static_cast<int>(std::ceil(extent / pitch - 1e-9)) : count;
    for (int h : highlighted) {
        if (h < 0 || h >= count)
            continue;
        for (int i = std::max(0, h - reach + 1); i < std::min(count, h + reach); ++i)
            shown[static_cast<std::size_t>(i)] = false;
    }
    for (int h : highlighted) {
        if (h >= 0 && h < count)
            shown[static_cast<std::size_t>(h)] = true;
    }
    return shown;
}

void drawLabels(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l, const std::vector<double>& xs,
                const std::vector<double>& ys)
{
    const QFontMetricsF fm(l.labelFont);
    const double lh = fm.height();
    QFont bold = l.labelFont;
    bold.setBold(true);
    const QFontMetricsF boldFm(bold);
    const QColor accentText = spec.accentColor.darker(150);

    auto styleFor = [&](bool highlighted) {
        painter->setFont(highlighted ? bold : l.labelFont);
        painter->setPen(highlighted ? accentText : kLabelColor);
        return highlighted ? &boldFm : &fm;
    };

    const double rowWidth = l.rowLabelRect.width();
    const std::vector<bool> rowsShown =
        shownLabels(l.rows, l.rowLabelStride, spec.highlightedRows, l.cellSize, lh * 1.1);
    for (int r = 0; r < l.rows; ++r) {
        if (!rowsShown[static_cast<std::size_t>(r)])
            continue;
        const QFontMetricsF* metrics = styleFor(spec.highlightedRows.contains(r));
        const double cy = (ys[r] + ys[r + 1]) / 2;
        const QString text = metrics->elidedText(labelText(spec.rowLabels, r), Qt::ElideRight, rowWidth);
        painter->drawText(QRectF(l.rowLabelRect.left(), cy - lh / 2, rowWidth, lh), Qt::AlignRight | Qt::AlignVCenter,
                          text);
    }

    // Upright labels were allowed their measured width (capped) when the
    // layout chose not to rotate them.
    const double cap = fm.averageCharWidth() * kMaxLabelChars + 1;
    double columnExtent = lh * 1.1;
    if (!l.columnLabelsRotated) {
        double widest = 0;
        for (int c : spec.highlightedColumns)
            widest = std::max(widest, boldFm.horizontalAdvance(labelText(spec.columnLabels, c)));
        columnExtent = std::min(widest, cap) + lh * 0.3;
    }
    const std::vector<bool> columnsShown =
        shownLabels(l.columns, l.columnLabelStride, spec.highlightedColumns, l.cellWidth, columnExtent);
    for (int c = 0; c < l.columns; ++c) {
        if (!columnsShown[static_cast<std::size_t>(c)])
            continue;
        const QFontMetricsF& cfm = *styleFor(spec.highlightedColumns.contains(c));
        const double cx = (xs[c] + xs[c + 1]) / 2;
        if (l.columnLabelsRotated) {
            const double length = l.columnLabelRect.height();
            const QString text = cfm.elidedText(labelText(spec.columnLabels, c), Qt::ElideRight, length);
            painter->save();
            painter->translate(cx, l.columnLabelRect.bottom());
            painter->rotate(-90);
            painter->drawText(QRectF(0, -lh / 2, length, lh), Qt::AlignLeft | Qt::AlignVCenter, text);
            painter->restore();
        } else {
            const double room =
                std::max({l.cellWidth * l.columnLabelStride, l.cellWidth, spec.columnLabels.isEmpty() ? 0.0 : cap});
            const QString text = cfm.elidedText(labelText(spec.columnLabels, c), Qt::ElideRight,
                                                std::max(room, cfm.horizontalAdvance(QString::number(c))));
            const double w = std::max(room, cfm.horizontalAdvance(text));
            painter->drawText(QRectF(cx - w / 2, l.columnLabelRect.bottom() - lh, w, lh),
                              Qt::AlignHCenter | Qt::AlignBottom, text);
        }
    }
}

void drawColorBar(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l)
{
    const QRectF bar = l.colorBarRect;
    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i < ColorMap::kSize; i += 5)
        gradient.setColorAt(static_cast<double>(i) / (ColorMap::kSize - 1), QColor::fromRgb(spec.colorMap.entry(i)));
    gradient.setColorAt(1.0, QColor::fromRgb(spec.colorMap.entry(ColorMap::kSize - 1)));
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(bar, gradient);

    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(kFrameColor, 1.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5));

    const QFontMetricsF fm(l.labelFont);
    const double lh = fm.height();
    const double tickLength = tickLengthFor(std::ceil(lh), spec.compact);
    painter->setFont(l.labelFont);
    for (std::size_t i = 0; i < l.ticks.size(); ++i) {
        const double v = l.ticks[i];
        const double y = bar.bottom() - l.range.normalized(v) * bar.height();
        painter->setPen(QPen(kLabelColor, 1.0, Qt::SolidLine, Qt::FlatCap));
        painter->drawLine(QPointF(bar.right(), y), QPointF(bar.right() + tickLength, y));
        const QString text = i < static_cast<std::size_t>(l.tickLabels.size())
                                 ? l.tickLabels[static_cast<qsizetype>(i)]
                                 : HeatmapRenderer::formatValue(v, l.tickDecimals);
        // Labels at the bar's ends stay within its height (the compact bar
        // is only as tall as a few rows), the others centre on their tick.
        double top = y - lh / 2;
        if (spec.compact)
            top = std::clamp(top, bar.top() - 1, std::max(bar.top() - 1, bar.bottom() + 1 - lh));
        painter->drawText(
            QRectF(bar.right() + tickGapFor(std::ceil(lh), spec.compact), top, l.target.right() - bar.right(), lh),
            Qt::AlignLeft | Qt::AlignVCenter, text);
    }

    if (l.legendRect.isEmpty())
        return;
    const double spacing = hatchSpacing(l.labelFont);
    double y = l.legendRect.top();
    auto entry = [&](const QString& text, const QColor& fill, const QColor& lines, bool forward) {
        const QRectF swatch(bar.left(), y + lh * 0.1, bar.width(), lh * 0.8);
        drawSwatch(painter, swatch, fill, lines, spacing, forward);
        painter->setPen(QPen(kFrameColor, 1.0));
        painter->drawRect(swatch.adjusted(0.5, 0.5, -0.5, -0.5));
        painter->setPen(kLabelColor);
        painter->drawText(QRectF(swatch.right() + std::round(lh * 0.4), y, l.target.right() - swatch.right(), lh),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
        y += lh * 1.25;
    };
    if (l.stats.maskedCount > 0)
        entry(kMaskedLegend, HeatmapRenderer::maskedFill(), HeatmapRenderer::maskedHatch(), true);
    if (l.stats.nanCount > 0)
        entry(kNanLegend, HeatmapRenderer::nanFill(), HeatmapRenderer::nanHatch(), false);
}

void drawHeader(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l)
{
    // On one line the title keeps its own width and the formula takes the
    // rest; on two lines both may use the whole panel.
    const bool oneLine = l.formulaRect.top() == l.titleRect.top() && !spec.formula.isEmpty();
    const double titleWidth = oneLine ? l.titleRect.width() : l.target.right() - l.titleRect.left();
    const double formulaWidth = l.target.right() - l.formulaRect.left();
    if (!spec.title.isEmpty()) {
        painter->setFont(l.titleFont);
        painter->setPen(kTitleColor);
        const QString text = QFontMetricsF(l.titleFont).elidedText(titleText(spec.title), Qt::ElideRight, titleWidth);
        painter->drawText(QRectF(l.titleRect.left(), l.titleRect.top(), titleWidth, l.titleRect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    if (!spec.formula.isEmpty()) {
        painter->setFont(l.labelFont);
        painter->setPen(kFormulaColor);
        const QString text =
            QFontMetricsF(l.labelFont).elidedText(titleText(spec.formula), Qt::ElideRight, formulaWidth);
        painter->drawText(QRectF(l.formulaRect.left(), l.formulaRect.top(), formulaWidth, l.formulaRect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
    }
}

// The row strip: a pale track per row, a bar of value / maximum on it, and
// the number when the row is tall enough; the header sits above it.
void drawStrip(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l, const std::vector<double>& ys)
{
    const HeatmapStrip& strip = *spec.rowStrip;
    const QRectF area = l.stripRect;
    const QFontMetricsF fm(l.labelFont);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(area, kStripTrack);
    const double inset = l.cellSize >= 8 ? 1.0 : 0.0;
    for (int r = 0; r < l.rows; ++r) {
        if (r >= static_cast<int>(strip.values.size()))
            break;
        const double v = strip.values[static_cast<std::size_t>(r)];
        if (!std::isfinite(v) || !(strip.maximum > 0))
            continue;
        const double y0 = ys[static_cast<std::size_t>(r)];
        const double y1 = ys[static_cast<std::size_t>(r) + 1];
        const double length = std::clamp(v / strip.maximum, 0.0, 1.0) * area.width();
        painter->fillRect(QRectF(area.left(), y0 + inset, length, std::max(0.0, y1 - y0 - 2 * inset)), kStripBar);
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(kFrameColor, 1.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(area.adjusted(-0.5, -0.5, 0.5, 0.5));
    if (l.stripValuesVisible) {
        painter->setFont(l.valueFont);
        painter->setPen(kTitleColor);
        for (int r = 0; r < l.rows && r < static_cast<int>(strip.values.size()); ++r) {
            const QRectF row(area.left(), ys[static_cast<std::size_t>(r)], area.width(),
                             ys[static_cast<std::size_t>(r) + 1] - ys[static_cast<std::size_t>(r)]);
            painter->drawText(row, Qt::AlignCenter,
                              HeatmapRenderer::formatValue(strip.values[static_cast<std::size_t>(r)], strip.decimals));
        }
    }
    if (!strip.header.isEmpty()) {
        painter->setFont(l.labelFont);
        painter->setPen(kLabelColor);
        const double lh = fm.height();
        const QString text = fm.elidedText(labelText({strip.header}, 0), Qt::ElideRight, area.width() + l.cellSize);
        painter->drawText(
            QRectF(area.left() - l.cellSize / 2, l.columnLabelRect.bottom() - lh, area.width() + l.cellSize, lh),
            Qt::AlignHCenter | Qt::AlignBottom, text);
    }
}

} // namespace

double ValueRange::normalized(double value) const
{
    if (std::isnan(value))
        return 0.0;
    if (!(high > low))
        return 0.5;
    if (value <= low)
        return 0.0;
    if (value >= high)
        return 1.0;
    if (!std::isfinite(low) || !std::isfinite(high)) {
        // Every finite value is infinitely closer to a finite end than to an
        // infinite one.
        return std::isfinite(low) ? 0.0 : std::isfinite(high) ? 1.0 : 0.5;
    }
    const double scale = spanScale(low, high);
    return std::clamp((value * scale - low * scale) / (high * scale - low * scale), 0.0, 1.0);
}

std::optional<std::pair<int, int>> HeatmapLayout::cellAt(QPointF pos) const
{
    if (rows <= 0 || columns <= 0 || cellSize <= 0 || cellWidth <= 0 || !gridRect.contains(pos))
        return std::nullopt;
    const int r = std::clamp(static_cast<int>((pos.y() - gridRect.top()) / cellSize), 0, rows - 1);
    const int c = std::clamp(static_cast<int>((pos.x() - gridRect.left()) / cellWidth), 0, columns - 1);
    return std::make_pair(r, c);
}

QRectF HeatmapLayout::cellRect(int row, int column) const
{
    if (row < 0 || row >= rows || column < 0 || column >= columns)
        return {};
    const bool rounded = !rasterCells;
    const double x0 = edge(gridRect.left(), cellWidth, column, rounded);
    const double x1 = edge(gridRect.left(), cellWidth, column + 1, rounded);
    const double y0 = edge(gridRect.top(), cellSize, row, rounded);
    const double y1 = edge(gridRect.top(), cellSize, row + 1, rounded);
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

std::optional<int> HeatmapLayout::rowLabelAt(QPointF pos) const
{
    if (rows <= 0 || cellSize <= 0 || !rowLabelRect.contains(pos))
        return std::nullopt;
    return std::clamp(static_cast<int>((pos.y() - gridRect.top()) / cellSize), 0, rows - 1);
}

std::optional<int> HeatmapLayout::columnLabelAt(QPointF pos) const
{
    if (columns <= 0 || cellWidth <= 0 || !columnLabelRect.contains(pos))
        return std::nullopt;
    return std::clamp(static_cast<int>((pos.x() - gridRect.left()) / cellWidth), 0, columns - 1);
}

void HeatmapLayout::translate(QPointF offset)
{
    for (QRectF* r : {&target, &titleRect, &formulaRect, &gridRect, &rowLabelRect, &columnLabelRect, &colorBarRect,
                      &legendRect, &stripRect}) {
        if (!r->isNull())
            r->translate(offset);
    }
}

std::optional<int> HeatmapLayout::stripRowAt(QPointF pos) const
{
    if (rows <= 0 || cellSize <= 0 || !stripRect.contains(pos))
        return std::nullopt;
    return std::clamp(static_cast<int>((pos.y() - gridRect.top()) / cellSize), 0, rows - 1);
}

QFont HeatmapRenderer::defaultFont()
{
    QFont font;
    font.setPixelSize(16);
    return font;
}

HeatmapStats HeatmapRenderer::scan(const attn::Matrix& matrix)
{
    HeatmapStats s;
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    const double* data = matrix.data();
    const qsizetype n = matrix.size();
    for (qsizetype i = 0; i < n; ++i) {
        const double v = data[i];
        // v - v is 0 only for finite v: one test for the common case keeps
        // this loop cheap on matrices with millions of cells.
        if (v - v == 0.0) {
            low = v < low ? v : low;
            high = v > high ? v : high;
        } else if (std::isnan(v)) {
            ++s.nanCount;
        } else if (v < 0) {
            ++s.maskedCount;
        } else {
            ++s.positiveInfCount;
        }
    }
    s.hasFinite = low <= high;
    s.min = s.hasFinite ? low : 0.0;
    s.max = s.hasFinite ? high : 0.0;
    s.maxAbs = std::max(std::abs(s.min), std::abs(s.max));
    return s;
}

ValueRange HeatmapRenderer::effectiveRange(const HeatmapSpec& spec, const HeatmapStats& stats)
{
    if (spec.range)
        return *spec.range;
    if (spec.colorMap.isDiverging()) {
        const double m = stats.maxAbs > 0 ? stats.maxAbs : 1.0;
        return {-m, m};
    }
    if (!stats.hasFinite)
        return {0.0, 1.0};
    return {stats.min, stats.max};
}

ValueRange HeatmapRenderer::effectiveRange(const HeatmapSpec& spec)
{
    if (spec.range)
        return *spec.range;
    const HeatmapStats stats = spec.stats ? *spec.stats : (spec.matrix ? scan(*spec.matrix) : HeatmapStats{});
    return effectiveRange(spec, stats);
}

QSizeF HeatmapRenderer::preferredSize(const HeatmapSpec& spec, const QFont& font)
{
    const Measures m = measure(spec, font);
    const int side = std::max(m.rows, m.columns);
    double cell = m.comfortableCell;
    const double pitch = std::max(cell, cellWidthFor(m, cell));
    if (side > 0 && side * pitch > kPreferredGridExtent)
        cell *= kPreferredGridExtent / (side * pitch);
    cell = snapCell(cell);
    const double cellW = cellWidthFor(m, cell);
    const QSizeF size = composedSize(m, cellW, cell, needsRotation(m, cellW));
    return {size.width() + 2 * m.padding, size.height() + 2 * m.padding};
}

HeatmapLayout HeatmapRenderer::layout(const QRectF& target, const HeatmapSpec& spec, const QFont& font)
{
    const Measures m = measure(spec, font);
    if (m.rows == 0)
        return place(target, m, spec, 0.0, false);

    const double availW = target.width() - 2 * m.padding - m.rowLabelWidth - gridRightExtras(m);
    auto fit = [&](bool rotated, double header) {
        const double availH = target.height() - 2 * m.padding - header - columnLabelHeight(m, rotated);
        const double cell =
            std::min({availW / (m.columns * m.aspect), availH / m.rows, m.comfortableCell * kMaxCellFactor});
        return snapCell(std::max(cell, 0.05));
    };
    // The header takes one line or two depending on the width, which grows
    // with the cells: one line if the cells that leaves room for allow it.
    auto fitWithHeader = [&](bool rotated) {
        const double twoLines =
            m.titleHeight + m.formulaHeight > 0 ? m.titleHeight + m.formulaHeight + m.headerGap : 0.0;
        if (m.compact && m.titleHeight > 0 && m.formulaHeight > 0) {
            const double cell = fit(rotated, std::max(m.titleHeight, m.formulaHeight) + m.headerGap);
            if (headerOnOneLine(m, cellWidthFor(m, cell)))
                return cell;
        }
        return fit(rotated, twoLines);
    };
    double cell = fitWithHeader(false);
    bool rotated = false;
    if (needsRotation(m, cellWidthFor(m, cell))) {
        rotated = true;
        cell = fitWithHeader(true);
    }
    return place(target, m, spec, cell, rotated);
}

QSizeF HeatmapRenderer::sizeForCellSize(const HeatmapSpec& spec, double cellSize, const QFont& font)
{
    const Measures m = measure(spec, font);
    const double cell = snapCell(std::max(cellSize, 0.05));
    const double cellW = cellWidthFor(m, cell);
    const QSizeF size = composedSize(m, cellW, cell, needsRotation(m, cellW));
    return {size.width() + 2 * m.padding, size.height() + 2 * m.padding};
}

HeatmapLayout HeatmapRenderer::layoutForCellSize(const QRectF& target, const HeatmapSpec& spec, double cellSize,
                                                 const QFont& font)
{
    const Measures m = measure(spec, font);
    if (m.rows == 0)
        return place(target, m, spec, 0.0, false);
    const double cell = snapCell(std::max(cellSize, 0.05));
    return place(target, m, spec, cell, needsRotation(m, cellWidthFor(m, cell)));
}

QSizeF HeatmapRenderer::valueCellSize(const HeatmapSpec& spec, const QFont& font)
{
    const QFont valueFont = pixelSized(pixelSized(font), valueFontScale(spec));
    const QFontMetricsF fm(valueFont);
    const HeatmapStats stats = spec.stats ? *spec.stats : (spec.matrix ? scan(*spec.matrix) : HeatmapStats{});
    // A little more than place() demands, so numbers never touch the edges.
    return {std::ceil(widestValue(fm, valueSamples(spec, stats)) + 6), std::ceil(fm.height() * 1.2 + 2)};
}

void HeatmapRenderer::paint(QPainter* painter, const QRectF& target, const HeatmapSpec& spec, const QFont& font)
{
    paint(painter, layout(target, spec, font), spec);
}

void HeatmapRenderer::paint(QPainter* painter, const HeatmapLayout& l, const HeatmapSpec& spec)
{
    int rows = spec.matrix ? static_cast<int>(spec.matrix->rows()) : 0;
    int columns = spec.matrix ? static_cast<int>(spec.matrix->cols()) : 0;
    if (rows == 0 || columns == 0)
        rows = columns = 0; // as layout() counts an empty matrix
    if (rows != l.rows || columns != l.columns) {
        // A kept layout from before the matrix changed shape (or lost its
        // cells): drawing with it would index out of bounds. The label font
        // is already pixel-sized, so laying out again with it reproduces the
        // caller's font.
        paint(painter, layout(l.target, spec, l.labelFont), spec);
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(l.target, kBackground);
    // Only a target too small for the panel needs a clip; exports, laid out
    // at their preferred size, stay free of clip paths.
    if (!l.target.contains(l.titleRect.united(l.formulaRect)
                               .united(l.gridRect)
                               .united(l.rowLabelRect)
                               .united(l.columnLabelRect)
                               .united(l.colorBarRect)
                               .united(l.legendRect)
                               .united(l.stripRect)))
        painter->setClipRect(l.target, Qt::IntersectClip);
    painter->setOpacity(1.0 - 0.7 * std::clamp(spec.dim, 0.0, 1.0));
    painter->setRenderHint(QPainter::TextAntialiasing, true);

    drawHeader(painter, spec, l);

    if (l.rows > 0 && spec.matrix) {
        const bool rounded = !l.rasterCells;
        std::vector<double> xs(static_cast<std::size_t>(l.columns) + 1);
        std::vector<double> ys(static_cast<std::size_t>(l.rows) + 1);
        for (int c = 0; c <= l.columns; ++c)
            xs[static_cast<std::size_t>(c)] = edge(l.gridRect.left(), l.cellWidth, c, rounded);
        for (int r = 0; r <= l.rows; ++r)
            ys[static_cast<std::size_t>(r)] = edge(l.gridRect.top(), l.cellSize, r, rounded);

        painter->setRenderHint(QPainter::Antialiasing, false);
        if (l.rasterCells)
            drawRasterCells(painter, spec, l);
        else
            drawVectorCells(painter, spec, l, xs, ys);

        if (l.hatched && (l.stats.maskedCount > 0 || l.stats.nanCount > 0)) {
            painter->setRenderHint(QPainter::Antialiasing, true);
            if (l.stats.maskedCount > 0)
                hatchRuns(painter, spec, l, xs, ys, isMasked, maskedHatch(), true);
            if (l.stats.nanCount > 0)
                hatchRuns(
                    painter, spec, l, xs, ys, [](double v) { return std::isnan(v); }, nanHatch(), false);
            painter->setRenderHint(QPainter::Antialiasing, false);
        }
        if (l.gridLines)
            drawGridLines(painter, l, xs, ys);
        if (l.valuesVisible)
            drawValues(painter, spec, l, xs, ys);
        // A hairline frame: pale cells (the diverging centre, masked cells)
        // would otherwise dissolve into the white page at the grid's edge.
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(QPen(kFrameColor, 1.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(l.gridRect.adjusted(-0.5, -0.5, 0.5, 0.5));
        drawBlocksAndHighlights(painter, spec, l, xs, ys);
        drawLabels(painter, spec, l, xs, ys);
        if (spec.rowStrip && !l.stripRect.isEmpty())
            drawStrip(painter, spec, l, ys);
        drawColorBar(painter, spec, l);
    }
    painter->restore();
}

std::optional<std::pair<int, int>> HeatmapRenderer::cellAt(const QRectF& target, const HeatmapSpec& spec,
                                                           const QFont& font, QPointF pos)
{
    return layout(target, spec, font).cellAt(pos);
}

QRectF HeatmapRenderer::cellRect(const QRectF& target, const HeatmapSpec& spec, const QFont& font, int row, int column)
{
    return layout(target, spec, font).cellRect(row, column);
}

QString HeatmapRenderer::labelText(const QStringList& labels, int index)
{
    if (index >= 0 && index < labels.size())
        return formulatext::boundedText(labels.at(index));
    return QString::number(index);
}

QString HeatmapRenderer::formatValue(double value, int decimals)
{
    if (std::isnan(value))
        return kNanLegend;
    if (std::isinf(value))
        return value < 0 ? kMinus + QStringLiteral("\u221e") : QStringLiteral("\u221e");
    QString text;
    if (std::abs(value) >= 1e9) {
        // Fixed notation would spell out every digit, up to 309 of them near
        // float64's limit: a number a reader can take in has four.
        text = QString::number(value, 'e', 3)
                   .replace(QLatin1String("e+0"), QLatin1String("e"))
                   .replace(QLatin1String("e+"), QLatin1String("e"));
    } else {
        text = QString::number(value, 'f', std::max(0, decimals));
    }
    if (text.startsWith(QLatin1Char('-'))) {
        // "-0.00" is zero after rounding; a sign there would only mislead.
        bool nonZero = false;
        for (QChar ch : text)
            nonZero = nonZero || (ch.isDigit() && ch != QLatin1Char('0'));
        text = nonZero ? kMinus + text.mid(1) : text.mid(1);
    }
    return text;
}

QRgb HeatmapRenderer::cellColor(const HeatmapSpec& spec, const ValueRange& range, double value)
{
    if (std::isnan(value))
        return nanFill().rgb();
    if (isMasked(value))
        return maskedFill().rgb();
    return spec.colorMap.rgb(range.normalized(value));
}

QColor HeatmapRenderer::maskedFill()
{
    return QColor(0xf4, 0xf4, 0xf4);
}

QColor HeatmapRenderer::maskedHatch()
{
    return QColor(0xb4, 0xb4, 0xb4);
}

QColor HeatmapRenderer::nanFill()
{
    return QColor(0xfc, 0xe4, 0xf4);
}

QColor HeatmapRenderer::nanHatch()
{
    return QColor(0xd0, 0x1c, 0x8b);
}
