#pragma once

// The colours around the data: the page, its text, frames and grid gaps,
// the selection's outlines and the boxes of formulas. The figure, the lesson
// and every view that draws through ui/render take one RenderTheme, so the
// screen can be dark while an export stays light. What the data itself
// looks like is not here: colour maps (colormap), masked and NaN fills and
// the numbers printed on cells (heatmapscale) are the same in every theme,
// so a cell reads the same on either page.
//
// Invariants: a plain copyable value; light() is the look every export had
// before themes existed, and the default.

#include <QColor>

class QPalette;

struct RenderTheme
{
    bool isDark = false;
    QColor background;    // the page; also the gaps between cells
    QColor text;          // titles and the strongest text
    QColor secondaryText; // a panel's formula line
    QColor label;         // axis labels, tick labels, legends
    QColor muted;         // captions, notes, earlier steps' headings
    QColor faint;         // the weakest text (the head view's thin lines' labels)
    QColor frame;         // hairline frames around grids and colour bars
    QColor separator;     // the line between attention heads' columns
    QColor stripTrack;    // the entropy strip's track and bar
    QColor stripBar;
    QColor highlight;     // the followed token's outlines and fills
    QColor highlightText; // text in the highlight's colour, readable on the page
    QColor onHighlight;   // text on a highlight fill
    QColor box;           // formula and token boxes
    QColor boxBorder;
    QColor focusBand;  // the band behind the pointed-at token in the head view
    QColor strongInk;  // presentation's high contrast: every text and frame in it
    QColor hoverInner; // the hover outline: a light line inside a dark one on any cell
    QColor hoverOuter;

    static RenderTheme light();
    static RenderTheme dark();
    // dark() when the palette's window is darker than its text, else light().
    static RenderTheme forPalette(const QPalette& palette);
    bool operator==(const RenderTheme&) const = default;
};

// True when the palette's window colour is darker than its text: how Qt 6.4,
// which has no colour-scheme hint, tells a dark desktop from a light one.
bool isDarkPalette(const QPalette& palette);
