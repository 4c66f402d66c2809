#include "ui/widgets/controlpanel.h"

#include "core/tokenizer.h"

#include "ui/document/viewstate.h"
#include "ui/render/colormap.h"
#include "ui/widgets/appearance.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// The temperature slider is logarithmic: equal steps multiply T by equal
// factors, so 0.05..1 gets as much travel as 1..20 and T = 1 sits mid-way.
constexpr double kMinTemperature = 0.05;
constexpr double kMaxTemperature = 20.0;
constexpr int kSliderSteps = 1000;

double roundToSignificant(double value, int digits)
{
    if (value <= 0.0)
        return value;
    const double magnitude = std::pow(10.0, digits - 1 - std::floor(std::log10(value)));
    return std::round(value * magnitude) / magnitude;
}

int sliderPosition(double temperature)
{
    const double t = std::clamp(temperature, kMinTemperature, kMaxTemperature);
    const double fraction = std::log(t / kMinTemperature) / std::log(kMaxTemperature / kMinTemperature);
    return static_cast<int>(std::lround(fraction * kSliderSteps));
}

double temperatureAt(int position)
{
    const double fraction = static_cast<double>(position) / kSliderSteps;
    return roundToSignificant(kMinTemperature * std::pow(kMaxTemperature / kMinTemperature, fraction), 3);
}

QString temperatureText(double temperature)
{
    return QStringLiteral("T = %1").arg(temperature < 10.0 ? QLocale().toString(temperature, 'f', 2)
                                                           : QLocale().toString(temperature, 'f', 1));
}

QDoubleSpinBox* makeSeedBox(const QString& objectName, const QString& toolTip, QWidget* parent)
{
    // QSpinBox stops at 2^31 - 1; a double holds every seed up to 2^32 - 1 exactly.
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setDecimals(0);
    box->setRange(0.0, static_cast<double>(attn::Limits::maxSeed));
    box->setSingleStep(1.0);
    box->setAccelerated(true);
    box->setToolTip(toolTip);
    box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("4294967295")) + 40);
    return box;
}

// The window's action under a shorter caption: the panel's heading already
// says what is reseeded.
QPushButton* makeActionButton(QAction* action, const QString& text, const QString& objectName, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setToolTip(action->toolTip());
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
}

// A bold section heading over a form; lighter than group-box frames, which
// would eat width the figure needs.
QWidget* makeGroup(const QString& title, QWidget* parent)
{
    auto* section = new QWidget(parent);
    auto* layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(2);
    auto* heading = new QLabel(title, section);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    appearance::setThemedStyleSheet(heading,
                                    QStringLiteral("QLabel { color: #1f4e79; border-bottom: 1px solid #b8c7d6; "
                                                   "padding-bottom: 2px; }"),
                                    QStringLiteral("QLabel { color: #9cc4ee; border-bottom: 1px solid #44586e; "
                                                   "padding-bottom: 2px; }"));
    layout->addWidget(heading);
    return section;
}

QFormLayout* makeForm(QWidget* group)
{
    auto* form = new QFormLayout;
    form->setContentsMargins(2, 2, 0, 2);
    form->setHorizontalSpacing(8);
    form->setVerticalSpacing(5);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    static_cast<QVBoxLayout*>(group->layout())->addLayout(form);
    return form;
}

QWidget* row(QWidget* parent, std::initializer_list<QWidget*> widgets, int stretchIndex = 0)
{
    auto* container = new QWidget(parent);
    auto* layout = new QHBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    int index = 0;
    for (QWidget* widget : widgets)
        layout->addWidget(widget, index++ == stretchIndex ? 1 : 0);
    return container;
}

void markWidget(QWidget* widget, bool error)
{
    // A tinted field rather than a style sheet: style sheets would switch the
    // spin boxes to a different look than their neighbours.
    QPalette palette = widget->parentWidget() ? widget->parentWidget()->palette() : QPalette();
    if (error) {
        palette.setColor(QPalette::Base, QColor(0xff, 0xe4, 0xe1));
        palette.setColor(QPalette::Text, QColor(0x8b, 0x00, 0x00));
    }
    widget->setPalette(palette);
}

} // namespace

