#include "ui/render/attentionoverview.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace attentionoverview {

namespace {

template <typename Weights> QImage thumbnailOf(const Weights& weights, int maxSide, const ColorMap& map)
{
    const int n = static_cast<int>(std::min(weights.rows(), weights.cols()));
    if (n <= 0 || maxSide <= 0)
        return {};
    const int side = std::min(n, maxSide);
    QImage image(side, side, QImage::Format_RGB32);
    // Pixel p covers the cells [p n / side, (p + 1) n / side): every cell
    // belongs to exactly one pixel.
    auto first = [&](int p) { return static_cast<int>(static_cast<long long>(p) * n / side); };
    for (int py = 0; py < side; ++py) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(py));
        const int r0 = first(py);
        const int r1 = std::max(r0 + 1, first(py + 1));
        for (int px = 0; px < side; ++px) {
            const int c0 = first(px);
            const int c1 = std::max(c0 + 1, first(px + 1));
            double strongest = 0.0;
            for (int r = r0; r < r1; ++r) {
                for (int c = c0; c < c1; ++c)
                    strongest = std::max(strongest, static_cast<double>(weights(r, c)));
            }
            line[px] = map.rgb(std::clamp(strongest, 0.0, 1.0));
        }
    }
    return image;
}

} // namespace

QImage weightsThumbnail(const attn::Matrix& weights, int maxSide, const ColorMap& map)
{
    return thumbnailOf(weights, maxSide, map);
}

QImage weightsThumbnail(const attn::HeadResult& head, int maxSide, const ColorMap& map)
{
    return head.weights.size() != 0 ? thumbnailOf(head.weights, maxSide, map)
                                    : thumbnailOf(head.weights32, maxSide, map);
}

QColor headColor(int head)
{
    // Okabe & Ito (2008), "Color Universal Design", without its black.
    static const QRgb palette[] = {0xe69f00, 0x56b4e9, 0x009e73, 0xd55e00, 0x0072b2, 0xcc79a7, 0xf0e442, 0x999999};
    const int count = static_cast<int>(std::size(palette));
    return QColor::fromRgb(palette[((head % count) + count) % count]);
}

HeadLinesLayout layoutHeadLines(const QRectF& area, const QStringList& tokens, const QFont& font)
{
    HeadLinesLayout layout;
    layout.tokens = static_cast<int>(tokens.size());
    layout.font = font;
    if (tokens.isEmpty() || area.isEmpty())
        return layout;
    const QFontMetricsF fm(font);
    double widest = 0;
    for (const QString& token : tokens)
        widest = std::max(widest, fm.horizontalAdvance(token));
    // Names take at most a quarter of the width each side; longer ones elide.
    const double labelWidth = std::min(std::ceil(widest) + 8, std::floor(area.width() * 0.25));
    const double top = area.top() + std::ceil(fm.height()) + 4; // the column headings
    const double height = std::max(1.0, area.bottom() - top);
    layout.rowHeight = height / layout.tokens;
    layout.labelStride = std::max(1, static_cast<int>(std::ceil(fm.height() * 1.05 / layout.rowHeight)));
    layout.leftLabels = QRectF(area.left(), top, labelWidth, height);
    layout.rightLabels = QRectF(area.right() - labelWidth, top, labelWidth, height);
    layout.lines = QRectF(layout.leftLabels.right() + 6, top,
                          std::max(1.0, layout.rightLabels.left() - layout.leftLabels.right() - 12), height);
    return layout;
}

std::optional<HeadLinesHit> headLinesHit(const HeadLinesLayout& layout, QPointF pos)
{
    if (layout.tokens <= 0 || layout.rowHeight <= 0 || pos.y() < layout.lines.top() || pos.y() >= layout.lines.bottom())
        return std::nullopt;
    const int token =
        std::clamp(static_cast<int>((pos.y() - layout.lines.top()) / layout.rowHeight), 0, layout.tokens - 1);
    if (pos.x() >= layout.leftLabels.left() && pos.x() < layout.lines.center().x())
        return HeadLinesHit{token, true};
    if (pos.x() >= layout.lines.center().x() && pos.x() <= layout.rightLabels.right())
        return HeadLinesHit{token, false};
    return std::nullopt;
}

