// The command line: options map onto the configuration, every bad input is
// refused with one readable line and a non-zero exit and writes nothing, and
// the headless exports work with no display at all.

#include "app/commandline.h"

#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreTheArticle();
    void modelExportsEveryHeadAndTheNextTokens();
    void badModelsAreRefused();
    void trainingExportsTheTrainersModel();
    void trainedModelKeptInSession();
    void presetsShowWhatTheirHeadsLearned();
    void badTrainingIsRefused();
    void optionsMapOntoConfig();
    void presetWithOverrides();
    void badArguments_data();
    void badArguments();
    void processRefusesBadInput_data();
    void processRefusesBadInput();
    void headlessExportWithoutDisplay();
    void unwritablePathWritesNothing();
    void helpAndVersion();
    void qtOptionsNeverTakeValues_data();
    void qtOptionsNeverTakeValues();
    void valuesThatLookLikeQtOptionsStayValues();
    void aFailedRunWritesNothing_data();
    void aFailedRunWritesNothing();
    void devicesAreWrittenInPlace();
    void savingASessionComputesNothing();
    void csvExport();
    void invisibleCharactersAreEscaped();
    void fewerThreadsMeanSlowerNotACrash();
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

namespace {

// A tiny random GPT-2 checkpoint with GPT-2's vocabulary size (so the
// vocabulary that ships with the app tokenizes for it), written by the
// reference script, which prints its own float64 forward pass of `ids`.
QJsonObject writeTinyModel(const QString& folder, const QString& ids)
{
    const std::optional<QByteArray> printed = testutil::writeGpt2Checkpoint(
        folder, {"--positions", "32", "--layers", "2", "--heads", "4", "--embd", "16", "--ids", ids});
    return printed ? QJsonDocument::fromJson(*printed).object() : QJsonObject();
}

} // namespace

void TestCommandLine::modelExportsEveryHeadAndTheNextTokens()
{
    QTemporaryDir dir;
    const QString model = dir.filePath("tiny");
    // "Hello world, the cat" is [15496, 995, 11, 262, 3797] in GPT-2's vocabulary.
    const QJsonObject reference = writeTinyModel(model, "15496,995,11,262,3797");
    QVERIFY(!reference.isEmpty());
    const QString json = dir.filePath("model.json");
    const QString png = dir.filePath("head.png");
    const ProcessResult run = runApp({"--model", model, "--sentence", "Hello world, the cat", "--layer", "2", "--head",
                                      "3", "--export-json", json, "--export-image", png});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject out = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(out.value("model").toObject().value("layers").toInt(), 2);
    QCOMPARE(out.value("model").toObject().value("heads").toInt(), 4);
    QCOMPARE(out.value("model").toObject().value("vocab_size").toInt(), 50257);
    QCOMPARE(out.value("token_ids").toArray(), QJsonArray({15496, 995, 11, 262, 3797}));
    QCOMPARE(out.value("tokens").toArray().at(1).toString(), QStringLiteral(" world"));
    // Every layer's and head's weights against the reference, to 1e-5.
    const QJsonArray layers = out.value("layers").toArray();
    const QJsonArray expected = reference.value("attention").toArray();
    QCOMPARE(layers.size(), 2);
    double worst = 0.0;
    for (int l = 0; l < 2; ++l) {
        const QJsonArray heads = layers.at(l).toObject().value("heads").toArray();
        QCOMPARE(heads.size(), 4);
        for (int h = 0; h < 4; ++h) {
            const QJsonArray rows = heads.at(h).toObject().value("weights").toArray();
            const QJsonArray want = expected.at(l).toArray().at(h).toArray();
            QCOMPARE(rows.size(), 5);
            for (int i = 0; i < 5; ++i)
                for (int j = 0; j < 5; ++j)
                    worst = std::max(
                        worst, std::abs(rows.at(i).toArray().at(j).toDouble() - want.at(i).toArray().at(j).toDouble()));
        }
    }
    QVERIFY2(worst <= 1e-5, qPrintable(QString::number(worst)));
    // The ten most likely next tokens, most likely first, with the reference's probabilities.
    const QJsonArray next = out.value("next_token").toArray();
    QCOMPARE(next.size(), 10);
    const QJsonArray probabilities = reference.value("probabilities").toArray();
    for (const QJsonValue& entry : next) {
        const QJsonObject token = entry.toObject();
        QVERIFY(std::abs(token.value("probability").toDouble() -
                         probabilities.at(token.value("id").toInt()).toDouble()) <= 1e-5);
    }
    QVERIFY(next.at(0).toObject().value("probability").toDouble() >=
            next.at(9).toObject().value("probability").toDouble());
    QVERIFY(QFileInfo(png).size() > 1000);

    // --generate appends the greedy continuation; its first id is the most likely next token.
    const ProcessResult generated =
        runApp({"--model", model, "--sentence", "Hello world, the cat", "--generate", "2", "--export-json", json});
    QVERIFY2(generated.exitCode == 0, generated.err.constData());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject continued = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray ids = continued.value("generated_ids").toArray();
    QCOMPARE(ids.size(), 2);
    QCOMPARE(ids.at(0).toInt(), next.at(0).toObject().value("id").toInt());
    QCOMPARE(continued.value("token_ids").toArray().size(), 7);
}

