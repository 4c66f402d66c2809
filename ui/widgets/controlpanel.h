#pragma once

#include "core/attention.h"

#include <QString>
#include <QWidget>

#include <optional>

class QAction;
class ViewState;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

// The settings beside the figure: everything of the configuration but the
// sentence, plus the display choices (head, colour map). It holds no
// configuration of its own: showConfig() copies one in without emitting,
// applyTo() writes the controls onto a copy of the document's, so literal
// embeddings and weights survive every edit that leaves them valid.
//
// Every control has an object name (the tests find them by it) and a tooltip.
class ControlPanel : public QWidget
{
    Q_OBJECT

public:
    // The display controls show and edit `view` (not owned; it must outlive
    // the panel); the reseed and preset buttons trigger these window-wide
    // actions.
    ControlPanel(ViewState* view, QAction* reseedWeights, QAction* reseedEmbeddings, QAction* loadArticle,
                 QWidget* parent = nullptr);

    void showConfig(const attn::AttentionConfig& config);
    attn::AttentionConfig applyTo(const attn::AttentionConfig& base) const;

    // Marks the control an error is about (none: clears every mark).
    void markError(std::optional<attn::AttentionError::Kind> kind);

signals:
    void configEdited();
    // "Draw All": the given vectors should give way to drawn ones.
    void drawVectorsRequested();

private:
    void showView();
    void showGivenVectors(const attn::AttentionConfig& config);
    void showTemperature(double temperature);
    double sliderTemperature() const;

    ViewState* m_view = nullptr;
    QDoubleSpinBox* m_weightSeed = nullptr;
    QComboBox* m_init = nullptr;
    QDoubleSpinBox* m_embeddingSeed = nullptr;
    QLabel* m_givenVectors = nullptr;
    QPushButton* m_drawVectors = nullptr;
    QCheckBox* m_positional = nullptr;
    QSpinBox* m_dModel = nullptr;
    QSpinBox* m_heads = nullptr;
    QCheckBox* m_causal = nullptr;
    QCheckBox* m_scaled = nullptr;
    QSlider* m_temperature = nullptr;
    QLabel* m_temperatureValue = nullptr;
    QSpinBox* m_head = nullptr;
    QLabel* m_headCount = nullptr;
    QCheckBox* m_allHeads = nullptr;
    QComboBox* m_colorMap = nullptr;
    QComboBox* m_weightsScale = nullptr;

    // The exact temperature of the shown config, kept while the slider is
    // untouched so a value between slider steps is not rounded away.
    double m_temperatureExact = 1.0;
};
