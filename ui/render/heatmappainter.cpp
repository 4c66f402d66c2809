#include "ui/render/heatmappainter.h"

#include "ui/render/heatmapscale.h"

#include <QFontMetricsF>
#include <QImage>
#include <QLinearGradient>
#include <QPaintEngine>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace heatmappainter {

namespace {

using heatmaplayout::hatchSpacing;
using heatmaplayout::kMaxLabelChars;
using heatmaplayout::labelText;
using heatmaplayout::titleText;
using heatmapscale::isMasked;
using heatmapscale::kMaskedLegend;
using heatmapscale::kNanLegend;

constexpr int kMaxVectorImageSide = 2048;

// Diagonal hatching on a global lattice, so runs of adjacent hatched cells
// join into one continuous pattern. Segments are clipped analytically rather
// than with a clip path, which SVG and PDF exports handle unevenly.
// Presentation's high contrast: every text and frame in the strongest ink.
QColor ink(const HeatmapSpec& spec, const QColor& normal)
{
    return spec.highContrast ? spec.theme.strongInk : normal;
}

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

// The values the cells are coloured by: the spec's colorValues when it has
// them in the matrix's shape, else the matrix.
const attn::Matrix& colorSource(const HeatmapSpec& spec)
{
    const auto& c = spec.colorValues;
    if (c && c->rows() == spec.matrix->rows() && c->cols() == spec.matrix->cols())
        return *c;
    return *spec.matrix;
}

QImage cellImage(const HeatmapSpec& spec, const HeatmapLayout& l)
{
    QImage image(l.columns, l.rows, QImage::Format_RGB32);
    if (image.isNull()) // out of memory: there are no scan lines to write
        return image;
    const attn::Matrix& matrix = colorSource(spec);
    const QRgb masked = (l.hatched ? heatmapscale::maskedFill() : heatmapscale::maskedFlatFill()).rgb();
    const QRgb nan = (l.hatched ? heatmapscale::nanFill() : heatmapscale::nanFlatFill()).rgb();
    const ValueRange range = l.range;
    const double scale = ValueRange::spanScale(range.low, range.high);
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
    const attn::Matrix& matrix = colorSource(spec);
    for (int r = 0; r < l.rows; ++r) {
        for (int c = 0; c < l.columns; ++c) {
            const double v = matrix(r, c);
            const QRectF rect(xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r]);
            if (!l.hatched && std::isnan(v))
                painter->fillRect(rect, heatmapscale::nanFlatFill());
            else if (!l.hatched && isMasked(v))
                painter->fillRect(rect, heatmapscale::maskedFlatFill());
            else
                painter->fillRect(rect, QColor::fromRgb(heatmapscale::cellColor(spec, l.range, v)));
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

void drawValues(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l, const std::vector<double>& xs,
                const std::vector<double>& ys)
{
    const attn::Matrix& matrix = *spec.matrix;
    painter->setFont(l.valueFont);
    for (int r = 0; r < l.rows; ++r) {
        for (int c = 0; c < l.columns; ++c) {
            const double v = matrix(r, c);
            const QColor pen =
                heatmapscale::valueTextColor(spec, l.range, v, colorSource(spec)(r, c), painter->opacity());
            painter->setPen(pen);
            const QRectF rect(xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r]);
            painter->drawText(rect, Qt::AlignCenter, heatmapscale::formatValue(v, spec.decimals));
        }
    }
}

void drawGridLines(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l, const std::vector<double>& xs,
                   const std::vector<double>& ys)
{
    // Gaps in the page's colour.
    const QColor gap = spec.theme.background;
    const double width = l.cellSize >= 40 ? 2.0 : 1.0;
    for (int c = 1; c < l.columns; ++c)
        painter->fillRect(QRectF(xs[c] - std::floor(width / 2), l.gridRect.top(), width, l.gridRect.height()), gap);
    for (int r = 1; r < l.rows; ++r)
        painter->fillRect(QRectF(l.gridRect.left(), ys[r] - std::floor(width / 2), l.gridRect.width(), width), gap);
}

void drawBlocksAndHighlights(QPainter* painter, const HeatmapSpec& spec, const HeatmapLayout& l,
                             const std::vector<double>& xs, const std::vector<double>& ys)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setBrush(Qt::NoBrush);
    const double extend = std::round(QFontMetricsF(l.labelFont).height() * 0.25);
    painter->setPen(QPen(spec.theme.separator, 2.0, Qt::SolidLine, Qt::FlatCap));
    for (int start : spec.columnBlockStarts) {
        if (start <= 0 || start >= l.columns)
            continue;
        painter->drawLine(QPointF(xs[start], l.gridRect.top() - extend), QPointF(xs[start], l.gridRect.bottom()));
    }

    const double width = 3.0;
    painter->setPen(QPen(spec.theme.highlight, width, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
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
    const QColor accentText = spec.theme.highlightText;

    auto styleFor = [&](bool highlighted) {
        painter->setFont(highlighted ? bold : l.labelFont);
        painter->setPen(highlighted ? accentText : ink(spec, spec.theme.label));
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
    for (int c = 0; c < l.columns && spec.showColumnLabels; ++c) {
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
    if (bar.isEmpty())
        return;
    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i < ColorMap::kSize; i += 5)
        gradient.setColorAt(static_cast<double>(i) / (ColorMap::kSize - 1), QColor::fromRgb(spec.colorMap.entry(i)));
    gradient.setColorAt(1.0, QColor::fromRgb(spec.colorMap.entry(ColorMap::kSize - 1)));
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(bar, gradient);

    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(ink(spec, spec.theme.frame), 1.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5));

    const QFontMetricsF fm(l.labelFont);
    const double lh = fm.height();
    const double tickLength = heatmaplayout::tickLength(std::ceil(lh), spec.compact);
    painter->setFont(l.labelFont);
    for (std::size_t i = 0; i < l.ticks.size(); ++i) {
        const double v = l.ticks[i];
        const double y = bar.bottom() - l.range.normalized(v) * bar.height();
        painter->setPen(QPen(ink(spec, spec.theme.label), 1.0, Qt::SolidLine, Qt::FlatCap));
        painter->drawLine(QPointF(bar.right(), y), QPointF(bar.right() + tickLength, y));
        const QString text = i < static_cast<std::size_t>(l.tickLabels.size())
                                 ? l.tickLabels[static_cast<qsizetype>(i)]
                                 : heatmapscale::formatValue(v, l.tickDecimals);
        // Labels at the bar's ends stay within its height (the compact bar
        // is only as tall as a few rows), the others centre on their tick.
        double top = y - lh / 2;
        if (spec.compact)
            top = std::clamp(top, bar.top() - 1, std::max(bar.top() - 1, bar.bottom() + 1 - lh));
        painter->drawText(QRectF(bar.right() + heatmaplayout::tickGap(std::ceil(lh), spec.compact), top,
                                 l.target.right() - bar.right(), lh),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
    }

    if (l.legendRect.isEmpty())
        return;
    const double spacing = hatchSpacing(l.labelFont);
    double y = l.legendRect.top();
    auto entry = [&](const QString& text, const QColor& fill, const QColor& lines, bool forward) {
        const QRectF swatch(bar.left(), y + lh * 0.1, bar.width(), lh * 0.8);
        drawSwatch(painter, swatch, fill, lines, spacing, forward);
        painter->setPen(QPen(ink(spec, spec.theme.frame), 1.0));
        painter->drawRect(swatch.adjusted(0.5, 0.5, -0.5, -0.5));
        painter->setPen(ink(spec, spec.theme.label));
        painter->drawText(QRectF(swatch.right() + std::round(lh * 0.4), y, l.target.right() - swatch.right(), lh),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
        y += lh * 1.25;
    };
    if (l.stats.maskedCount > 0)
        entry(kMaskedLegend, heatmapscale::maskedFill(), heatmapscale::maskedHatch(), true);
    if (l.stats.nanCount > 0)
        entry(kNanLegend, heatmapscale::nanFill(), heatmapscale::nanHatch(), false);
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
        painter->setPen(ink(spec, spec.theme.text));
        const QString text = QFontMetricsF(l.titleFont).elidedText(titleText(spec.title), Qt::ElideRight, titleWidth);
        painter->drawText(QRectF(l.titleRect.left(), l.titleRect.top(), titleWidth, l.titleRect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    if (!spec.formula.isEmpty()) {
        painter->setFont(l.labelFont);
        painter->setPen(ink(spec, spec.theme.secondaryText));
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
    painter->fillRect(area, spec.theme.stripTrack);
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
        painter->fillRect(QRectF(area.left(), y0 + inset, length, std::max(0.0, y1 - y0 - 2 * inset)),
                          spec.theme.stripBar);
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(ink(spec, spec.theme.frame), 1.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(area.adjusted(-0.5, -0.5, 0.5, 0.5));
    if (l.stripValuesVisible) {
        painter->setFont(l.valueFont);
        painter->setPen(ink(spec, spec.theme.text));
        for (int r = 0; r < l.rows && r < static_cast<int>(strip.values.size()); ++r) {
            const QRectF row(area.left(), ys[static_cast<std::size_t>(r)], area.width(),
                             ys[static_cast<std::size_t>(r) + 1] - ys[static_cast<std::size_t>(r)]);
            painter->drawText(row, Qt::AlignCenter,
                              heatmapscale::formatValue(strip.values[static_cast<std::size_t>(r)], strip.decimals));
        }
    }
    if (!strip.header.isEmpty()) {
        painter->setFont(l.labelFont);
        painter->setPen(ink(spec, spec.theme.label));
        const double lh = fm.height();
        const QString text = fm.elidedText(labelText({strip.header}, 0), Qt::ElideRight, area.width() + l.cellSize);
        painter->drawText(
            QRectF(area.left() - l.cellSize / 2, l.columnLabelRect.bottom() - lh, area.width() + l.cellSize, lh),
            Qt::AlignHCenter | Qt::AlignBottom, text);
    }
}

} // namespace

void paint(QPainter* painter, const QRectF& target, const HeatmapSpec& spec, const QFont& font)
{
    paint(painter, heatmaplayout::layout(target, spec, font), spec);
}

void paint(QPainter* painter, const HeatmapLayout& l, const HeatmapSpec& spec)
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
        paint(painter, heatmaplayout::layout(l.target, spec, l.labelFont), spec);
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(l.target, spec.theme.background);
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
        std::vector<double> xs(static_cast<std::size_t>(l.columns) + 1);
        std::vector<double> ys(static_cast<std::size_t>(l.rows) + 1);
        for (int c = 0; c <= l.columns; ++c)
            xs[static_cast<std::size_t>(c)] = l.columnEdge(c);
        for (int r = 0; r <= l.rows; ++r)
            ys[static_cast<std::size_t>(r)] = l.rowEdge(r);

        painter->setRenderHint(QPainter::Antialiasing, false);
        if (l.rasterCells)
            drawRasterCells(painter, spec, l);
        else
            drawVectorCells(painter, spec, l, xs, ys);

        if (l.hatched && (l.stats.maskedCount > 0 || l.stats.nanCount > 0)) {
            painter->setRenderHint(QPainter::Antialiasing, true);
            if (l.stats.maskedCount > 0)
                hatchRuns(painter, spec, l, xs, ys, isMasked, heatmapscale::maskedHatch(), true);
            if (l.stats.nanCount > 0)
                hatchRuns(
                    painter, spec, l, xs, ys, [](double v) { return std::isnan(v); }, heatmapscale::nanHatch(), false);
            painter->setRenderHint(QPainter::Antialiasing, false);
        }
        if (l.gridLines)
            drawGridLines(painter, spec, l, xs, ys);
        if (l.valuesVisible)
            drawValues(painter, spec, l, xs, ys);
        // A hairline frame: pale cells (the diverging centre, masked cells)
        // would otherwise dissolve into the white page at the grid's edge.
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(QPen(ink(spec, spec.theme.frame), 1.0));
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

} // namespace heatmappainter
