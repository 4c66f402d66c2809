#include "app/windowsettings.h"

#include <QMainWindow>
#include <QScreen>
#include <QSettings>

#include <algorithm>

namespace windowsettings {
namespace {

const char* const kGeometryKey = "window/geometry";
const char* const kStateKey = "window/state";
const char* const kColorMapKey = "view/colormap";
const char* const kAllHeadsKey = "view/allHeads";
const char* const kSessionKey = "session/last";

CommandLineOptions plainOptions()
{
    return parseCommandLine({QStringLiteral("attention-visualizer")}).options;
}

// The options a plain start gets; anything else was asked for explicitly and
// wins over the remembered session.
bool isPlainStart(const CommandLineOptions& options)
{
    static const CommandLineOptions plain = plainOptions();
    const bool defaultConfig = options.config == plain.config || options.config == attn::AttentionConfig{};
    return defaultConfig && options.sessionFile.isEmpty() && options.colorMap.isEmpty() && !options.weightsScale &&
           options.head == 0 && options.selectedToken < 0;
}

} // namespace

attn::AttentionConfig plainConfig()
{
    return plainOptions().config;
}

Session startSession(const CommandLineOptions& options, std::optional<bool>* allHeads)
{
    QSettings settings;
    // The command line has already read a SESSION argument into the options.
    Session session = sessionFromOptions(options);
    allHeads->reset();
    if (isPlainStart(options)) {
        QString ignored;
        if (const auto saved = sessionFromJson(settings.value(kSessionKey).toByteArray(), QString(), &ignored))
            session = *saved;
        *allHeads = settings.value(kAllHeadsKey, false).toBool();
    }
    if (session.colorMap.isEmpty())
        session.colorMap = settings.value(kColorMapKey, QStringLiteral("viridis")).toString();
    return session;
}

void restoreWindow(QMainWindow* window)
{
    QSettings settings;
    window->restoreGeometry(settings.value(kGeometryKey).toByteArray());
    window->restoreState(settings.value(kStateKey).toByteArray());
    if (settings.value(kGeometryKey).isNull())
        window->resize(1280, 720);
    fitToScreen(window);
}

void fitToScreen(QWidget* window)
{
    // Remembered on a larger screen, or asked for at a large scale factor
    // (QT_SCALE_FACTOR=2 makes 1280 x 720 take 2560 x 1440 pixels): the
    // window never opens larger than the screen it is on, nor off it.
    const QScreen* screen = window->screen();
    if (!screen || window->isFullScreen() || window->isMaximized())
        return;
    const QRect available = screen->availableGeometry();
    const QSize frame = window->frameGeometry().size() - window->geometry().size();
    const QSize room = available.size() - frame;
    if (window->width() > room.width() || window->height() > room.height())
        window->resize(std::min(window->width(), room.width()), std::min(window->height(), room.height()));
    QRect placed = window->frameGeometry();
    if (!available.contains(placed)) {
        placed.moveLeft(std::clamp(placed.left(), available.left(),
                                   std::max(available.left(), available.right() - placed.width() + 1)));
        placed.moveTop(std::clamp(placed.top(), available.top(),
                                  std::max(available.top(), available.bottom() - placed.height() + 1)));
        window->move(placed.topLeft());
    }
}

void save(const QMainWindow* window, const QString& colorMap, bool allHeads, std::optional<Session> session)
{
    QSettings settings;
    settings.setValue(kGeometryKey, window->saveGeometry());
    settings.setValue(kStateKey, window->saveState());
    settings.setValue(kColorMapKey, colorMap);
    settings.setValue(kAllHeadsKey, allHeads);
    if (!session) {
        settings.remove(kSessionKey);
        return;
    }
    session->lessonStep = 0; // a plain start opens on the figure
    settings.setValue(kSessionKey, sessionToJson(*session));
}

} // namespace windowsettings
