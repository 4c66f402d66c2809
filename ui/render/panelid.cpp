#include "panelid.h"

namespace attn {

namespace {

constexpr PanelId kAllPanels[] = {
    PanelId::Embeddings, PanelId::Inputs, PanelId::WQuery, PanelId::WKey,         PanelId::WValue,  PanelId::Q,
    PanelId::K,          PanelId::V,      PanelId::Scores, PanelId::ScaledScores, PanelId::Weights, PanelId::Output};

} // namespace

QString panelName(PanelId id)
{
    switch (id) {
    case PanelId::Embeddings:
        return QStringLiteral("embeddings");
    case PanelId::Inputs:
        return QStringLiteral("inputs");
    case PanelId::WQuery:
        return QStringLiteral("w_query");
    case PanelId::WKey:
        return QStringLiteral("w_key");
    case PanelId::WValue:
        return QStringLiteral("w_value");
    case PanelId::Q:
        return QStringLiteral("q");
    case PanelId::K:
        return QStringLiteral("k");
    case PanelId::V:
        return QStringLiteral("v");
    case PanelId::Scores:
        return QStringLiteral("scores");
    case PanelId::ScaledScores:
        return QStringLiteral("scaled_scores");
    case PanelId::Weights:
        return QStringLiteral("weights");
    case PanelId::Output:
        return QStringLiteral("output");
    }
    return {};
}

std::optional<PanelId> panelFromName(const QString& name)
{
    for (const PanelId id : kAllPanels) {
        if (panelName(id) == name)
            return id;
    }
    return std::nullopt;
}

QStringList allPanelNames()
{
    QStringList names;
    for (const PanelId id : kAllPanels)
        names << panelName(id);
    return names;
}

} // namespace attn
