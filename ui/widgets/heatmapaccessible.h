#pragma once

// What a screen reader finds in the widgets that draw heatmaps outside the
// figure: the lesson's slide (LessonView) and the Compare Seeds panels
// (HeatmapWidget). Each heatmap is an accessible table with a cell per
// matrix entry, named by the heatmap's title, its row and column labels and
// its value as printed ("Weights, row 'i', column 'old': 0.62"); the lesson
// view itself reads as its step's title, with the explanation and the
// formula lines as its description.
//
// Invariants: the tables and cells describe the heatmaps a widget showed
// when they were made; once it shows others (another step, another size,
// new numbers) they are no longer valid and the widget's interface drops
// them, so a reader never hears a heatmap that has gone.

class QAccessibleInterface;

namespace heatmapaccessible {

// Registers the interfaces for LessonView and HeatmapWidget with QAccessible
// (once per process).
void install();

} // namespace heatmapaccessible
