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
                                       const AttentionResult& shown, EditableMatrix matrix, int row, int column,
                                       double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    const bool sameDraws = requested.dModel == shownConfig.dModel && requested.weightSeed == shownConfig.weightSeed
                           && requested.init == shownConfig.init
                           && requested.embeddingSeed == shownConfig.embeddingSeed;
    CellEdit edit{sameDraws ? requested : shownConfig, {}};
    AttentionConfig& config = edit.config;
    const auto inside = [&](const Matrix& m) {
        return row >= 0 && column >= 0 && row < m.rows() && column < m.cols();
    };

    if (matrix == EditableMatrix::Embeddings) {
        if (!inside(shown.embeddings))
            return std::nullopt;
        const int word = shown.vocabulary.tokenWord[static_cast<std::size_t>(row)];
        edit.word = shown.vocabulary.words[static_cast<std::size_t>(word)];
        std::vector<double> vector(static_cast<std::size_t>(shown.embeddings.cols()));
        for (Eigen::Index c = 0; c < shown.embeddings.cols(); ++c)
            vector[static_cast<std::size_t>(c)] = shown.embeddings(row, c);
        if (const auto given = config.explicitEmbeddings.find(edit.word);
            given != config.explicitEmbeddings.end() && given->second.size() == vector.size())
            vector = given->second; // includes edits still computing
        vector[static_cast<std::size_t>(column)] = value;
        config.explicitEmbeddings[edit.word] = std::move(vector);
        return edit;
    }

    std::optional<Matrix>& literal = matrix == EditableMatrix::WQuery ? config.wQuery
                                     : matrix == EditableMatrix::WKey ? config.wKey
                                                                      : config.wValue;
    const Matrix& drawn = matrix == EditableMatrix::WQuery ? shown.wQuery
                          : matrix == EditableMatrix::WKey ? shown.wKey
                                                           : shown.wValue;
    if (!inside(drawn))
        return std::nullopt;
    Matrix edited = literal.value_or(drawn);
    edited(row, column) = value;
    literal = std::move(edited);
    return edit;
}

} // namespace attn
