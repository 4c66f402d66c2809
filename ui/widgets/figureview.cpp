#include "ui/widgets/figureview.h"
#include "ui/document/exportfiles.h"
#include "ui/widgets/appearance.h"
#include "ui/widgets/figureaccessible.h"
#include "ui/widgets/filedialogs.h"

#include "core/exporters.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTextDocument>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kZoomStep = 1.25;
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 8.0;
// Zoom-to-fit shows the whole figure: the figure itself keeps its text
// legible at the zoom that fits (FigureSettings::legibleTextPx), so the fit
// never needs a floor of its own; this one only guards degenerate viewports.
constexpr double kMinFitZoom = 0.02;
constexpr double kMaxFitZoom = 3.0;
// Panels larger than this many device pixels are painted directly instead of
// cached, so a deep zoom never allocates huge images.
constexpr qint64 kMaxCachedPixels = 2048LL * 2048LL;
constexpr int kFitMargin = 4;
// Presentation: type a quarter larger, and at least this large on screen.
constexpr double kPresentationFontScale = 1.25;
constexpr double kPresentationLegiblePx = 14.0; // the 5 numbers of a row still print on a 1366 x 768 projector
constexpr double kLegiblePx = 12.0;
const QColor kHoverColor(0xff, 0x8c, 0x00); // the selection's accent
// The keyboard's ring: blue, apart from the orange of hover and selection.
const QColor kFocusColor(0x1a, 0x4f, 0xd6);

} // namespace

FigureView::FigureView(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    // Before anything that asks for this view's accessible interface (which
    // Qt then keeps for the view's life).
    figureaccessible::install();
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true); // the hover outline follows the mouse
    setAccessibleName(tr("Stage figure"));
    setAccessibleDescription(tr("Every stage of the computation as a table of numbers: arrow keys move between "
                                "cells, Tab to the next panel, Enter selects the cell's tokens"));
    setViewState(new ViewState(this));
}

FigureView::~FigureView() = default;

void FigureView::setViewState(ViewState* view)
{
    if (!view || view == m_view)
        return;
    ViewState::stopObserving(m_view, this);
    m_view = view;
    connect(view, &ViewState::layerChanged, this, &FigureView::rebuild);
    connect(view, &ViewState::headChanged, this, &FigureView::rebuild);
    connect(view, &ViewState::allHeadsChanged, this, &FigureView::rebuild);
    connect(view, &ViewState::colorMapChanged, this, &FigureView::rebuild);
    connect(view, &ViewState::weightsScaleChanged, this, &FigureView::rebuild);
    connect(view, &ViewState::selectionChanged, this, [this] {
        m_figure.setSelection(m_view->query(), m_view->key());
        m_cache.clear();
        viewport()->update();
    });
    rebuild();
}

void FigureView::setData(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result)
{
    m_config = config;
    m_result = std::move(result);
    rebuild();
}

void FigureView::clearData()
{
    m_result.reset();
    rebuild();
}

double FigureView::zoom() const
{
    return m_zoom;
}

bool FigureView::isZoomToFit() const
{
    return m_fit;
}

