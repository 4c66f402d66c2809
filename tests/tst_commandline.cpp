// The command line: options map onto the configuration, every bad input is
// refused with one readable line and a non-zero exit and writes nothing, and
// the headless exports work with no display at all.

#include "app/commandline.h"

#include "testutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreTheArticle();
    void optionsMapOntoConfig();
    void presetWithOverrides();
    void badArguments_data();
    void badArguments();
    void processRefusesBadInput_data();
    void processRefusesBadInput();
    void headlessExportWithoutDisplay();
    void unwritablePathWritesNothing();
    void helpAndVersion();
};

namespace {

ParseOutcome parse(QStringList args)
{
    args.prepend("attention-visualizer");
    return parseCommandLine(args);
}

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the real executable with no display: neither DISPLAY nor a platform.
ProcessResult runApp(const QStringList& args, const QString& workingDir = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    process.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(QStringLiteral(AV_APP_PATH), args);
    ProcessResult result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

void TestCommandLine::defaultsAreTheArticle()
{
    const ParseOutcome outcome = parse({});
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const attn::AttentionConfig& c = outcome.options.config;
    QCOMPARE(c.sentence, std::string("i miss the old kanye"));
    QCOMPARE(c.dModel, 3);
    QCOMPARE(c.heads, 1);
    QCOMPARE(c.weightSeed, 42);
    QCOMPARE(c.embeddingSeed, 0);
    QVERIFY(c.init == attn::WeightInit::RandInt);
    QCOMPARE(c.explicitEmbeddings.size(), std::size_t(5));
    QVERIFY(!outcome.options.isHeadless());
}

void TestCommandLine::optionsMapOntoConfig()
{
    const ParseOutcome outcome =
        parse({"--sentence", "a b c d", "--seed", "4294967295", "--embedding-seed", "7", "--d-model", "8", "--heads",
               "4", "--init", "normal", "--causal", "--no-scale", "--temperature", "0.5", "--positional",
               "--export-json", "x.json", "--head", "3", "--colormap", "cividis", "--scale", "2", "--panel",
               "weights", "--export-image", "f.svg"});
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const CommandLineOptions& o = outcome.options;
    QCOMPARE(o.config.sentence, std::string("a b c d"));
    QCOMPARE(o.config.weightSeed, 4294967295LL);
    QCOMPARE(o.config.embeddingSeed, 7);
    QCOMPARE(o.config.dModel, 8);
    QCOMPARE(o.config.heads, 4);
    QVERIFY(o.config.init == attn::WeightInit::Normal);
    QVERIFY(o.config.causal);
    QVERIFY(!o.config.scaled);
    QCOMPARE(o.config.temperature, 0.5);
    QVERIFY(o.config.positional);
    QVERIFY(o.config.explicitEmbeddings.empty());
    QCOMPARE(o.head, 2);
    QCOMPARE(o.colormap, QStringLiteral("cividis"));
    QCOMPARE(o.scale, 2.0);
    QCOMPARE(o.panel, QStringLiteral("weights"));
    QVERIFY(o.isHeadless());
}

void TestCommandLine::presetWithOverrides()
{
    const ParseOutcome outcome = parse({"--preset", "article", "--seed", "7"});
    QVERIFY(outcome.error.isEmpty());
    QCOMPARE(outcome.options.config.weightSeed, 7);
    QCOMPARE(outcome.options.config.explicitEmbeddings.size(), std::size_t(5));
    // A d_model the preset's vectors do not fit draws fresh vectors.
    const ParseOutcome wider = parse({"--preset", "article", "--d-model", "4"});
    QVERIFY(wider.error.isEmpty());
    QVERIFY(wider.options.config.explicitEmbeddings.empty());
}

void TestCommandLine::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("phrase");
    QTest::addRow("empty sentence") << QStringList{"--sentence", ""} << "no words";
    QTest::addRow("whitespace sentence") << QStringList{"--sentence", " \t "} << "no words";
    QTest::addRow("4097 tokens") << QStringList{"--sentence", QString("w ").repeated(4097)} << "the limit is 4096";
    QTest::addRow("d_model 0") << QStringList{"--d-model", "0"} << "--d-model must be from 1 to 1024";
    QTest::addRow("d_model negative") << QStringList{"--d-model", "-4"} << "--d-model";
    QTest::addRow("d_model text") << QStringList{"--d-model", "three"} << "whole number";
    QTest::addRow("d_model too big") << QStringList{"--d-model", "2048"} << "1024";
    QTest::addRow("heads 0") << QStringList{"--heads", "0"} << "--heads";
    QTest::addRow("heads not dividing") << QStringList{"--d-model", "6", "--heads", "4"} << "divide";
    QTest::addRow("temperature 0") << QStringList{"--temperature", "0"} << "greater than 0";
    QTest::addRow("temperature negative") << QStringList{"--temperature", "-2"} << "greater than 0";
    QTest::addRow("temperature nan") << QStringList{"--temperature", "nan"} << "finite";
    QTest::addRow("temperature inf") << QStringList{"--temperature", "inf"} << "finite";
    QTest::addRow("temperature text") << QStringList{"--temperature", "warm"} << "needs a number";
    QTest::addRow("seed negative") << QStringList{"--seed", "-1"} << "0 to 4294967295";
    QTest::addRow("seed 2^32") << QStringList{"--seed", "4294967296"} << "0 to 4294967295";
    QTest::addRow("seed huge") << QStringList{"--seed", "99999999999999999999999"} << "0 to 4294967295";
    QTest::addRow("embedding seed 2^32") << QStringList{"--embedding-seed", "4294967296"} << "--embedding-seed";
    QTest::addRow("unknown init") << QStringList{"--init", "xavier"} << "randint, uniform or normal";
    QTest::addRow("unknown preset") << QStringList{"--preset", "nope"} << "Unknown preset";
    QTest::addRow("unknown panel") << QStringList{"--panel", "nope"} << "Unknown panel";
    QTest::addRow("unknown colormap") << QStringList{"--colormap", "jet"} << "Unknown colour map";
    QTest::addRow("unknown option") << QStringList{"--frobnicate"} << "frobnicate";
    QTest::addRow("missing value") << QStringList{"--seed"} << "seed";
    QTest::addRow("image extension") << QStringList{"--export-image", "figure.bmp"} << ".png, .svg or .pdf";
    QTest::addRow("head out of range") << QStringList{"--head", "2"} << "--head";
    QTest::addRow("scale") << QStringList{"--scale", "0"} << "--scale";
    QTest::addRow("newline in option") << QStringList{"--mo\nre"} << "Unknown option 'mo\\nre'";
    QTest::addRow("two sessions") << QStringList{"a.attn", "b.attn"} << "at most one";
}

void TestCommandLine::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, phrase);
    const ParseOutcome outcome = parse(args);
    QVERIFY2(outcome.error.contains(phrase), qPrintable(outcome.error));
    QVERIFY(!outcome.error.contains('\n'));
}

