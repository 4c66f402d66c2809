#pragma once

// Changes to a configuration that the window offers (reseed, import word
// vectors, type a number into a cell), as functions from configuration to
// configuration: no window, no document, testable on their own. Each returns
// the configuration to compute; the caller records it as one undo step.

#include "core/attention.h"
#include "core/panels.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace attn {

// New weights from `seed`; literal (edited) weights are dropped, the
// embeddings stay.
AttentionConfig withWeightsReseeded(AttentionConfig config, std::int64_t seed);

// New embeddings from `seed`; literal (preset, imported, edited) vectors are
// dropped, the weights stay.
AttentionConfig withEmbeddingsReseeded(AttentionConfig config, std::int64_t seed);

struct ImportApplied
{
    AttentionConfig config;
    bool headsReset = false; // the old head count did not divide the new d_model: 1 head
};

// Word vectors of `dimension` numbers replace the literal embeddings;
// d_model follows them; literal weights of another size are dropped (the
// drawn ones take their place); words without a vector keep drawn ones.
ImportApplied withImportedEmbeddings(AttentionConfig config, int dimension,
                                     const std::map<std::string, std::vector<double>>& vectors);

struct CellEdit
{
    AttentionConfig config;
    std::string word; // the edited vector's word (Embeddings only)
};

// `value` typed into cell (row, column) of an editable panel (E, W_Q, W_K,
// W_V; see the panel catalogue) as `shown` displays it.
// E has a row per token but a vector per word, so the edit changes that
// word's vector wherever it occurs. The edit builds on `requested` (the
// newest request, so quick edits in a row all count) when that draws the same
// numbers as the result shown, otherwise on the settings of what is shown.
// Nothing (nullopt) for a panel that is computed, a cell outside the matrix or
// a value that is not finite.
std::optional<CellEdit> withCellEdited(const AttentionConfig& requested, const AttentionConfig& shownConfig,
                                       const AttentionResult& shown, PanelId panel, int row, int column, double value);

} // namespace attn