void FigureView::setZoom(double zoom)
{
    setZoomAround(zoom, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void FigureView::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void FigureView::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

void FigureView::zoomToFit()
{
    m_fit = true;
    rebuild();
}

void FigureView::setPresentation(bool on)
{
    m_presentation = on;
    zoomToFit();
}

const Figure& FigureView::figure() const
{
    return m_figure;
}

FigureOptions FigureView::exportOptions() const
{
    FigureOptions options;
    options.layer = m_view->layer();
    options.head = m_view->head();
    options.colorMap = m_view->colorMap();
    options.weightsScale = m_view->weightsScale();
    options.allHeads = m_view->allHeads();
    options.query = m_view->query();
    options.key = m_view->key();
    options.fitTo = m_figure.settings().fitTo;
    options.theme = appearance::exportTheme(this);
    return options;
}

QString FigureView::selectionSummary() const
{
    const auto query = m_view->query();
    if (!m_result || !query || *query >= static_cast<int>(m_result->tokens.size()))
        return QString();
    const auto token = [this](int i) { return QString::fromStdString(m_result->tokens[static_cast<std::size_t>(i)]); };
    const auto key = m_view->key();
    if (!key || *key >= static_cast<int>(m_result->tokens.size()))
        return tr("Query \"%1\" (row %2)").arg(token(*query)).arg(*query);
    const attn::LayerResult& layer = m_result->layer(m_view->layer());
    const int head = std::clamp(m_view->head(), 0, static_cast<int>(layer.heads.size()) - 1);
    const attn::HeadResult& h = layer.heads[static_cast<std::size_t>(head)];
    return tr("\"%1\" attends to \"%2\" with weight %3 (score %4)")
        .arg(token(*query), token(*key))
        .arg(QLocale().toString(h.weights(*query, *key), 'f', 3))
        .arg(QLocale().toString(attn::scoresRow(layer, head, *query)(*key), 'g', 4));
}

QString FigureView::toolTipAt(QPoint viewportPos) const
{
    return m_figure.toolTipAt(toFigure(viewportPos));
}

std::optional<QPoint> FigureView::cellCenter(attn::PanelId panel, int row, int column) const
{
    const int head = m_view->allHeads() ? m_view->head() : -1;
    const auto center = m_figure.cellCenter(panel, row, column, head);
    if (!center)
        return std::nullopt;
    const QPoint point = toViewport(*center).toPoint();
    if (!viewport()->rect().contains(point))
        return std::nullopt;
    return point;
}

QRectF FigureView::cellRectInViewport(int panelIndex, int row, int column) const
{
    if (panelIndex < 0 || panelIndex >= static_cast<int>(m_figure.panels().size()))
        return {};
    const QRectF cell = m_figure.panels()[static_cast<std::size_t>(panelIndex)].layout.cellRect(row, column);
    if (cell.isEmpty())
        return {};
    return QRectF(toViewport(cell.topLeft()), toViewport(cell.bottomRight()));
}

QRectF FigureView::hoverRect() const
{
    if (!m_hover)
        return {};
    const QRectF r = cellRectInViewport(m_hover->panelIndex, m_hover->row, m_hover->column);
    if (r.isEmpty())
        return {};
    // At least a few pixels, so a cell of a thousand-token grid still shows.
    const double grow = std::max(0.0, (5.0 - std::min(r.width(), r.height())) / 2);
    return r.adjusted(-grow, -grow, grow, grow);
}

std::optional<FigureHit> FigureView::focusCell() const
{
    const auto& panels = m_figure.panels();
    if (panels.empty())
        return std::nullopt;
    FigureHit hit;
    hit.kind = FigureHit::Kind::Cell;
    hit.panelIndex = 0;
    hit.row = m_focus ? m_focus->row : 0;
    hit.column = m_focus ? m_focus->column : 0;
    if (m_focus) {
        // The same panel, else the same stage of another head.
        for (int pass = 0; pass < 2; ++pass) {
            const auto it = std::find_if(panels.begin(), panels.end(), [&](const FigurePanel& p) {
                return p.id == m_focus->panel && (pass == 1 || p.head == m_focus->head);
            });
            if (it != panels.end()) {
                hit.panelIndex = static_cast<int>(it - panels.begin());
                break;
            }
        }
    }
    const FigurePanel& p = panels[static_cast<std::size_t>(hit.panelIndex)];
    hit.row = std::clamp(hit.row, 0, std::max(0, p.layout.rows - 1));
    hit.column = std::clamp(hit.column, 0, std::max(0, p.layout.columns - 1));
    return hit;
}

void FigureView::setFocusCell(int panelIndex, int row, int column)
{
    const auto& panels = m_figure.panels();
    if (panelIndex < 0 || panelIndex >= static_cast<int>(panels.size()))
        return;
    const FigurePanel& p = panels[static_cast<std::size_t>(panelIndex)];
    m_focus = FocusCell{p.id, p.head, std::clamp(row, 0, std::max(0, p.layout.rows - 1)),
                        std::clamp(column, 0, std::max(0, p.layout.columns - 1))};
    focusCellChanged();
}

void FigureView::focusCellChanged()
{
    const auto cell = focusCell();
    if (cell) {
        // Scrolled into view, a few pixels of its neighbours too.
        const QRectF r = cellRectInViewport(cell->panelIndex, cell->row, cell->column).adjusted(-8, -8, 8, 8);
        const QRect v = viewport()->rect();
        int dx = 0;
        int dy = 0;
        if (r.left() < v.left())
            dx = static_cast<int>(std::floor(r.left() - v.left()));
        else if (r.right() > v.right())
            dx = static_cast<int>(std::ceil(std::min(r.right() - v.right(), r.left() - v.left())));
        if (r.top() < v.top())
            dy = static_cast<int>(std::floor(r.top() - v.top()));
        else if (r.bottom() > v.bottom())
            dy = static_cast<int>(std::ceil(std::min(r.bottom() - v.bottom(), r.top() - v.top())));
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + dx);
        verticalScrollBar()->setValue(verticalScrollBar()->value() + dy);
        if (hasFocus())
            figureaccessible::announceFocusCell(this, *cell);
    }
    viewport()->update();
}

void FigureView::moveFocusCell(int rows, int columns)
{
    const auto cell = focusCell();
    if (cell)
        setFocusCell(cell->panelIndex, cell->row + rows, cell->column + columns);
}

bool FigureView::focusNextPrevChild(bool next)
{
    const auto cell = focusCell();
    if (hasFocus() && cell) {
        const int to = cell->panelIndex + (next ? 1 : -1);
        if (to >= 0 && to < static_cast<int>(m_figure.panels().size())) {
            setFocusCell(to, cell->row, cell->column);
            return true;
        }
    }
    return QAbstractScrollArea::focusNextPrevChild(next);
}

void FigureView::focusInEvent(QFocusEvent* event)
{
    QAbstractScrollArea::focusInEvent(event);
    const auto cell = focusCell();
    if (!cell)
        return;
    if (event->reason() == Qt::MouseFocusReason)
        m_showRing = false;
    else if (event->reason() != Qt::ActiveWindowFocusReason && event->reason() != Qt::PopupFocusReason)
        m_showRing = true;
    // Tab enters at the first panel, Shift+Tab at the last.
    // Otherwise the cell stays where it was, and the view where it is (a
    // click must not scroll to the keyboard's last cell).
    if (event->reason() == Qt::TabFocusReason) {
        setFocusCell(0, cell->row, cell->column);
    } else if (event->reason() == Qt::BacktabFocusReason) {
        setFocusCell(static_cast<int>(m_figure.panels().size()) - 1, cell->row, cell->column);
    } else {
        if (event->reason() != Qt::MouseFocusReason) // the press names the clicked cell
            figureaccessible::announceFocusCell(this, *cell);
        viewport()->update();
    }
}

void FigureView::focusOutEvent(QFocusEvent* event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update(); // the ring goes
}

void FigureView::setHover(std::optional<FigureHit> hit)
{
    if (hit && hit->kind != FigureHit::Kind::Cell)
        hit.reset();
    const auto same = [](const std::optional<FigureHit>& a, const std::optional<FigureHit>& b) {
        return a.has_value() == b.has_value() &&
               (!a || (a->panelIndex == b->panelIndex && a->row == b->row && a->column == b->column));
    };
    if (same(hit, m_hover))
        return;
    const QRectF before = hoverRect();
    m_hover = hit;
    const QRectF after = hoverRect();
    for (const QRectF& r : {before, after}) {
        if (!r.isEmpty())
            viewport()->update(r.toAlignedRect().adjusted(-3, -3, 3, 3));
    }
}

void FigureView::mouseMoveEvent(QMouseEvent* event)
{
    setHover(m_figure.hitTest(toFigure(event->position())));
    QAbstractScrollArea::mouseMoveEvent(event);
}

int FigureView::panelIndexAt(QPoint viewportPos) const
{
    const QPointF pos = toFigure(viewportPos);
    const auto& panels = m_figure.panels();
    for (std::size_t i = 0; i < panels.size(); ++i) {
        if (panels[i].rect.contains(pos))
            return static_cast<int>(i);
    }
    return -1;
}

std::optional<FigureHit> FigureView::hitAt(QPoint viewportPos) const
{
    return m_figure.hitTest(toFigure(viewportPos));
}

QImage FigureView::panelImage(int panelIndex, double dpr) const
{
    const auto& panels = m_figure.panels();
    if (!m_result || panelIndex < 0 || panelIndex >= static_cast<int>(panels.size()))
        return {};
    FigureSettings s = settings();
    s.panel = panels[static_cast<std::size_t>(panelIndex)].id;
    if (panels[static_cast<std::size_t>(panelIndex)].head >= 0)
        s.head = panels[static_cast<std::size_t>(panelIndex)].head;
    s.theme = appearance::exportTheme(this); // a copied panel is an export too
    return renderFigureImage(Figure(m_config, m_result, s), dpr);
}

void FigureView::copyPanel(int panelIndex) const
{
    const QImage image = panelImage(panelIndex, devicePixelRatioF());
    if (!image.isNull())
        QGuiApplication::clipboard()->setImage(image);
}

QSize FigureView::sizeHint() const
{
    return QSize(960, 600);
}

FigureSettings FigureView::settings() const
{
    FigureSettings s;
    s.layer = m_view->layer();
    s.head = m_view->head();
    s.allHeads = m_view->allHeads();
    s.colorMap = m_view->colorMap();
    s.weightsScale = m_view->weightsScale();
    s.query = m_view->query();
    s.key = m_view->key();
    s.legibleTextPx = m_presentation ? kPresentationLegiblePx : kLegiblePx;
    s.highContrast = m_presentation;
    s.theme = appearance::screenTheme(this);
    if (m_presentation)
        s.font.setPixelSize(static_cast<int>(std::lround(s.font.pixelSize() * kPresentationFontScale)));
    const QSize v = viewport()->size();
    if (v.width() > 50 && v.height() > 50)
        s.fitTo = QSizeF(v);
    return s;
}

void FigureView::rebuild()
{
    closeEditor(); // its cell may have moved or gone
    m_hover.reset();
    ++m_generation;
    if (m_result)
        m_figure = Figure(m_config, m_result, settings());
    else
        m_figure = Figure();
    m_cache.clear();
    m_cacheZoom = 0.0;
    if (m_fit) {
        const double z = fitZoom();
        if (z != m_zoom) {
            m_zoom = z;
            emit zoomChanged(m_zoom);
        }
    }
    updateScrollBars();
    viewport()->update();
}

double FigureView::fitZoom() const
{
    const QSizeF size = m_figure.size();
    if (size.isEmpty())
        return 1.0;
    const double w = std::max(1, viewport()->width() - 2 * kFitMargin);
    const double h = std::max(1, viewport()->height() - 2 * kFitMargin);
    return std::clamp(std::min(w / size.width(), h / size.height()), kMinFitZoom, kMaxFitZoom);
}

void FigureView::updateScrollBars()
{
    const QSizeF content = m_figure.size() * m_zoom;
    const QSize v = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, static_cast<int>(std::ceil(content.width())) - v.width()));
    verticalScrollBar()->setRange(0, std::max(0, static_cast<int>(std::ceil(content.height())) - v.height()));
    horizontalScrollBar()->setPageStep(v.width());
    verticalScrollBar()->setPageStep(v.height());
    horizontalScrollBar()->setSingleStep(std::max(1, v.width() / 20));
    verticalScrollBar()->setSingleStep(std::max(1, v.height() / 20));
}

