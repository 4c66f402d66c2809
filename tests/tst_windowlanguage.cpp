// The window, its messages and the command line speak the language chosen:
// every visible text of the menus and the settings is the catalogue's
// translation of what the English window shows, and the Preferences' saved
// choice is the language the app starts in.

#include "app/mainwindow.h"
#include "app/windowactions.h"
#include "ui/render/language.h"
#include "ui/widgets/controlpanel.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/messagebar.h"

#include "windowtestutil.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSpinBox>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>

using namespace attn::ui;

namespace {

// The libraries whose strings the window shows.
const QStringList kLibraries{QStringLiteral("attnapp"), QStringLiteral("attnwidgets"), QStringLiteral("attndocument"),
                             QStringLiteral("attnheadless")};

struct Message
{
    QString context;
    QString source;
    QString translation; // the first numerus form for a numerus message
};

QList<Message> catalogue(const QString& language)
{
    QList<Message> messages;
    for (const QString& library : kLibraries) {
        QFile file(QStringLiteral(AV_TRANSLATIONS_DIR "/%1_%2.ts").arg(library, language));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QXmlStreamReader xml(&file);
        QString context;
        Message message;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("source")) {
                message = Message{context, xml.readElementText(), {}};
            } else if (name == QLatin1String("translation")) {
                if (!xml.attributes().value("type").isEmpty())
                    continue; // unfinished: the translations_* tests say so
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                message.translation = text.trimmed();
                if (!message.translation.isEmpty())
                    messages << message;
            } else if (name == QLatin1String("numerusform") && message.translation.isEmpty()) {
                message.translation = xml.readElementText();
                messages << message;
            }
        }
    }
    return messages;
}

// A source or translation as a pattern: each %1 or %n stands for any text.
QRegularExpression pattern(const QString& text)
{
    QString expression = QRegularExpression::escape(text);
    expression.replace(QRegularExpression(QStringLiteral("\\\\?%(\\d|n)")), QStringLiteral(".*"));
    return QRegularExpression(QRegularExpression::anchoredPattern(expression),
                              QRegularExpression::DotMatchesEverythingOption);
}

// One visible text of the window and where it is.
struct Shown
{
    QString where;
    QString text;
};

bool hasLetters(const QString& text)
{
    for (const QChar c : text) {
        if (c.isLetter())
            return true;
    }
    return false;
}

// A command's tooltip names its shortcut after the text, "Close the window
// (Ctrl+Q)": the text without it is the catalogue's.
QString withoutShortcut(const QString& toolTip)
{
    static const QRegularExpression keys(QStringLiteral("^(.*) \\(([^()]+)\\)$"),
                                         QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = keys.match(toolTip);
    if (!match.hasMatch())
        return toolTip;
    const QKeySequence sequence = QKeySequence::fromString(match.captured(2), QKeySequence::NativeText);
    const bool isShortcut = !sequence.isEmpty() && sequence.toString(QKeySequence::NativeText) == match.captured(2);
    return isShortcut ? match.captured(1) : toolTip;
}

// A symbol with its value, "T = 1.00", is a formula, not words.
bool isFormula(const QString& text)
{
    static const QRegularExpression formula(QStringLiteral("^[A-Za-z_]{1,7} = [-+0-9.,e]+$"));
    return formula.match(text).hasMatch();
}

void addShown(QList<Shown>& shown, const QString& where, const QString& text)
{
    if (hasLetters(text) && !isFormula(text))
        shown << Shown{where, text};
}

void collectMenu(QList<Shown>& shown, QMenu* menu, const QString& path)
{
    addShown(shown, path, menu->title());
    for (QAction* action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (action->menu()) {
            collectMenu(shown, action->menu(), path + QLatin1Char('/') + action->menu()->title());
            continue;
        }
        addShown(shown, path + QStringLiteral(" action"), action->text());
        addShown(shown, path + QStringLiteral(" status tip"), action->statusTip());
        addShown(shown, path + QStringLiteral(" tooltip"), withoutShortcut(action->toolTip()));
    }
}

// What the window shows in words: the title, the menus and their actions,
// and the settings' labels, buttons, boxes, tooltips and accessible names.
QList<Shown> collect(MainWindow& window)
{
    QList<Shown> shown;
    for (QAction* action : window.menuBar()->actions()) {
        if (action->menu())
            collectMenu(shown, action->menu(), action->menu()->title());
    }
    const auto widgets = window.controlPanel()->findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        const QString name = widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                                            : widget->objectName();
        if (auto* label = qobject_cast<QLabel*>(widget))
            addShown(shown, name + QStringLiteral(" label"), label->text());
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            addShown(shown, name + QStringLiteral(" button"), button->text());
        if (auto* group = qobject_cast<QGroupBox*>(widget))
            addShown(shown, name + QStringLiteral(" group"), group->title());
        // The colour maps' names (viridis, cividis, grayscale) are those of
        // --colormap and the sessions, in every language.
        auto* combo = qobject_cast<QComboBox*>(widget);
        if (combo && combo->objectName() != QLatin1String("colorMap")) {
            for (int i = 0; i < combo->count(); ++i)
                addShown(shown, name + QStringLiteral(" item"), combo->itemText(i));
        }
        addShown(shown, name + QStringLiteral(" tooltip"), withoutShortcut(widget->toolTip()));
        addShown(shown, name + QStringLiteral(" accessible name"), widget->accessibleName());
    }
    return shown;
}

