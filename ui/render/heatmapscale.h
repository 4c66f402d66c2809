#pragma once

// The numbers of a heatmap and the colours and text they become: one pass
// over a matrix (scan), the value range its colours span, the ticks and tick
// labels of its colour bar, how a value is printed, and the colour of a cell,
// including the fills and hatch colours of masked and NaN cells. Layout
// measures what is produced here and the painter draws it, so a value reads
// and looks the same in a cell, a tooltip, a colour bar and every export.
//
// Invariants: pure functions of their arguments, no state and no fonts; safe
// to call from any thread.

#include "core/matrix.h"
#include "ui/render/heatmapspec.h"

#include <QColor>
#include <QRgb>
#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

namespace heatmapscale {

// The legend entries under the colour bar; "NaN" is also how a NaN value is printed.
inline const QString kMaskedLegend = QStringLiteral("masked");
inline const QString kNanLegend = QStringLiteral("NaN");

// Masked cells hold -inf.
inline bool isMasked(double v)
{
    return v == -std::numeric_limits<double>::infinity();
}

HeatmapStats scan(const attn::Matrix& matrix);
// spec.stats when set, else a scan of spec.matrix (nothing without one).
HeatmapStats statsOf(const HeatmapSpec& spec);
ValueRange effectiveRange(const HeatmapSpec& spec, const HeatmapStats& stats);
ValueRange effectiveRange(const HeatmapSpec& spec);

// Round tick values inside [low, high]: the most that fit in maxCount, with
// steps of 1, 2, 2.5 or 5 times a power of ten. `decimals` gets the digits
// needed to print them.
std::vector<double> niceTicks(double low, double high, int maxCount, int* decimals);

// The compact bar's ticks for `range`: both ends (the data's extremes for an
// automatic range), 0 on a diverging map, else a round value near the middle,
// with their texts; layout drops the middle one when the bar is too short for
// three.
void compactTicks(const HeatmapSpec& spec, const ValueRange& range, std::vector<double>* ticks, QStringList* texts);

// A tick value in as few digits as say it at `decimals`, "1" not "1.00",
// and at most three significant ones ("17.5" for 17.46): a colour scale
// needs the magnitude, the cells and tooltips carry the exact numbers.
QString tickText(double value, int decimals);

// Value as printed in cells and tooltips: fixed decimals, a true minus
// sign, no "-0.00", and "−∞", "∞", "NaN" for the special values.
QString formatValue(double value, int decimals);

// A setting's number in the same notation, as short as it goes ('g', up to
// `significant` digits): "0.7", "1e-05" (always a small e), no group
// separator. For temperatures and epsilons in titles and formulas.
QString formatSetting(double value, int significant = 6);

// The colour a finite or +inf value gets; masked and NaN cells get the
// fills below with hatching over them (a flat, slightly darker fill when
// cells are too small to hatch).
QRgb cellColor(const HeatmapSpec& spec, const ValueRange& range, double value);
QColor maskedFill();
QColor maskedHatch();
QColor nanFill();
QColor nanHatch();
// The flat fills of masked and NaN cells too small to hatch: about the
// average colour of the hatched version, so the look does not jump between
// sizes.
QColor maskedFlatFill();
QColor nanFlatFill();

// The colour of the number printed on a cell: black or white, whichever
// reads better on the cell's colour (that of `colorValue`, which is the
// value itself unless the spec colours by other values), and the masked and
// NaN texts on their fills. A panel drawn at `opacity` shows its cells
// mixed with the page (spec.theme.background: lighter on a white page,
// darker on a dark one), and the text is chosen for what is seen.
QColor valueTextColor(const HeatmapSpec& spec, const ValueRange& range, double value, double colorValue,
                      double opacity = 1.0);
// A colour drawn at `opacity` on a page of colour `page`, as it looks.
QColor onPage(const QColor& color, double opacity, const QColor& page = QColor(0xff, 0xff, 0xff));

} // namespace heatmapscale
