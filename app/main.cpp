// Entry point: parse the command line before anything else, so errors, --help
// and --version need no display; exports run on the offscreen platform; only
// an interactive run opens the main window.

#include "app/commandline.h"
#include "app/headlessexport.h"
#include "app/mainwindow.h"
#include "core/memory.h"
#include "ui/render/language.h"
#include "ui/widgets/appearance.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <vector>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setApplicationName(QStringLiteral("attention-visualizer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AV_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Attention Visualizer"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Attention Visualizer"));
}

// Exports promise stderr holds nothing but a real error, so Qt's own chatter
// (such as a missing XDG_RUNTIME_DIR on a server) is dropped there.
void quietMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        QTextStream(stderr) << message << '\n';
}

// For the launch benchmark (bench/README.md): with AV_EXIT_AFTER_FIRST_PAINT
// set, the app quits as soon as the main window has painted once, so the
// time of the whole process is the time to the first painted window.
class FirstPaintQuitter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

int fail(const QString& message)
{
    QTextStream(stderr) << "attention-visualizer: " << singleLine(message) << '\n';
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    // Before any thread starts: every recomputation reuses the memory of the
    // result it replaces.
    attn::keepLargeBlocksForReuse();
    setApplicationInfo();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    const SplitArguments split = splitQtArguments(arguments);
    // Parsed once before any application object exists, to know which one
    // to make; then again in the chosen language, for its messages.
    ParseOutcome parsed = parseCommandLine(split.app);

    // Qt sees only its own options, never a value of the app's: --sentence
    // -style stays a sentence. The exports take none of Qt's options.
    const bool headless = parsed.error.isEmpty() && parsed.options.isHeadless();
    const bool answerOnly = !parsed.error.isEmpty() || parsed.options.showHelp || parsed.options.showVersion;
    std::vector<QByteArray> qtArgumentBytes;
    for (const QString& argument : headless || answerOnly ? split.qt.mid(0, 1) : split.qt)
        qtArgumentBytes.push_back(argument.toLocal8Bit());
    std::vector<char*> qtArgv;
    for (QByteArray& bytes : qtArgumentBytes)
        qtArgv.push_back(bytes.data());
    qtArgv.push_back(nullptr);
    int qtArgc = static_cast<int>(qtArgumentBytes.size());

    // Speaks the language asked for (the window also remembers the
    // Preferences' choice), else the system's; then parses in it.
    const auto speak = [&](const QString& language) {
        attn::ui::installLanguage(attn::ui::chooseLanguage(language));
        if (attn::ui::installedLanguage() != QLatin1String("en"))
            parsed = parseCommandLine(split.app);
    };

    if (answerOnly) {
        // --help, --version and errors need no display.
        QCoreApplication app(qtArgc, qtArgv.data());
        speak(parsed.options.language);
        if (!parsed.error.isEmpty())
            return fail(parsed.error);
        if (parsed.options.showHelp)
            QTextStream(stdout) << commandLineHelp();
        else
            QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
                                << '\n';
        return 0;
    }

    const auto printNotes = [&parsed] {
        for (const QString& note : parsed.options.notes)
            QTextStream(stderr) << "attention-visualizer: " << noteLine(note) << '\n';
    };

    if (headless) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(quietMessageHandler);
        // The exports draw with QtGui alone: no widget is made on this path.
        QGuiApplication app(qtArgc, qtArgv.data());
        speak(parsed.options.language);
        if (!parsed.error.isEmpty())
            return fail(parsed.error);
        printNotes();
        const QString error = runHeadlessExports(parsed.options);
        return error.isEmpty() ? 0 : fail(error);
    }

    QApplication app(qtArgc, qtArgv.data());
    speak(parsed.options.language.isEmpty() ? QSettings().value(QStringLiteral("ui/language")).toString()
                                            : parsed.options.language);
    if (!parsed.error.isEmpty())
        return fail(parsed.error);
    printNotes();
    const CommandLineOptions& options = parsed.options;
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/attention-visualizer.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("attention-visualizer"));
    appearance::applyColorScheme(appearance::storedColorScheme());
    MainWindow window(options);
    if (qEnvironmentVariableIsSet("AV_EXIT_AFTER_FIRST_PAINT"))
        app.installEventFilter(new FirstPaintQuitter(&app));
    // For the README: AV_SCREENSHOT=file.png shows the window at 1280 x 720,
    // lets it compute and paint, saves what it shows and quits.
    const QString screenshot = qEnvironmentVariable("AV_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        window.resize(1280, 720);
        QTimer::singleShot(1500, &window, [&window, screenshot] {
            if (!window.grab().save(screenshot))
                QTextStream(stderr) << "attention-visualizer: cannot write " << screenshot << '\n';
            QCoreApplication::quit();
        });
    }
    window.show();
    return app.exec();
}
