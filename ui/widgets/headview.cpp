#include "ui/widgets/headview.h"

#include "ui/document/viewstate.h"
#include "ui/render/attentionoverview.h"
#include "ui/widgets/appearance.h"

#include <QCheckBox>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

QStringList tokenNames(const attn::AttentionResult& result)
{
    QStringList names;
    names.reserve(static_cast<qsizetype>(result.tokens.size()));
    for (const std::string& token : result.tokens)
        names << QString::fromStdString(token);
    return names;
}

} // namespace

HeadView::HeadView(ViewState* view, QWidget* parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("headView"));
    setMouseTracking(true);
    setAccessibleName(tr("Head view: lines from each token to the tokens it attends to"));
    for (auto signal : {&ViewState::layerChanged, &ViewState::headChanged})
        connect(m_view, signal, this, qOverload<>(&QWidget::update));
    connect(m_view, &ViewState::allHeadsChanged, this, qOverload<>(&QWidget::update));
    connect(m_view, &ViewState::selectionChanged, this, qOverload<>(&QWidget::update));
    m_groupBox = new QCheckBox(tr("&Group a word's pieces"), this);
    m_groupBox->setObjectName(QStringLiteral("groupWords"));
    m_groupBox->setToolTip(tr("Draw words instead of GPT-2's pieces: a word attends with the mean of its pieces "
                              "and is attended to with their sum"));
    m_groupBox->hide();
    connect(m_groupBox, &QCheckBox::toggled, this, [this] {
        m_hover.reset();
        update();
    });
}

void HeadView::setResult(std::shared_ptr<const attn::AttentionResult> result)
{
    m_result = std::move(result);
    m_hover.reset();
    // Only a checkpoint's tokens are pieces of words.
    const bool pieces = m_result && !m_result->tokenIds.empty();
    m_groups = pieces ? attn::groupPieces(m_result->tokens) : attn::WordGroups();
    m_groupBox->setVisible(pieces);
    update();
}

void HeadView::setGroupWords(bool on)
{
    m_groupBox->setChecked(on);
}

bool HeadView::groupsWords() const
{
    return m_groupBox->isChecked() && m_result && !m_result->tokenIds.empty();
}

int HeadView::shownIndex(int token) const
{
    return groupsWords() && token >= 0 && token < static_cast<int>(m_groups.wordOf.size())
               ? m_groups.wordOf[static_cast<std::size_t>(token)]
               : token;
}

int HeadView::tokenIndex(int shown) const
{
    return groupsWords() && shown >= 0 && shown < m_groups.count()
               ? m_groups.firstPiece[static_cast<std::size_t>(shown)]
               : shown;
}

QStringList HeadView::shownNames() const
{
    if (!m_result)
        return {};
    if (!groupsWords())
        return tokenNames(*m_result);
    QStringList names;
    for (const std::string& word : m_groups.words)
        names << QString::fromStdString(word);
    return names;
}

attn::Matrix HeadView::shownWeights(int head) const
{
    const attn::Matrix weights =
        m_result->layer(m_view->layer()).heads[static_cast<std::size_t>(head)].weightsInDouble();
    return groupsWords() ? attn::groupWeights(weights, m_groups) : weights;
}

std::optional<int> HeadView::focus() const
{
    if (m_hover)
        return m_hover;
    const auto query = m_view->query();
    return query ? std::optional<int>(shownIndex(*query)) : std::nullopt;
}

void HeadView::resizeEvent(QResizeEvent*)
{
    const QSize hint = m_groupBox->sizeHint();
    m_groupBox->setGeometry(width() - 24 - hint.width(), 4, hint.width(), hint.height());
}

QRectF HeadView::linesArea() const
{
    const QFontMetricsF fm(font());
    // The heading line and the legend of heads above the columns.
    return QRectF(rect()).adjusted(24, std::ceil(fm.height() * 2.6), -24, -12);
}

QPointF HeadView::tokenPoint(int index, bool query) const
{
    if (!m_result)
        return {};
    const auto layout = attentionoverview::layoutHeadLines(linesArea(), shownNames(), font());
    return QPointF(query ? layout.lines.left() : layout.lines.right(), layout.rowCentre(shownIndex(index)));
}