// The messages whose source reads as `english`.
QList<Message> sourcesOf(const QList<Message>& messages, const QString& english)
{
    QList<Message> found;
    for (const Message& m : messages) {
        if (pattern(m.source).match(english).hasMatch())
            found << m;
    }
    return found;
}

bool matchesTranslation(const QList<Message>& candidates, const QString& text)
{
    for (const Message& m : candidates) {
        if (pattern(m.translation).match(text).hasMatch())
            return true;
    }
    return false;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runApp(const QStringList& args, const QString& home = QString(), const QByteArray& exitAfterPaint = QByteArray())
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (!home.isEmpty()) {
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    }
    if (!exitAfterPaint.isEmpty())
        env.insert(QStringLiteral("AV_EXIT_AFTER_FIRST_PAINT"), QString::fromLatin1(exitAfterPaint));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AV_APP_PATH), args);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString withoutSpaces(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

QString translationOf(const QList<Message>& messages, const char* context, const QString& source)
{
    for (const Message& m : messages) {
        if (m.context == QLatin1String(context) && m.source == source)
            return m.translation;
    }
    return {};
}

} // namespace

class TestWindowLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        windowtest::isolateSettings(m_settingsDir, QStringLiteral("tst_windowlanguage"));
    }
    void cleanup()
    {
        m_window.reset();
        installLanguage(QStringLiteral("en"));
    }

    void windowSpeaksTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << "de";
        QTest::newRow("zh_CN") << "zh_CN";
    }
    // Built once in English and once in the language: each text shown is
    // the catalogue's translation of the English one in the same place.
    void windowSpeaksTheLanguage()
    {
        QFETCH(QString, language);
        const QList<Message> messages = catalogue(language);
        QVERIFY(messages.size() > 300);

        QVERIFY(installLanguage(QStringLiteral("en")));
        QVERIFY(windowtest::openWindow(m_window, false));
        const QList<Shown> english = collect(*m_window);
        const QString englishTitle = m_window->windowTitle();
        m_window.reset();

        QVERIFY(installLanguage(language));
        QVERIFY(windowtest::openWindow(m_window, false));
        const QList<Shown> translated = collect(*m_window);
        QCOMPARE(translated.size(), english.size());
        QVERIFY(english.size() > 60);

        int differing = 0;
        for (qsizetype i = 0; i < english.size(); ++i) {
            const QString& source = english[i].text;
            const QString& shown = translated[i].text;
            const QList<Message> candidates = sourcesOf(messages, source);
            QVERIFY2(!candidates.isEmpty(),
                     qPrintable(QStringLiteral("%1: \"%2\" is in no catalogue").arg(english[i].where, source)));
            QVERIFY2(matchesTranslation(candidates, shown),
                     qPrintable(QStringLiteral("%1: \"%2\" shows as \"%3\", not as its translation \"%4\"")
                                    .arg(english[i].where, source, shown, candidates.first().translation)));
            if (shown != source)
                ++differing;
        }
        // Nearly everything reads differently ("d_model", "B" and the like
        // stay as they are).
        QVERIFY2(differing > english.size() * 9 / 10, qPrintable(QString::number(differing)));

        const QString untitled = translationOf(messages, "MainWindow", QStringLiteral("Untitled"));
        QVERIFY(!untitled.isEmpty());
        QVERIFY2(englishTitle.contains(QStringLiteral("Untitled")), qPrintable(englishTitle));
        QVERIFY2(m_window->windowTitle().contains(untitled), qPrintable(m_window->windowTitle()));
        QVERIFY(!m_window->windowTitle().contains(QStringLiteral("Untitled")));
    }

    // Within one menu each accelerator letter leads to one entry only.
    void menuAcceleratorsDoNotClash_data() { windowSpeaksTheLanguage_data(); }
    void menuAcceleratorsDoNotClash()
    {
        QFETCH(QString, language);
        QVERIFY(installLanguage(language));
        QVERIFY(windowtest::openWindow(m_window, false));
        const auto menus = m_window->findChildren<QMenu*>();
        QVERIFY(menus.size() >= 4);
        for (QMenu* menu : menus) {
            QStringList seen;
            for (QAction* action : menu->actions()) {
                const QString text = action->menu() ? action->menu()->title() : action->text();
                const qsizetype at = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
                if (action->isSeparator() || at < 0)
                    continue;
                const QString key = text.mid(at + 1, 1).toLower();
                QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("%1: %2").arg(menu->title(), text)));
                seen << key;
            }
        }
    }

    // The shortcuts page names the commands in words: "新建会话", not
    // "新建会话(&N)" or "新建会话(N)".
    void shortcutsPageDropsAccelerators()
    {
        QVERIFY(installLanguage(QStringLiteral("zh_CN")));
        QVERIFY(windowtest::openWindow(m_window, false));
        const QString html = shortcutsHtml(m_window->menuBar());
        const QString newSession =
            translationOf(catalogue(QStringLiteral("zh_CN")), "WindowActions", QStringLiteral("&New Session"));
        QVERIFY(newSession.endsWith(QStringLiteral("(&N)")));
        QVERIFY2(html.contains(QStringLiteral("<td>%1</td>").arg(newSession.chopped(4))), qPrintable(html));
        QVERIFY2(!html.contains(QRegularExpression(QStringLiteral("\\(&?[A-Z]\\)"))), qPrintable(html));
    }

    // A setting the engine refuses: the note under the controls is the
    // window's own sentence in the language.
    void settingErrorSpeaksTheLanguage()
    {
        QVERIFY(installLanguage(QStringLiteral("de")));
        QVERIFY(windowtest::openWindow(m_window, false));
        const QList<Message> messages = catalogue(QStringLiteral("de"));
        const QString kept =
            translationOf(messages, "MainWindow", QStringLiteral("\n\nThe figure still shows the last valid settings."))
                .trimmed();
        QVERIFY(!kept.isEmpty());
        auto* heads = windowtest::findNamed<QSpinBox>(m_window.get(), "heads");
        auto* dModel = windowtest::findNamed<QSpinBox>(m_window.get(), "dModel");
        dModel->setValue(6);
        heads->setValue(4);
        auto* banner = windowtest::findNamed<QLabel>(m_window.get(), "errorBanner");
        QTRY_VERIFY2(banner->text().contains(kept), qPrintable(banner->text()));
        QVERIFY(!banner->text().contains(QStringLiteral("still shows")));
    }

    // A failed export: the message bar's error is the German sentence.
    void messageBarErrorSpeaksTheLanguage()
    {
        QVERIFY(installLanguage(QStringLiteral("de")));
        QVERIFY(windowtest::openWindow(m_window, false));
        QTemporaryDir dir;
        MainWindow::Prompts prompts = windowtest::discardingPrompts();
        const QString target = dir.filePath(QStringLiteral("missing/figure.png"));
        prompts.saveFileName = [&](const QString&, const QString&, const QString&) { return target; };
        m_window->setPrompts(prompts);
        FigureView* view = m_window->figureView();
        const int weights = view->figure().panelIndex(attn::PanelId::Weights, 0);
        QVERIFY(weights >= 0);
        view->exportPanelInteractively(weights);
        const QList<Message> messages = catalogue(QStringLiteral("de"));
        const QString noFolder = translationOf(messages, "SaveFile", QStringLiteral("the folder does not exist"));
        QVERIFY(!noFolder.isEmpty());
        QTRY_VERIFY(m_window->messageBar()->isVisible());
        const QString text = m_window->messageBar()->text();
        QVERIFY2(text.contains(noFolder), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("Cannot write")), qPrintable(text));
    }

    void helpSpeaksTheLanguage_data() { windowSpeaksTheLanguage_data(); }
    // Every option's description in --help is the translated one.
    void helpSpeaksTheLanguage()
    {
        QFETCH(QString, language);
        const Run english = runApp({QStringLiteral("--help")});
        QCOMPARE(english.exitCode, 0);
        const Run translated = runApp({QStringLiteral("--lang"), language, QStringLiteral("--help")});
        QCOMPARE(translated.exitCode, 0);
        const QString englishHelp = withoutSpaces(english.out);
        const QString translatedHelp = withoutSpaces(translated.out);
        int described = 0;
        for (const Message& m : catalogue(language)) {
            if (m.context != QLatin1String("CommandLine") || m.source.contains(QLatin1Char('%')) ||
                m.source.size() < 12 || !englishHelp.contains(withoutSpaces(m.source)))
                continue;
            ++described;
            QVERIFY2(translatedHelp.contains(withoutSpaces(m.translation)), qPrintable(m.translation));
            QVERIFY2(!translatedHelp.contains(withoutSpaces(m.source)), qPrintable(m.source));
        }
        QVERIFY2(described >= 30, qPrintable(QString::number(described)));
    }

    // main(): the language saved by the Preferences ("ui/language") is the
    // one the window starts in, --lang wins over it, and without either the
    // system's (English here) is spoken. Seen in the note about a session's
    // unknown colour map, printed once the language is installed.
    void savedChoiceIsTheStartingLanguage()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString session = home.filePath(QStringLiteral("odd.attn"));
        {
            QFile file(session);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(R"({"format": "attention-visualizer-session", "version": 1,
                          "config": {"sentence": "the cat sat"}, "view": {"colormap": "plaid"}})");
        }
        const auto noteIn = [](const QString& language) {
            const QString source = QStringLiteral("The colour map \"%1\" is unknown; %2 is shown instead.");
            const QString text =
                language == QLatin1String("en") ? source : translationOf(catalogue(language), "Session", source);
            return text.arg(QStringLiteral("plaid"), QStringLiteral("viridis"));
        };
        QVERIFY(noteIn(QStringLiteral("de")) != noteIn(QStringLiteral("en")));

        const Run system = runApp({session}, home.path(), "1");
        QCOMPARE(system.exitCode, 0);
        QVERIFY2(system.err.contains(noteIn(QStringLiteral("en"))), qPrintable(system.err));

        const QString configDir = home.filePath(QStringLiteral(".config/Attention Visualizer"));
        QVERIFY(QDir().mkpath(configDir));
        {
            QFile settings(configDir + QStringLiteral("/attention-visualizer.conf"));
            QVERIFY(settings.open(QIODevice::WriteOnly));
            settings.write("[ui]\nlanguage=de\n");
        }
        const Run saved = runApp({session}, home.path(), "1");
        QCOMPARE(saved.exitCode, 0);
        QVERIFY2(saved.err.contains(noteIn(QStringLiteral("de"))), qPrintable(saved.err));

        const Run overridden = runApp({QStringLiteral("--lang"), QStringLiteral("zh_CN"), session}, home.path(), "1");
        QCOMPARE(overridden.exitCode, 0);
        QVERIFY2(overridden.err.contains(noteIn(QStringLiteral("zh_CN"))), qPrintable(overridden.err));
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestWindowLanguage)
#include "tst_windowlanguage.moc"
