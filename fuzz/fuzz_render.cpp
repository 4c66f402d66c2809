// Any matrix up to 64 × 64 (NaN, infinities, denormals, the largest doubles,
// spans that overflow) with any colour map, range, labels, strip and cell
// size, laid out and painted into any target (empty and tiny ones too), on
// an image, an SVG or no device at all. The renderer must not crash, every
// value's colour must come from inside the colour table in the order of the
// values, the geometry must stay finite, hit tests must find the cell they
// were asked about, and a painted cell must have exactly its value's colour.

#include "fuzz/fuzzdata.h"
#include "ui/render/colormap.h"
#include "ui/render/heatmaplayout.h"
#include "ui/render/heatmappainter.h"
#include "ui/render/heatmapscale.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <vector>

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kMaxImageSide = 512;
constexpr double kMaxTargetSide = 2000.0;
const QRgb kSentinel = qRgb(0x12, 0x34, 0x56);

bool finite(const QRectF& r)
{
    return std::isfinite(r.x()) && std::isfinite(r.y()) && std::isfinite(r.width()) && std::isfinite(r.height());
}

// Labels of printable ASCII only: no glyph reaches past its line.
bool tame(const QStringList& texts)
{
    for (const QString& text : texts) {
        for (QChar ch : text) {
            if (ch.unicode() < 0x20 || ch.unicode() > 0x7e)
                return false;
        }
    }
    return true;
}