void FigureView::setZoomAround(double zoom, QPointF anchor)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    closeEditor();
    const QPointF figurePoint = toFigure(anchor);
    m_fit = false;
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    m_cache.clear();
    updateScrollBars();
    // Keep the figure point under the anchor where it was.
    const QPointF shown = toViewport(figurePoint);
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() +
                                    static_cast<int>(std::lround(shown.x() - anchor.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + static_cast<int>(std::lround(shown.y() - anchor.y())));
    viewport()->update();
    emit zoomChanged(m_zoom);
}

QPointF FigureView::origin() const
{
    const QSizeF content = m_figure.size() * m_zoom;
    const QSize v = viewport()->size();
    // A figure smaller than the viewport is centred; a larger one scrolls.
    const double x =
        content.width() < v.width() ? std::floor((v.width() - content.width()) / 2) : -horizontalScrollBar()->value();
    const double y =
        content.height() < v.height() ? std::floor((v.height() - content.height()) / 2) : -verticalScrollBar()->value();
    return {x, y};
}

QPointF FigureView::toFigure(QPointF viewportPos) const
{
    return (viewportPos - origin()) / m_zoom;
}

QPointF FigureView::toViewport(QPointF figurePos) const
{
    return figurePos * m_zoom + origin();
}

const QImage& FigureView::cachedPanel(int index, double dpr, QPoint* topLeft) const
{
    static const QImage none;
    if (m_cacheZoom != m_zoom || m_cacheDpr != dpr || m_cache.size() != m_figure.panels().size()) {
        m_cache.assign(m_figure.panels().size(), CachedPanel{});
        m_cacheZoom = m_zoom;
        m_cacheDpr = dpr;
    }
    CachedPanel& entry = m_cache[static_cast<std::size_t>(index)];
    const QRectF rect = m_figure.panels()[static_cast<std::size_t>(index)].rect;
    const QPoint tl(static_cast<int>(std::floor(rect.left() * m_zoom)),
                    static_cast<int>(std::floor(rect.top() * m_zoom)));
    const QPoint br(static_cast<int>(std::ceil(rect.right() * m_zoom)),
                    static_cast<int>(std::ceil(rect.bottom() * m_zoom)));
    const QSize logical(br.x() - tl.x(), br.y() - tl.y());
    const QSize device(static_cast<int>(std::ceil(logical.width() * dpr)),
                       static_cast<int>(std::ceil(logical.height() * dpr)));
    *topLeft = tl;
    if (static_cast<qint64>(device.width()) * device.height() > kMaxCachedPixels || device.isEmpty())
        return none;
    if (entry.image.isNull()) {
        entry.image = QImage(device, QImage::Format_RGB32);
        if (entry.image.isNull()) // out of memory: the caller paints the panel directly
            return none;
        entry.image.setDevicePixelRatio(dpr);
        entry.image.fill(m_figure.settings().theme.background);
        QPainter painter(&entry.image);
        painter.translate(-tl);
        painter.scale(m_zoom, m_zoom);
        m_figure.paintPanel(&painter, index);
        entry.topLeft = tl;
    }
    return entry.image;
}

