// The language the app speaks: which one is chosen, that its catalogues and
// Qt's own are installed and used, and that the command line speaks it.

#include "ui/render/language.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QProcessEnvironment>
#include <QXmlStreamReader>
#include <QtTest>

using namespace attn::ui;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString translation;
    bool numerus = false;
};

// The finished translations of one .ts file.
QList<Message> finishedMessages(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool finished = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = Message{context, {}, {}, {}, xml.attributes().value("numerus") == QLatin1String("yes")};
            } else if (name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (name == QLatin1String("comment")) {
                message.comment = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                finished = xml.attributes().value("type").isEmpty();
                if (!message.numerus)
                    message.translation = xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (finished && !message.numerus && !message.translation.isEmpty())
                messages << message;
        }
    }
    return messages;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runApp(const QStringList& args, const QString& language)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LANGUAGE", language);
    env.insert("LC_ALL", "C.UTF-8");
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AV_APP_PATH), args);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { installLanguage(QStringLiteral("en")); }

    void matchesNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << "de"
                            << "de";
        QTest::newRow("de_DE.UTF-8") << "de_DE.UTF-8"
                                     << "de";
        QTest::newRow("de-AT") << "de-AT"
                               << "de";
        QTest::newRow("zh_CN") << "zh_CN"
                               << "zh_CN";
        QTest::newRow("zh-Hans-CN") << "zh-Hans-CN"
                                    << "zh_CN";
        QTest::newRow("zh") << "zh"
                            << "zh_CN";
        QTest::newRow("zh_TW: traditional script") << "zh_TW"
                                                   << "";
        QTest::newRow("en_GB") << "en_GB"
                               << "en";
        QTest::newRow("C") << "C"
                           << "en";
        QTest::newRow("fr") << "fr"
                            << "";
        QTest::newRow("nonsense") << "xx_YY"
                                  << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void matchesNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, language);
        QCOMPARE(matchLanguage(name), language);
    }

    void choosesRequestedThenSystem()
    {
        QCOMPARE(chooseLanguage("zh_CN", {"de_DE"}), QStringLiteral("zh_CN"));
        QCOMPARE(chooseLanguage("", {"fr_FR", "de_DE", "en_US"}), QStringLiteral("de"));
        QCOMPARE(chooseLanguage("", {"fr_FR", "es"}), QStringLiteral("en"));
        QCOMPARE(chooseLanguage("", {}), QStringLiteral("en"));
        QCOMPARE(chooseLanguage("en", {"de_DE"}), QStringLiteral("en"));
    }

    void installsEveryCatalogue_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("cancel"); // Qt's own "Cancel", from qtbase_*.qm
        QTest::addColumn<QChar>("decimalPoint");
        QTest::newRow("de") << "de" << QStringLiteral("Abbrechen") << QChar(',');
        QTest::newRow("zh_CN") << "zh_CN" << QStringLiteral("取消") << QChar('.');
    }
    void installsEveryCatalogue()
    {
        QFETCH(QString, language);
        QFETCH(QString, cancel);
        QFETCH(QChar, decimalPoint);
        QVERIFY(installLanguage(language));
        QCOMPARE(installedLanguage(), language);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), cancel);
        QCOMPARE(QLocale().toString(0.5, 'f', 1), QString(QLatin1Char('0')) + decimalPoint + QLatin1Char('5'));

        // Every catalogue in resources/translations is built into the app,
        // and each of its finished translations is what tr() returns.
        const QStringList tsFiles =
            QDir(QStringLiteral(AV_TRANSLATIONS_DIR)).entryList({QStringLiteral("*_%1.ts").arg(language)}, QDir::Files);
        QVERIFY(tsFiles.size() >= 5);
        const QStringList qmFiles =
            QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*_%1.qm").arg(language)}, QDir::Files);
        QCOMPARE(qmFiles.size(), tsFiles.size());
        for (const QString& ts : tsFiles) {
            const QList<Message> messages = finishedMessages(QStringLiteral(AV_TRANSLATIONS_DIR "/") + ts);
            for (const Message& m : messages) {
                const QString translated =
                    QCoreApplication::translate(m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                                                m.comment.isEmpty() ? nullptr : m.comment.toUtf8().constData());
                QVERIFY2(translated == m.translation,
                         qPrintable(QStringLiteral("%1: %2 -> %3").arg(ts, m.source, translated)));
            }
        }

        // Back to English: the source texts and English numbers.
        QVERIFY(installLanguage(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        QCOMPARE(QLocale().toString(0.5, 'f', 1), QStringLiteral("0.5"));
    }

    // The command line speaks --lang, else the system's language; Qt's own
    // parser errors included.
    void commandLineSpeaksTheLanguage()
    {
        const Run german = runApp({"--lang", "de", "--no-such-option"}, "en");
        QCOMPARE(german.exitCode, 2);
        QVERIFY2(german.err.contains(QStringLiteral("Unbekannte Option")), qPrintable(german.err));

        const Run system = runApp({"--no-such-option"}, "de_DE");
        QCOMPARE(system.exitCode, 2);
        QVERIFY2(system.err.contains(QStringLiteral("Unbekannte Option")), qPrintable(system.err));

        const Run english = runApp({"--lang", "en", "--no-such-option"}, "de_DE");
        QCOMPARE(english.exitCode, 2);
        QVERIFY2(english.err.contains(QStringLiteral("Unknown option")), qPrintable(english.err));

        const Run chinese = runApp({"--lang=zh_CN", "--no-such-option"}, "en");
        QCOMPARE(chinese.exitCode, 2);
        QVERIFY2(!chinese.err.contains(QStringLiteral("Unknown option")), qPrintable(chinese.err));
    }

    void commandLineRefusesUnknownLanguage()
    {
        const Run run = runApp({"--lang", "fr", "--version"}, "en");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--lang")) && run.err.contains(QStringLiteral("\"fr\"")),
                 qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLanguage)
#include "tst_language.moc"
