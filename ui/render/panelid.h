#pragma once

// The panel catalogue's names as QStrings, for the command line, file names
// and menus. The facts themselves live in core/panels.h.

#include "core/panels.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace attn {

// "embeddings", "inputs", "w_query", ... as --panel takes them.
QString panelName(PanelId id);
std::optional<PanelId> panelFromName(const QString& name);
// Every name, in figure order.
QStringList allPanelNames();
// "W_Q", "scaled scores", ...: the panel's title.
QString panelTitle(PanelId id);
// "W_Q — query weights": how a list of panels names one.
QString panelLabel(PanelId id);

} // namespace attn
