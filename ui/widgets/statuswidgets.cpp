#include "ui/widgets/statuswidgets.h"

#include "ui/widgets/appearance.h"
#include "ui/widgets/figureview.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QTimer>

namespace {

constexpr int kBusyDelayMs = 200;

} // namespace

BusyIndicator::BusyIndicator(QWidget* parent)
    : QWidget(parent)
    , m_delay(new QTimer(this))
{
    setObjectName(QStringLiteral("busyIndicator"));
    setToolTip(tr("Computing the new settings; the figure shows the previous ones meanwhile."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 16, 0);
    layout->setSpacing(6);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    // An indeterminate bar shows no text of its own, hence the label.
    layout->addWidget(new QLabel(tr("Computing…"), this));
    auto* bar = new QProgressBar(this);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setFixedWidth(120);
    layout->addWidget(bar);
    m_delay->setSingleShot(true);
    m_delay->setInterval(kBusyDelayMs);
    connect(m_delay, &QTimer::timeout, this, [this] { setVisible(m_busy); });
    hide();
}

void BusyIndicator::setBusy(bool busy)
{
    m_busy = busy;
    if (busy) {
        m_delay->start();
    } else {
        m_delay->stop();
        hide();
    }
}

ZoomLabel::ZoomLabel(FigureView* figure, QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("zoomLabel"));
    setContentsMargins(16, 0, 4, 0);
    setToolTip(tr("Figure zoom: Ctrl+wheel or View menu; Ctrl+0 fits the window again."));
    const auto show = [this, figure] {
        const int percent = qRound(figure->zoom() * 100);
        setText(figure->isZoomToFit() ? tr("Zoom: fit, %1 %").arg(percent) : tr("Zoom: %1 %").arg(percent));
    };
    connect(figure, &FigureView::zoomChanged, this, show);
    show();
}

ErrorBanner::ErrorBanner(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    appearance::setThemedStyleSheet(this,
                                    QStringLiteral("QLabel { background: #fdecea; color: #7a1010; border: 1px solid "
                                                   "#e0a0a0; border-left: 5px solid #c62828; border-radius: 3px; "
                                                   "padding: 5px 8px; }"),
                                    QStringLiteral("QLabel { background: #3a1e1e; color: #ffd6d6; border: 1px solid "
                                                   "#7a3a3a; border-left: 5px solid #ef6b6b; border-radius: 3px; "
                                                   "padding: 5px 8px; }"));
    // Wrapped to the panel's width; its own width hint would widen the panel.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    hide();
}

void ErrorBanner::showError(const QString& text)
{
    setText(text);
    setVisible(!text.isEmpty());
}

QString ResultSummary::text(const attn::AttentionConfig& config, const attn::AttentionResult& result)
{
    const auto tokens = static_cast<int>(result.tokens.size());
    const int heads = result.headCount();
    const int layers = static_cast<int>(result.layers.size());
    if (!result.modelName.empty())
        return (tokens == 1 ? QObject::tr("1 token") : QObject::tr("%n tokens", nullptr, tokens)) + QObject::tr(" · ") +
               QString::fromStdString(result.modelName) + QObject::tr(" · ") + QString::fromStdString(config.model);
    QString text = tokens == 1 ? QObject::tr("1 word") : QObject::tr("%n words", nullptr, tokens);
    if (layers > 1)
        text += QObject::tr(" · %n layers", nullptr, layers);
    text += QObject::tr(" · d_model %1 · ").arg(config.dModel) +
            (heads == 1 ? QObject::tr("1 head") : QObject::tr("%n heads", nullptr, heads));
    if (layers > 0)
        text += QObject::tr(" · d_k %1").arg(result.layer(0).dK);
    return text + QObject::tr(" · seeds: weights %1, embeddings %2").arg(config.weightSeed).arg(config.embeddingSeed);
}