void FigureView::paintEvent(QPaintEvent* event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), appearance::screenTheme(this).background);
    if (m_figure.isEmpty())
        return;
    const double dpr = viewport()->devicePixelRatioF();
    const QPointF o = origin();
    const QRectF exposed = QRectF(event->rect()).translated(-o);

    if (!m_figure.title().isEmpty() &&
        exposed.intersects(QRectF(m_figure.titleRect().topLeft() * m_zoom, m_figure.titleRect().size() * m_zoom))) {
        painter.save();
        painter.translate(o);
        painter.scale(m_zoom, m_zoom);
        painter.setFont(m_figure.titleFont());
        painter.setPen(m_figure.titleColor());
        painter.drawText(m_figure.titleRect(), Qt::TextWordWrap | Qt::AlignHCenter | Qt::AlignTop, m_figure.title());
        painter.restore();
    }

    const auto& panels = m_figure.panels();
    for (std::size_t i = 0; i < panels.size(); ++i) {
        const QRectF zoomed(panels[i].rect.topLeft() * m_zoom, panels[i].rect.size() * m_zoom);
        if (!exposed.intersects(zoomed))
            continue;
        QPoint topLeft;
        const QImage& image = cachedPanel(static_cast<int>(i), dpr, &topLeft);
        if (!image.isNull()) {
            painter.drawImage(o + QPointF(topLeft), image);
        } else {
            painter.save();
            painter.setClipRect(QRectF(event->rect()));
            painter.translate(o);
            painter.scale(m_zoom, m_zoom);
            m_figure.paintPanel(&painter, static_cast<int>(i));
            painter.restore();
        }
    }
    // Dark inside light, so either shows on every colour of every map.
    painter.setBrush(Qt::NoBrush);
    const QRectF hover = hoverRect();
    if (!hover.isEmpty()) {
        painter.setPen(QPen(Qt::white, 3.0));
        painter.drawRect(hover);
        painter.setPen(QPen(kHoverColor.darker(130), 1.5));
        painter.drawRect(hover);
    }
    const auto cell = hasFocus() && m_showRing ? focusCell() : std::nullopt;
    if (cell) {
        // Outside the cell and thicker than the hover outline, so both show
        // on the same cell, and so does the selection's frame beside it.
        QRectF ring = cellRectInViewport(cell->panelIndex, cell->row, cell->column);
        const double grow = std::max(2.0, (8.0 - std::min(ring.width(), ring.height())) / 2);
        ring = ring.adjusted(-grow, -grow, grow, grow);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(Qt::white, 5.0));
        painter.drawRect(ring);
        painter.setPen(QPen(kFocusColor, 2.5));
        painter.drawRect(ring);
    }
}

