#include "trainpanel.h"

#include "ui/document/trainingjob.h"
#include "ui/widgets/appearance.h"
#include "ui/widgets/curveplot.h"
#include "ui/widgets/matrixgrid.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleValidator>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QStringList numbered(const QString& pattern, int count)
{
    QStringList captions;
    for (int i = 1; i <= count; ++i)
        captions << pattern.arg(i);
    return captions;
}

QSpinBox* spinBox(int low, int high, const QString& accessibleName, const char* objectName)
{
    auto* box = new QSpinBox;
    box->setObjectName(QString::fromLatin1(objectName));
    box->setRange(low, high);
    box->setAccessibleName(accessibleName);
    return box;
}

// The panel scrolls in its dock: a wheel turned over a setting or the
// history slider scrolls the panel unless that control has the focus.
class WheelOnlyWhenFocused : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (event->type() == QEvent::Wheel && widget && !widget->hasFocus()) {
            event->ignore(); // on to the scroll area
            return true;
        }
        return false;
    }
};

} // namespace

TrainPanel::TrainPanel(QWidget* parent)
    : QWidget(parent)
    , m_job(new TrainingJob(this))
{
    auto* layout = new QVBoxLayout(this);

    auto* form = new QFormLayout;
    m_task = new QComboBox;
    m_task->setObjectName("trainTask");
    for (const attn::train::TaskInfo& task : attn::train::tasks())
        m_task->addItem(QCoreApplication::translate("TrainingTask", task.title.c_str()),
                        QString::fromStdString(task.name));
    form->addRow(tr("Tas&k:"), m_task);
    layout->addLayout(form);
    m_explanation = new QLabel;
    m_explanation->setWordWrap(true);
    m_explanation->setObjectName("trainExplanation");
    layout->addWidget(m_explanation);

    auto* sizes = new QGridLayout;
    m_layers = spinBox(1, 2, tr("Layers"), "trainLayers");
    m_heads = spinBox(1, 16, tr("Heads"), "trainHeads");
    m_dModel = spinBox(2, 256, tr("d_model"), "trainDModel");
    m_steps = spinBox(1, 100000, tr("Steps"), "trainSteps");
    m_steps->setSingleStep(100);
    m_seed = spinBox(0, 2147483647, tr("Seed"), "trainSeed");
    m_learningRate = new QLineEdit;
    m_learningRate->setAccessibleName(tr("Learning rate"));
    m_learningRate->setObjectName("trainLearningRate");
    auto* validator = new QDoubleValidator(1e-12, 1e300, 12, m_learningRate);
    validator->setNotation(QDoubleValidator::ScientificNotation);
    validator->setLocale(QLocale::c());
    m_learningRate->setValidator(validator);
    const std::pair<QString, QWidget*> fields[] = {
        {tr("La&yers:"), m_layers}, {tr("Hea&ds:"), m_heads}, {tr("d_model:"), m_dModel},
        {tr("Ste&ps:"), m_steps},   {tr("Seed:"), m_seed},    {tr("Lear&ning rate:"), m_learningRate},
    };
    for (int i = 0; i < 6; ++i) {
        auto* label = new QLabel(fields[i].first);
        label->setBuddy(fields[i].second);
        sizes->addWidget(label, i / 2, (i % 2) * 2, Qt::AlignRight);
        sizes->addWidget(fields[i].second, i / 2, (i % 2) * 2 + 1);
    }
    layout->addLayout(sizes);

    auto* buttons = new QHBoxLayout;
    m_train = new QPushButton(tr("T&rain"));
    m_train->setObjectName("trainButton");
    m_train->setToolTip(tr("Train until the last step, on a thread of its own"));
    m_pause = new QPushButton(tr("Pa&use"));
    m_pause->setObjectName("pauseButton");
    m_step = new QPushButton(tr("&Step"));
    m_step->setObjectName("stepButton");
    m_step->setToolTip(tr("One Adam step on a fresh batch"));
    m_reset = new QPushButton(tr("Rese&t"));
    m_reset->setObjectName("resetButton");
    m_reset->setToolTip(tr("A new model from the settings above, at step 0"));
    for (QPushButton* button : {m_train, m_pause, m_step, m_reset})
        buttons->addWidget(button);
    layout->addLayout(buttons);

    m_status = new QLabel;
    m_status->setObjectName("trainStatus");
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_error = new QLabel;
    m_error->setObjectName("trainError");
    m_error->setWordWrap(true);
    appearance::setThemedStyleSheet(m_error, QStringLiteral("color: #b00020; font-weight: bold"),
                                    QStringLiteral("color: #ff7a7a; font-weight: bold"));
    m_error->hide();
    layout->addWidget(m_error);

    m_loss = new CurvePlot(tr("Loss (cross-entropy, each step's batch)"), CurvePlot::Scale::FromZero);
    m_loss->setObjectName("lossPlot");
    m_accuracy = new CurvePlot(tr("Accuracy (each step's batch)"), CurvePlot::Scale::Fraction);
    m_accuracy->setObjectName("accuracyPlot");
    layout->addWidget(m_loss);
    layout->addWidget(m_accuracy);

    m_example = new QLabel;
    m_example->setWordWrap(true);
    layout->addWidget(m_example);
    m_attention = new MatrixGrid(MatrixGrid::Values::Weights);
    m_attention->setObjectName("trainAttention");
    m_attention->setToolTip(tr("Rows are the queries, columns the keys, bright is more weight. Under each head: "
                               "back, its mean weight one token back; induction, its mean weight on the token "
                               "after the earlier copy of the query's token"));
    layout->addWidget(m_attention);

    auto* history = new QHBoxLayout;
    auto* historyTitle = new QLabel(tr("Hist&ory:"));
    m_history = new QSlider(Qt::Horizontal);
    m_history->setObjectName("historySlider");
    m_history->setAccessibleName(tr("History"));
    m_history->setRange(0, 0); // its right end follows the training
    historyTitle->setBuddy(m_history);
    m_historyLabel = new QLabel;
    m_historyLabel->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(tr("step 100000 of 100000")));
    history->addWidget(historyTitle);
    history->addWidget(m_history, 1);
    history->addWidget(m_historyLabel);
    layout->addLayout(history);

    m_showGradients = new QCheckBox(tr("Show &gradients dL/dW_Q, dL/dW_K, dL/dW_V"));
    m_showGradients->setObjectName("showGradients");
    m_showGradients->setToolTip(tr("The gradient of the loss on the last step's batch with respect to each "
                                   "layer's W_Q, W_K and W_V: blue negative, red positive, each scaled to its "
                                   "largest magnitude"));
    layout->addWidget(m_showGradients);
    m_gradients = new MatrixGrid(MatrixGrid::Values::Signed);
    m_gradients->setObjectName("trainGradients");
    m_gradients->hide();
    layout->addWidget(m_gradients);

    m_figure = new QPushButton(tr("Show &in Figure"));
    m_figure->setObjectName("showInFigureButton");
    m_figure->setToolTip(tr("Show the model as trained so far in the stage figure, with hover arithmetic and the "
                            "lesson (undoable)"));
    layout->addWidget(m_figure);
    layout->addStretch(1);

    auto* wheelGuard = new WheelOnlyWhenFocused(this);
    for (QWidget* control :
         std::initializer_list<QWidget*>{m_task, m_layers, m_heads, m_dModel, m_steps, m_seed, m_history}) {
        control->setFocusPolicy(Qt::StrongFocus);
        control->installEventFilter(wheelGuard);
    }

    connect(m_task, &QComboBox::currentIndexChanged, this, &TrainPanel::taskChosen);
    connect(m_train, &QPushButton::clicked, m_job, &TrainingJob::train);
    connect(m_pause, &QPushButton::clicked, m_job, &TrainingJob::pause);
    connect(m_step, &QPushButton::clicked, m_job, &TrainingJob::step);
    connect(m_reset, &QPushButton::clicked, this, &TrainPanel::resetTraining);
    connect(m_job, &TrainingJob::progressed, this, &TrainPanel::showProgress);
    connect(m_job, &TrainingJob::runningChanged, this, &TrainPanel::updateButtons);
    connect(m_job, &TrainingJob::failed, this, &TrainPanel::showError);
    connect(m_history, &QSlider::valueChanged, this, &TrainPanel::showHistory);
    connect(m_showGradients, &QCheckBox::toggled, m_gradients, &QWidget::setVisible);
    connect(m_figure, &QPushButton::clicked, this, [this] {
        if (const auto progress = m_job->progress()) {
            m_handedOver = progress->model;
            emit showInFigure(progress->model);
        }
    });

    taskChosen();
}