void TestCommandLine::processRefusesBadInput_data()
{
    badArguments_data();
}

void TestCommandLine::processRefusesBadInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, phrase);
    QTemporaryDir dir;
    // The export option goes first so that a missing value stays missing.
    QStringList full{"--export-json", dir.filePath("out.json")};
    full << args;
    QElapsedTimer timer;
    timer.start();
    const ProcessResult result = runApp(full);
    QVERIFY2(result.exitCode > 0, result.err.constData());
    const QString err = QString::fromUtf8(result.err).trimmed();
    QVERIFY2(!err.contains('\n'), qPrintable(err));
    QVERIFY2(err.startsWith("attention-visualizer: ") && err.contains(phrase), qPrintable(err));
    QVERIFY(!QFile::exists(dir.filePath("out.json")));
    QVERIFY2(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty(), "a file was written");
}

void TestCommandLine::headlessExportWithoutDisplay()
{
    QTemporaryDir dir;
    const ProcessResult result = runApp({"--preset", "article", "--export-json", "a.json", "--export-numpy", "a.py"},
                                        dir.path());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.err.isEmpty());

    QFile json(dir.filePath("a.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(json.readAll()).object();
    const attn::Matrix output = testutil::matrixFromJson(doc.value("output"));
    QCOMPARE(output.rows(), 5);
    QVERIFY(std::abs(output(0, 0) - 0.81676354) < 5e-8);
    QVERIFY(std::abs(output(4, 2) - 0.35333174) < 5e-8);

    const QString python = QStringLiteral(AV_PYTHON);
    QVERIFY2(!python.isEmpty(), "no Python 3 with NumPy; install python3-numpy");
    QProcess run;
    run.setWorkingDirectory(dir.path());
    run.start(python, {"a.py"});
    QVERIFY(run.waitForFinished(60000));
    QCOMPARE(run.exitCode(), 0);
    const QByteArray printed = run.readAllStandardOutput();
    for (const char* number : {"0.81676354", "1.14873475", "0.33197121", "0.71861207", "0.79709991", "1.15043165"})
        QVERIFY2(printed.contains(number), printed.constData());
}

void TestCommandLine::unwritablePathWritesNothing()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath("no/such/folder/a.json");
    ProcessResult result = runApp({"--export-json", missing});
    QVERIFY(result.exitCode > 0);
    QVERIFY2(result.err.contains("folder does not exist"), result.err.constData());
    QVERIFY(!QFile::exists(missing));

    // A read-only folder; root may write anywhere but not into /proc.
    QString readOnly = dir.filePath("ro");
    QVERIFY(QDir().mkdir(readOnly));
    QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner);
    if (QFileInfo(readOnly).isWritable())
        readOnly = QStringLiteral("/proc");
    result = runApp({"--export-numpy", readOnly + "/av-test.py"});
    QVERIFY(result.exitCode > 0);
    QVERIFY2(result.err.startsWith("attention-visualizer: Cannot write"), result.err.constData());
    QVERIFY(!QFile::exists(readOnly + "/av-test.py"));
}

void TestCommandLine::helpAndVersion()
{
    ProcessResult result = runApp({"--help"});
    QCOMPARE(result.exitCode, 0);
    for (const char* option : {"--sentence", "--preset", "--seed", "--embedding-seed", "--d-model", "--heads",
                               "--init", "--causal", "--no-scale", "--temperature", "--positional", "--export-json",
                               "--export-numpy", "--export-image", "--export-lesson", "--panel", "--scale", "--head",
                               "--colormap"})
        QVERIFY2(result.out.contains(option), option);
    result = runApp({"--version"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith("attention-visualizer 0."));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
