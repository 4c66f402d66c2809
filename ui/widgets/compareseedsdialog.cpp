#include "ui/widgets/compareseedsdialog.h"

#include "core/configedits.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/viewstate.h"
#include "ui/render/colormap.h"
#include "ui/widgets/heatmapwidget.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QStringList tokenLabels(const attn::AttentionResult& result)
{
    QStringList labels;
    labels.reserve(static_cast<qsizetype>(result.tokens.size()));
    for (const std::string& token : result.tokens)
        labels << QString::fromStdString(token);
    return labels;
}

} // namespace

CompareSeedsDialog::CompareSeedsDialog(AttentionDocument* source, ViewState* view, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_view(view)
    , m_comparison(new AttentionDocument(this))
{
    setObjectName(QStringLiteral("compareSeedsDialog"));
    setWindowTitle(tr("Compare Seeds"));
    setModal(false);

    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_varied = new QComboBox(this);
    m_varied->setObjectName(QStringLiteral("compareVaried"));
    m_varied->addItem(tr("Weight seed"), static_cast<int>(Varied::WeightSeed));
    m_varied->addItem(tr("Embedding seed"), static_cast<int>(Varied::EmbeddingSeed));
    m_varied->setToolTip(tr("The seed that differs between A and B: the weights W_Q, W_K, W_V or the word vectors."));
    auto* seedLabel = new QLabel(tr("B"), this);
    m_seedB = new QDoubleSpinBox(this);
    m_seedB->setObjectName(QStringLiteral("seedB"));
    m_seedB->setDecimals(0);
    m_seedB->setRange(0.0, static_cast<double>(attn::Limits::maxSeed));
    m_seedB->setAccelerated(true);
    m_seedB->setToolTip(tr("The seed to compare with the window's (seed A). Everything else stays the same."));
    seedLabel->setBuddy(m_seedB);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    top->addWidget(m_varied);
    top->addWidget(seedLabel);
    top->addWidget(m_seedB);
    top->addSpacing(16);
    top->addWidget(m_status, 1);
    layout->addLayout(top);

    auto* panels = new QHBoxLayout;
    m_panelA = new HeatmapWidget(this);
    m_panelA->setObjectName(QStringLiteral("weightsA"));
    m_panelB = new HeatmapWidget(this);
    m_panelB->setObjectName(QStringLiteral("weightsB"));
    m_panelDifference = new HeatmapWidget(this);
    m_panelDifference->setObjectName(QStringLiteral("weightsDifference"));
    panels->addWidget(m_panelA);
    panels->addWidget(m_panelB);
    panels->addWidget(m_panelDifference);
    layout->addLayout(panels, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* use = buttons->addButton(tr("Use Seed B in the Window"), QDialogButtonBox::ActionRole);
    use->setObjectName(QStringLiteral("useSeedB"));
    use->setToolTip(tr("The window takes seed B (Ctrl+Z in the window goes back)."));
    connect(use, &QPushButton::clicked, this, &CompareSeedsDialog::useSeedB);
    for (QPushButton* button : buttons->findChildren<QPushButton*>())
        button->setAutoDefault(false);
    layout->addWidget(buttons);

    connect(m_seedB, &QDoubleSpinBox::valueChanged, this, [this] {
        m_seedBEdited = true;
        followSource();
    });
    connect(m_varied, &QComboBox::currentIndexChanged, this, [this] {
        m_seedBEdited = false; // B follows the other seed's A + 1
        followSource();
    });
    connect(m_source, &AttentionDocument::resultChanged, this, &CompareSeedsDialog::followSource);
    connect(m_comparison, &AttentionDocument::resultChanged, this, &CompareSeedsDialog::refresh);
    connect(m_comparison, &AttentionDocument::errorChanged, this, &CompareSeedsDialog::refresh);
    connect(m_view, &ViewState::headChanged, this, &CompareSeedsDialog::refresh);
    connect(m_view, &ViewState::colorMapChanged, this, &CompareSeedsDialog::refresh);

    resize(1180, 480);
    followSource();
}

CompareSeedsDialog::~CompareSeedsDialog() = default;

std::int64_t CompareSeedsDialog::seedB() const
{
    return static_cast<std::int64_t>(std::llround(m_seedB->value()));
}

void CompareSeedsDialog::setSeedB(std::int64_t seed)
{
    m_seedB->setValue(static_cast<double>(seed)); // marks it as the user's
}

CompareSeedsDialog::Varied CompareSeedsDialog::varied() const
{
    return static_cast<Varied>(m_varied->currentData().toInt());
}

void CompareSeedsDialog::setVaried(Varied varied)
{
    m_varied->setCurrentIndex(m_varied->findData(static_cast<int>(varied)));
}

std::int64_t CompareSeedsDialog::seedA() const
{
    const attn::AttentionConfig& config = m_source->resultConfig();
    return varied() == Varied::WeightSeed ? config.weightSeed : config.embeddingSeed;
}

void CompareSeedsDialog::useSeedB()
{
    if (!m_source->result())
        return;
    m_source->edit(configB(), varied() == Varied::WeightSeed ? tr("Use Weight Seed %1").arg(seedB())
                                                             : tr("Use Embedding Seed %1").arg(seedB()));
    m_seedBEdited = false; // A is now B: the next B is A + 1 again
}

void CompareSeedsDialog::keyPressEvent(QKeyEvent* event)
{
    // Enter in the seed field applies the seed, it does not close the dialog.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

int CompareSeedsDialog::head() const
{
    const auto result = m_source->result();
    const int heads = result ? result->headCount() : 1;
    return std::clamp(m_view->head(), 0, std::max(0, heads - 1));
}

attn::AttentionConfig CompareSeedsDialog::configB() const
{
    attn::AttentionConfig config = m_source->resultConfig();
    if (varied() == Varied::WeightSeed) {
        config = attn::withWeightsReseeded(config, seedB());
    } else {
        config = attn::withEmbeddingsReseeded(config, seedB()); // B's vectors are what its seed draws
    }
    return config;
}

bool CompareSeedsDialog::isUpToDate() const
{
    return m_source->result() && m_comparison->result() && m_comparison->resultConfig() == configB() &&
           m_weightsA.size() > 0;
}

void CompareSeedsDialog::followSource()
{
    if (!m_source->result())
        return;
    const std::int64_t seedA = this->seedA();
    if (!m_seedBEdited) {
        const QSignalBlocker blocker(m_seedB);
        m_seedB->setValue(static_cast<double>(seedA < attn::Limits::maxSeed ? seedA + 1 : seedA - 1));
    }
    m_comparison->setConfig(configB());
    refresh();
}

void CompareSeedsDialog::refresh()
{
    const auto resultA = m_source->result();
    const auto resultB = m_comparison->result();
    const bool ready = resultA && resultB && m_comparison->resultConfig() == configB();
    if (!ready) {
        m_weightsA = m_weightsB = m_difference = attn::Matrix();
        m_status->setText(m_comparison->errorText().isEmpty() ? tr("Computing seed B…") : m_comparison->errorText());
        m_panelA->clear();
        m_panelB->clear();
        m_panelDifference->clear();
        return;
    }

    const int heads = std::min(resultA->headCount(), resultB->headCount());
    const int head = std::clamp(m_view->head(), 0, std::max(0, heads - 1));
    m_weightsA = resultA->layer(m_view->layer()).heads[static_cast<std::size_t>(head)].weights;
    m_weightsB = resultB->layer(m_view->layer()).heads[static_cast<std::size_t>(head)].weights;
    m_difference = m_weightsB - m_weightsA;

    const attn::AttentionConfig& configA = m_source->resultConfig();
    const QStringList labels = tokenLabels(*resultA);
    const QString headText = heads > 1 ? tr(", head %1").arg(head + 1) : QString();
    const ColorMap sequential = ColorMap::byName(m_view->colorMap()).value_or(ColorMap::viridis());

    HeatmapSpec a;
    a.matrix = std::make_shared<const attn::Matrix>(m_weightsA);
    a.rowLabels = a.columnLabels = labels;
    const QString seedName = varied() == Varied::WeightSeed ? tr("weight seed") : tr("embedding seed");
    a.title = tr("A: %1 %2%3").arg(seedName).arg(seedA()).arg(headText);
    a.formula = configA.wQuery || configA.wKey || configA.wValue ? tr("weights (with edited W cells)")
                                                                 : tr("attention weights");
    a.colorMap = sequential;
    a.range = ValueRange{0.0, 1.0}; // both on one scale, so colours compare
    HeatmapSpec b = a;
    b.matrix = std::make_shared<const attn::Matrix>(m_weightsB);
    b.title = tr("B: %1 %2%3").arg(seedName).arg(seedB()).arg(headText);
    b.formula = tr("attention weights");
    HeatmapSpec difference = a;
    difference.matrix = std::make_shared<const attn::Matrix>(m_difference);
    difference.title = tr("B − A");
    difference.formula = tr("blue: A attends more, red: B attends more");
    difference.colorMap = ColorMap::diverging();
    difference.range.reset(); // diverging: symmetric around 0
    if (m_difference.size() > 0 && m_difference.cwiseAbs().maxCoeff() == 0.0)
        difference.range = ValueRange{-1.0, 1.0};

    m_panelA->setSpec(a);
    m_panelB->setSpec(b);
    m_panelDifference->setSpec(difference);
    const double largest = m_difference.size() > 0 ? m_difference.cwiseAbs().maxCoeff() : 0.0;
    m_status->setText(tr("Same sentence and settings; only the %1 differs. Largest change of a weight: %2.")
                          .arg(seedName)
                          .arg(QLocale().toString(largest, 'f', 3)));
    emit updated();
}
