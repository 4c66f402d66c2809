#pragma once

// Pictures of attention for the views that show many heads at once: a head's
// weights shrunk to a thumbnail (the model view: every layer x head), and a
// head as lines from each query token to the keys it attends to (the head
// view). Pure functions of their arguments, safe on any thread; they keep no
// state.

#include "core/attention.h"
#include "ui/render/colormap.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QRectF>
#include <QStringList>

#include <optional>
#include <vector>

class QPainter;

namespace attentionoverview {

// A head's weights (n x n, each in [0, 1]) as a side x side image, side =
// min(n, maxSide). Each pixel is the largest weight of the block of cells it
// covers, so a sharp pattern (one token back, the first token) stays visible
// when a thousand tokens shrink to a hundred pixels. Row i is the query.
QImage weightsThumbnail(const attn::Matrix& weights, int maxSide, const ColorMap& map);
// The same of a head, whichever precision the result keeps its weights in.
QImage weightsThumbnail(const attn::HeadResult& head, int maxSide, const ColorMap& map);

// The head view's colours, one per head: the Okabe-Ito palette, told apart
// with the common colour-vision deficiencies; heads past eight repeat it.
QColor headColor(int head);

// Where the head view puts its two columns of tokens: queries on the left,
// keys on the right, the same tokens in the same order. Past a few dozen
// tokens only every `labelStride`-th name is written, the rest are ticks.
struct HeadLinesLayout
{
    QRectF leftLabels;  // right-aligned query names
    QRectF rightLabels; // left-aligned key names
    QRectF lines;       // between the two columns
    double rowHeight = 0;
    int tokens = 0;
    int labelStride = 1;
    QFont font;

    double rowCentre(int token) const { return lines.top() + (token + 0.5) * rowHeight; }
};

HeadLinesLayout layoutHeadLines(const QRectF& area, const QStringList& tokens, const QFont& font);

// The token whose row is under `pos`, and whether it is on the query side.
struct HeadLinesHit
{
    int token = -1;
    bool query = true;
};
std::optional<HeadLinesHit> headLinesHit(const HeadLinesLayout& layout, QPointF pos);

// The lines drawn for query i: its strongest keys (at most `perQuery`, each
// with at least `minimum` of the weight), strongest first.
std::vector<int> strongestKeys(const attn::Matrix& weights, int query, int perQuery, double minimum);

// Lines from every query to its strongest keys, one colour per head, their
// opacity the weight. With `focus`, that query's lines are drawn at full
// strength over the others, which fade.
struct HeadLinesStyle
{
    QColor text = Qt::black;
    QColor faint = QColor(0x90, 0x90, 0x90);
    QColor focusBackground = QColor(0xff, 0xe0, 0xb2);
};
void paintHeadLines(QPainter* painter, const HeadLinesLayout& layout, const QStringList& tokens,
                    const std::vector<const attn::Matrix*>& heads, const std::vector<int>& headNumbers,
                    std::optional<int> focus, const HeadLinesStyle& style = {});

} // namespace attentionoverview
