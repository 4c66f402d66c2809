#include "panelid.h"

#include <QCoreApplication>

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

// The catalogue's words are translated in the context "Panel"
// (core/panels.cpp marks them); its symbols (E, W_Q, Q) have no entry and
// stay as they are.
QString panelTitle(PanelId id)
{
    return QCoreApplication::translate("Panel", panelInfo(id).title.data());
}

QString panelLabel(PanelId id)
{
    const PanelInfo& info = panelInfo(id);
    return QStringLiteral("%1 — %2").arg(panelTitle(id), QCoreApplication::translate("Panel", info.description.data()));
}

} // namespace attn
