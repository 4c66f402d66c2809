#include "ui/render/rendertheme.h"

#include <QPalette>

RenderTheme RenderTheme::light()
{
    RenderTheme t;
    t.isDark = false;
    t.background = QColor(0xff, 0xff, 0xff);
    t.text = QColor(0x1a, 0x1a, 0x1a);
    t.secondaryText = QColor(0x4a, 0x4a, 0x4a);
    t.label = QColor(0x30, 0x30, 0x30);
    t.muted = QColor(0x55, 0x55, 0x55);
    t.faint = QColor(0x90, 0x90, 0x90);
    t.frame = QColor(0xa8, 0xa8, 0xa8);
    t.separator = QColor(0x1a, 0x1a, 0x1a);
    t.stripTrack = QColor(0xee, 0xee, 0xee);
    t.stripBar = QColor(0xa9, 0xc8, 0xe8);
    t.highlight = QColor(0xff, 0x8c, 0x00);
    t.highlightText = QColor(0xaa, 0x5d, 0x00);
    t.onHighlight = QColor(0x00, 0x00, 0x00);
    t.box = QColor(0xf3, 0xf5, 0xf9);
    t.boxBorder = QColor(0xc8, 0xcd, 0xd6);
    t.focusBand = QColor(0xff, 0xe0, 0xb2);
    t.strongInk = QColor(0x00, 0x00, 0x00);
    t.hoverInner = QColor(0xff, 0xff, 0xff);
    t.hoverOuter = QColor(0x1a, 0x1a, 0x1a);
    return t;
}

RenderTheme RenderTheme::dark()
{
    // A dark grey page rather than black: the darkest colour-map cells
    // (viridis' purple, a grey map's black) stay apart from it.
    RenderTheme t;
    t.isDark = true;
    t.background = QColor(0x1f, 0x21, 0x25);
    t.text = QColor(0xec, 0xec, 0xec);
    t.secondaryText = QColor(0xc4, 0xc4, 0xc4);
    t.label = QColor(0xd8, 0xd8, 0xd8);
    t.muted = QColor(0xb0, 0xb0, 0xb0);
    t.faint = QColor(0x80, 0x80, 0x80);
    t.frame = QColor(0x70, 0x70, 0x70);
    t.separator = QColor(0xec, 0xec, 0xec);
    t.stripTrack = QColor(0x34, 0x37, 0x3d);
    t.stripBar = QColor(0x4f, 0x7f, 0xb3);
    t.highlight = QColor(0xff, 0x9d, 0x1a);
    t.highlightText = QColor(0xff, 0xb8, 0x5c);
    t.onHighlight = QColor(0x00, 0x00, 0x00);
    t.box = QColor(0x2a, 0x2d, 0x33);
    t.boxBorder = QColor(0x55, 0x5b, 0x66);
    t.focusBand = QColor(0x5a, 0x3d, 0x12);
    t.strongInk = QColor(0xff, 0xff, 0xff);
    t.hoverInner = QColor(0xff, 0xff, 0xff);
    t.hoverOuter = QColor(0x1a, 0x1a, 0x1a);
    return t;
}

RenderTheme RenderTheme::forPalette(const QPalette& palette)
{
    return isDarkPalette(palette) ? dark() : light();
}

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}