void FigureView::changeEvent(QEvent* event)
{
    QAbstractScrollArea::changeEvent(event);
    // A new colour scheme (chosen, or the platform's): the figure is drawn
    // again in the theme of the new palette.
    if (event->type() == QEvent::PaletteChange && m_figure.settings().theme != appearance::screenTheme(this))
        rebuild();
}

void FigureView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fit) {
        rebuild(); // the arrangement follows the viewport's aspect ratio
    } else {
        updateScrollBars();
    }
}

void FigureView::scrollContentsBy(int, int)
{
    closeEditor();
    viewport()->update();
}

bool FigureView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::Leave)
        setHover(std::nullopt);
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(),
                               Qt::mightBeRichText(text)
                                   ? QStringLiteral("<p style=\"white-space:pre; font-size:x-large\">") + text +
                                         QStringLiteral("</p>")
                                   : Qt::convertFromPlainText(text, Qt::WhiteSpaceNoWrap),
                               viewport());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void FigureView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const auto hit = m_figure.hitTest(toFigure(event->position()));
    if (!hit)
        return;
    if (hit->kind == FigureHit::Kind::Cell) {
        // The keyboard goes on from the clicked cell; no ring for the mouse.
        const FigurePanel& p = m_figure.panels()[static_cast<std::size_t>(hit->panelIndex)];
        m_focus = FocusCell{p.id, p.head, hit->row, hit->column};
        m_showRing = false;
        if (hasFocus())
            figureaccessible::announceFocusCell(this, *hit);
        viewport()->update();
    }
    selectCell(*hit);
    event->accept();
}

