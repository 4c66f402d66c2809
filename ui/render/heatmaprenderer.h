#pragma once

#include "core/matrix.h"
#include "ui/render/colormap.h"

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QPainter;

// A closed value interval mapped onto a colour map's [0, 1].
struct ValueRange
{
    double low = 0.0;
    double high = 1.0;

    // (v - low) / (high - low) clamped to [0, 1]; +inf gives 1. A degenerate
    // range (high <= low, or a NaN end) maps everything to 0.5 so a constant
    // matrix shows the map's middle colour instead of dividing by zero. Never
    // NaN: a NaN value gives 0 (NaN cells have a fill of their own), a range
    // too wide for high - low (±1e308) is still divided evenly, and with an
    // infinite end every finite value sits at the finite end.
    double normalized(double value) const;
};

// What one pass over a matrix finds; cheap to keep if a caller wants to skip
// the scan on every paint of a very large matrix.
struct HeatmapStats
{
    double min = 0.0;    // over finite values only
    double max = 0.0;    // over finite values only
    double maxAbs = 0.0; // over finite values only
    bool hasFinite = false;
    qsizetype maskedCount = 0; // cells equal to -inf
    qsizetype nanCount = 0;
    qsizetype positiveInfCount = 0;
};

// One number per matrix row shown as a strip of bars right of the grid (the
// attention entropy of each query row, say): a bar's length is value /
// maximum, so the strip reads without a colour scale; the number is printed
// on the bar when the row is tall enough.
struct HeatmapStrip
{
    std::vector<double> values; // one per row; extra or missing values are ignored / drawn empty
    double maximum = 1.0;       // a full-width bar
    QString header;             // above the strip, e.g. "H"
    int decimals = 2;
};

// Everything needed to draw one matrix panel. Plain data: build it, hand it to
// HeatmapRenderer. The matrix is shared, never copied per paint; to show a
// matrix that lives inside a bigger shared object without copying it, use the
// aliasing constructor, e.g. std::shared_ptr<const attn::Matrix>(result, &result->layers[0].q).
struct HeatmapSpec
{
    std::shared_ptr<const attn::Matrix> matrix;
    // Empty lists mean "label with indices 0, 1, 2, ...".
    QStringList rowLabels;
    QStringList columnLabels;
    QString title;   // e.g. "Q  5 × 3", drawn bold
    QString formula; // e.g. "Q = X · W_Q", one line under the title
    ColorMap colorMap = ColorMap::viridis();
    // Explicit range; unset means automatic: data min..max for sequential
    // maps, symmetric ±max|x| for diverging maps so that 0 is the centre.
    std::optional<ValueRange> range;
    // First column of each attention head; a separator line is drawn at every
    // start except 0.
    std::vector<int> columnBlockStarts;
    QSet<int> highlightedRows;
    QSet<int> highlightedColumns;
    QColor accentColor = QColor(0xff, 0x8c, 0x00);
    int decimals = 2;
    // Print values in cells when they fit; false never prints them.
    bool showValues = true;
    // 0 = normal, 1 = fully de-emphasised (panel drawn at reduced opacity).
    double dim = 0.0;
    // Optional precomputed HeatmapRenderer::scan(*matrix); must match matrix.
    std::optional<HeatmapStats> stats;
    // Figure mode: a narrow colour bar labelled only at its ends (and 0 or a
    // round middle value), title and formula on one line when they fit, and
    // tighter gaps, so many panels share a screen at a readable size.
    bool compact = false;
    // Cell width / height. Wide cells give numbers their room while rows keep
    // the height a figure shares between panels of the same tokens.
    double cellAspect = 1.0;
    std::optional<HeatmapStrip> rowStrip;
};

// The geometry of one panel inside a target rectangle, in the painter's
// logical coordinates. Computed only from the target, the spec and font
// metrics (never from the paint device), so a widget, a PNG, an SVG and a PDF
// of the same target rectangle get the same layout.
struct HeatmapLayout
{
    QRectF target;
    QRectF titleRect;
    QRectF formulaRect;
    QRectF gridRect;        // the cells; top-left on a whole logical pixel, and
                            // every cell edge too when cells are >= 3 px
    QRectF rowLabelRect;    // left of the grid, same height
    QRectF columnLabelRect; // above the grid, same width
    QRectF colorBarRect;    // the gradient itself
    QRectF legendRect;      // "masked" / "NaN" swatches under the bar; may be empty
    QRectF stripRect;       // spec.rowStrip's bars, right of the grid; else empty

