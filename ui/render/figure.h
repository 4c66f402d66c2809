#pragma once

// The whole figure of one computation: a self-explanatory title line, then one
// heatmap panel per stage in the order the computation runs. The on-screen
// view and every export (PNG, SVG, PDF, clipboard) draw the same Figure through
// the one heatmap painter (heatmappainter), so what is seen is what is exported.
//
// Invariants: a Figure is a value built from a configuration, a shared
// result and FigureSettings (only the selection can change afterwards, and it
// never moves a panel); it never computes attention, it only reads the result. All geometry is in logical figure pixels
// with the origin at the top left and a whole-pixel size(); a caller scales the painter to zoom or to export at a
// higher pixel ratio, so the layout never changes with the device. Panels sharing the token axis get one cell size, so
// a token's row has the same height in E, Q, K, V, the scores and the output (past 128 tokens the scores before the
// softmax get half of it, so the weights get the most room). Panels keep the computation's order, row by row.

#include "core/attention.h"
#include "ui/render/explanation.h"
#include "ui/render/heatmaplayout.h"
#include "ui/render/heatmapspec.h"
#include "ui/render/panelid.h"
#include "ui/render/rendertheme.h"
#include "ui/render/weightsscale.h"

#include <QFont>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

// What to show; everything else comes from the configuration and the result.
struct FigureSettings
{
    int layer = 0;         // zero-based layer of every panel but E and X; clamped to the layers
    int head = 0;          // zero-based head of the per-head panels; clamped to the heads
    bool allHeads = false; // the attention weights of every head as small multiples
    QString colorMap;      // sequential map of the weights; empty: viridis
    // How the weights map to colours: 0 to 1, this matrix's range, or each row's.
    WeightsScale weightsScale = WeightsScale::Fixed;
    std::optional<int> query; // selected query row i
    std::optional<int> key;   // selected key column j
    // Only this panel (under the settings line); unset: the whole figure.
    std::optional<attn::PanelId> panel;
    // The panels are arranged to fill a box of this aspect ratio best (a
    // 16:9 slide by default; the view passes its viewport).
    // The whole figure fits this box (less the view's few pixels of margin)
    // scaled by no less than legibleTextPx / smallestTextPx(): grids shrink,
    // numbers go and labels thin before any text would be drawn smaller than
    // legibleTextPx there.
    QSizeF fitTo{1280, 720};
    double legibleTextPx = 12.0;
    QFont font = heatmaplayout::defaultFont();
    // Every text and frame in the theme's strongest ink (presentation on a projector).
    bool highContrast = false;
    // The page and everything around the cells; exports are light by default.
    RenderTheme theme = RenderTheme::light();
};

struct FigurePanel
{
    attn::PanelId id = attn::PanelId::Embeddings;
    int head = -1; // the head of a per-head panel, -1 for panels of all heads
    QString name;  // "weights · head 2": the title without the shape
    HeatmapSpec spec;
    HeatmapLayout layout; // in figure coordinates
    QRectF rect;          // the panel's box in figure coordinates
};

// What lies under a point of the figure.
struct FigureHit
{
    enum class Kind { Cell, RowLabel, ColumnLabel, Entropy }; // Entropy: a row's bar beside the weights

    int panelIndex = -1;
    Kind kind = Kind::Cell;
    int row = -1;    // -1 for a column label
    int column = -1; // -1 for a row label
};

// The selection a click on a hit asks for: each member set means "change to
// this" (a value) and unset means "leave as is".
struct FigureSelectionChange
{
    std::optional<std::optional<int>> query;
    std::optional<std::optional<int>> key;
};

class Figure
{
public:
    Figure() = default;
    Figure(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result,
           const FigureSettings& settings);

    bool isEmpty() const { return m_panels.empty(); }
    QSizeF size() const { return m_size; }
    const FigureSettings& settings() const { return m_settings; }
    const attn::AttentionConfig& config() const { return m_config; }
    const std::shared_ptr<const attn::AttentionResult>& result() const { return m_result; }

    // The settings line on top (single-panel figures have it too).
    QString title() const { return m_title; }
    QRectF titleRect() const { return m_titleRect; }
    QFont titleFont() const;
    QColor titleColor() const;

    const std::vector<FigurePanel>& panels() const { return m_panels; }
    // The pixel size of the smallest text drawn (labels, ticks, numbers in
    // cells), in figure pixels: the zoom that shows it at legibleTextPx is
    // legibleTextPx / smallestTextPx().
    double smallestTextPx() const;
    // Index of the panel, or -1; head is ignored for panels of all heads.
    int panelIndex(attn::PanelId id, int head = -1) const;

    // Background, title and every panel, in figure coordinates.
    void paint(QPainter* painter) const;
    void paintPanel(QPainter* painter, int index) const;

    std::optional<FigureHit> hitTest(QPointF pos) const;
    // Hover text for the point (cells and token labels), empty elsewhere.
    QString toolTipAt(QPointF pos) const;
    // The hover text of a cell of panel `index` (what toolTipAt shows over
    // it), and its value as the cell prints it; empty outside the panels.
    QString cellToolTip(int index, int row, int column) const;
    QString cellValueText(int index, int row, int column) const;
    // Centre of a cell in figure coordinates, if that panel is shown.
    std::optional<QPointF> cellCenter(attn::PanelId id, int row, int column, int head = -1) const;

    FigureSelectionChange selectionFor(const FigureHit& hit) const;

    // Moves the highlights only (no layout change), so a click on a figure of
    // thousands of tokens does not rescan its matrices.
    void setSelection(std::optional<int> query, std::optional<int> key);

private:
    void buildPanels();
    void applySelection();
    void arrange();
    double layOut(double tokenExtent, bool allowValues);

    attn::AttentionConfig m_config;
    std::shared_ptr<const attn::AttentionResult> m_result;
    FigureSettings m_settings;
    QString m_title;
    QRectF m_titleRect;
    std::vector<FigurePanel> m_panels;
    QSizeF m_size;
};

// `"i miss the old kanye" · d_model 3 · 1 head · randint · weight seed 42 · ...`
QString figureTitle(const attn::AttentionConfig& config, const attn::AttentionResult& result);

// The spec of one panel as the figure builds it (title, formula, colour map,
// labels, number format), before layout and selection: for pages that show a
// few panels of their own (the lesson). The panels of a layer read layer
// `layer`, per-head panels its head `head` (both clamped); an empty spec when
// the panel does not exist for the configuration.
HeatmapSpec figurePanelSpec(const attn::AttentionConfig& config,
                            const std::shared_ptr<const attn::AttentionResult>& result, attn::PanelId id, int layer,
                            int head, const QString& colorMap, WeightsScale weightsScale = WeightsScale::Fixed);

// Row and column names of a panel: tokens for token axes, nothing (indices) otherwise.
QStringList panelRowLabels(const attn::AttentionResult& result, attn::PanelId id);
QStringList panelColumnLabels(const attn::AttentionResult& result, attn::PanelId id);
