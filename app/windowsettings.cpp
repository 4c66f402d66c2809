#include "app/windowsettings.h"

#include <QMainWindow>
#include <QSettings>

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
}

void save(const QMainWindow* window, Session session, bool allHeads)
{
    QSettings settings;
    settings.setValue(kGeometryKey, window->saveGeometry());
    settings.setValue(kStateKey, window->saveState());
    settings.setValue(kColorMapKey, session.colorMap);
    settings.setValue(kAllHeadsKey, allHeads);
    session.lessonStep = 0; // a plain start opens on the figure
    settings.setValue(kSessionKey, sessionToJson(session));
}

} // namespace windowsettings
