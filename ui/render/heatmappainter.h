#pragma once

// The one heatmap painter: on-screen widgets and every export (QImage,
// QSvgGenerator, QPdfWriter) draw a panel through it, only via QPainter, so
// they all look the same. It draws inside the rectangles and on the cell
// edges of a HeatmapLayout (heatmaplayout), in the colours and text
// heatmapscale gives; what it still decides is only how things are drawn
// (which thinned labels give way to highlighted ones, how labels are elided
// to their room, how the cell image is scaled), so what is drawn is where the
// hit tests find it.
//
// Invariants: no state; a call leaves the painter's state as it found it
// (save / restore), and clips only when the target is too small for the panel
// (exports, laid out at their preferred size, stay free of clip paths). A
// layout kept from before the matrix changed shape is laid out again instead
// of being drawn out of bounds.

#include "ui/render/heatmaplayout.h"
#include "ui/render/heatmapspec.h"

#include <QFont>
#include <QRectF>

class QPainter;

namespace heatmappainter {

// Lays out spec in target with font, then paints it.
void paint(QPainter* painter, const QRectF& target, const HeatmapSpec& spec,
           const QFont& font = heatmaplayout::defaultFont());
// For widgets and figures that keep the layout between paints (hover, clicks).
void paint(QPainter* painter, const HeatmapLayout& layout, const HeatmapSpec& spec);

} // namespace heatmappainter
