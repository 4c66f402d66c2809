#pragma once

// What the user is looking at, as opposed to what is computed: the chosen
// layer and head, all heads at once or one, the colour map and the weights'
// colour scale, the selected
// query row and key column, and the lesson's step. One ViewState exists per
// window; the figure, the lesson, the settings panel and the compare dialog
// observe it and write to it, so no view keeps a copy of its own that could
// disagree with another.
//
// Invariants: every value is valid for the shape of the result on screen
// (setShape): layer and head within the result's layers and heads, the
// selection within its tokens (a selection outside is cleared), the lesson
// step within 1..lessonSteps, the colour map one the renderer knows. A
// setter given an out-of-range value clamps it; a signal is emitted only
// when a value really changes, after the new value is in place.

#include "ui/render/weightsscale.h"

#include <QObject>
#include <QString>

#include <optional>

class ViewState : public QObject
{
    Q_OBJECT

public:
    // The lesson's steps are numbered 1..lessonSteps, the most any lesson has
    // (LessonPage::maxStepCount); the lesson view clamps to its result's.
    static const int lessonSteps;

    explicit ViewState(QObject* parent = nullptr);

    int layer() const { return m_layer; } // zero-based
    int head() const { return m_head; }   // zero-based
    bool allHeads() const { return m_allHeads; }
    QString colorMap() const { return m_colorMap; }
    WeightsScale weightsScale() const { return m_weightsScale; }
    std::optional<int> query() const { return m_query; } // selected query row i
    std::optional<int> key() const { return m_key; }     // selected key column j
    // The token the lesson follows: the selected query, else the first.
    int lessonToken() const { return m_query.value_or(0); }
    int lessonStep() const { return m_lessonStep; }

    void setLayer(int layer);
    void setHead(int head);
    void setAllHeads(bool on);
    // Unknown names are ignored (the colour map stays).
    void setColorMap(const QString& name);
    void setWeightsScale(WeightsScale scale);
    // A negative index is no selection.
    void setSelection(std::optional<int> query, std::optional<int> key);
    void clearSelection() { setSelection(std::nullopt, std::nullopt); }
    void setLessonStep(int step);

    // The shape of the result on screen; values outside it are fitted now
    // and clamped from now on. Zero for a dimension means not known yet
    // (nothing computed): then only negative values are refused.
    void setShape(int layers, int heads, int tokens);
    int layerCount() const { return m_layers; }
    int headCount() const { return m_heads; }
    int tokenCount() const { return m_tokens; }

    // `observer` no longer follows `view` (null: nothing), which goes when
    // the observer owned it (a view's own, replaced by the window's).
    static void stopObserving(ViewState* view, QObject* observer);

signals:
    void layerChanged(int layer);
    void headChanged(int head);
    void allHeadsChanged(bool on);
    void colorMapChanged(const QString& name);
    void weightsScaleChanged(WeightsScale scale);
    void selectionChanged();
    void lessonStepChanged(int step);
    void shapeChanged();

private:
    std::optional<int> fitToken(std::optional<int> index) const;

    int m_layers = 0;
    int m_heads = 0;
    int m_tokens = 0;

    int m_layer = 0;
    int m_head = 0;
    bool m_allHeads = false;
    QString m_colorMap = QStringLiteral("viridis");
    WeightsScale m_weightsScale = WeightsScale::Fixed;
    std::optional<int> m_query;
    std::optional<int> m_key;
    int m_lessonStep = 1;
};