void FigureView::selectCell(const FigureHit& hit)
{
    const FigureSelectionChange change = m_figure.selectionFor(hit);
    m_view->setSelection(change.query ? *change.query : m_view->query(), change.key ? *change.key : m_view->key());
}

void FigureView::mouseReleaseEvent(QMouseEvent* event)
{
    // The press already acted; the release completes the click.
    if (event->button() == Qt::LeftButton)
        event->accept();
    else
        QAbstractScrollArea::mouseReleaseEvent(event);
}

bool FigureView::keyboardCellKey(QKeyEvent* event)
{
    const auto cell = focusCell();
    if (!cell || (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier | Qt::ShiftModifier)))
        return false;
    const bool ringWasShown = m_showRing;
    m_showRing = true;
    switch (event->key()) {
    case Qt::Key_Left:
        moveFocusCell(0, -1);
        return true;
    case Qt::Key_Right:
        moveFocusCell(0, 1);
        return true;
    case Qt::Key_Up:
        moveFocusCell(-1, 0);
        return true;
    case Qt::Key_Down:
        moveFocusCell(1, 0);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        selectCell(*cell);
        return true;
    case Qt::Key_F2: {
        const FigurePanel& p = m_figure.panels()[static_cast<std::size_t>(cell->panelIndex)];
        if (isEditablePanel(p.id) && editCell(p.id, cell->row, cell->column))
            return true;
        m_showRing = ringWasShown;
        return false;
    }
    default:
        m_showRing = ringWasShown;
        return false;
    }
}

void FigureView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && (m_view->query() || m_view->key())) {
        m_view->clearSelection();
        event->accept();
        return;
    }
    if (keyboardCellKey(event)) {
        event->accept();
        return;
    }
    // Zoom keys as key presses, not QAction shortcuts: a main window that
    // offers the same keys as actions then gets them first, instead of two
    // shortcuts for one key making both ambiguous (and dead).
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Equal:
        case Qt::Key_Plus:
            zoomIn();
            event->accept();
            return;
        case Qt::Key_Minus:
            zoomOut();
            event->accept();
            return;
        case Qt::Key_0:
            zoomToFit();
            event->accept();
            return;
        default:
            break;
        }
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void FigureView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps != 0.0)
            setZoomAround(m_zoom * std::pow(kZoomStep, steps), event->position());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void FigureView::contextMenuEvent(QContextMenuEvent* event)
{
    const int index = panelIndexAt(event->pos());
    QMenu menu(this);
    if (index >= 0) {
        menu.addAction(tr("Export panel\u2026"), this, [this, index] { exportPanelInteractively(index); });
        menu.addAction(tr("Export panel as CSV\u2026"), this, [this, index] { exportPanelCsvInteractively(index); });
        menu.addAction(tr("Copy panel"), this, [this, index] { copyPanel(index); });
        menu.addSeparator();
    }
    menu.addAction(tr("Zoom to fit"), this, &FigureView::zoomToFit);
    if (m_view->query() || m_view->key())
        menu.addAction(tr("Clear selection"), m_view, &ViewState::clearSelection);
    menu.exec(event->globalPos());
}