void checkScan(const attn::Matrix& m, const HeatmapStats& s)
{
    qsizetype nan = 0, masked = 0, positive = 0;
    double low = kInf, high = -kInf;
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        const double v = m.data()[i];
        if (std::isnan(v))
            ++nan;
        else if (v == -kInf)
            ++masked;
        else if (v == kInf)
            ++positive;
        else {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    FUZZ_CHECK(s.nanCount == nan && s.maskedCount == masked && s.positiveInfCount == positive);
    FUZZ_CHECK(s.hasFinite == (low <= high));
    if (s.hasFinite)
        FUZZ_CHECK(s.min == low && s.max == high && s.maxAbs == std::max(std::abs(low), std::abs(high)));
}

// normalized() is a clamped, non-decreasing map into [0, 1], and the colour of
// a value is the table entry it names (or the masked / NaN fill).
void checkColours(const HeatmapSpec& spec, const ValueRange& range, std::vector<double> values)
{
    values.insert(values.end(), {range.low, range.high, kInf, -kInf, 0.0, std::numeric_limits<double>::quiet_NaN()});
    for (double v : values) {
        const double t = range.normalized(v);
        FUZZ_CHECK(t >= 0.0 && t <= 1.0);
        const int index = ColorMap::indexFor(t);
        FUZZ_CHECK(index >= 0 && index < ColorMap::kSize);
        const int rawIndex = ColorMap::indexFor(v);
        FUZZ_CHECK(rawIndex >= 0 && rawIndex < ColorMap::kSize);
        const QRgb colour = heatmapscale::cellColor(spec, range, v);
        if (std::isnan(v))
            FUZZ_CHECK(colour == heatmapscale::nanFill().rgb());
        else if (v == -kInf)
            FUZZ_CHECK(colour == heatmapscale::maskedFill().rgb());
        else
            FUZZ_CHECK(colour == spec.colorMap.entry(index));
        const QString text = heatmapscale::formatValue(v, spec.decimals);
        FUZZ_CHECK(!text.isEmpty() && !text.startsWith(QLatin1Char('-')));
    }
    std::vector<double> ordered;
    for (double v : values) {
        if (!std::isnan(v))
            ordered.push_back(v);
    }
    std::sort(ordered.begin(), ordered.end());
    for (std::size_t i = 1; i < ordered.size(); ++i)
        FUZZ_CHECK(range.normalized(ordered[i - 1]) <= range.normalized(ordered[i]));
    if (range.high > range.low) {
        FUZZ_CHECK(range.normalized(range.low) == 0.0 && range.normalized(range.high) == 1.0);
        FUZZ_CHECK(range.normalized(kInf) == 1.0 && range.normalized(-kInf) == 0.0);
    } else {
        for (double v : ordered)
            FUZZ_CHECK(range.normalized(v) == 0.5);
    }
}

void checkLayout(const HeatmapLayout& l, const HeatmapSpec& spec)
{
    const attn::Matrix* m = spec.matrix.get();
    const bool empty = !m || m->rows() == 0 || m->cols() == 0;
    FUZZ_CHECK(l.rows == (empty ? 0 : m->rows()) && l.columns == (empty ? 0 : m->cols()));
    FUZZ_CHECK(std::isfinite(l.cellSize) && l.cellSize >= 0 && std::isfinite(l.cellWidth) && l.cellWidth >= 0);
    for (const QRectF& r : {l.target, l.titleRect, l.formulaRect, l.gridRect, l.rowLabelRect, l.columnLabelRect,
                            l.colorBarRect, l.legendRect, l.stripRect})
        FUZZ_CHECK(finite(r));
    FUZZ_CHECK(l.rowLabelStride >= 1 && l.columnLabelStride >= 1);
    FUZZ_CHECK(l.tickLabels.size() == static_cast<qsizetype>(l.ticks.size()));
    if (l.rows == 0 || !(l.cellSize >= 2 && l.cellWidth >= 2))
        return;
    // Every cell is where the hit test looks for it.
    for (int r = 0; r < l.rows; ++r) {
        for (int c = 0; c < l.columns; ++c) {
            const QRectF rect = l.cellRect(r, c);
            FUZZ_CHECK(finite(rect) && !rect.isEmpty());
            const auto hit = l.cellAt(rect.center());
            FUZZ_CHECK(hit && hit->first == r && hit->second == c);
        }
    }
    FUZZ_CHECK(!l.cellRect(l.rows, 0).isValid() && !l.cellRect(0, -1).isValid());
    FUZZ_CHECK(!l.cellAt(l.gridRect.topLeft() - QPointF(1, 1)));
}

// A cell's middle pixel has its value's colour when nothing is drawn over
// it: no numbers, no highlight, no dimming, no glyph of an odd label.
void checkCellPixels(const QImage& image, const HeatmapLayout& l, const HeatmapSpec& spec)
{
    const bool raster = l.rasterCells;
    if (l.valuesVisible || spec.dim != 0.0 || !spec.highlightedRows.isEmpty() || !spec.highlightedColumns.isEmpty() ||
        !spec.columnBlockStarts.empty())
        return;
    if (raster ? !(l.cellSize >= 1 && l.cellWidth >= 1) : !(l.cellSize >= 10 && l.cellWidth >= 10))
        return;
    const QRectF visible = l.target.intersected(QRectF(0, 0, image.width(), image.height()));
    for (int r = 0; r < l.rows; ++r) {
        for (int c = 0; c < l.columns; ++c) {
            const double v = (*spec.matrix)(r, c);
            if (std::isnan(v) || v == -kInf)
                continue;
            const QRectF cell = l.cellRect(r, c);
            const int x = static_cast<int>(std::floor(cell.center().x()));
            const int y = static_cast<int>(std::floor(cell.center().y()));
            const QRectF pixel(x, y, 1, 1);
            if (!cell.contains(pixel) || !visible.contains(pixel))
                continue;
            const QRgb expected = spec.colorMap.entry(ColorMap::indexFor(l.range.normalized(v))) | 0xff000000u;
            FUZZ_CHECK((image.pixel(x, y) | 0xff000000u) == expected);
        }
    }
}

// Nothing is drawn outside the target.
void checkOutside(const QImage& image, const QRectF& target)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (!target.adjusted(-1, -1, 1, 1).contains(QPointF(x + 0.5, y + 0.5)))
                FUZZ_CHECK(image.pixel(x, y) == (kSentinel | 0xff000000u));
        }
    }
}

