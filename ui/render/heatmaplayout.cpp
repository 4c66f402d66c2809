#include "ui/render/heatmaplayout.h"

#include "ui/render/formulatext.h"
#include "ui/render/heatmapscale.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace heatmaplayout {

namespace {

// Proportions, all relative to the label font's line height so the whole
// panel scales with the font.
constexpr double kPaddingFactor = 0.5;  // around the panel
constexpr double kGapFactor = 0.4;      // between labels and grid
constexpr double kBarGapFactor = 1.0;   // between grid and colour bar
constexpr double kBarWidthFactor = 0.9; // colour bar width
constexpr double kMinBarHeightFactor = 4.0;
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

// The layout unit's one piece of state. Label widths are measured once per
// list and font: a figure shows the same tokens in a dozen panels and lays
// each out more than once, and measuring afresh every time costs about 25 ms
// of building a 500-token figure and 90 ms of its seven lesson slides.
//
// Invariants: one instance per thread (labelWidthCache()), so no locking and
// no sharing between threads; at most kCapacity entries, the oldest dropped
// first; a hit returns exactly what measuring again would, so the cache saves
// time and never changes a result. An entry is found by the list's shared
// data, not its text, and holds a copy of the list, so that data cannot be
// freed and its address reused while the entry exists (a changed list
// detaches to new data).
class LabelWidthCache
{
public:
    LabelWidths widths(const QFont& font, const QStringList& labels, int count, double cap)
    {
        const QString key = font.key();
        for (const Entry& e : m_entries) {
            if (e.labels.constData() == labels.constData() && e.labels.size() == labels.size() && e.count == count &&
                e.cap == cap && e.fontKey == key)
                return e.widths;
        }
        const LabelWidths widths = measureLabels(QFontMetricsF(font), labels, count, cap);
        if (m_entries.size() >= kCapacity)
            m_entries.erase(m_entries.begin());
        m_entries.push_back({labels, key, count, cap, widths});
        return widths;
    }

private:
    static constexpr std::size_t kCapacity = 16;
    struct Entry
    {
        QStringList labels;
        QString fontKey;
        int count;
        double cap;
        LabelWidths widths;
    };
    std::vector<Entry> m_entries;
};

LabelWidthCache& labelWidthCache()
{
    thread_local LabelWidthCache cache;
    return cache;
}

// Numbers in cells relative to the labels: a compact figure is zoomed out to
// fit a screen, and its numbers are what the audience reads.
double valueFontScale(const HeatmapSpec& spec)
{
    return spec.compact ? 0.94 : 0.9;
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
    bool columnLabelsShown = true;
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
        samples << heatmapscale::formatValue(stats.min, spec.decimals)
                << heatmapscale::formatValue(stats.max, spec.decimals);
    }
    if (stats.maskedCount > 0)
        samples << heatmapscale::formatValue(-std::numeric_limits<double>::infinity(), 0);
    if (stats.nanCount > 0)
        samples << heatmapscale::kNanLegend;
    if (stats.positiveInfCount > 0)
        samples << heatmapscale::formatValue(std::numeric_limits<double>::infinity(), 0);
    return samples;
}