void FigureView::setFileDialogs(FileDialogs* dialogs)
{
    m_files = dialogs;
}

void FigureView::exportPanelInteractively(int panelIndex)
{
    const auto& panels = m_figure.panels();
    if (!m_result || !m_files || panelIndex < 0 || panelIndex >= static_cast<int>(panels.size()))
        return;
    const FigurePanel& panel = panels[static_cast<std::size_t>(panelIndex)];
    const QString filter =
        QStringList{tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"), tr("PDF document (*.pdf)")}.join(
            QStringLiteral(";;"));
    const QString path = m_files->askSavePath(
        tr("Export Panel"), FileDialogs::suggestExportPath(attn::panelName(panel.id) + QStringLiteral(".png")), filter,
        QStringLiteral("png"));
    if (path.isEmpty())
        return;
    FigureOptions options = exportOptions();
    options.panel = attn::panelName(panel.id);
    if (panel.head >= 0)
        options.head = panel.head;
    options.scale = std::max(1.0, devicePixelRatioF());
    QString error;
    if (!exportFigure(path, m_config, m_result, options, &error)) {
        emit exportFinished(error, false);
        return;
    }
    emit exportFinished(tr("Wrote %1").arg(QFileInfo(path).fileName()), true);
}

void FigureView::exportPanelCsvInteractively(int panelIndex)
{
    const auto& panels = m_figure.panels();
    if (!m_result || !m_files || panelIndex < 0 || panelIndex >= static_cast<int>(panels.size()))
        return;
    const FigurePanel& panel = panels[static_cast<std::size_t>(panelIndex)];
    const QString path = m_files->askSavePath(
        tr("Export Panel as CSV"), FileDialogs::suggestExportPath(attn::panelName(panel.id) + QStringLiteral(".csv")),
        tr("CSV table (*.csv)"), QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPanelCsv(path, m_config, *m_result, panel.id, m_view->layer(),
                        panel.head >= 0 ? panel.head : m_view->head(), &error)) {
        emit exportFinished(error, false);
        return;
    }
    emit exportFinished(tr("Wrote %1").arg(QFileInfo(path).fileName()), true);
}

bool FigureView::isEditablePanel(attn::PanelId panel)
{
    return attn::panelInfo(panel).editable;
}

bool FigureView::isEditing() const
{
    return !m_editor.isNull();
}

bool FigureView::editCell(attn::PanelId panel, int row, int column)
{
    if (!m_result || !isEditablePanel(panel))
        return false;
    const int index = m_figure.panelIndex(panel);
    if (index < 0)
        return false;
    const FigurePanel& p = m_figure.panels()[static_cast<std::size_t>(index)];
    const QRectF cell = p.layout.cellRect(row, column);
    if (cell.isEmpty())
        return false;
    closeEditor();

    auto* editor = new QLineEdit(viewport());
    editor->setObjectName(QStringLiteral("cellEditor"));
    // The exact number, so Enter without a change gives back the same value.
    const QString exact = QString::fromStdString(attn::formatDouble((*p.spec.matrix)(row, column)));
    editor->setText(exact);
    editor->setAlignment(Qt::AlignCenter);
    editor->setToolTip(tr("A new value: Enter applies it, Esc cancels"));
    QFont f = font();
    f.setPixelSize(std::max(11, static_cast<int>(std::lround(p.layout.valueFont.pixelSize() * m_zoom))));
    editor->setFont(f);
    // Over the cell, widened for a typed number when the cell is small.
    const QRectF shown(toViewport(cell.topLeft()), toViewport(cell.bottomRight()));
    const QFontMetrics fm(f);
    // Wide enough for the whole exact value, so its start is never hidden.
    const int w =
        std::min(std::max({static_cast<int>(std::ceil(shown.width())),
                           fm.horizontalAdvance(QStringLiteral("-0.0000000")) + 12, fm.horizontalAdvance(exact) + 16}),
                 std::max(60, viewport()->width() - 8));
    const int h = std::max(static_cast<int>(std::ceil(shown.height())), fm.height() + 8);
    QRect geometry(0, 0, w, h);
    geometry.moveCenter(shown.center().toPoint());
    geometry.moveLeft(std::clamp(geometry.left(), 0, std::max(0, viewport()->width() - w)));
    editor->setGeometry(geometry);
    // Selected from its end back to its start: typing replaces it, and the
    // cursor (and so the view of a long number) is at the start.
    editor->setSelection(static_cast<int>(exact.size()), -static_cast<int>(exact.size()));
    editor->installEventFilter(this);
    connect(editor, &QLineEdit::returnPressed, this, &FigureView::commitEdit);
    connect(editor, &QLineEdit::textEdited, this, [this] {
        m_editor->setStyleSheet(QString());
        if (m_editorHint)
            m_editorHint->hide();
    });
    m_editor = editor;
    m_edited = {panel, row, column};
    editor->show();
    editor->setFocus(Qt::OtherFocusReason);
    return true;
}

