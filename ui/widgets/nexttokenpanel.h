#pragma once

// What a GPT-2 checkpoint predicts after the last token: its ten most likely
// next tokens with their probabilities as bars, at a temperature the user
// sets (the softmax of every logit / temperature, so the bars are the shown
// tokens' share of all), and Generate, which picks one (the most likely, or
// one of the ten drawn with those probabilities from a seed) and asks for it
// to be appended to the sentence (generateRequested).

#include "core/attention.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

class NextTokenPanel : public QWidget
{
    Q_OBJECT

public:
    explicit NextTokenPanel(QWidget* parent = nullptr);

    void setResult(std::shared_ptr<const attn::AttentionResult> result);

    // The probabilities the bars show, in the order of the result's nextTokens.
    const std::vector<double>& probabilities() const { return m_probabilities; }
    double temperature() const;
    void setTemperature(double temperature);
    bool sampling() const;
    void setSampling(bool on);
    // The index into nextTokens that Generate would append now.
    int choice() const;

signals:
    // `text` (UTF-8) continues the sentence; the message says what was chosen.
    void generateRequested(const QString& text, const QString& message);
    void generateRefused(const QString& message);

private:
    void showProbabilities();
    void generate();

    class Bars;
    std::shared_ptr<const attn::AttentionResult> m_result;
    std::vector<double> m_probabilities;
    QLabel* m_heading = nullptr;
    Bars* m_bars = nullptr;
    QDoubleSpinBox* m_temperature = nullptr;
    QComboBox* m_mode = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_generate = nullptr;
};