std::vector<int> strongestKeys(const attn::Matrix& weights, int query, int perQuery, double minimum)
{
    std::vector<int> keys;
    if (query < 0 || query >= weights.rows() || perQuery <= 0)
        return keys;
    keys.resize(static_cast<std::size_t>(weights.cols()));
    std::iota(keys.begin(), keys.end(), 0);
    const auto count = std::min<std::size_t>(keys.size(), static_cast<std::size_t>(perQuery));
    // Ties go to the earlier key, so the picture never depends on the sort.
    std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(count), keys.end(), [&](int a, int b) {
        return weights(query, a) > weights(query, b) || (weights(query, a) == weights(query, b) && a < b);
    });
    keys.resize(count);
    std::erase_if(keys, [&](int key) { return !(weights(query, key) >= minimum); });
    return keys;
}

void paintHeadLines(QPainter* painter, const HeadLinesLayout& layout, const QStringList& tokens,
                    const std::vector<const attn::Matrix*>& heads, const std::vector<int>& headNumbers,
                    std::optional<int> focus, const HeadLinesStyle& style)
{
    if (layout.tokens <= 0 || tokens.size() != layout.tokens)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setFont(layout.font);
    const QFontMetricsF fm(layout.font);

    // Headings over the two columns.
    painter->setPen(style.faint);
    const QRectF heading(layout.leftLabels.left(), layout.leftLabels.top() - std::ceil(fm.height()) - 4,
                         layout.rightLabels.right() - layout.leftLabels.left(), std::ceil(fm.height()));
    painter->drawText(heading, Qt::AlignLeft | Qt::AlignVCenter,
                      QCoreApplication::translate("HeadView", "query (attends)"));
    painter->drawText(heading, Qt::AlignRight | Qt::AlignVCenter,
                      QCoreApplication::translate("HeadView", "key (attended to)"));

    // Few tokens: every line that carries weight; many: the strongest few
    // per query, so a thousand tokens draw thousands of lines, not millions.
    const int perQuery = layout.tokens <= 64 ? layout.tokens : (layout.tokens <= 256 ? 6 : 3);
    const double minimum = layout.tokens <= 64 ? 0.01 : 0.05;
    const double width = std::clamp(layout.rowHeight * 0.35, 1.0, 3.0);
    const double x0 = layout.lines.left();
    const double x1 = layout.lines.right();
    auto drawQuery = [&](int query, double strength) {
        for (std::size_t h = 0; h < heads.size(); ++h) {
            const attn::Matrix& weights = *heads[h];
            if (query >= weights.rows())
                continue;
            QColor color = headColor(h < headNumbers.size() ? headNumbers[h] : static_cast<int>(h));
            for (int key : strongestKeys(weights, query, perQuery, minimum)) {
                color.setAlphaF(static_cast<float>(std::clamp(weights(query, key) * strength, 0.0, 1.0)));
                painter->setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
                painter->drawLine(QPointF(x0, layout.rowCentre(query)), QPointF(x1, layout.rowCentre(key)));
            }
        }
    };
    for (int query = 0; query < layout.tokens; ++query) {
        if (query != focus)
            drawQuery(query, focus ? 0.15 : 1.0);
    }
    if (focus && *focus >= 0 && *focus < layout.tokens) {
        const QRectF band(layout.leftLabels.left(), layout.rowCentre(*focus) - layout.rowHeight / 2,
                          layout.leftLabels.width(), layout.rowHeight);
        painter->fillRect(band, style.focusBackground);
        drawQuery(*focus, 1.0);
    }

    // Names, thinned where rows are thinner than a line of text; the focused
    // one is always written.
    auto name = [&](int token, const QRectF& column, Qt::Alignment align) {
        const QRectF row(column.left() + 2, layout.rowCentre(token) - fm.height() / 2, column.width() - 4, fm.height());
        painter->drawText(row, align | Qt::AlignVCenter,
                          fm.elidedText(tokens[token], Qt::ElideRight, static_cast<int>(row.width())));
    };
    painter->setPen(style.text);
    for (int token = 0; token < layout.tokens; ++token) {
        const bool written = token % layout.labelStride == 0 || token == focus;
        if (!written || (focus && token != *focus && std::abs(token - *focus) < layout.labelStride))
            continue;
        name(token, layout.leftLabels, Qt::AlignRight);
        name(token, layout.rightLabels, Qt::AlignLeft);
    }
    painter->restore();
}

} // namespace attentionoverview
