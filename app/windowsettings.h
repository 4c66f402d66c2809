#pragma once

// What the window remembers between runs (QSettings): its geometry and
// dock layout, the colour map, all heads or one, and the session on screen
// at the last quit, which a plain start (no session file, no option that
// sets the configuration or the view) opens again.

#include "app/commandline.h"
#include "ui/document/session.h"

#include <optional>

class QMainWindow;
class QWidget;

namespace windowsettings {

// The configuration a plain start without a remembered session gets.
attn::AttentionConfig plainConfig();

// The session to open: the command line's, or on a plain start the one
// remembered; *allHeads is the remembered choice on a plain start, else unset.
Session startSession(const CommandLineOptions& options, std::optional<bool>* allHeads);

// Geometry and dock layout; a first run gets a 1280 x 720 window; either
// fitted to the screen.
void restoreWindow(QMainWindow* window);
// Makes the window no larger than its screen's available area, and on it.
void fitToScreen(QWidget* window);
// At quit: the window, the view choices and the session to open next time
// (on the figure); without one, a plain start opens the article's example.
void save(const QMainWindow* window, const QString& colorMap, bool allHeads, std::optional<Session> session);

} // namespace windowsettings
