#pragma once

#include "core/attention.h"

#include <QDialog>
#include <QString>

#include <cstdint>
#include <memory>

class AttentionDocument;
class HeatmapWidget;
class QComboBox;
class QDoubleSpinBox;
class QKeyEvent;
class QLabel;
class ViewState;

// View > Compare Seeds: the attention weights of the window's configuration
// (seed A) beside those of the same sentence and settings under another
// weight seed or embedding seed B, and their difference B − A on a diverging
// map centred on 0. It teaches how much of a pattern is the sentence and how
// much the random draw. "Use Seed B" makes B the window's seed (undoable).
//
// B is computed by a document of its own, so off the GUI thread and with
// the same coalescing as the window. Invariants: A is always the source
// document's shown result; the panels show A and B only when B's result
// belongs to A's configuration with seed B (else they wait); B draws what its
// seed draws, so literal (edited) weight matrices of A, or literal vectors
// when the embedding seed varies, are not carried over. Seed B follows A + 1
// until the user sets it. Enter never closes the dialog.
class CompareSeedsDialog : public QDialog
{
    Q_OBJECT

public:
    // Shows the head and colour map of `view`; neither `source` nor `view`
    // is owned, and both must outlive the dialog.
    CompareSeedsDialog(AttentionDocument* source, ViewState* view, QWidget* parent = nullptr);
    ~CompareSeedsDialog() override;

    enum class Varied { WeightSeed, EmbeddingSeed };
    Varied varied() const;
    void setVaried(Varied varied);

    std::int64_t seedB() const;
    void setSeedB(std::int64_t seed);
    int head() const; // the view state's, clamped to the heads there are

    // The window's document takes seed B, as one undoable edit.
    void useSeedB();

    // True when the panels show A and B for the current settings.
    bool isUpToDate() const;

    // The shown matrices of head head(); empty until up to date.
    const attn::Matrix& weightsA() const { return m_weightsA; }
    const attn::Matrix& weightsB() const { return m_weightsB; }
    const attn::Matrix& difference() const { return m_difference; }

signals:
    void updated();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    std::int64_t seedA() const;
    attn::AttentionConfig configB() const;
    void followSource();
    void refresh();

    AttentionDocument* m_source;
    ViewState* m_view;
    AttentionDocument* m_comparison;
    QComboBox* m_varied = nullptr;
    QDoubleSpinBox* m_seedB = nullptr;
    QLabel* m_status = nullptr;
    HeatmapWidget* m_panelA = nullptr;
    HeatmapWidget* m_panelB = nullptr;
    HeatmapWidget* m_panelDifference = nullptr;
    bool m_seedBEdited = false;
    attn::Matrix m_weightsA;
    attn::Matrix m_weightsB;
    attn::Matrix m_difference;
};
