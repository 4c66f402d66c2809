#include "nexttokenpanel.h"

#include "core/gpt2result.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// A token as the user reads it: in quotes, its leading or trailing spaces
// and line breaks made visible.
QString readable(const std::string& text)
{
    QString shown = QString::fromStdString(text);
    shown.replace(QLatin1Char('\n'), QStringLiteral("\u21b5"));
    shown.replace(QLatin1Char('\t'), QStringLiteral("\u2192"));
    shown.replace(QLatin1Char(' '), QStringLiteral("\u2423"));
    return QStringLiteral("\u201c%1\u201d").arg(shown);
}

} // namespace

// The ten rows: rank, token, a bar as long as its probability, the percentage.
class NextTokenPanel::Bars : public QWidget
{
public:
    explicit Bars(NextTokenPanel* panel)
        : QWidget(panel)
        , m_panel(panel)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

    QSize sizeHint() const override { return {320, rowHeight() * 10 + 4}; }
    QSize minimumSizeHint() const override { return {220, rowHeight() * 10 + 4}; }
    int rowHeight() const { return QFontMetrics(font()).height() + 8; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        const auto& result = m_panel->m_result;
        if (!result)
            return;
        const QFontMetricsF metrics(font());
        const double textWidth =
            std::min(width() * 0.45, metrics.horizontalAdvance(QStringLiteral("10  \u201cxxxxxxxxxx\u201d")));
        const double percentWidth = metrics.horizontalAdvance(QStringLiteral("100.0 %")) + 8;
        const double barLeft = textWidth + 8;
        const double barRoom = std::max(10.0, width() - barLeft - percentWidth);
        const int chosen = m_panel->choice();
        const QPalette& pal = palette();
        for (std::size_t i = 0; i < result->nextTokens.size() && i < m_panel->m_probabilities.size(); ++i) {
            const double top = 2 + static_cast<double>(i) * rowHeight();
            const QRectF row(0, top, width(), rowHeight() - 2);
            if (static_cast<int>(i) == chosen)
                painter.fillRect(row, pal.color(QPalette::AlternateBase));
            painter.setPen(pal.color(QPalette::WindowText));
            const QString label = QStringLiteral("%1  %2").arg(i + 1).arg(readable(result->nextTokens[i].text));
            painter.drawText(QRectF(4, top, textWidth - 4, row.height()), Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(label, Qt::ElideRight, textWidth - 4));
            const double p = m_panel->m_probabilities[i];
            painter.fillRect(QRectF(barLeft, top + 3, std::max(1.0, barRoom * p), row.height() - 6),
                             pal.color(QPalette::Highlight));
            painter.drawText(QRectF(width() - percentWidth, top, percentWidth - 4, row.height()),
                             Qt::AlignRight | Qt::AlignVCenter,
                             QStringLiteral("%1 %").arg(QLocale().toString(100 * p, 'f', 1)));
        }
    }

private:
    NextTokenPanel* m_panel;
};

NextTokenPanel::NextTokenPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel;
    m_heading->setObjectName("nextTokenHeading");
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    m_bars = new Bars(this);
    m_bars->setObjectName("nextTokenBars");
    layout->addWidget(m_bars);

    auto* form = new QFormLayout;
    m_temperature = new QDoubleSpinBox;
    m_temperature->setObjectName("nextTokenTemperature");
    m_temperature->setRange(0.05, 5.0);
    m_temperature->setSingleStep(0.05);
    m_temperature->setDecimals(2);
    m_temperature->setValue(1.0);
    m_temperature->setToolTip(tr("Divides every logit before the softmax: below 1 sharpens the choice, above 1 "
                                 "flattens it"));
    form->addRow(tr("Te&mperature:"), m_temperature);
    m_mode = new QComboBox;
    m_mode->setObjectName("nextTokenMode");
    m_mode->addItem(tr("Greedy: the most likely"));
    m_mode->addItem(tr("Sample among these ten"));
    form->addRow(tr("&Choose:"), m_mode);
    m_seed = new QSpinBox;
    m_seed->setObjectName("nextTokenSeed");
    m_seed->setRange(0, 2147483647);
    m_seed->setToolTip(tr("The sampler's seed: the same seed and text give the same token"));
    form->addRow(tr("Sample s&eed:"), m_seed);
    layout->addLayout(form);
    m_generate = new QPushButton(tr("&Generate"));
    m_generate->setObjectName("generateButton");
    m_generate->setToolTip(tr("Append the chosen token to the sentence (Ctrl+Z takes it back)"));
    layout->addWidget(m_generate);
    layout->addStretch(1);

    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &NextTokenPanel::showProbabilities);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_seed->setEnabled(sampling());
        m_bars->update();
    });
    connect(m_seed, &QSpinBox::valueChanged, m_bars, qOverload<>(&QWidget::update));
    connect(m_generate, &QPushButton::clicked, this, &NextTokenPanel::generate);
    m_seed->setEnabled(false);
    setResult(nullptr);
}

double NextTokenPanel::temperature() const
{
    return m_temperature->value();
}

void NextTokenPanel::setTemperature(double temperature)
{
    m_temperature->setValue(temperature);
}

bool NextTokenPanel::sampling() const
{
    return m_mode->currentIndex() == 1;
}

void NextTokenPanel::setSampling(bool on)
{
    m_mode->setCurrentIndex(on ? 1 : 0);
}

void NextTokenPanel::setResult(std::shared_ptr<const attn::AttentionResult> result)
{
    m_result = result && !result->nextTokens.empty() ? std::move(result) : nullptr;
    if (!m_result)
        m_heading->setText(tr("Open a GPT-2 model (File \u2192 Open Model\u2026) to see what it predicts after the "
                              "last token."));
    else
        m_heading->setText(tr("After %1, the model's ten most likely next tokens:")
                               .arg(readable(m_result->tokens.empty() ? std::string() : m_result->tokens.back())));
    m_bars->setVisible(m_result != nullptr);
    for (QWidget* control : std::initializer_list<QWidget*>{m_temperature, m_mode, m_generate})
        control->setEnabled(m_result != nullptr);
    m_seed->setEnabled(m_result && sampling());
    showProbabilities();
}

void NextTokenPanel::showProbabilities()
{
    m_probabilities = m_result ? attn::nextTokenProbabilitiesAt(*m_result, temperature()) : std::vector<double>();
    m_bars->update();
}

int NextTokenPanel::choice() const
{
    if (!m_result)
        return -1;
    if (!sampling())
        return 0; // most likely first
    // Each position draws with a seed of its own, so generating on does not
    // repeat one draw.
    const std::uint64_t seed = static_cast<std::uint64_t>(m_seed->value()) * 1000003u + m_result->tokens.size();
    return attn::sampleAmongNextTokens(*m_result, temperature(), seed);
}

void NextTokenPanel::generate()
{
    const int index = choice();
    if (index < 0)
        return;
    const attn::AttentionResult::NextToken& next = m_result->nextTokens[static_cast<std::size_t>(index)];
    if (!next.whole) {
        emit generateRefused(tr("The next token, %1, is part of a character, and the sentence holds whole "
                                "characters: on the command line --generate continues through it.")
                                 .arg(readable(next.text)));
        return;
    }
    emit generateRequested(QString::fromStdString(next.bytes),
                           tr("Generated %1 (%2 %, %3): its row in the weights is what it attended to; Ctrl+Z "
                              "takes it back.")
                               .arg(readable(next.text))
                               .arg(QLocale().toString(100 * m_probabilities[static_cast<std::size_t>(index)], 'f', 1))
                               .arg(sampling() ? tr("sampled") : tr("the most likely")));
}