ControlPanel::ControlPanel(ViewState* view, QAction* reseedWeights, QAction* reseedEmbeddings, QAction* loadArticle,
                           QWidget* parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("controlPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(4);

    // Weights
    auto* weights = makeGroup(tr("Weights W_Q, W_K, W_V"), this);
    auto* weightsForm = makeForm(weights);
    m_weightSeed = makeSeedBox(QStringLiteral("weightSeed"),
                               tr("Seed of NumPy's generator for W_Q, W_K and W_V (0 to 4294967295)."), weights);
    // The rows' labels name their row (seed and button), so the seeds get names of their own.
    m_weightSeed->setAccessibleName(tr("Weight seed"));
    weightsForm->addRow(tr("Seed"),
                        row(weights, {m_weightSeed, makeActionButton(reseedWeights, tr("Reseed"),
                                                                     QStringLiteral("reseedWeightsButton"), weights)}));
    m_init = new QComboBox(weights);
    m_init->setObjectName(QStringLiteral("init"));
    m_init->addItem(tr("randint: 0, 1, 2"), QStringLiteral("randint"));
    m_init->addItem(tr("uniform [0, 1)"), QStringLiteral("uniform"));
    m_init->addItem(tr("normal / √d"), QStringLiteral("normal"));
    m_init->setToolTip(tr("How the weights are drawn: np.random.randint(3), np.random.rand, or "
                          "np.random.randn / √d_model."));
    weightsForm->addRow(tr("Init"), m_init);
    layout->addWidget(weights);

    // Embeddings
    auto* embeddings = makeGroup(tr("Embeddings E"), this);
    auto* embeddingsForm = makeForm(embeddings);
    m_embeddingSeed = makeSeedBox(QStringLiteral("embeddingSeed"),
                                  tr("Seed of NumPy's generator for the word vectors (0 to 4294967295). "
                                     "Changing it replaces vectors given literally, such as the article's."),
                                  embeddings);
    m_embeddingSeed->setAccessibleName(tr("Embedding seed"));
    embeddingsForm->addRow(
        tr("Seed"),
        row(embeddings, {m_embeddingSeed, makeActionButton(reseedEmbeddings, tr("Reseed"),
                                                           QStringLiteral("reseedEmbeddingsButton"), embeddings)}));
    // Which of the sentence's words have a given vector (the article's, an
    // import, an edit) and which are drawn: the one rule, shown where the
    // seed is. Given vectors stay with their words until they are drawn anew.
    m_givenVectors = new QLabel(embeddings);
    m_givenVectors->setObjectName(QStringLiteral("givenVectors"));
    m_givenVectors->setWordWrap(true);
    m_givenVectors->setTextFormat(Qt::PlainText);
    m_drawVectors = new QPushButton(tr("Draw All"), embeddings);
    m_drawVectors->setObjectName(QStringLiteral("drawVectorsButton"));
    m_drawVectors->setToolTip(tr("Replace the given vectors (the article's, imported or edited ones) by vectors "
                                 "drawn from the seed, as for every other word. Undoable."));
    connect(m_drawVectors, &QPushButton::clicked, this, &ControlPanel::drawVectorsRequested);
    embeddingsForm->addRow(row(embeddings, {m_givenVectors, m_drawVectors}));
    m_positional = new QCheckBox(tr("Positional encoding"), embeddings);
    m_positional->setObjectName(QStringLiteral("positional"));
    m_positional->setToolTip(tr("Add sinusoidal positional encodings (Vaswani et al.) to the embeddings: X = E + PE."));
    embeddingsForm->addRow(m_positional);
    layout->addWidget(embeddings);

    // Shape
    auto* shape = makeGroup(tr("Shape"), this);
    auto* shapeForm = makeForm(shape);
    m_dModel = new QSpinBox(shape);
    m_dModel->setObjectName(QStringLiteral("dModel"));
    m_dModel->setAccessibleName(tr("d_model"));
    m_dModel->setRange(1, attn::Limits::maxDModel);
    m_dModel->setToolTip(tr("d_model: how many numbers describe each word (1 to %1).").arg(attn::Limits::maxDModel));
    m_heads = new QSpinBox(shape);
    m_heads->setObjectName(QStringLiteral("heads"));
    m_heads->setRange(1, attn::Limits::maxDModel);
    m_heads->setToolTip(tr("Number of attention heads; it must divide d_model (each head gets d_k = d_model / h)."));
    auto* headsLabel = new QLabel(tr("heads"), shape);
    headsLabel->setBuddy(m_heads);
    shapeForm->addRow(tr("d_model"), row(shape, {m_dModel, headsLabel, m_heads}, -1));
    layout->addWidget(shape);

    // Attention
    auto* attention = makeGroup(tr("Attention"), this);
    auto* attentionForm = makeForm(attention);
    m_causal = new QCheckBox(tr("Causal mask"), attention);
    m_causal->setObjectName(QStringLiteral("causal"));
    m_causal->setToolTip(tr("Each word may attend only to itself and earlier words: scores above the diagonal "
                            "become −∞ and get weight 0."));
    m_scaled = new QCheckBox(tr("Scale by √d_k"), attention);
    m_scaled->setObjectName(QStringLiteral("scaled"));
    m_scaled->setToolTip(tr("Divide the scores by √d_k before the softmax, as in the Transformer."));
    attentionForm->addRow(row(attention, {m_causal, m_scaled}, -1));
    m_temperature = new QSlider(Qt::Horizontal, attention);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setRange(0, kSliderSteps);
    m_temperature->setSingleStep(kSliderSteps / 100); // an arrow key: about 6 %
    m_temperature->setPageStep(kSliderSteps / 20);
    m_temperature->setToolTip(tr("Softmax temperature T, from 0.05 to 20 on a log scale: the scores are divided "
                                 "by T. Low T sharpens the weights towards one word, high T flattens them."));
    m_temperatureValue = new QLabel(attention);
    m_temperatureValue->setObjectName(QStringLiteral("temperatureValue"));
    m_temperatureValue->setMinimumWidth(
        m_temperatureValue->fontMetrics().horizontalAdvance(QStringLiteral("T = 20.0")));
    m_temperatureValue->setToolTip(m_temperature->toolTip());
    m_temperature->setTickPosition(QSlider::TicksBelow);
    m_temperature->setTickInterval(kSliderSteps / 2); // ticks at 0.05, 1 and 20
    m_temperatureValue->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* temperatureLabel = new QLabel(tr("Temperature"), attention);
    temperatureLabel->setToolTip(m_temperature->toolTip());
    m_temperature->setAccessibleName(tr("Softmax temperature"));
    attentionForm->addRow(row(attention, {temperatureLabel, m_temperatureValue}, 1));
    attentionForm->addRow(m_temperature);
    layout->addWidget(attention);

    // Display
    auto* display = makeGroup(tr("Display"), this);
    auto* displayForm = makeForm(display);
    m_head = new QSpinBox(display);
    m_head->setObjectName(QStringLiteral("head"));
    m_head->setAccessibleName(tr("Head shown"));
    m_head->setRange(1, 1);
    m_head->setToolTip(tr("The head whose scores and weights are shown."));
    m_headCount = new QLabel(display);
    m_allHeads = new QCheckBox(tr("All heads"), display);
    m_allHeads->setObjectName(QStringLiteral("allHeads"));
    m_allHeads->setToolTip(tr("Show the weights of every head side by side."));
    displayForm->addRow(tr("Head"), row(display, {m_head, m_headCount, m_allHeads}, 1));
    m_colorMap = new QComboBox(display);
    m_colorMap->setObjectName(QStringLiteral("colorMap"));
    for (const QString& name : ColorMap::sequentialNames())
        m_colorMap->addItem(name, name);
    m_colorMap->setToolTip(tr("Colours of the attention weights; cividis and grayscale stay readable for "
                              "colour-blind viewers and on black-and-white print."));
    displayForm->addRow(tr("Colours"), m_colorMap);
    m_weightsScale = new QComboBox(display);
    m_weightsScale->setObjectName(QStringLiteral("weightsScale"));
    m_weightsScale->addItem(tr("0 to 1"), QVariant::fromValue(static_cast<int>(WeightsScale::Fixed)));
    m_weightsScale->addItem(tr("this matrix"), QVariant::fromValue(static_cast<int>(WeightsScale::Matrix)));
    m_weightsScale->addItem(tr("each row"), QVariant::fromValue(static_cast<int>(WeightsScale::Row)));
    m_weightsScale->setToolTip(tr("What the colours of the weights span: 0 to 1, the smallest to the largest weight "
                                  "of the matrix, or of each query row (every row then shows its strongest key)."));
    displayForm->addRow(tr("Weights scale"), m_weightsScale);
    layout->addWidget(display);

    auto* article = makeActionButton(loadArticle, loadArticle->text(), QStringLiteral("loadArticleButton"), this);
    layout->addSpacing(4);
    layout->addWidget(article);

    const auto edited = [this] { emit configEdited(); };
    connect(m_weightSeed, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_embeddingSeed, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_init, &QComboBox::currentIndexChanged, this, edited);
    connect(m_positional, &QCheckBox::toggled, this, edited);
    connect(m_dModel, &QSpinBox::valueChanged, this, edited);
    connect(m_heads, &QSpinBox::valueChanged, this, edited);
    connect(m_causal, &QCheckBox::toggled, this, edited);
    connect(m_scaled, &QCheckBox::toggled, this, edited);
    connect(m_temperature, &QSlider::valueChanged, this, [this](int position) {
        m_temperatureExact = temperatureAt(position);
        m_temperatureValue->setText(temperatureText(m_temperatureExact));
        emit configEdited();
    });
    // The display choices are the view state's: the controls write the
    // user's choice there and show whatever it holds, however it changed.
    connect(m_head, &QSpinBox::valueChanged, view, [view](int head) { view->setHead(head - 1); });
    connect(m_allHeads, &QCheckBox::toggled, view, &ViewState::setAllHeads);
    connect(m_colorMap, &QComboBox::currentIndexChanged, view,
            [this, view] { view->setColorMap(m_colorMap->currentData().toString()); });
    connect(m_weightsScale, &QComboBox::currentIndexChanged, view,
            [this, view] { view->setWeightsScale(static_cast<WeightsScale>(m_weightsScale->currentData().toInt())); });
    connect(view, &ViewState::shapeChanged, this, &ControlPanel::showView);
    connect(view, &ViewState::headChanged, this, &ControlPanel::showView);
    connect(view, &ViewState::allHeadsChanged, this, &ControlPanel::showView);
    connect(view, &ViewState::colorMapChanged, this, &ControlPanel::showView);
    connect(view, &ViewState::weightsScaleChanged, this, &ControlPanel::showView);

    showTemperature(1.0);
    showView();
}

void ControlPanel::showConfig(const attn::AttentionConfig& config)
{
    // A checkpoint brings its own weights, embeddings and shape: only the
    // display settings apply.
    const bool article = config.isArticleModel();
    for (QWidget* control : std::initializer_list<QWidget*>{m_weightSeed, m_embeddingSeed, m_init, m_positional,
                                                            m_dModel, m_heads, m_causal, m_scaled, m_temperature})
        control->setEnabled(article);
    m_drawVectors->setEnabled(article);
    if (!article) {
        m_givenVectors->setText(config.model.empty()
                                    ? tr("A model trained on %1: type its tokens (numbers separated by spaces) "
                                         "as the sentence. File \u2192 Article's Model goes back.")
                                          .arg(QString::fromStdString(config.trainedTask))
                                    : tr("A GPT-2 checkpoint: its own embeddings and weights. File \u2192 Article's "
                                         "Model goes back."));
        m_drawVectors->hide();
    } else {
        showGivenVectors(config);
    }
    // Controls that already show the configuration are left alone, so a spin
    // box being typed in keeps its cursor.
    if (applyTo(config) == config)
        return;
    const QSignalBlocker b1(m_weightSeed), b2(m_embeddingSeed), b3(m_init), b4(m_positional), b5(m_dModel), b6(m_heads),
        b7(m_causal), b8(m_scaled), b9(m_temperature);
    m_weightSeed->setValue(static_cast<double>(config.weightSeed));
    m_embeddingSeed->setValue(static_cast<double>(config.embeddingSeed));
    const int init = m_init->findData(QString::fromUtf8(attn::toString(config.init).data(),
                                                        static_cast<qsizetype>(attn::toString(config.init).size())));
    m_init->setCurrentIndex(std::max(init, 0));
    m_positional->setChecked(config.positional);
    m_dModel->setValue(config.dModel);
    m_heads->setValue(config.heads);
    m_causal->setChecked(config.causal);
    m_scaled->setChecked(config.scaled);
    showTemperature(config.temperature);
}

void ControlPanel::showGivenVectors(const attn::AttentionConfig& config)
{
    const attn::Vocabulary vocabulary = attn::buildVocabulary(attn::splitTokens(config.sentence));
    QStringList given;
    for (const std::string& word : vocabulary.words) {
        const auto vector = config.explicitEmbeddings.find(word);
        if (vector != config.explicitEmbeddings.end() &&
            vector->second.size() == static_cast<std::size_t>(config.dModel))
            given << QString::fromStdString(word);
    }
    const auto words = static_cast<qsizetype>(vocabulary.words.size());
    const qsizetype drawn = words - given.size();
    QString text;
    if (given.isEmpty() && config.explicitEmbeddings.empty()) {
        text = tr("Every word's vector is drawn from the seed.");
    } else if (given.isEmpty()) {
        text = config.explicitEmbeddings.size() == 1
                   ? tr("Every word's vector is drawn from the seed; the given vector of another word is kept.")
                   : tr("Every word's vector is drawn from the seed; given vectors of %1 other words are kept.")
                         .arg(config.explicitEmbeddings.size());
    } else {
        constexpr qsizetype shown = 4;
        QStringList quoted;
        for (qsizetype i = 0; i < std::min(shown, given.size()); ++i)
            quoted << QStringLiteral("“%1”").arg(given[i]);
        QString list = quoted.join(QStringLiteral(", "));
        if (given.size() > shown)
            list += tr(" and %1 more").arg(given.size() - shown);
        if (drawn == 0)
            text = tr("Given vectors for every word: %1.").arg(list);
        else if (drawn == 1)
            text = tr("Given vectors: %1; 1 word drawn from the seed.").arg(list);
        else
            text = tr("Given vectors: %1; %2 words drawn from the seed.").arg(list).arg(drawn);
    }
    m_givenVectors->setText(text);
    m_givenVectors->setToolTip(tr("A word keeps a vector given to it (the article's, an import or an edited cell) "
                                  "whatever the sentence, until you reseed the embeddings, change d_model or "
                                  "click Draw All. Other words are drawn from the seed."));
    m_drawVectors->setVisible(!config.explicitEmbeddings.empty());
}

attn::AttentionConfig ControlPanel::applyTo(const attn::AttentionConfig& base) const
{
    attn::AttentionConfig config = base;
    config.weightSeed = static_cast<std::int64_t>(std::llround(m_weightSeed->value()));
    config.embeddingSeed = static_cast<std::int64_t>(std::llround(m_embeddingSeed->value()));
    config.init = attn::weightInitFromString(m_init->currentData().toString().toStdString()).value_or(config.init);
    config.positional = m_positional->isChecked();
    config.dModel = m_dModel->value();
    config.heads = m_heads->value();
    config.causal = m_causal->isChecked();
    config.scaled = m_scaled->isChecked();
    config.temperature = m_temperatureExact;

    // Literal values belong to the draw they replaced: a new seed means new
    // numbers, and a literal of the wrong size could not be used anyway.
    if (config.embeddingSeed != base.embeddingSeed)
        config.explicitEmbeddings.clear();
    std::erase_if(config.explicitEmbeddings,
                  [&](const auto& entry) { return entry.second.size() != static_cast<std::size_t>(config.dModel); });
    const bool newWeights = config.weightSeed != base.weightSeed || config.init != base.init;
    for (std::optional<attn::Matrix>* literal : {&config.wQuery, &config.wKey, &config.wValue}) {
        if (*literal && (newWeights || (*literal)->rows() != config.dModel || (*literal)->cols() != config.dModel))
            literal->reset();
    }
    return config;
}

void ControlPanel::showView()
{
    const QSignalBlocker b1(m_head), b2(m_allHeads), b3(m_colorMap), b4(m_weightsScale);
    // Before the first result the configuration's heads are not known yet:
    // the selector offers the head the view state holds.
    const int heads = std::max({m_view->headCount(), m_view->head() + 1, 1});
    m_head->setMaximum(heads);
    m_head->setValue(m_view->head() + 1);
    m_headCount->setText(tr("of %1").arg(heads));
    m_allHeads->setChecked(m_view->allHeads());
    m_allHeads->setEnabled(heads > 1 || m_view->allHeads());
    m_head->setEnabled(!m_view->allHeads());
    const int index = m_colorMap->findData(m_view->colorMap());
    if (index >= 0)
        m_colorMap->setCurrentIndex(index);
    m_weightsScale->setCurrentIndex(m_weightsScale->findData(static_cast<int>(m_view->weightsScale())));
}

void ControlPanel::markError(std::optional<attn::AttentionError::Kind> kind)
{
    using Kind = attn::AttentionError::Kind;
    markWidget(m_dModel, kind == Kind::DModel);
    markWidget(m_heads, kind == Kind::Heads || kind == Kind::TooLarge);
    markWidget(m_weightSeed, kind == Kind::Seed || kind == Kind::Weights);
    markWidget(m_embeddingSeed, kind == Kind::Seed || kind == Kind::Embedding);
    markWidget(m_temperature, kind == Kind::Temperature);
}

void ControlPanel::showTemperature(double temperature)
{
    m_temperatureExact = temperature;
    const QSignalBlocker blocker(m_temperature);
    m_temperature->setValue(sliderPosition(temperature));
    m_temperatureValue->setText(temperatureText(temperature));
}