double widestValue(const QFontMetricsF& fm, const QStringList& samples)
{
    double widest = 0;
    for (const QString& s : samples)
        widest = std::max(widest, fm.horizontalAdvance(s));
    return widest;
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
    m.stats = heatmapscale::statsOf(spec);
    m.range = heatmapscale::effectiveRange(spec, m.stats);

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
    m.rowLabelWidth = std::ceil(labelWidthCache().widths(boldLabel, spec.rowLabels, m.rows, cap).widest) + 1 + m.gap;
    const LabelWidths columnWidths = labelWidthCache().widths(m.labelFont, spec.columnLabels, m.columns, cap);
    m.columnLabelWidth = std::ceil(columnWidths.widest) + 1;
    // Upright token labels may be wider than their cell as long as
    // neighbours stay apart.
    m.columnLabelPairWidth = columnWidths.pair;
    m.columnLabelsAreIndices = spec.columnLabels.isEmpty();
    m.columnLabelsShown = spec.showColumnLabels;
    double tickWidth = 0;
    if (m.compact) {
        heatmapscale::compactTicks(spec, m.range, &m.compactTicks, &m.compactTickTexts);
        for (const QString& t : std::as_const(m.compactTickTexts))
            tickWidth = std::max(tickWidth, fm.horizontalAdvance(t));
        m.barGap = std::round(m.lineHeight * 0.3);
        m.barWidth = std::round(m.lineHeight * 0.45);
        m.minBarHeight = m.lineHeight * 2.2;
    } else {
        // The bar column must fit the widest tick text of any tick count.
        for (int count : {2, 3, 4, 5, 6}) {
            int decimals = 0;
            for (double v : heatmapscale::niceTicks(m.range.low, m.range.high, count, &decimals))
                tickWidth = std::max(tickWidth, fm.horizontalAdvance(heatmapscale::formatValue(v, decimals)));
        }
        m.barGap = std::round(m.lineHeight * kBarGapFactor);
        m.barWidth = std::round(m.lineHeight * kBarWidthFactor);
        m.minBarHeight = m.lineHeight * kMinBarHeightFactor;
    }
    double legendWidth = 0;
    int legendEntries = 0;
    if (m.stats.maskedCount > 0) {
        legendWidth = std::max(legendWidth, fm.horizontalAdvance(heatmapscale::kMaskedLegend));
        ++legendEntries;
    }
    if (m.stats.nanCount > 0) {
        legendWidth = std::max(legendWidth, fm.horizontalAdvance(heatmapscale::kNanLegend));
        ++legendEntries;
    }
    m.legendHeight = legendEntries > 0 ? m.gap + legendEntries * m.lineHeight * 1.25 : 0;
    const double tickSpace = tickGap(m.lineHeight, m.compact);
    m.barColumnWidth =
        m.barGap + std::ceil(std::max(m.barWidth + tickSpace + tickWidth, m.barWidth + m.gap + legendWidth)) + 2;
    if (!spec.showColorBar) {
        m.barColumnWidth = 2;
        m.minBarHeight = 0;
        m.legendHeight = 0;
    }

    if (spec.rowStrip) {
        const HeatmapStrip& strip = *spec.rowStrip;
        QStringList texts{heatmapscale::formatValue(strip.maximum, strip.decimals)};
        for (double v : strip.values) {
            if (!std::isfinite(v))
                continue;
            texts << heatmapscale::formatValue(v, strip.decimals);
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
    if (!m.columnLabelsShown)
        return m.gap * 0.5;
    return rotated ? m.columnLabelWidth + m.gap : m.lineHeight + m.gap * 0.5;
}

bool needsRotation(const Measures& m, double cellWidth)
{
    if (m.columnLabelsAreIndices || !m.columnLabelsShown)
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
    l.colorBarRect = spec.showColorBar ? QRectF(right + m.barGap, gridTop, m.barWidth, barH) : QRectF();
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
        l.ticks = heatmapscale::niceTicks(m.range.low, m.range.high, tickCount, &l.tickDecimals);
        for (double v : l.ticks)
            l.tickLabels << heatmapscale::formatValue(v, l.tickDecimals);
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

} // namespace

double tickLength(double lineHeight, bool compact)
{
    return compact ? 3.0 : std::round(lineHeight * 0.25);
}

double tickGap(double lineHeight, bool compact)
{
    return tickLength(lineHeight, compact) + (compact ? 3 : 4);
}

double hatchSpacing(const QFont& labelFont)
{
    return std::max(4.0, std::round(labelFont.pixelSize() * 0.4));
}

QFont defaultFont()
{
    QFont font;
    font.setPixelSize(16);
    return font;
}

QSizeF preferredSize(const HeatmapSpec& spec, const QFont& font)
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

HeatmapLayout layout(const QRectF& target, const HeatmapSpec& spec, const QFont& font)
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

QSizeF sizeForCellSize(const HeatmapSpec& spec, double cellSize, const QFont& font)
{
    const Measures m = measure(spec, font);
    const double cell = snapCell(std::max(cellSize, 0.05));
    const double cellW = cellWidthFor(m, cell);
    const QSizeF size = composedSize(m, cellW, cell, needsRotation(m, cellW));
    return {size.width() + 2 * m.padding, size.height() + 2 * m.padding};
}

HeatmapLayout layoutForCellSize(const QRectF& target, const HeatmapSpec& spec, double cellSize, const QFont& font)
{
    const Measures m = measure(spec, font);
    if (m.rows == 0)
        return place(target, m, spec, 0.0, false);
    const double cell = snapCell(std::max(cellSize, 0.05));
    return place(target, m, spec, cell, needsRotation(m, cellWidthFor(m, cell)));
}

QSizeF valueCellSize(const HeatmapSpec& spec, const QFont& font)
{
    const QFont valueFont = pixelSized(pixelSized(font), valueFontScale(spec));
    const QFontMetricsF fm(valueFont);
    const HeatmapStats stats = heatmapscale::statsOf(spec);
    // A little more than place() demands, so numbers never touch the edges.
    return {std::ceil(widestValue(fm, valueSamples(spec, stats)) + 6), std::ceil(fm.height() * 1.2 + 2)};
}

std::optional<std::pair<int, int>> cellAt(const QRectF& target, const HeatmapSpec& spec, const QFont& font, QPointF pos)
{
    return layout(target, spec, font).cellAt(pos);
}

QRectF cellRect(const QRectF& target, const HeatmapSpec& spec, const QFont& font, int row, int column)
{
    return layout(target, spec, font).cellRect(row, column);
}

QString labelText(const QStringList& labels, int index)
{
    if (index >= 0 && index < labels.size())
        return formulatext::boundedText(labels.at(index));
    return QString::number(index);
}

QString titleText(const QString& title)
{
    return formulatext::boundedText(title, kMaxTitleLength);
}

} // namespace heatmaplayout

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
    return QRectF(QPointF(columnEdge(column), rowEdge(row)), QPointF(columnEdge(column + 1), rowEdge(row + 1)));
}

double HeatmapLayout::columnEdge(int column) const
{
    return heatmaplayout::edge(gridRect.left(), cellWidth, column, !rasterCells);
}

double HeatmapLayout::rowEdge(int row) const
{
    return heatmaplayout::edge(gridRect.top(), cellSize, row, !rasterCells);
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
