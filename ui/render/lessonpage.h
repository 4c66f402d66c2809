#pragma once

// One slide of lesson mode: the computation told in seven steps (eleven for a
// checkpoint's layer, with the block around attention), each with a
// title, a few plain sentences, the step's formula written out with the real
// numbers of one query token, and the step's heatmaps (earlier stages along
// the bottom, dimmed and small). The widget and the PDF export paint the same
// LessonPage, so what a class sees is what the teacher exports.
//
// Invariants: a LessonPage is a value built from a configuration, a shared
// result and LessonSettings for one logical page size; it never computes
// attention (it reads the result; the softmax line only re-adds what the
// result holds). All geometry is in logical page pixels, origin top left; a
// caller scales the painter to fit a window or a PDF page. Heatmaps are drawn
// only through heatmappainter, from the specs the main figure builds.

#include "core/attention.h"
#include "ui/render/explanation.h"
#include "ui/render/heatmaplayout.h"
#include "ui/render/heatmapspec.h"
#include "ui/render/panelid.h"
#include "ui/render/rendertheme.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QFontMetricsF;
class QPainter;

struct LessonSettings
{
    int step = 1;       // 1 .. LessonPage::stepsFor(result, layer)
    int queryToken = 0; // the token the class follows; clamped to the tokens
    int layer = 0;      // zero-based; clamped to the layers
    int head = 0;       // zero-based; clamped to the heads
    QString colorMap;   // sequential map of the weights; empty: viridis
    // Large type and a black, high-contrast page for the back of a room.
    bool presentation = false;
    // The page, text and boxes of a slide that is not a presentation's, and
    // around every panel's cells; exports are light by default.
    RenderTheme theme = RenderTheme::light();
};

// The matrices of the block around a checkpoint's attention, which only the
// lesson draws (steps 8 to 11; the figure's panels are attn::PanelId).
enum class BlockPanel {
    ResidualIn,        // x, the residual stream entering the layer
    LayerNorm1,        // ln_1(x): the layer's input
    Attention,         // out W_O + b_O
    ResidualMid,       // x + attention
    MlpInput,          // ln_2 of it
    MlpHidden,         // gelu_new(... W_fc + b_fc), n x 4 d_model
    Mlp,               // hidden W_proj + b_proj
    ResidualOut,       // the layer's output
    NextProbabilities, // the most likely next tokens' probabilities
    NextLogits,        // and their logits
};
QString blockPanelTitle(BlockPanel panel);

struct LessonPanel
{
    attn::PanelId id = attn::PanelId::Embeddings; // when block is unset
    std::optional<BlockPanel> block;
    bool current = true; // false: an earlier stage, dimmed in the strip
    HeatmapSpec spec;
    HeatmapLayout layout; // in page coordinates
};

// One line of the formula box as laid out and drawn: the text as painted
// (a line too long even at its smallest size keeps its start and its result
// and leaves out middle terms, "…"), its font and its rectangle.
struct LessonFormulaLine
{
    QString text;         // as drawn
    int line = -1;        // index into formulaLines(), or -1 for the "… n more lines" note
    bool general = false; // the general form (bold, first)
    QFont font;
    QRectF rect; // the line's box; the text is left aligned, vertically centred
};

// A token box of step 1 (the token strip and the vocabulary table).
struct LessonTokenBox
{
    int token = -1; // token index, or -1 for a vocabulary entry
    int word = -1;  // vocabulary index
    QRectF rect;
};

class LessonPage
{
public:
    // The seven steps of attention; a checkpoint's layer adds four for the
    // block around it (layer norm, output projection and residual, MLP,
    // logits).
    static constexpr int attentionStepCount = 7;
    static constexpr int maxStepCount = 11;
    // The steps of the lesson on this result's layer `layer` (clamped).
    static int stepsFor(const attn::AttentionResult* result, int layer);
    // The nominal slide: 16:9, the size of the PDF pages.
    static constexpr double slideWidth = 1280.0;
    static constexpr double slideHeight = 720.0;

    LessonPage() = default;
    LessonPage(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result,
               const LessonSettings& settings, QSizeF size = QSizeF(slideWidth, slideHeight));

    bool isEmpty() const { return !m_result; }
    QSizeF size() const { return m_size; }
    const LessonSettings& settings() const { return m_settings; }
    int stepCount() const { return m_stepCount; }

