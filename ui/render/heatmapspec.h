#pragma once

// The plain data of one heatmap panel: what to draw (HeatmapSpec, with an
// optional HeatmapStrip), the value interval its colours span (ValueRange) and
// what a pass over its matrix found (HeatmapStats). This is what the scale,
// layout and painter units share, so it holds no behaviour beyond
// ValueRange's mapping onto a colour map's [0, 1].
//
// Invariants: every type here is a copyable value without hidden state; a
// spec's matrix is shared (never copied per paint) and is never written
// through it.

#include "core/matrix.h"
#include "ui/render/colormap.h"
#include "ui/render/rendertheme.h"

#include <QColor>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

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

    // The factor both ends of a range (and the value) are multiplied by before
    // subtracting: 1, or 0.5 when high - low overflows (±1.5e308, say). Halving
    // is exact at the magnitudes that can overflow, and a factor of 1 keeps every
    // other range bit for bit the plain (v - low) / (high - low).
    static double spanScale(double low, double high);
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

// Everything needed to draw one matrix panel. Plain data: build it, lay it
// out with heatmaplayout, draw it with heatmappainter. The matrix is shared,
// never copied per paint; to show a matrix that lives inside a bigger shared
// object without copying it, use the aliasing constructor, e.g.
// std::shared_ptr<const attn::Matrix>(result, &result->layers[0].q).
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
    // What the cells are coloured by, when that is not the matrix itself
    // (same shape): each weight row normalised to its own min..max, say. The
    // printed numbers stay the matrix's.
    std::shared_ptr<const attn::Matrix> colorValues;
    // The colour bar's end labels instead of the range's numbers ("row
    // min", "row max"), for colours that are not one scale of values.
    std::optional<std::pair<QString, QString>> rangeEndTexts;
    // First column of each attention head; a separator line is drawn at every
    // start except 0.
    std::vector<int> columnBlockStarts;
    QSet<int> highlightedRows;
    QSet<int> highlightedColumns;
    // The page, text, frames and highlight colours around the cells.
    RenderTheme theme = RenderTheme::light();
    int decimals = 2;
    // Print values in cells when they fit; false never prints them.
    bool showValues = true;
    // 0 = normal, 1 = fully de-emphasised (panel drawn at reduced opacity).
    double dim = 0.0;
    // Optional precomputed heatmapscale::scan(*matrix); must match matrix.
    std::optional<HeatmapStats> stats;
    // Figure mode: a narrow colour bar labelled only at its ends (and 0 or a
    // round middle value), title and formula on one line when they fit, and
    // tighter gaps, so many panels share a screen at a readable size.
    bool compact = false;
    // Cell width / height. Wide cells give numbers their room while rows keep
    // the height a figure shares between panels of the same tokens.
    double cellAspect = 1.0;
    std::optional<HeatmapStrip> rowStrip;
    // Text and frames in the theme's strongest ink (a projector washes out greys).
    bool highContrast = false;
    // False leaves the colour bar out (and its room): for a slide whose
    // numbers, printed in the cells, say more than the bar would.
    bool showColorBar = true;
    // False leaves the column labels out and their band with them: for a
    // narrowed pattern whose column numbers matter less than its rows' room.
    bool showColumnLabels = true;
};
