#include "ui/widgets/lessonview.h"
#include "ui/widgets/heatmapaccessible.h"

#include "ui/widgets/appearance.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace {

// Narrower windows lay the page out at least this wide and scale it down,
// so the formula and the panels never end up in a sliver.
constexpr double kMinLogicalWidth = 960.0;

int tokenCount(const std::shared_ptr<const attn::AttentionResult>& result)
{
    return result ? static_cast<int>(result->tokens.size()) : 0;
}

} // namespace

LessonView::LessonView(QWidget* parent)
    : QWidget(parent)
{
    heatmapaccessible::install();
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Right / Space: next step \u00b7 Left: previous \u00b7 click a token to follow it"));
    setViewState(new ViewState(this));
}

void LessonView::setViewState(ViewState* view)
{
    if (!view || view == m_view)
        return;
    ViewState::stopObserving(m_view, this);
    m_view = view;
    connect(view, &ViewState::layerChanged, this, &LessonView::invalidate);
    connect(view, &ViewState::headChanged, this, &LessonView::invalidate);
    connect(view, &ViewState::colorMapChanged, this, &LessonView::invalidate);
    connect(view, &ViewState::selectionChanged, this, &LessonView::invalidate);
    connect(view, &ViewState::lessonStepChanged, this, &LessonView::invalidate);
    invalidate();
}

void LessonView::setData(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result)
{
    m_config = config;
    m_result = std::move(result);
    invalidate();
}

int LessonView::stepCount() const
{
    return LessonPage::stepsFor(m_result.get(), m_view->layer());
}

void LessonView::setStep(int step)
{
    m_view->setLessonStep(std::clamp(step, 1, stepCount()));
}

int LessonView::step() const
{
    // The view state holds any step of any lesson; this result's lesson may have fewer.
    return std::min(m_view->lessonStep(), stepCount());
}

int LessonView::queryToken() const
{
    const int n = tokenCount(m_result);
    return std::clamp(m_view->lessonToken(), 0, std::max(0, n - 1));
}

int LessonView::head() const
{
    const int heads = m_result ? m_result->headCount() : 1;
    return std::clamp(m_view->head(), 0, std::max(0, heads - 1));
}

LessonSettings LessonView::settings() const
{
    LessonSettings s;
    s.step = step();
    s.queryToken = queryToken();
    s.layer = m_view->layer();
    s.head = head();
    s.colorMap = m_view->colorMap();
    s.presentation = m_presentation;
    s.theme = appearance::screenTheme(this);
    return s;
}

void LessonView::setPresentation(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    invalidate();
}

void LessonView::next()
{
    setStep(step() + 1);
}

void LessonView::previous()
{
    setStep(step() - 1);
}

const LessonPage& LessonView::page() const
{
    if (!m_page) {
        // The tallest type first; a page whose cells are too small for their
        // numbers (a narrow window with a wide d_model), or whose panels fit
        // at no size, is laid out wider,
        // up to a whole slide, so the numbers print at a smaller scale.
        for (double minWidth : {kMinLogicalWidth, 1120.0, LessonPage::slideWidth}) {
            const double scale = pageScale(minWidth);
            const QSizeF size = logicalSize(scale);
            m_page.emplace(m_config, m_result, settings(), size);
            m_pageScale = scale;
            ++m_pageGeneration;
            if (!m_page->needsMoreRoom() || size.width() >= LessonPage::slideWidth)
                break;
        }
    }
    return *m_page;
}

std::vector<attn::PanelId> LessonView::visiblePanels() const
{
    return page().visiblePanels();
}

QSize LessonView::sizeHint() const
{
    return QSize(1280, 720);
}

QSize LessonView::minimumSizeHint() const
{
    return QSize(320, 180); // the slide scales down to fit; the window may be small
}

QSizeF LessonView::logicalSize(double scale) const
{
    return QSizeF(std::max(1.0, width() / scale), std::max(1.0, height() / scale));
}

double LessonView::pageScale(double minWidth) const
{
    // The page is laid out 720 units tall, so text grows with the window
    // (a projector at full screen gets large type) and the layout stays a slide.
    if (width() <= 0 || height() <= 0)
        return 1.0;
    double scale = height() / LessonPage::slideHeight;
    if (width() / scale < minWidth)
        scale = width() / minWidth;
    return scale;
}

double LessonView::pageScale() const
{
    page();
    return m_pageScale;
}

QTransform LessonView::pageTransform() const
{
    const double scale = pageScale();
    return QTransform::fromScale(scale, scale);
}

int LessonView::pageGeneration() const
{
    page();
    return m_pageGeneration;
}

void LessonView::invalidate()
{
    m_page.reset();
    update();
}

void LessonView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const double scale = pageScale();
    const LessonPage& slide = page();
    painter.fillRect(rect(), m_presentation ? QColor(Qt::black) : appearance::screenTheme(this).background);
    painter.scale(scale, scale);
    slide.paint(&painter);
}

void LessonView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        next();
        break;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        previous();
        break;
    case Qt::Key_Home:
        setStep(1);
        break;
    case Qt::Key_End:
        setStep(stepCount());
        break;
    case Qt::Key_Escape:
        emit exitRequested();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void LessonView::mousePressEvent(QMouseEvent* event)
{
    const double scale = pageScale();
    if (const auto token = page().tokenAt(event->position() / scale)) {
        m_view->setSelection(*token, std::nullopt);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void LessonView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // a new colour scheme
        invalidate();
}

void LessonView::resizeEvent(QResizeEvent* event)
{
    m_page.reset();
    QWidget::resizeEvent(event);
}