    // The title as drawn: the step's short title where the long one has no
    // room (titleElided() when even that is cut).
    QString title() const { return m_title; }
    bool titleElided() const;
    QString explanation() const { return m_explanation; }
    QRectF explanationRect() const { return m_explanationRect; }
    // The font of the explanation (the panels' numbers are at least this
    // large where their cells have room).
    QFont explanationFont() const { return font(Role::Explanation); }
    QStringList formulaLines() const { return m_formula; }
    // The formula box and every line in it as drawn.
    QRectF formulaRect() const { return m_formulaRect; }
    const std::vector<LessonFormulaLine>& formulaLayout() const { return m_formulaLayout; }
    const std::vector<LessonPanel>& panels() const { return m_panels; }
    // The strip of earlier steps (empty before step 3) with its heading, and
    // the earlier panels left out, oldest first, because the strip had no
    // room for them.
    QRectF stripRect() const { return m_stripRect; }
    QRectF stripLabelRect() const { return m_stripLabelRect; }
    QString stripLabel() const { return m_stripLabel; }
    const std::vector<attn::PanelId>& stripLeftOut() const { return m_stripLeftOut; }
    // The current stage's panels only, in the order drawn.
    std::vector<attn::PanelId> visiblePanels() const;
    // The current block panels (steps 8 to 11), in the order drawn.
    std::vector<BlockPanel> visibleBlockPanels() const;
    // True when a current panel meant to print its numbers has cells too
    // small for them on this page (a wider page may have room).
    bool numbersHidden() const;
    // Numbers hidden, or the current panels fitting at no size (drawn
    // squeezed into one row): a wider layout, scaled down, would read better.
    bool needsMoreRoom() const;
    const std::vector<LessonTokenBox>& tokenBoxes() const { return m_tokenBoxes; }

    // The token whose row label (or step-1 box) is under pos.
    std::optional<int> tokenAt(QPointF pos) const;

    void paint(QPainter* painter) const;

private:
    void build();
    void layoutHeader(double* y);
    // false (and nothing kept) when leaveOut is false and the strip has no
    // room for every earlier panel.
    bool layoutPanels(const QRectF& main, const QRectF& strip, bool leaveOut);
    void layoutTokens(const QRectF& area);
    enum class Role { Title, Subtitle, Explanation, Formula, Panel, Strip, StripLabel, Token, TokenLabel };
    double pixelSize(Role role) const;
    QFont font(Role role, bool bold = false, double factor = 1.0) const;
    void paintHeader(QPainter* painter) const;
    void layoutFormula();
    void paintFormula(QPainter* painter) const;
    void paintTokens(QPainter* painter) const;

    attn::AttentionConfig m_config;
    std::shared_ptr<const attn::AttentionResult> m_result;
    LessonSettings m_settings;
    QSizeF m_size;
    int m_stepCount = attentionStepCount;

    QString m_title;
    QString m_subtitle;
    QString m_explanation;
    QStringList m_formula;
    std::vector<LessonPanel> m_panels;
    std::vector<LessonTokenBox> m_tokenBoxes;

    QRectF m_titleRect;
    QRectF m_progressRect;
    QRectF m_subtitleRect;
    QRectF m_explanationRect;
    QRectF m_formulaRect;
    QRectF m_stripLabelRect;
    QRectF m_tokenArea;
    double m_titleFactor = 1.0;
    std::vector<double> m_formulaFactors; // per line: shrunk to fit the box
    int m_formulaHead = 0;                // formula lines drawn from the start
    int m_formulaTail = 0;                // and from the end, with "… n more lines" between
    double m_formulaCommon = 1.0;         // the size of the lines (and of the note)
    bool m_crowded = false;               // the current panels fit at no size (needsMoreRoom)
    double m_formulaLineHeight = 0.0;
    std::vector<LessonFormulaLine> m_formulaLayout;
    QRectF m_stripRect;
    QString m_stripLabel;
    std::vector<attn::PanelId> m_stripLeftOut;
    double m_tokenHeadingWidth = 0.0;
};

// "Scores: how well each query matches each key" (no "Step n of 7").
QString lessonStepTitle(int step);
// A shorter title where that one has no room (steps 2 and 3; the others' are short).
QString lessonStepShortTitle(int step);
// Two to four sentences for a student, adapted to the configuration.
QString lessonExplanation(const attn::AttentionConfig& config, int step);
// The step's formula lines: lessonFormulaLines() in ui/render/explanation.h.
// `line` as it fits in `width` at fm: itself when it fits; else its start,
// "…" for the middle terms left out, and its end, the result after the last
// " = " (or the last word): a formula never loses its result.
QString fitFormulaLine(const QString& line, const QFontMetricsF& fm, double width);
// The panels the step shows large (none for step 1: it draws the tokens).
std::vector<attn::PanelId> lessonPanelsForStep(const attn::AttentionConfig& config, int step);
// The block panels a step shows after those (steps 8 to 11).
std::vector<BlockPanel> lessonBlockPanelsForStep(int step);