void FigureView::commitEdit()
{
    if (!m_editor)
        return;
    QString text = m_editor->text().trimmed();
    text.replace(QChar(0x2212), QLatin1Char('-')); // the minus sign the cells print
    bool ok = false;
    double value = QLocale::c().toDouble(text, &ok);
    if (!ok)
        value = QLocale().toDouble(text, &ok); // "0,5" where that is the notation
    if (!ok || !std::isfinite(value)) {
        // Stay open so the number can be fixed, and say why; Esc gives up.
        // QLocale reads "1e400" as not ok with an infinite value.
        const bool tooLarge = std::isinf(value) || std::isnan(value);
        const QString reason =
            tooLarge ? tr("%1 is beyond the range of a float64 (about ±1.8e308). Esc cancels.").arg(text)
                     : tr("\u201c%1\u201d is not a number: type one such as 0.5, -2 or 1e-3. Esc cancels.")
                           .arg(m_editor->text());
        m_editor->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #c0392b; }"));
        m_editor->setToolTip(reason);
        if (!m_editorHint) {
            m_editorHint = new QLabel(viewport());
            m_editorHint->setObjectName(QStringLiteral("cellEditorHint"));
            m_editorHint->setWordWrap(true);
            m_editorHint->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #7a1010; border: 1px "
                                                       "solid #c0392b; border-radius: 3px; padding: 3px 6px; }"));
        }
        m_editorHint->setText(reason);
        const int width = std::min(360, std::max(160, viewport()->width() - 8));
        m_editorHint->setFixedWidth(width);
        m_editorHint->adjustSize();
        QPoint at = m_editor->geometry().bottomLeft() + QPoint(0, 4);
        if (at.y() + m_editorHint->height() > viewport()->height())
            at.setY(m_editor->geometry().top() - 4 - m_editorHint->height());
        at.setX(std::clamp(at.x(), 0, std::max(0, viewport()->width() - width)));
        m_editorHint->move(at);
        m_editorHint->show();
        m_editorHint->raise();
        return;
    }
    const EditedCell edited = m_edited;
    closeEditor();
    emit cellEdited(edited.panel, edited.row, edited.column, value);
}

void FigureView::closeEditor()
{
    if (!m_editor)
        return;
    QLineEdit* editor = m_editor;
    m_editor = nullptr;
    if (m_editorHint)
        m_editorHint->hide();
    editor->removeEventFilter(this);
    const bool hadFocus = editor->hasFocus();
    editor->hide();
    editor->deleteLater();
    if (hadFocus)
        setFocus(Qt::OtherFocusReason);
}

bool FigureView::eventFilter(QObject* watched, QEvent* event)
{
    if (m_editor && watched == m_editor) {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            closeEditor();
            return true; // not the view's Esc (that clears the selection)
        }
        if (event->type() == QEvent::FocusOut) {
            closeEditor();
            return false;
        }
    }
    return QAbstractScrollArea::eventFilter(watched, event);
}

void FigureView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseDoubleClickEvent(event);
        return;
    }
    const auto hit = m_figure.hitTest(toFigure(event->position()));
    if (hit && hit->kind == FigureHit::Kind::Cell) {
        const FigurePanel& p = m_figure.panels()[static_cast<std::size_t>(hit->panelIndex)];
        if (isEditablePanel(p.id))
            editCell(p.id, hit->row, hit->column);
    }
    event->accept(); // elsewhere a double-click does nothing (the press already selected)
}