    int rows = 0;
    int columns = 0;
    double cellSize = 0.0;  // cell height, the row pitch
    double cellWidth = 0.0; // the column pitch: cellSize unless spec.cellAspect != 1
    int rowLabelStride = 1;
    int columnLabelStride = 1;
    bool columnLabelsRotated = false;
    bool valuesVisible = false; // numbers fit in the cells
    bool gridLines = false;
    bool rasterCells = false; // cells drawn as one image, one pixel per cell
    bool hatched = false;     // masked / NaN cells hatched (else flat fills)

    ValueRange range;
    HeatmapStats stats;
    std::vector<double> ticks;
    int tickDecimals = 0;
    QStringList tickLabels; // the text of each tick, as drawn
    bool stripValuesVisible = false;

    QFont titleFont;
    QFont labelFont;
    QFont valueFont;

    // Cell under pos as (row, column), or nothing outside the grid.
    std::optional<std::pair<int, int>> cellAt(QPointF pos) const;
    QRectF cellRect(int row, int column) const;
    // Row / column whose label is under pos (the label band of that row or
    // column, whether or not thinning hid its text).
    std::optional<int> rowLabelAt(QPointF pos) const;
    std::optional<int> columnLabelAt(QPointF pos) const;
    // Row whose strip bar is under pos.
    std::optional<int> stripRowAt(QPointF pos) const;
    // Moves every rectangle: a layout depends only on its target's size (for
    // a target on whole pixels), so a laid-out panel can be moved.
    void translate(QPointF offset);
};

// The one heatmap painter: on-screen widgets and every export (QImage,
// QSvgGenerator, QPdfWriter) draw through it, only via QPainter, so they all
// look the same. All functions are static and reentrant; the only state is
// a small per-thread cache of measured label widths, which saves time and
// never changes a result.
//
// Fonts are used at their pixel size (a point size is converted at 96 dpi),
// so the result does not depend on the paint device's resolution: to export
// at a different physical size, scale the painter, not the font.
class HeatmapRenderer
{
public:
    // A readable default for lecture projection.
    static QFont defaultFont();

    static HeatmapStats scan(const attn::Matrix& matrix);
    static ValueRange effectiveRange(const HeatmapSpec& spec, const HeatmapStats& stats);
    static ValueRange effectiveRange(const HeatmapSpec& spec);

    // Natural size at a comfortable cell size (values readable for small
    // matrices, about 720 px of grid for large ones).
    static QSizeF preferredSize(const HeatmapSpec& spec, const QFont& font = defaultFont());

    static HeatmapLayout layout(const QRectF& target, const HeatmapSpec& spec, const QFont& font = defaultFont());

    // The smallest panel whose cells are cellSize tall (and cellSize *
    // spec.cellAspect wide), and the layout with exactly those cells centred
    // in target: what a figure that chooses its cell sizes itself needs.
    static QSizeF sizeForCellSize(const HeatmapSpec& spec, double cellSize, const QFont& font = defaultFont());
    static HeatmapLayout layoutForCellSize(const QRectF& target, const HeatmapSpec& spec, double cellSize,
                                           const QFont& font = defaultFont());
    // The smallest cell (width, height) in which every number of the matrix
    // prints at the full value font (0.9 of the label font, 0.94 compact).
    static QSizeF valueCellSize(const HeatmapSpec& spec, const QFont& font = defaultFont());

    static void paint(QPainter* painter, const QRectF& target, const HeatmapSpec& spec,
                      const QFont& font = defaultFont());
    // For widgets that keep the layout between paints (hover, clicks).
    static void paint(QPainter* painter, const HeatmapLayout& layout, const HeatmapSpec& spec);

    static std::optional<std::pair<int, int>> cellAt(const QRectF& target, const HeatmapSpec& spec, const QFont& font,
                                                     QPointF pos);
    static QRectF cellRect(const QRectF& target, const HeatmapSpec& spec, const QFont& font, int row, int column);

    // The text a row or column label is measured and drawn from: label
    // `index`, cut by formulatext::boundedText before any text layout (then
    // elided to its room), or the index itself when the list has no such label.
    static QString labelText(const QStringList& labels, int index);

    // Value as printed in cells and tooltips: fixed decimals, a true minus
    // sign, no "-0.00", and "−∞", "∞", "NaN" for the special values.
    static QString formatValue(double value, int decimals);

    // The colour a finite or +inf value gets; masked and NaN cells get the
    // fills below with hatching over them (a flat, slightly darker fill when
    // cells are too small to hatch).
    static QRgb cellColor(const HeatmapSpec& spec, const ValueRange& range, double value);
    static QColor maskedFill();
    static QColor maskedHatch();
    static QColor nanFill();
    static QColor nanHatch();
};