double side(fuzzdata::Reader& in)
{
    switch (in.byte() % 5) {
    case 0:
        return 0.0;
    case 1:
        return in.byte() / 256.0; // below one pixel
    case 2:
        return in.intIn(1, 40) + in.byte() / 256.0;
    case 3:
        return in.intIn(1, static_cast<int>(kMaxTargetSide));
    default:
        return -1; // the panel's preferred size
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzzdata::ensureGuiApplication();
    fuzzdata::Reader in(data, size);

    const int rows = in.intIn(0, 64);
    const int columns = in.intIn(0, 64);
    const std::uint8_t options = in.byte();
    HeatmapSpec spec;
    const QStringList mapNames = ColorMap::names();
    spec.colorMap = *ColorMap::byName(mapNames[in.byte() % mapNames.size()]);
    switch (in.byte() % 4) {
    case 1:
        spec.range = ValueRange{in.value(), in.value()};
        break;
    case 2: {
        const double m = std::abs(in.value());
        spec.range = ValueRange{-m, m};
        break;
    }
    case 3:
        spec.range = ValueRange{0.0, 1.0};
        break;
    default:
        break; // automatic
    }
    spec.decimals = in.intIn(-3, 20);
    spec.showValues = (options & 1) != 0;
    spec.compact = (options & 2) != 0;
    switch (in.byte() % 3) {
    case 1:
        spec.dim = in.byte() / 255.0;
        break;
    case 2:
        spec.dim = in.value();
        break;
    default:
        break;
    }
    switch (in.byte() % 3) {
    case 1:
        spec.cellAspect = 0.25 + in.byte() / 64.0;
        break;
    case 2: {
        // NaN, infinite, zero and negative aspects mean 1; finite ones far
        // past any a caller gives (1e300, say) overflow the cell width.
        const double aspect = in.value();
        spec.cellAspect = std::isfinite(aspect) && aspect > 0 ? std::clamp(aspect, 1.0 / 64, 64.0) : aspect;
        break;
    }
    default:
        break;
    }
    spec.title = in.text();
    spec.formula = in.text();
    auto labels = [&](int count) {
        switch (in.byte() % 4) {
        case 1:
            return in.texts(count);
        case 2:
            return in.texts(in.intIn(0, count)); // fewer labels than rows
        case 3:
            return in.texts(count + in.intIn(1, 3)); // more
        default:
            return QStringList(); // indices
        }
    };
    spec.rowLabels = labels(rows);
    spec.columnLabels = labels(columns);
    for (int i = in.intIn(0, 3); i > 0; --i)
        spec.columnBlockStarts.push_back(in.intIn(-2, 66));
    for (int i = in.intIn(0, 2); i > 0; --i)
        spec.highlightedRows.insert(in.intIn(-2, 66));
    for (int i = in.intIn(0, 2); i > 0; --i)
        spec.highlightedColumns.insert(in.intIn(-2, 66));
    const quint32 accent = in.u32();
    spec.theme = (accent & 0x01000000u) != 0 ? RenderTheme::dark() : RenderTheme::light();
    spec.theme.highlight = QColor::fromRgba(accent);
    QStringList texts = spec.rowLabels + spec.columnLabels + QStringList{spec.title, spec.formula};
    if ((options & 4) != 0) {
        HeatmapStrip strip;
        for (int i = in.intIn(0, 70); i > 0; --i)
            strip.values.push_back(in.value());
        strip.maximum = in.value();
        strip.header = in.text();
        strip.decimals = in.intIn(-3, 20);
        texts << strip.header;
        spec.rowStrip = strip;
    }
    QFont font = heatmaplayout::defaultFont();
    if (const int pixels = in.intIn(0, 7); pixels > 0)
        font.setPixelSize(std::array{1, 2, 6, 9, 12, 24, 48}[static_cast<std::size_t>(pixels - 1)]);
    const double x = in.intIn(0, 40) + ((options & 8) != 0 ? in.byte() / 256.0 : 0.0);
    const double y = in.intIn(0, 40) + ((options & 8) != 0 ? in.byte() / 256.0 : 0.0);
    double width = side(in);
    double height = side(in);
    const int mode = in.byte() % 3; // paint(target), layoutForCellSize, a kept layout of another shape
    const double cellSize = in.intIn(0, 255) / (in.flag() ? 4.0 : 1.0);
    const int device = in.byte() % 6; // image most of the time, else SVG or a null image
    const double scale = std::array{1.0, 1.0, 0.5, 2.0, 0.3, 1.0}[in.byte() % 6];
    const bool precomputedStats = in.flag();
    const bool nullMatrix = (options & 16) != 0 && rows == 0;

    // The cells: as many values as the input holds, then repeated.
    auto matrix = std::make_shared<attn::Matrix>(rows, columns);
    std::vector<double> values;
    for (Eigen::Index i = 0; i < matrix->size(); ++i) {
        if (!in.atEnd())
            values.push_back(in.value());
        matrix->data()[i] = values.empty() ? 0.0 : values[static_cast<std::size_t>(i) % values.size()];
    }
    if (!nullMatrix)
        spec.matrix = matrix;
    const HeatmapStats stats = heatmapscale::scan(*matrix);
    checkScan(*matrix, stats);
    if (precomputedStats && spec.matrix)
        spec.stats = stats;

    const ValueRange range = heatmapscale::effectiveRange(spec);
    if (!spec.range) {
        FUZZ_CHECK(std::isfinite(range.low) && std::isfinite(range.high) && range.low <= range.high);
        if (spec.colorMap.isDiverging())
            FUZZ_CHECK(range.low == -range.high && range.high > 0);
    }
    values.resize(std::min<std::size_t>(values.size(), 256));
    checkColours(spec, range, values);

    const QSizeF preferred = heatmaplayout::preferredSize(spec, font);
    FUZZ_CHECK(std::isfinite(preferred.width()) && std::isfinite(preferred.height()));
    const QSizeF forCell = heatmaplayout::sizeForCellSize(spec, cellSize, font);
    FUZZ_CHECK(std::isfinite(forCell.width()) && std::isfinite(forCell.height()));
    const QSizeF valueCell = heatmaplayout::valueCellSize(spec, font);
    FUZZ_CHECK(std::isfinite(valueCell.width()) && std::isfinite(valueCell.height()));
    if (width < 0)
        width = std::min(preferred.width(), kMaxTargetSide);
    if (height < 0)
        height = std::min(preferred.height(), kMaxTargetSide);
    const QRectF target(x, y, width, height);

    HeatmapLayout layout;
    if (mode == 1) {
        layout = heatmaplayout::layoutForCellSize(target, spec, cellSize, font);
    } else {
        layout = heatmaplayout::layout(target, spec, font);
    }
    checkLayout(layout, spec);
    HeatmapLayout painted = layout;
    if (mode == 2) {
        // A layout kept from before the matrix changed shape.
        HeatmapSpec before = spec;
        before.matrix = std::make_shared<attn::Matrix>(attn::Matrix::Zero(in.intIn(0, 8), in.intIn(0, 8)));
        before.stats.reset();
        painted = heatmaplayout::layout(target, before, font);
    }

    const QSize imageSize(std::min(kMaxImageSide, static_cast<int>(std::ceil(x + width * scale)) + 8),
                          std::min(kMaxImageSide, static_cast<int>(std::ceil(y + height * scale)) + 8));
    if (device == 4) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(imageSize);
        QPainter painter(&svg);
        painter.scale(scale, scale);
        heatmappainter::paint(&painter, painted, spec);
    } else if (device == 5) {
        QImage none;
        QPainter painter(&none); // inactive: every call is a no-op
        heatmappainter::paint(&painter, painted, spec);
        heatmappainter::paint(&painter, target, spec, font);
    } else {
        QImage image(imageSize, device == 3 ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
        image.fill(kSentinel);
        {
            QPainter painter(&image);
            painter.scale(scale, scale);
            heatmappainter::paint(&painter, painted, spec);
        }
        if (scale == 1.0 && tame(texts)) {
            checkOutside(image, target);
            if (mode != 2)
                checkCellPixels(image, layout, spec);
        }
    }
    return 0;
}
