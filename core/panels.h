#pragma once

// The panel catalogue: every matrix of the computation that the figure, the
// lesson, the exports and the command line show, in figure order, with what
// it is. One table (panelCatalogue()) holds the facts; code looks them up
// there instead of switching on PanelId.

#include "core/attention.h"

#include <optional>
#include <span>
#include <string_view>

namespace attn {

// In figure order (the order the computation runs).
enum class PanelId {
    Embeddings,
    Positional, // PE, the sinusoidal encoding; shown only with positional encoding
    Inputs,     // X = E + PE; shown only with positional encoding
    WQuery,
    WKey,
    WValue,
    Q,
    K,
    V,
    Scores,
    ScaledScores,
    Weights,
    Output,
};

// What the rows or the columns of a panel are.
enum class PanelAxis {
    Tokens,    // one per token, as a query and as a key alike (E, PE, X)
    Queries,   // one per token as a query (rows of Q, the scores, the output)
    Keys,      // one per token as a key (rows of K and V, columns of the scores)
    Model,     // the d_model dimensions of the embeddings (columns of E and X, rows of W)
    HeadSplit, // d_model projection columns, head h owning [h·d_k, (h+1)·d_k)
};

// Which part of the computation a panel belongs to.
enum class PanelStage {
    Inputs,      // E, PE, X and the three weight matrices
    Projections, // Q, K, V
    Attention,   // scores, scaled scores, weights, output
};

struct PanelInfo
{
    PanelId id;
    std::string_view name;  // "w_query": as --panel takes it
    std::string_view title; // "W_Q": as panel titles and hover texts name it
    PanelStage stage;
    PanelAxis rows;
    PanelAxis columns;
    bool perHead;        // one matrix per attention head (of every layer)
    bool editable;       // its cells can be typed over (E, W_Q, W_K, W_V)
    bool positionalOnly; // exists only with positional encoding (PE, X)
    // Where the result holds the matrix; exactly one is set. Shared by the
    // layers: result.*matrix (E, PE, X); one per layer: layers[l].*layerMatrix
    // (W, Q, K, V, the output); per head: layers[l].heads[h].*headMatrix.
    const Matrix AttentionResult::*matrix;
    const Matrix LayerResult::*layerMatrix;
    const Matrix HeadResult::*headMatrix;
    // The configuration's literal values of a weight matrix, else null.
    std::optional<Matrix> AttentionConfig::*given;
    // What the panel is, in words: "query weights" (lists and menus).
    std::string_view description;
};

// Every panel, in figure order; panelCatalogue()[i].id == PanelId(i).
std::span<const PanelInfo> panelCatalogue();
const PanelInfo& panelInfo(PanelId id);

// By command-line name ("scaled_scores"); nothing for an unknown name.
std::optional<PanelId> panelFromName(std::string_view name);

// True for the axes that list the tokens.
constexpr bool isTokenAxis(PanelAxis axis)
{
    return axis == PanelAxis::Tokens || axis == PanelAxis::Queries || axis == PanelAxis::Keys;
}

// Whether a panel exists for this configuration (PE and X only with positional encoding).
bool panelAvailable(const AttentionConfig& config, PanelId id);

// The matrix a panel shows: layer `layer` (clamped to the layers) for the
// panels of a layer, its head `head` (clamped to the heads) for the per-head
// panels. Needs a result with at least one layer.
const Matrix& panelMatrix(const AttentionResult& result, PanelId id, int layer, int head);

// The configuration's literal values of a weight matrix (unset: drawn from
// the weight seed); null for panels that are not a weight matrix.
const std::optional<Matrix>* givenMatrix(const AttentionConfig& config, PanelId id);
std::optional<Matrix>* givenMatrix(AttentionConfig& config, PanelId id);

} // namespace attn
