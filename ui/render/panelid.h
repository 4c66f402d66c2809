#pragma once

// The panels of the figure, in figure order, and their command-line names.

#include <QString>
#include <QStringList>

#include <optional>

namespace attn {

enum class PanelId {
    Embeddings,
    Inputs, // X = E + PE; shown only with positional encoding
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

// "embeddings", "inputs", "w_query", ... as --panel takes them.
QString panelName(PanelId id);
std::optional<PanelId> panelFromName(const QString& name);
QStringList allPanelNames();

} // namespace attn