TrainPanel::~TrainPanel() = default;

void TrainPanel::taskChosen()
{
    showOptions(attn::train::defaultOptions(m_task->currentData().toString().toStdString()));
    if (!m_job->isRunning())
        resetTraining();
}

void TrainPanel::showOptions(const attn::train::TrainOptions& options)
{
    const attn::train::TaskInfo& task = attn::train::taskInfo(options.task);
    m_explanation->setText(QCoreApplication::translate("TrainingTask", task.explanation.c_str()));
    m_layers->setMinimum(task.minLayers);
    m_layers->setValue(options.layers);
    m_heads->setValue(options.heads);
    m_dModel->setValue(options.dModel);
    m_steps->setValue(options.steps);
    m_learningRate->setText(QLocale::c().toString(options.learningRate, 'g', 6));
}

attn::train::TrainOptions TrainPanel::options() const
{
    attn::train::TrainOptions options = attn::train::defaultOptions(m_task->currentData().toString().toStdString());
    options.layers = m_layers->value();
    options.heads = m_heads->value();
    options.dModel = m_dModel->value();
    options.steps = m_steps->value();
    bool ok = false;
    const double rate = QLocale::c().toDouble(m_learningRate->text(), &ok);
    options.learningRate = ok ? rate : std::nan("");
    // Both cores share a step's batch; the result does not depend on it.
    options.threads = 2;
    return options;
}

