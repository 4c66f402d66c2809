#include "core/panels.h"

#include "core/message.h"

#include <algorithm>
#include <array>

namespace attn {

namespace {

using enum PanelAxis;
using enum PanelStage;

constexpr bool kPerHead = true;
constexpr bool kEditable = true;
constexpr bool kPositionalOnly = true;

// clang-format off
constexpr std::array<PanelInfo, 13> kCatalogue{{
//   id                     name             title            stage        rows     columns    per head  editable   positional only  result matrix                  layer matrix            per-head matrix              given                        description
    {PanelId::Embeddings,   "embeddings",    "E",             Inputs,      Tokens,  Model,     false,    kEditable, false,           &AttentionResult::embeddings,  nullptr,                nullptr,                     nullptr, QT_TRANSLATE_NOOP("Panel", "token embeddings")},
    {PanelId::Positional,   "positional",    "PE",            Inputs,      Tokens,  Model,     false,    false,     kPositionalOnly, &AttentionResult::positional,  nullptr,                nullptr,                     nullptr, QT_TRANSLATE_NOOP("Panel", "positional encoding")},
    {PanelId::Inputs,       "inputs",        "X",             Inputs,      Tokens,  Model,     false,    false,     kPositionalOnly, &AttentionResult::inputs,      nullptr,                nullptr,                     nullptr, QT_TRANSLATE_NOOP("Panel", "inputs, E + PE")},
    {PanelId::WQuery,       "w_query",       "W_Q",           Inputs,      Model,   HeadSplit, false,    kEditable, false,           nullptr,                       &LayerResult::wQuery,   nullptr,                     &AttentionConfig::wQuery, QT_TRANSLATE_NOOP("Panel", "query weights")},
    {PanelId::WKey,         "w_key",         "W_K",           Inputs,      Model,   HeadSplit, false,    kEditable, false,           nullptr,                       &LayerResult::wKey,     nullptr,                     &AttentionConfig::wKey, QT_TRANSLATE_NOOP("Panel", "key weights")},
    {PanelId::WValue,       "w_value",       "W_V",           Inputs,      Model,   HeadSplit, false,    kEditable, false,           nullptr,                       &LayerResult::wValue,   nullptr,                     &AttentionConfig::wValue, QT_TRANSLATE_NOOP("Panel", "value weights")},
    {PanelId::Q,            "q",             "Q",             Projections, Queries, HeadSplit, false,    false,     false,           nullptr,                       &LayerResult::q,        nullptr,                     nullptr, QT_TRANSLATE_NOOP("Panel", "queries")},
    {PanelId::K,            "k",             "K",             Projections, Keys,    HeadSplit, false,    false,     false,           nullptr,                       &LayerResult::k,        nullptr,                     nullptr, QT_TRANSLATE_NOOP("Panel", "keys")},
    {PanelId::V,            "v",             "V",             Projections, Keys,    HeadSplit, false,    false,     false,           nullptr,                       &LayerResult::v,        nullptr,                     nullptr, QT_TRANSLATE_NOOP("Panel", "values")},
    {PanelId::Scores,       "scores",        QT_TRANSLATE_NOOP("Panel", "scores"), Attention,   Queries, Keys,      kPerHead, false,     false,           nullptr,                       nullptr,                &HeadResult::scores,         nullptr, QT_TRANSLATE_NOOP("Panel", "raw scores, Q Kᵀ")},
    {PanelId::ScaledScores, "scaled_scores", QT_TRANSLATE_NOOP("Panel", "scaled scores"), Attention,   Queries, Keys,      kPerHead, false,     false,           nullptr,                       nullptr,                &HeadResult::scaledScores,   nullptr, QT_TRANSLATE_NOOP("Panel", "scores ÷ √d_k")},
    {PanelId::Weights,      "weights",       QT_TRANSLATE_NOOP("Panel", "weights"), Attention,   Queries, Keys,      kPerHead, false,     false,           nullptr,                       nullptr,                &HeadResult::weights,        nullptr, QT_TRANSLATE_NOOP("Panel", "softmax of each row")},
    {PanelId::Output,       "output",        QT_TRANSLATE_NOOP("Panel", "output"), Attention,   Queries, HeadSplit, false,    false,     false,           nullptr,                       &LayerResult::output,   nullptr,                     nullptr, QT_TRANSLATE_NOOP("Panel", "attention output")},
}};
// clang-format on

constexpr bool inFigureOrder()
{
    for (std::size_t i = 0; i < kCatalogue.size(); ++i) {
        if (kCatalogue[i].id != static_cast<PanelId>(i))
            return false;
        const PanelInfo& info = kCatalogue[i];
        const int matrices = (info.matrix != nullptr) + (info.layerMatrix != nullptr) + (info.headMatrix != nullptr);
        if (matrices != 1 || (info.headMatrix != nullptr) != info.perHead)
            return false;
    }
    return true;
}
static_assert(inFigureOrder(), "one row per PanelId, in enum order, each with exactly one matrix");

} // namespace

std::span<const PanelInfo> panelCatalogue()
{
    return kCatalogue;
}

const PanelInfo& panelInfo(PanelId id)
{
    return kCatalogue[static_cast<std::size_t>(id)];
}

std::optional<PanelId> panelFromName(std::string_view name)
{
    const auto it =
        std::find_if(kCatalogue.begin(), kCatalogue.end(), [&](const PanelInfo& info) { return info.name == name; });
    if (it == kCatalogue.end())
        return std::nullopt;
    return it->id;
}

bool panelAvailable(const AttentionConfig& config, PanelId id)
{
    return !panelInfo(id).positionalOnly || config.positional;
}

const Matrix& panelMatrix(const AttentionResult& result, PanelId id, int layer, int head)
{
    const PanelInfo& info = panelInfo(id);
    if (info.matrix)
        return result.*info.matrix;
    const LayerResult& l = result.layer(layer);
    if (info.layerMatrix)
        return l.*info.layerMatrix;
    const int h = std::clamp(head, 0, std::max(0, static_cast<int>(l.heads.size()) - 1));
    return l.heads[static_cast<std::size_t>(h)].*info.headMatrix;
}

const std::optional<Matrix>* givenMatrix(const AttentionConfig& config, PanelId id)
{
    const PanelInfo& info = panelInfo(id);
    return info.given ? &(config.*info.given) : nullptr;
}

std::optional<Matrix>* givenMatrix(AttentionConfig& config, PanelId id)
{
    const PanelInfo& info = panelInfo(id);
    return info.given ? &(config.*info.given) : nullptr;
}

} // namespace attn
