#pragma once

// What a screen reader finds in the figure view: the view has one accessible
// table per panel, in the figure's order, and each table a cell per matrix
// entry, named by its panel, row and column labels and its value as printed
// ("weights, row 'i', column 'old': 0.62"), with the hover text's worked
// arithmetic as its description. Selecting is the view's (Enter or a click);
// the tables only report it.
//
// Invariants: the tables and cells describe one built figure
// (FigureView::figureGeneration); once the view builds another they are no
// longer valid and the view's interface drops them, so a reader never hears
// a panel that has gone.

#include "ui/render/figure.h"

class FigureView;
class QAccessibleEvent;

namespace figureaccessible {

// Registers the interfaces for FigureView with QAccessible (once per process).
void install();

// Tells assistive technology that the keyboard's cell is now `cell`.
void announceFocusCell(FigureView* view, const FigureHit& cell);

// Where announcements go: QAccessible::updateAccessibility, which drops them
// while nothing listens (and on platforms without accessibility, such as
// offscreen). A test installs its own to hear them anyway; null restores
// the default. Returns the one installed before.
using Announcer = void (*)(QAccessibleEvent* event);
Announcer setAnnouncer(Announcer announcer);

} // namespace figureaccessible
