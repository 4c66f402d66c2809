#pragma once

// Where everything of a heatmap panel goes: HeatmapLayout, the geometry of
// one panel inside a target rectangle, and the functions that compute it from
// a spec and a font (the panel's natural size, the size and layout for a given
// cell size, the smallest cell its numbers fit in), the hit tests that map a
// point back to a cell or label, and the text of labels as they are measured.
// The painter draws only what a layout says, so the screen and every export
// agree with these hit tests.
//
// Invariants: a layout is computed only from the target, the spec and font
// metrics (never from a paint device), so a widget, a PNG, an SVG and a PDF of
// the same target get the same layout; it depends only on the target's size,
// so a laid-out panel can be moved. The unit's one piece of state is the
// label width cache (LabelWidthCache in heatmaplayout.cpp): one per thread,
// so no locks and nothing shared between threads, at most 16 entries, and it
// only saves time, never changes a result. Everything else here is a pure
// function of its arguments.

#include "ui/render/heatmapspec.h"

#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

// The geometry of one panel inside a target rectangle, in the painter's
// logical coordinates.
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
    // The left edge of column `column` and the top edge of row `row` (0 to
    // columns / rows inclusive): rounded to whole pixels unless the cells are
    // drawn as one image, so adjacent vector cells share a pixel boundary with
    // no gap and no overlap.
    double columnEdge(int column) const;
    double rowEdge(int row) const;
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

// Fonts are used at their pixel size (a point size is converted at 96 dpi),
// so no result depends on the paint device's resolution: to export at a
// different physical size, scale the painter, not the font.
namespace heatmaplayout {

// A readable default for lecture projection.
QFont defaultFont();

// Natural size at a comfortable cell size (values readable for small
// matrices, about 720 px of grid for large ones).
QSizeF preferredSize(const HeatmapSpec& spec, const QFont& font = defaultFont());

HeatmapLayout layout(const QRectF& target, const HeatmapSpec& spec, const QFont& font = defaultFont());

// The smallest panel whose cells are cellSize tall (and cellSize *
// spec.cellAspect wide), and the layout with exactly those cells centred
// in target: what a figure that chooses its cell sizes itself needs.
QSizeF sizeForCellSize(const HeatmapSpec& spec, double cellSize, const QFont& font = defaultFont());
HeatmapLayout layoutForCellSize(const QRectF& target, const HeatmapSpec& spec, double cellSize,
                                const QFont& font = defaultFont());
// The smallest cell (width, height) in which every number of the matrix
// prints at the full value font (0.9 of the label font, 0.94 compact).
QSizeF valueCellSize(const HeatmapSpec& spec, const QFont& font = defaultFont());

// layout(target, spec, font).cellAt(pos) and .cellRect(row, column).
std::optional<std::pair<int, int>> cellAt(const QRectF& target, const HeatmapSpec& spec, const QFont& font,
                                          QPointF pos);
QRectF cellRect(const QRectF& target, const HeatmapSpec& spec, const QFont& font, int row, int column);

// The text a row or column label is measured and drawn from: label
// `index`, cut by formulatext::boundedText before any text layout (then
// elided to its room), or the index itself when the list has no such label.
QString labelText(const QStringList& labels, int index);
// A title or formula as measured and drawn: cut to a bounded length first
// (longer than a label's: a panel is as wide as its title).
QString titleText(const QString& title);

// Measures the painter needs to draw what the layout made room for.
// Labels wider than this many average characters are elided.
constexpr double kMaxLabelChars = 10.0;
// Distance between hatch lines of masked and NaN cells.
double hatchSpacing(const QFont& labelFont);
// From the colour bar's right edge: the tick mark's length, and the gap to
// the tick labels (the mark and some air).
double tickLength(double lineHeight, bool compact);
double tickGap(double lineHeight, bool compact);

} // namespace heatmaplayout
