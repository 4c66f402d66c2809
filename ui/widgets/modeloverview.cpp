#include "ui/widgets/modeloverview.h"

#include "ui/document/viewstate.h"
#include "ui/render/attentionoverview.h"
#include "ui/widgets/appearance.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace {

// Thumbnails are drawn at this many pixels a side at most: enough for the
// largest cell the grid gives, small enough that 144 heads of 1024 tokens
// are made in a fraction of a second.
constexpr int kThumbnailSide = 160;
constexpr double kMinCell = 36.0;
constexpr double kMaxCell = 220.0;

} // namespace

ModelOverview::ModelOverview(ViewState* view, QWidget* parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("modelOverview"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Model view: every layer and head"));
    connect(&m_watcher, &QFutureWatcher<std::vector<QImage>>::finished, this, [this] {
        if (m_pending) {
            startDrawing();
            return;
        }
        m_thumbnails = m_watcher.result();
        update();
        emit thumbnailsReady();
    });
    for (auto signal : {&ViewState::layerChanged, &ViewState::headChanged})
        connect(m_view, signal, this, qOverload<>(&QWidget::update));
    connect(m_view, &ViewState::colorMapChanged, this, [this] {
        if (m_result)
            startDrawing();
    });
}

ModelOverview::~ModelOverview()
{
    m_watcher.waitForFinished();
}

void ModelOverview::setResult(std::shared_ptr<const attn::AttentionResult> result)
{
    m_result = std::move(result);
    updateGeometry();
    startDrawing();
}

void ModelOverview::startDrawing()
{
    m_thumbnails.clear();
    update();
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    if (!m_result)
        return;
    const ColorMap map = ColorMap::byName(m_view->colorMap()).value_or(ColorMap::viridis());
    m_watcher.setFuture(QtConcurrent::run([result = m_result, map] {
        std::vector<QImage> images;
        for (const attn::LayerResult& layer : result->layers) {
            for (const attn::HeadResult& head : layer.heads)
                images.push_back(attentionoverview::weightsThumbnail(head, kThumbnailSide, map));
        }
        return images;
    }));
}

int ModelOverview::layers() const
{
    return m_result ? static_cast<int>(m_result->layers.size()) : 0;
}

int ModelOverview::heads() const
{
    return m_result ? m_result->headCount() : 0;
}

ModelOverview::Grid ModelOverview::grid() const
{
    Grid g;
    const QFontMetricsF fm(font());
    g.rowLabelWidth = std::ceil(fm.horizontalAdvance(tr("Layer %1").arg(std::max(1, layers())))) + 12;
    g.headerHeight = std::ceil(fm.height() * 2.4);
    g.gap = 8;
    const int rows = std::max(1, layers());
    const int columns = std::max(1, heads());
    const QRectF inner = QRectF(rect()).adjusted(12, 8, -12, -12);
    const double byWidth = (inner.width() - g.rowLabelWidth - g.gap * (columns - 1)) / columns;
    const double byHeight = (inner.height() - g.headerHeight - g.gap * (rows - 1)) / rows;
    g.cell = std::floor(std::clamp(std::min(byWidth, byHeight), kMinCell, kMaxCell));
    const double width = g.rowLabelWidth + columns * g.cell + (columns - 1) * g.gap;
    const double left = inner.left() + std::max(0.0, (inner.width() - width) / 2);
    g.area = QRectF(left, inner.top(), width, g.headerHeight + rows * g.cell + (rows - 1) * g.gap);
    return g;
}

QRectF ModelOverview::cellRect(int layer, int head) const
{
    const Grid g = grid();
    return QRectF(g.area.left() + g.rowLabelWidth + head * (g.cell + g.gap),
                  g.area.top() + g.headerHeight + layer * (g.cell + g.gap), g.cell, g.cell);
}

std::optional<std::pair<int, int>> ModelOverview::cellAt(QPointF pos) const
{
    for (int l = 0; l < layers(); ++l) {
        for (int h = 0; h < heads(); ++h) {
            if (cellRect(l, h).contains(pos))
                return std::pair{l, h};
        }
    }
    return std::nullopt;
}

QSize ModelOverview::minimumSizeHint() const
{
    const QFontMetricsF fm(font());
    const int columns = std::max(1, heads());
    const int rows = std::max(1, layers());
    return QSize(static_cast<int>(fm.horizontalAdvance(tr("Layer 00")) + 36 + columns * (kMinCell + 8)),
                 static_cast<int>(fm.height() * 2.4 + 24 + rows * (kMinCell + 8)));
}

QSize ModelOverview::sizeHint() const
{
    return minimumSizeHint().expandedTo(QSize(640, 480));
}

void ModelOverview::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (!m_result || m_result->layers.empty())
        return;
    const Grid g = grid();
    const QFontMetricsF fm(font());
    painter.setPen(palette().text().color());
    const QRectF title(g.area.left(), g.area.top(), std::max(g.area.width(), width() - g.area.left() - 12),
                       fm.height());
    painter.drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Attention weights of every layer and head · click one to open it"));
    // "Head 12" where it fits above its thumbnail; else the numbers alone,
    // after the word once at the left (and every other one if even they crowd).
    const double labelTop = g.area.top() + fm.height() * 1.2;
    const double room = g.cell + g.gap - 2;
    const bool words = fm.horizontalAdvance(tr("Head %1").arg(heads())) <= room;
    const int stride = words ? 1 : static_cast<int>(std::ceil(fm.horizontalAdvance(QString::number(heads())) / room));
    if (!words)
        painter.drawText(QRectF(g.area.left(), labelTop, g.rowLabelWidth - 8, fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, tr("Head"));
    for (int h = 0; h < heads(); h += std::max(1, stride)) {
        const QRectF cell = cellRect(0, h);
        painter.drawText(QRectF(cell.left() - g.gap / 2, labelTop, cell.width() + g.gap, fm.height()), Qt::AlignCenter,
                         words ? tr("Head %1").arg(h + 1) : QString::number(h + 1));
    }
    const ColorMap map = ColorMap::byName(m_view->colorMap()).value_or(ColorMap::viridis());
    for (int l = 0; l < layers(); ++l) {
        const QRectF first = cellRect(l, 0);
        painter.setPen(palette().text().color());
        painter.drawText(QRectF(g.area.left(), first.top(), g.rowLabelWidth - 8, first.height()),
                         Qt::AlignRight | Qt::AlignVCenter, tr("Layer %1").arg(l + 1));
        for (int h = 0; h < heads(); ++h) {
            const QRectF cell = cellRect(l, h);
            const std::size_t index = static_cast<std::size_t>(l * heads() + h);
            if (index < m_thumbnails.size() && !m_thumbnails[index].isNull()) {
                painter.setRenderHint(QPainter::SmoothPixmapTransform, m_thumbnails[index].width() > cell.width());
                painter.drawImage(cell, m_thumbnails[index]);
            } else {
                painter.fillRect(cell, map.color(0.0).lighter(140));
            }
            const bool chosen = l == m_view->layer() && h == m_view->head();
            const bool hovered = m_hover && m_hover->first == l && m_hover->second == h;
            if (chosen || hovered) {
                painter.setPen(QPen(chosen ? appearance::screenTheme(this).highlight : palette().highlight().color(),
                                    chosen ? 3 : 2));
                painter.drawRect(cell.adjusted(-2, -2, 2, 2));
            }
        }
    }
    if (m_thumbnails.empty()) {
        painter.setPen(palette().text().color());
        painter.drawText(rect().adjusted(0, 0, 0, -8), Qt::AlignBottom | Qt::AlignHCenter, tr("Drawing…"));
    }
}

void ModelOverview::mouseMoveEvent(QMouseEvent* event)
{
    const auto hit = cellAt(event->position());
    if (hit != m_hover) {
        m_hover = hit;
        update();
    }
    if (hit && m_result) {
        const attn::HeadResult& head = m_result->layers[hit->first].heads[hit->second];
        // What the head does on the whole, in one line: its mean weight one
        // token back, on the first token and on the token itself.
        double back = 0, first = 0, self = 0;
        const auto n = head.weightRows();
        for (Eigen::Index i = 0; i < n; ++i) {
            back += i > 0 ? head.weight(i, i - 1) : 0.0;
            first += head.weight(i, 0);
            self += head.weight(i, i);
        }
        const double rows = static_cast<double>(std::max<Eigen::Index>(1, n));
        QToolTip::showText(
            event->globalPosition().toPoint(),
            tr("<b>Layer %1, head %2</b><br>mean weight one token back %3, on the first token %4, on itself %5"
               "<br>Click to open its stages")
                .arg(hit->first + 1)
                .arg(hit->second + 1)
                .arg(QLocale().toString(n > 1 ? back / (rows - 1) : 0.0, 'f', 2))
                .arg(QLocale().toString(first / rows, 'f', 2))
                .arg(QLocale().toString(self / rows, 'f', 2)),
            this, cellRect(hit->first, hit->second).toRect());
    } else {
        QToolTip::hideText();
    }
}

void ModelOverview::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (const auto hit = cellAt(event->position())) {
        m_view->setLayer(hit->first);
        m_view->setHead(hit->second);
        emit headOpened(hit->first, hit->second);
    }
}

void ModelOverview::keyPressEvent(QKeyEvent* event)
{
    // Arrows move the chosen head; Enter opens it.
    int layer = m_view->layer();
    int head = m_view->head();
    switch (event->key()) {
    case Qt::Key_Left:
        --head;
        break;
    case Qt::Key_Right:
        ++head;
        break;
    case Qt::Key_Up:
        --layer;
        break;
    case Qt::Key_Down:
        ++layer;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        emit headOpened(layer, head);
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    m_view->setLayer(std::clamp(layer, 0, std::max(0, layers() - 1)));
    m_view->setHead(std::clamp(head, 0, std::max(0, heads() - 1)));
}

void ModelOverview::leaveEvent(QEvent*)
{
    m_hover.reset();
    update();
}