void HeadView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (!m_result || m_result->layers.empty())
        return;
    const attn::LayerResult& layer = m_result->layer(m_view->layer());
    std::vector<attn::Matrix> shown;
    std::vector<int> numbers;
    for (int h = 0; h < static_cast<int>(layer.heads.size()); ++h) {
        if (m_view->allHeads() || h == m_view->head()) {
            shown.push_back(shownWeights(h));
            numbers.push_back(h);
        }
    }
    std::vector<const attn::Matrix*> heads;
    for (const attn::Matrix& m : shown)
        heads.push_back(&m);
    // The heading says what is drawn; with several heads, which colour is which.
    const QFontMetricsF fm(font());
    painter.setPen(palette().text().color());
    QString heading = m_view->allHeads() ? tr("Layer %1, all %2 heads").arg(m_view->layer() + 1).arg(heads.size())
                                         : tr("Layer %1, head %2").arg(m_view->layer() + 1).arg(m_view->head() + 1);
    heading += tr(" · a line's strength is the weight · point at a token to bring its lines forward");
    const double headingWidth = width() - 48 - (m_groupBox->isVisible() ? m_groupBox->width() + 12 : 0);
    painter.drawText(QRectF(24, 6, headingWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(heading, Qt::ElideRight, static_cast<int>(headingWidth)));
    if (heads.size() > 1) {
        double x = 24;
        const double y = 8 + fm.height();
        for (int h : numbers) {
            const QString label = tr("head %1").arg(h + 1);
            const double w = fm.horizontalAdvance(label) + 22;
            if (x + w > width() - 24)
                break;
            painter.fillRect(QRectF(x, y + fm.height() * 0.25, 14, fm.height() * 0.5), attentionoverview::headColor(h));
            painter.drawText(QRectF(x + 18, y, w - 18, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
            x += w + 8;
        }
    }
    const QStringList names = shownNames();
    const auto layout = attentionoverview::layoutHeadLines(linesArea(), names, font());
    attentionoverview::HeadLinesStyle style;
    const RenderTheme theme = appearance::screenTheme(this);
    style.text = palette().text().color();
    style.faint = theme.faint;
    style.focusBackground = theme.focusBand;
    attentionoverview::paintHeadLines(&painter, layout, names, heads, numbers, focus(), style);
}

void HeadView::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_result)
        return;
    const QStringList names = shownNames();
    const auto layout = attentionoverview::layoutHeadLines(linesArea(), names, font());
    const auto hit = attentionoverview::headLinesHit(layout, event->position());
    const std::optional<int> hover = hit && hit->query ? std::optional<int>(hit->token) : std::nullopt;
    if (hover != m_hover) {
        m_hover = hover;
        update();
    }
    if (!hit) {
        QToolTip::hideText();
        return;
    }
    const attn::Matrix weights = shownWeights(m_view->head());
    const int token = hit->token;
    QString text;
    if (hit->query) {
        const auto keys = attentionoverview::strongestKeys(weights, token, 3, 0.0);
        QStringList parts;
        for (int key : keys)
            parts << tr("\u201c%1\u201d %2")
                         .arg(names[key].toHtmlEscaped())
                         .arg(QLocale().toString(weights(token, key), 'f', 2));
        text = tr("<b>\u201c%1\u201d</b> (head %2) attends most to %3")
                   .arg(names[token].toHtmlEscaped())
                   .arg(m_view->head() + 1)
                   .arg(parts.join(QStringLiteral(", ")));
    } else {
        double total = 0;
        for (Eigen::Index i = 0; i < weights.rows(); ++i)
            total += weights(i, token);
        text = tr("<b>\u201c%1\u201d</b> as a key (head %2) receives %3 of the weight in all")
                   .arg(names[token].toHtmlEscaped())
                   .arg(m_view->head() + 1)
                   .arg(QLocale().toString(total, 'f', 2));
    }
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void HeadView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_result)
        return;
    const auto layout = attentionoverview::layoutHeadLines(linesArea(), shownNames(), font());
    const auto hit = attentionoverview::headLinesHit(layout, event->position());
    if (!hit)
        m_view->clearSelection();
    else if (hit->query)
        m_view->setSelection(tokenIndex(hit->token), std::nullopt);
    else
        m_view->setSelection(std::nullopt, tokenIndex(hit->token));
}

void HeadView::leaveEvent(QEvent*)
{
    m_hover.reset();
    update();
}
