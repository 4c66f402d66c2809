#include "ui/widgets/lessonview.h"

#include "ui/render/colormap.h"
#include "ui/render/figure.h"

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
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(QStringLiteral("Right / Space: next step \u00b7 Left: previous \u00b7 click a token to follow it"));
}

void LessonView::setData(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result)
{
    m_config = config;
    m_result = std::move(result);
    const int n = tokenCount(m_result);
    const int oldToken = m_settings.queryToken;
    m_settings.queryToken = std::clamp(m_settings.queryToken, 0, std::max(0, n - 1));
    const int heads = m_result ? m_result->headCount() : 1;
    m_settings.head = std::clamp(m_settings.head, 0, std::max(0, heads - 1));
    invalidate();
    if (oldToken != m_settings.queryToken)
        emit queryTokenChanged(m_settings.queryToken);
}

void LessonView::setStep(int step)
{
    step = std::clamp(step, 1, stepCount);
    if (step == m_settings.step)
        return;
    m_settings.step = step;
    invalidate();
    emit stepChanged(step);
}

void LessonView::setQueryToken(int token)
{
    const int n = tokenCount(m_result);
    token = n > 0 ? std::clamp(token, 0, n - 1) : std::max(0, token);
    if (token == m_settings.queryToken)
        return;
    m_settings.queryToken = token;
    invalidate();
    emit queryTokenChanged(token);
}

void LessonView::setHead(int head)
{
    const int heads = m_result ? m_result->headCount() : 0;
    head = heads > 0 ? std::clamp(head, 0, heads - 1) : std::max(0, head);
    if (head == m_settings.head)
        return;
    m_settings.head = head;
    invalidate();
}

void LessonView::setColorMap(const QString& name)
{
    const QString kept = ColorMap::byName(name) ? name : QString();
    if (kept == m_settings.colorMap)
        return;
    m_settings.colorMap = kept;
    invalidate();
}

void LessonView::setPresentation(bool on)
{
    if (on == m_settings.presentation)
        return;
    m_settings.presentation = on;
    invalidate();
}

void LessonView::next()
{
    setStep(m_settings.step + 1);
}

void LessonView::previous()
{
    setStep(m_settings.step - 1);
}

const LessonPage& LessonView::page() const
{
    if (!m_page)
        m_page.emplace(m_config, m_result, m_settings, logicalSize());
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
    return QSize(480, 270);
}

QSizeF LessonView::logicalSize() const
{
    const double scale = pageScale();
    return QSizeF(std::max(1.0, width() / scale), std::max(1.0, height() / scale));
}

double LessonView::pageScale() const
{
    // The page is laid out 720 units tall, so text grows with the window
    // (a projector at full screen gets large type) and the layout stays a slide.
    if (width() <= 0 || height() <= 0)
        return 1.0;
    double scale = height() / LessonPage::slideHeight;
    if (width() / scale < kMinLogicalWidth)
        scale = width() / kMinLogicalWidth;
    return scale;
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
    painter.fillRect(rect(), m_settings.presentation ? Qt::black : Qt::white);
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
        setStep(stepCount);
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
        setQueryToken(*token);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void LessonView::resizeEvent(QResizeEvent* event)
{
    m_page.reset();
    QWidget::resizeEvent(event);
}
