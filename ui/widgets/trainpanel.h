#pragma once

// View > Train: a small attention model learning a task (core/train/) while
// the learner watches. The settings (task, layers, heads, d_model, steps,
// seed, learning rate) apply at Reset; Train, Pause and Step drive the
// TrainingJob's worker. It shows the loss and accuracy curves, the attention
// of every layer x head on the task's example as it learns, a history
// slider back through the snapshots, the last step's dL/dW_Q, dL/dW_K and
// dL/dW_V on request, and hands the model to the figure (showInFigure).

#include "core/train/training.h"

#include <QWidget>

#include <memory>

class CurvePlot;
class MatrixGrid;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
struct TrainingProgress;
class TrainingJob;

class TrainPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainPanel(QWidget* parent = nullptr);
    ~TrainPanel() override;

    TrainingJob* job() const { return m_job; }
    // The settings as the controls show them.
    attn::train::TrainOptions options() const;
    std::uint64_t seed() const;

    // Makes a model from the controls at step 0; false (and the reason shown)
    // when the task cannot take them.
    bool resetTraining();
    // A model trained before (a session's): the settings it was trained
    // with, its curves and its attention; Reset trains a new one.
    void showModel(std::shared_ptr<const attn::train::TrainedModel> model);
    // True when replacing what the panel shows loses nothing: not running,
    // and at step 0, shown in the figure, or itself a model shown here.
    bool holdsNothingUnsaved() const;
    // The snapshot the slider shows: -1 while it follows the training live.
    int shownSnapshot() const;

signals:
    void showInFigure(std::shared_ptr<const attn::train::TrainedModel> model);

private:
    void taskChosen();
    // The task's explanation and the sizes, steps and learning rate of `options` in the controls.
    void showOptions(const attn::train::TrainOptions& options);
    void showProgress();
    void showHistory();
    void updateButtons();
    void showError(const QString& message);

    TrainingJob* m_job = nullptr;
    std::shared_ptr<const attn::train::TrainedModel> m_handedOver; // shown in the figure or loaded
    QComboBox* m_task = nullptr;
    QLabel* m_explanation = nullptr;
    QSpinBox* m_layers = nullptr;
    QSpinBox* m_heads = nullptr;
    QSpinBox* m_dModel = nullptr;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_seed = nullptr;
    QLineEdit* m_learningRate = nullptr;
    QPushButton* m_train = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_step = nullptr;
    QPushButton* m_reset = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    CurvePlot* m_loss = nullptr;
    CurvePlot* m_accuracy = nullptr;
    QLabel* m_example = nullptr;
    MatrixGrid* m_attention = nullptr;
    QSlider* m_history = nullptr;
    QLabel* m_historyLabel = nullptr;
    QCheckBox* m_showGradients = nullptr;
    MatrixGrid* m_gradients = nullptr;
    QPushButton* m_figure = nullptr;
};