std::uint64_t TrainPanel::seed() const
{
    return static_cast<std::uint64_t>(m_seed->value());
}

bool TrainPanel::resetTraining()
{
    const QString error = m_job->reset(options(), seed());
    if (!error.isEmpty()) {
        showError(error);
        return false;
    }
    m_error->hide();
    return true;
}

void TrainPanel::showModel(std::shared_ptr<const attn::train::TrainedModel> model)
{
    if (!model)
        return;
    {
        const QSignalBlocker block(m_task);
        m_task->setCurrentIndex(std::max(0, m_task->findData(QString::fromStdString(model->options.task))));
    }
    showOptions(model->options);
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(model->seed, 2147483647)));
    m_error->hide();
    m_handedOver = model;
    m_job->show(std::move(model));
}

bool TrainPanel::holdsNothingUnsaved() const
{
    const auto progress = m_job->progress();
    return !m_job->isRunning() && (!progress || progress->step() == 0 || progress->model == m_handedOver);
}

int TrainPanel::shownSnapshot() const
{
    return m_history->value() < m_history->maximum() ? m_history->value() : -1;
}

void TrainPanel::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    updateButtons();
}

void TrainPanel::updateButtons()
{
    const bool running = m_job->isRunning();
    const auto progress = m_job->progress();
    m_train->setEnabled(m_job->canStep());
    m_step->setEnabled(m_job->canStep());
    m_pause->setEnabled(running);
    m_figure->setEnabled(progress != nullptr);
    for (QWidget* setting :
         std::initializer_list<QWidget*>{m_task, m_layers, m_heads, m_dModel, m_steps, m_seed, m_learningRate})
        setting->setEnabled(!running);
}