void TestCommandLine::badModelsAreRefused()
{
    QTemporaryDir dir;
    const QString model = dir.filePath("tiny");
    QVERIFY(!writeTinyModel(model, "1,2").isEmpty());
    struct Case
    {
        QStringList args;
        const char* phrase;
    };
    const QList<Case> cases = {
        {{"--model", dir.filePath("missing")}, "is not a folder"},
        {{"--model", model, "--layer", "3"}, "has 2 layers"},
        {{"--model", model, "--head", "5"}, "head"},
        {{"--layer", "1"}, "--model"},
        {{"--model", model, "--sentence", QString("word ").repeated(40)}, "at most 32"},
    };
    for (const Case& c : cases) {
        const ProcessResult run = runApp(c.args + QStringList{"--export-json", dir.filePath("out.json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(c.phrase), run.err.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath("out.json")));
    }
    // A truncated checkpoint: one sentence naming the file.
    QFile weights(model + "/model.safetensors");
    QVERIFY(weights.resize(weights.size() / 2));
    const ProcessResult run = runApp({"--model", model, "--export-json", dir.filePath("out.json")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("model.safetensors"), run.err.constData());
}

namespace {

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// weights[row][column] of one head in a model export.
double exportedWeight(const QJsonObject& json, int layer, int head, int row, int column)
{
    return json.value("layers")[layer]["heads"][head]["weights"][row][column].toDouble(-1);
}

} // namespace

void TestCommandLine::trainingExportsTheTrainersModel()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("trained.json");
    const ProcessResult run = runApp({"--train", "previous", "--train-steps", "40", "--train-seed", "7", "--heads", "4",
                                      "--export-json", path, "--export-image", dir.filePath("trained.png")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("step 40 of 40"));
    QVERIFY(QFileInfo(dir.filePath("trained.png")).size() > 1000);
    const QJsonObject json = readJson(path);

    // The same options and seed trained here: the same model, bit for bit.
    attn::train::TrainOptions options = attn::train::defaultOptions("previous");
    options.steps = 40;
    options.heads = 4;
    attn::train::Trainer trainer(options, 7);
    QVERIFY(trainer.run());
    const attn::train::TrainedModel& model = trainer.model();
    const QJsonObject training = json.value("training").toObject();
    QCOMPARE(training.value("task").toString(), QStringLiteral("previous"));
    QCOMPARE(training.value("steps").toInt(), 40);
    const QJsonArray loss = training.value("loss").toArray();
    const QJsonArray accuracy = training.value("accuracy").toArray();
    QCOMPARE(loss.size(), 40);
    QCOMPARE(accuracy.size(), 40);
    for (int i = 0; i < 40; ++i) {
        QVERIFY2(loss[i].toDouble() == model.loss[static_cast<std::size_t>(i)], qPrintable(QString::number(i)));
        QVERIFY(accuracy[i].toDouble() == model.accuracy[static_cast<std::size_t>(i)]);
    }
    const attn::train::Example example = attn::train::fixedExample(options);
    const auto weights = attn::train::attentionWeights(model, example.tokens);
    const QJsonArray tokens = json.value("tokens").toArray();
    QCOMPARE(tokens.size(), static_cast<qsizetype>(example.tokens.size()));
    for (std::size_t i = 0; i < example.tokens.size(); ++i)
        QCOMPARE(tokens[static_cast<qsizetype>(i)].toString().toStdString(),
                 attn::train::tokenLabel(options, example.tokens[i]));
    QCOMPARE(json.value("layers").toArray().size(), 1);
    QCOMPARE(json.value("layers")[0]["heads"].toArray().size(), 4);
    for (int h = 0; h < 4; ++h)
        for (Eigen::Index r = 0; r < weights[0][h].rows(); ++r)
            for (Eigen::Index c = 0; c < weights[0][h].cols(); ++c)
                QVERIFY(exportedWeight(json, 0, h, static_cast<int>(r), static_cast<int>(c)) == weights[0][h](r, c));
}

void TestCommandLine::trainedModelKeptInSession()
{
    // --save-session keeps the model trained now: reopened, it exports the
    // same weights and curve without training again.
    QTemporaryDir dir;
    const QString session = dir.filePath("trained.attn");
    ProcessResult run = runApp({"--train", "reverse", "--train-steps", "30", "--train-seed", "3", "--save-session",
                                session, "--export-json", dir.filePath("a.json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("step 30 of 30"));
    run = runApp({session, "--export-json", dir.filePath("b.json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(!run.err.contains("training"), run.err.constData()); // not trained again
    const QJsonObject a = readJson(dir.filePath("a.json"));
    const QJsonObject b = readJson(dir.filePath("b.json"));
    QCOMPARE(b.value("training")["loss"].toArray().size(), 30);
    QCOMPARE(b.value("training"), a.value("training"));
    QCOMPARE(b.value("layers"), a.value("layers"));
    QCOMPARE(b.value("tokens"), a.value("tokens"));

    // The session's model reads other tokens as its sentence, and refuses
    // what it cannot read.
    run = runApp({session, "--sentence", "1 2 3", "--export-json", dir.filePath("c.json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(readJson(dir.filePath("c.json")).value("tokens").toArray().size(), 3);
    run = runApp({session, "--sentence", "cat", "--export-json", dir.filePath("d.json")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("\"cat\""), run.err.constData());
    QVERIFY(!QFile::exists(dir.filePath("d.json")));
}

void TestCommandLine::presetsShowWhatTheirHeadsLearned()
{
    QTemporaryDir dir;
    // previous: one head puts at least 0.8 of every row's weight one token back.
    ProcessResult run = runApp({"--preset", "previous", "--export-json", dir.filePath("p.json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonObject json = readJson(dir.filePath("p.json"));
    const int n = static_cast<int>(json.value("tokens").toArray().size());
    QVERIFY(n >= 4);
    double best = 0;
    for (int h = 0; h < json.value("layers")[0]["heads"].toArray().size(); ++h) {
        double least = 1;
        for (int i = 1; i < n; ++i)
            least = std::min(least, exportedWeight(json, 0, h, i, i - 1));
        best = std::max(best, least);
    }
    QVERIFY2(best >= 0.8, qPrintable(QString::number(best)));
    QCOMPARE(json.value("training")["task"].toString(), QStringLiteral("previous"));

    // induction: in the repeat, a layer-2 head looks at the token after the
    // earlier copy of the current one.
    run = runApp({"--preset", "induction", "--export-json", dir.filePath("i.json"), "--export-image",
                  dir.filePath("i.png"), "--layer", "2", "--head", "2"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    json = readJson(dir.filePath("i.json"));
    QCOMPARE(json.value("layers").toArray().size(), 2);
    const QJsonArray tokens = json.value("tokens").toArray();
    const int half = static_cast<int>(tokens.size()) / 2;
    double bestInduction = 0;
    for (int h = 0; h < json.value("layers")[1]["heads"].toArray().size(); ++h) {
        double sum = 0;
        int rows = 0;
        for (int i = static_cast<int>(tokens.size()) - half; i < tokens.size(); ++i) {
            for (int j = 0; j + 1 < i; ++j) {
                if (tokens[j] == tokens[i]) {
                    sum += exportedWeight(json, 1, h, i, j + 1);
                    ++rows;
                    break;
                }
            }
        }
        if (rows > 0)
            bestInduction = std::max(bestInduction, sum / rows);
    }
    QVERIFY2(bestInduction >= 0.5, qPrintable(QString::number(bestInduction)));
}

void TestCommandLine::badTrainingIsRefused()
{
    QTemporaryDir dir;
    struct Case
    {
        QStringList args;
        const char* phrase;
    };
    const QList<Case> cases = {
        {{"--train", "juggle"}, "juggle"},
        {{"--train", "previous", "--train-steps", "0"}, "train-steps"},
        {{"--train", "previous", "--d-model", "16", "--heads", "3"}, "divide"},
        {{"--train", "induction", "--layers", "1"}, "layer"},
        {{"--train-steps", "10"}, "needs --train"},
        {{"--preset", "previous", "--layer", "2"}, "the model has 1 layer."},
        {{"--preset", "previous", "--export-numpy", dir.filePath("n.py")}, "--export-json"},
        {{"--preset", "nonsense"}, "nonsense"},
    };
    for (const Case& c : cases) {
        const ProcessResult run = runApp(c.args + QStringList{"--export-json", dir.filePath("out.json")});
        QVERIFY2(run.exitCode == 2, qPrintable(c.args.join(' ')));
        QVERIFY2(run.err.contains(c.phrase), run.err.constData());
        QVERIFY2(!run.err.contains('\n') || run.err.indexOf('\n') == run.err.size() - 1, run.err.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath("out.json")));
    }
    // Without a file to write, training has nowhere to show its model yet.
    const ProcessResult run = runApp({"--train", "previous"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--export-json"), run.err.constData());
}

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
    const ParseOutcome outcome = parse({"--sentence",
                                        "a b c d",
                                        "--seed",
                                        "4294967295",
                                        "--embedding-seed",
                                        "7",
                                        "--d-model",
                                        "8",
                                        "--heads",
                                        "4",
                                        "--init",
                                        "normal",
                                        "--causal",
                                        "--no-scale",
                                        "--temperature",
                                        "0.5",
                                        "--positional",
                                        "--export-json",
                                        "x.json",
                                        "--head",
                                        "3",
                                        "--colormap",
                                        "cividis",
                                        "--scale",
                                        "2",
                                        "--panel",
                                        "weights",
                                        "--export-image",
                                        "f.svg"});
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
    QCOMPARE(o.colorMap, QStringLiteral("cividis"));
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
    const ProcessResult result =
        runApp({"--preset", "article", "--export-json", "a.json", "--export-numpy", "a.py"}, dir.path());
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
    for (const char* option :
         {"--sentence", "--preset", "--seed", "--embedding-seed", "--d-model", "--heads", "--init", "--causal",
          "--no-scale", "--temperature", "--positional", "--export-json", "--export-numpy", "--export-image",
          "--export-lesson", "--panel", "--scale", "--head", "--colormap"})
        QVERIFY2(result.out.contains(option), option);
    result = runApp({"--version"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith("attention-visualizer 0."));
}

void TestCommandLine::qtOptionsNeverTakeValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("app");
    QTest::addColumn<QStringList>("qt");
    QTest::addRow("value of ours") << QStringList{"--export-json", "-session", "--sentence", "hi"}
                                   << QStringList{"--export-json", "-session", "--sentence", "hi"} << QStringList{};
    QTest::addRow("sentence -style") << QStringList{"--sentence", "-style", "--export-json", "x.json"}
                                     << QStringList{"--sentence", "-style", "--export-json", "x.json"} << QStringList{};
    QTest::addRow("real Qt option") << QStringList{"-style", "fusion", "--sentence", "a b"}
                                    << QStringList{"--sentence", "a b"} << QStringList{"-style", "fusion"};
    QTest::addRow("two-dash Qt option") << QStringList{"--platform", "offscreen", "-reverse"} << QStringList{}
                                        << QStringList{"--platform", "offscreen", "-reverse"};
    QTest::addRow("after --") << QStringList{"--", "-style"} << QStringList{"--", "-style"} << QStringList{};
    QTest::addRow("= form") << QStringList{"--sentence=-style", "-sync"} << QStringList{"--sentence=-style"}
                            << QStringList{"-sync"};
}

void TestCommandLine::qtOptionsNeverTakeValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, app);
    QFETCH(QStringList, qt);
    arguments.prepend("attention-visualizer");
    app.prepend("attention-visualizer");
    qt.prepend("attention-visualizer");
    const SplitArguments split = splitQtArguments(arguments);
    QCOMPARE(split.app, app);
    QCOMPARE(split.qt, qt);
}

void TestCommandLine::valuesThatLookLikeQtOptionsStayValues()
{
    QTemporaryDir dir;
    ProcessResult result = runApp({"--export-json", "-session", "--sentence", "hi"}, dir.path());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(!QFile::exists(dir.filePath("hi")));
    QFile json(dir.filePath("-session"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(json.readAll()).object().value("tokens").toArray().size(), 1);

    result = runApp({"--sentence", "-style", "--export-json", "x.json"}, dir.path());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QFile styled(dir.filePath("x.json"));
    QVERIFY(styled.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(styled.readAll()).object().value("tokens").toArray().first().toString(),
             QStringLiteral("-style"));
}

void TestCommandLine::aFailedRunWritesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("phrase");
    QTest::addRow("missing folder last") << QStringList{"--preset", "article",       "--save-session",
                                                        "s.attn",   "--export-json", "nosuch/x.json"}
                                         << "folder does not exist";
    QTest::addRow("same file twice") << QStringList{"--save-session", "s.attn", "--export-json", "./s.attn"}
                                     << "same file";
    QTest::addRow("fails after computing") << QStringList{"--save-session", "s.attn", "--export-json", "x.json",
                                                          "--export-csv",   "c.csv",  "--panel",       "inputs"}
                                           << "positional";
    QTest::addRow("device fails last") << QStringList{"--save-session", "s.attn", "--export-json", "/dev/full"}
                                       << "disk is full";
}

void TestCommandLine::aFailedRunWritesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, phrase);
    QTemporaryDir dir;
    QFile old(dir.filePath("s.attn"));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("the user's own file");
    old.close();
    const ProcessResult result = runApp(arguments, dir.path());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(phrase.toUtf8()), result.err.constData());
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("the user's own file"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{"s.attn"});
}

void TestCommandLine::devicesAreWrittenInPlace()
{
    // Replacing /dev/null with a regular file (as root) broke the machine;
    // a device is written in place, so /dev/stdout works too.
    const ProcessResult toNull = runApp({"--export-json", "/dev/null"});
    QCOMPARE(toNull.exitCode, 0);
    struct stat status;
    QVERIFY(::stat("/dev/null", &status) == 0);
    QVERIFY(S_ISCHR(status.st_mode));

    const ProcessResult toStdout = runApp({"--preset", "article", "--export-json", "/dev/stdout"});
    QVERIFY2(toStdout.exitCode == 0, toStdout.err.constData());
    const QJsonObject doc = QJsonDocument::fromJson(toStdout.out).object();
    QCOMPARE(doc.value("format").toString(), QStringLiteral("attention-visualizer/1"));
}

void TestCommandLine::savingASessionComputesNothing()
{
    // Embeddings whose products overflow: the attention cannot be computed,
    // but the configuration can be saved (saving used to compute it first).
    QTemporaryDir dir;
    const QString source = dir.filePath("big.attn");
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "attention-visualizer-session", "version": 1,
                  "config": {"sentence": "a b", "embeddings": {"a": [1e308, -1e308, 1e308]}}})");
    file.close();
    ProcessResult result = runApp({source, "--save-session", dir.filePath("copy.attn")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(QFile::exists(dir.filePath("copy.attn")));
    result = runApp({source, "--export-json", dir.filePath("big.json")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("float64"), result.err.constData());
    QVERIFY(!QFile::exists(dir.filePath("big.json")));
}

void TestCommandLine::csvExport()
{
    QTemporaryDir dir;
    ProcessResult result = runApp({"--export-csv", "w.csv"}, dir.path());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--panel"), result.err.constData());
    result = runApp({"--preset", "article", "--export-csv", "w.csv", "--panel", "weights", "--export-json", "a.json"},
                    dir.path());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QFile json(dir.filePath("a.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const attn::Matrix weights = testutil::matrixFromJson(
        QJsonDocument::fromJson(json.readAll()).object().value("heads").toArray().first().toObject().value("weights"));
    QFile csv(dir.filePath("w.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 6);
    for (int r = 0; r < 5; ++r) {
        const QList<QByteArray> cells = lines[r + 1].split(',');
        QCOMPARE(cells.size(), 6);
        for (int c = 0; c < 5; ++c)
            QCOMPARE(cells[c + 1].toDouble(), weights(r, c));
    }
}

void TestCommandLine::invisibleCharactersAreEscaped()
{
    // U+202E would make a terminal show the rest of the line reversed.
    const ProcessResult result = runApp({"--export-json", QString::fromUtf8("no/such/\u202Egnp.json")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(!result.err.contains("\u202E") && result.err.contains("\\u202e"), result.err.constData());
    QCOMPARE(singleLine(QString::fromUtf8("a\u200Bb\U000E0041c")), QStringLiteral("a\\u200bb\\U000e0041c"));
}

void TestCommandLine::fewerThreadsMeanSlowerNotACrash()
{
    // As an unprivileged user allowed two processes, the engine cannot start
    // its worker threads; it must still compute, on the calling thread.
    const QString setpriv = QStandardPaths::findExecutable("setpriv");
    if (::geteuid() != 0 || setpriv.isEmpty())
        QSKIP("needs root and setpriv to run as a user with a process limit");
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                          QFile::WriteOther | QFile::ExeOther);
    QString words;
    for (int i = 0; i < 1100; ++i)
        words += QStringLiteral("w%1 ").arg(i % 97);
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(setpriv, {"--reuid=nobody", "--regid=nogroup", "--clear-groups", "bash", "-c",
                            "ulimit -u 2; exec \"$@\"", "_", QStringLiteral(AV_APP_PATH), "--sentence", words,
                            "--d-model", "1", "--export-json", dir.filePath("o.json")});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    QFile json(dir.filePath("o.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(json.readAll()).object().value("tokens").toArray().size(), 1100);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
