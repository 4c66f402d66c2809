#include "core/configedits.h"

#include <cmath>

namespace attn {

AttentionConfig withWeightsReseeded(AttentionConfig config, std::int64_t seed)
{
    config.weightSeed = seed;
    config.wQuery.reset();
    config.wKey.reset();
    config.wValue.reset();
    return config;
}

AttentionConfig withEmbeddingsReseeded(AttentionConfig config, std::int64_t seed)
{
    config.embeddingSeed = seed;
    config.explicitEmbeddings.clear();
    return config;
}

ImportApplied withImportedEmbeddings(AttentionConfig config, int dimension,
                                     const std::map<std::string, std::vector<double>>& vectors)
{
    ImportApplied applied;
    config.dModel = dimension;
    if (config.heads < 1 || config.dModel % config.heads != 0) {
        config.heads = 1;
        applied.headsReset = true;
    }
    config.explicitEmbeddings = vectors;
    for (std::optional<Matrix>* literal : {&config.wQuery, &config.wKey, &config.wValue}) {
        if (*literal && ((*literal)->rows() != config.dModel || (*literal)->cols() != config.dModel))
            literal->reset();
    }
    applied.config = std::move(config);
    return applied;
}

std::optional<CellEdit> withCellEdited(const AttentionConfig& requested, const AttentionConfig& shownConfig,
                                       const AttentionResult& shown, PanelId panel, int row, int column, double value)
{
    if (!std::isfinite(value) || !panelInfo(panel).editable)
        return std::nullopt;
    const bool sameDraws = requested.dModel == shownConfig.dModel && requested.weightSeed == shownConfig.weightSeed &&
                           requested.init == shownConfig.init && requested.embeddingSeed == shownConfig.embeddingSeed;
    CellEdit edit{sameDraws ? requested : shownConfig, {}};
    AttentionConfig& config = edit.config;
    const auto inside = [&](const Matrix& m) { return row >= 0 && column >= 0 && row < m.rows() && column < m.cols(); };

    // The configuration's weights are those of the article's one layer.
    const Matrix& drawn = panelMatrix(shown, panel, 0, 0);
    if (!inside(drawn))
        return std::nullopt;
    if (std::optional<Matrix>* literal = givenMatrix(config, panel)) {
        // A weight matrix: its literal values, the drawn ones until the first edit.
        Matrix edited = literal->value_or(drawn);
        edited(row, column) = value;
        *literal = std::move(edited);
        return edit;
    }
    // E holds one row per token but one vector per word.
    const int word = shown.vocabulary.tokenWord[static_cast<std::size_t>(row)];
    edit.word = shown.vocabulary.words[static_cast<std::size_t>(word)];
    std::vector<double> vector(static_cast<std::size_t>(drawn.cols()));
    for (Eigen::Index c = 0; c < drawn.cols(); ++c)
        vector[static_cast<std::size_t>(c)] = drawn(row, c);
    if (const auto given = config.explicitEmbeddings.find(edit.word);
        given != config.explicitEmbeddings.end() && given->second.size() == vector.size())
        vector = given->second; // includes edits still computing
    vector[static_cast<std::size_t>(column)] = value;
    config.explicitEmbeddings[edit.word] = std::move(vector);
    return edit;
}

} // namespace attn