void TrainPanel::showProgress()
{
    const auto progress = m_job->progress();
    if (!progress)
        return;
    const attn::train::TrainedModel& model = *progress->model;
    const int steps = model.options.steps;
    QString status = tr("Step %1 of %2").arg(model.steps).arg(steps);
    if (!model.loss.empty())
        status += tr(" · loss %1 · accuracy %2 %")
                      .arg(QString::number(model.loss.back(), 'f', 4))
                      .arg(QString::number(100 * model.accuracy.back(), 'f', 1));
    if (progress->done)
        status += tr(" · done");
    m_status->setText(status);
    m_loss->setValues(model.loss, steps);
    m_accuracy->setValues(model.accuracy, steps);
    m_example->setText(tr("Attention on the task's example, %1 tokens: %2")
                           .arg(progress->exampleTokens.size())
                           .arg(QString::fromStdString([&] {
                               std::string joined;
                               for (const std::string& token : progress->exampleTokens)
                                   joined += (joined.empty() ? "" : " ") + token;
                               return joined;
                           }())));

    // The slider follows the training while it is at its right end.
    const bool live = m_history->value() >= m_history->maximum();
    {
        const QSignalBlocker block(m_history);
        m_history->setMaximum(static_cast<int>(progress->snapshots.size()));
        if (live)
            m_history->setValue(m_history->maximum());
    }
    std::vector<std::vector<attn::Matrix>> gradients;
    for (const auto& layer : progress->gradients)
        gradients.push_back({layer[0], layer[1], layer[2]});
    m_gradients->setMatrices(std::move(gradients), numbered(tr("layer %1"), static_cast<int>(model.options.layers)),
                             {tr("dL/dW_Q"), tr("dL/dW_K"), tr("dL/dW_V")});
    showHistory();
    updateButtons();
}

void TrainPanel::showHistory()
{
    const auto progress = m_job->progress();
    if (!progress)
        return;
    const attn::train::TrainedModel& model = *progress->model;
    const int index = shownSnapshot();
    std::vector<std::vector<attn::Matrix>> attention = progress->attention;
    int step = model.steps;
    if (index >= 0 && index < static_cast<int>(progress->snapshots.size())) {
        attention = progress->snapshots[static_cast<std::size_t>(index)]->weights;
        step = progress->snapshots[static_cast<std::size_t>(index)]->step;
        m_historyLabel->setText(tr("step %1 of %2").arg(step).arg(model.steps));
        m_loss->setMarker(step);
        m_accuracy->setMarker(step);
    } else {
        m_historyLabel->setText(tr("now (step %1)").arg(step));
        m_loss->setMarker(std::nullopt);
        m_accuracy->setMarker(std::nullopt);
    }
    // What each head does to the example, in numbers: its weight one token
    // back and, where tokens repeat, on the token after the earlier copy.
    const attn::train::Example example = attn::train::fixedExample(model.options);
    bool repeats = false;
    for (std::size_t i = 0; i < example.tokens.size() && !repeats; ++i)
        repeats = std::find(example.tokens.begin(), example.tokens.begin() + static_cast<std::ptrdiff_t>(i),
                            example.tokens[i]) != example.tokens.begin() + static_cast<std::ptrdiff_t>(i);
    std::vector<QStringList> captions;
    for (const auto& layer : attention) {
        QStringList line;
        for (const attn::Matrix& head : layer) {
            QString text = tr("back %1").arg(QLocale().toString(attn::train::previousTokenScore(head), 'f', 2));
            if (repeats)
                text += tr(" \u00b7 induction %1")
                            .arg(QLocale().toString(attn::train::inductionScore(head, example.tokens), 'f', 2));
            line << text;
        }
        captions.push_back(line);
    }
    m_attention->setMatrices(std::move(attention), numbered(tr("layer %1"), model.options.layers),
                             numbered(tr("head %1"), model.options.heads));
    m_attention->setCaptions(std::move(captions));
}
