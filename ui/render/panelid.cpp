#include "panelid.h"

namespace attn {

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

QString panelName(PanelId id)
{
    return fromView(panelInfo(id).name);
}

std::optional<PanelId> panelFromName(const QString& name)
{
    return panelFromName(std::string_view(name.toStdString()));
}

QStringList allPanelNames()
{
    QStringList names;
    for (const PanelInfo& info : panelCatalogue())
        names << fromView(info.name);
    return names;
}

QString panelTitle(PanelId id)
{
    return fromView(panelInfo(id).title);
}

QString panelLabel(PanelId id)
{
    const PanelInfo& info = panelInfo(id);
    return QStringLiteral("%1 — %2").arg(fromView(info.title), fromView(info.description));
}

} // namespace attn
