// Session files: every field survives a round trip, every kind of damaged
// file is refused with a message naming the file and the problem, and a save
// that fails midway leaves the previous file byte for byte.

#include "core/train/modelfile.h"
#include "ui/document/savefile.h"
#include "ui/document/session.h"

#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/stat.h>

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField();
    void trainedModelRoundTripsBitForBit();
    void damagedFiles_data();
    void damagedFiles();
    void missingFile();
    void failedSaveKeepsOldFile();
    void commandLineSavesAndReopens();
    void commandLineRefusesDamagedFiles_data();
    void commandLineRefusesDamagedFiles();
    void viewValuesOutOfRangeAreReset_data();
    void viewValuesOutOfRangeAreReset();
    void savedWithFewerHeadsReopens();
    void nonRegularFilesAreRefusedUnread_data();
    void nonRegularFilesAreRefusedUnread();

private:
    static Session richSession();
};

Session TestSession::richSession()
{
    Session s;
    s.config.sentence = "Ünïcödé 東京 🙂 \"quoted\" words words";
    s.config.dModel = 4;
    s.config.heads = 2;
    s.config.init = attn::WeightInit::Uniform;
    s.config.weightSeed = 4294967295LL;
    s.config.embeddingSeed = 12345;
    s.config.causal = true;
    s.config.scaled = false;
    s.config.temperature = 0.1 + 0.2; // not exactly representable in short decimal
    s.config.positional = true;
    s.config.explicitEmbeddings.clear();
    s.config.explicitEmbeddings["東京"] = {1.0 / 3.0, -2.5e-12, 7.0, 0.46676289};
    attn::Matrix edited = attn::Matrix::Identity(4, 4);
    edited(0, 3) = -1.0 / 7.0;
    s.config.wKey = edited;
    s.selectedToken = 3;
    s.head = 1;
    s.colorMap = "cividis";
    s.lessonStep = 5;
    return s;
}

void TestSession::roundTripKeepsEveryField()
{
    const Session original = richSession();
    QTemporaryDir dir;
    const QString path = dir.filePath("lesson.attn");
    QString error;
    QVERIFY2(saveSession(path, original, &error), qPrintable(error));
    const auto reopened = loadSession(path, &error);
    QVERIFY2(reopened, qPrintable(error));
    QCOMPARE(reopened->config.sentence, original.config.sentence);
    QCOMPARE(reopened->config.temperature, original.config.temperature);
    QCOMPARE(reopened->config.explicitEmbeddings, original.config.explicitEmbeddings);
    QCOMPARE(*reopened->config.wKey, *original.config.wKey);
    QVERIFY(!reopened->config.wQuery);
    QVERIFY(*reopened == original);

    // Identical numbers after reopening.
    const auto before = attn::computeAttention(original.config);
    const auto after = attn::computeAttention(reopened->config);
    QCOMPARE(after.layers[0].output, before.layers[0].output);
    QCOMPARE(after.layers[0].heads[1].weights, before.layers[0].heads[1].weights);
}

void TestSession::trainedModelRoundTripsBitForBit()
{
    attn::train::TrainOptions options = attn::train::defaultOptions("previous");
    options.steps = 12;
    attn::train::Trainer trainer(options, 5);
    QVERIFY(trainer.run());
    Session original;
    original.config = attn::train::displayConfig(trainer.model(), {3, 1, 4, 1});
    original.config.trainedTask = "previous";
    original.config.trainedModel = std::make_shared<const attn::train::TrainedModel>(trainer.model());
    QTemporaryDir dir;
    const QString path = dir.filePath("trained.attn");
    QString error;
    QVERIFY2(saveSession(path, original, &error), qPrintable(error));
    const auto reopened = loadSession(path, &error);
    QVERIFY2(reopened, qPrintable(error));
    const auto& model = reopened->config.trainedModel;
    QVERIFY(model);
    QCOMPARE(reopened->config.trainedTask, std::string("previous"));
    QCOMPARE(reopened->config.sentence, original.config.sentence);
    // Every weight and every point of the curve, bit for bit.
    QCOMPARE(model->loss, trainer.lossHistory());
    QCOMPARE(model->accuracy, trainer.accuracyHistory());
    QCOMPARE(model->steps, 12);
    QCOMPARE(attn::train::toJson(*model), attn::train::toJson(trainer.model()));
    const auto before = attn::train::attentionWeights(trainer.model(), {3, 1, 4, 1});
    const auto after = attn::train::attentionWeights(*model, {3, 1, 4, 1});
    QCOMPARE(after[0][1], before[0][1]);

    // A model whose weights do not fit its options is refused, with the field.
    QJsonObject json = QJsonDocument::fromJson(sessionToJson(original)).object();
    QJsonObject config = json.value("config").toObject();
    QJsonObject trained = config.value("trained_model").toObject();
    QVERIFY(trained.contains("weights"));
    QJsonObject weights = trained.value("weights").toObject();
    weights.insert("token_embedding", QJsonArray{QJsonArray{1.0, 2.0}});
    trained.insert("weights", weights);
    config.insert("trained_model", trained);
    json.insert("config", config);
    QFile damaged(dir.filePath("damaged.attn"));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(QJsonDocument(json).toJson());
    damaged.close();
    QVERIFY(!loadSession(damaged.fileName(), &error));
    QVERIFY2(error.contains("trained_model"), qPrintable(error));
}

void TestSession::damagedFiles_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("phrase");
    const QByteArray good = sessionToJson(richSession());
    QTest::addRow("empty") << QByteArray() << "empty";
    QTest::addRow("whitespace") << QByteArray("  \n") << "empty";
    QTest::addRow("garbage") << QByteArray("\x89PNG\r\n\x1a\n garbage") << "not valid JSON";
    // Cut in half, at a character boundary (a cut inside a UTF-8 sequence is
    // reported as invalid text instead).
    qsizetype half = good.size() / 2;
    while (half > 0 && (static_cast<unsigned char>(good.at(half)) & 0xC0) == 0x80)
        --half;
    QTest::addRow("truncated") << good.left(half) << "truncated";
    QTest::addRow("json array") << QByteArray("[1, 2, 3]") << "not an Attention Visualizer session";
    QTest::addRow("other json") << QByteArray("{\"hello\": 1}") << "not an Attention Visualizer session";
    QByteArray newer = good;
    newer.replace("\"version\": 1", "\"version\": 7");
    QTest::addRow("newer version") << newer << "newer version";
    QByteArray badVersion = good;
    badVersion.replace("\"version\": 1", "\"version\": \"one\"");
    QTest::addRow("version text") << badVersion << "\"version\"";
    QByteArray wrongType = good;
    wrongType.replace("\"d_model\": 4", "\"d_model\": \"four\"");
    QTest::addRow("d_model text") << wrongType << "\"d_model\" must be a whole number";
    QByteArray causal = good;
    causal.replace("\"causal\": true", "\"causal\": \"yes\"");
    QTest::addRow("causal text") << causal << "\"causal\" must be true or false";
    QByteArray heads = good;
    heads.replace("\"heads\": 2", "\"heads\": 3");
    QTest::addRow("heads not dividing") << heads << "divide";
    QByteArray seed = good;
    seed.replace("4294967295", "4294967296");
    QTest::addRow("seed too big") << seed << "4294967295";
    QByteArray sentence = good;
    sentence.replace("\"sentence\": \"", "\"sentence\": 5, \"x\": \"");
    QTest::addRow("sentence number") << sentence << "\"sentence\" must be text";
    for (const char* version : {"2147483648", "4294967297", "1e20", "2"}) {
        QByteArray far = good;
        far.replace("\"version\": 1", QByteArray("\"version\": ") + version);
        QTest::addRow("version %s", version) << far << "newer version";
    }
    QByteArray fraction = good;
    fraction.replace("\"version\": 1", "\"version\": 1.5");
    QTest::addRow("version 1.5") << fraction << "\"version\" must be a whole number";
    QByteArray trailingComma = good.trimmed();
    trailingComma.insert(trailingComma.lastIndexOf('}'), ",");
    QTest::addRow("trailing comma") << trailingComma << "not valid JSON";
    QByteArray hugeDModel = good;
    hugeDModel.replace("\"d_model\": 4", "\"d_model\": 1e15");
    QTest::addRow("d_model 1e15") << hugeDModel << "\"d_model\" must be from 1 to 1024, not 1000000000000000";
    QByteArray negativeHeads = good;
    negativeHeads.replace("\"heads\": 2", "\"heads\": -5");
    QTest::addRow("heads -5") << negativeHeads << "\"heads\" must be from 1 to 1024, not -5";
    QByteArray farSeed = good;
    farSeed.replace("4294967295", "1e20");
    QTest::addRow("seed 1e20") << farSeed << "1e+20";
    QByteArray matrix = good;
    matrix.replace("\"W_key\": [", "\"W_key\": [[1], ");
    QTest::addRow("weights ragged") << matrix << "W_key";
    QByteArray vector = good;
    vector.replace("\"embeddings\": {", "\"embeddings\": {\"x\": [1, \"a\"], ");
    QTest::addRow("embedding text") << vector << "only numbers";
}

void TestSession::damagedFiles()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, phrase);
    QTemporaryDir dir;
    const QString path = dir.filePath("damaged.attn");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();
    QString error;
    QVERIFY(!loadSession(path, &error));
    QVERIFY2(error.contains(phrase), qPrintable(error));
    QVERIFY2(error.contains("damaged.attn"), qPrintable(error));
}

void TestSession::missingFile()
{
    QString error;
    QVERIFY(!loadSession("/nonexistent/folder/x.attn", &error));
    QVERIFY2(error.contains("x.attn"), qPrintable(error));
}

void TestSession::failedSaveKeepsOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("keep.attn");
    QString error;
    QVERIFY(saveSession(path, richSession(), &error));
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();

    // A writer that gets half way and then fails, as a crash or full disk would.
    const bool saved = saveFileAtomically(
        path,
        [](QIODevice& device, QString* writeError) {
            device.write("{\"format\": \"attention-visualizer-session\", \"vers");
            *writeError = QStringLiteral("interrupted on purpose");
            return false;
        },
        &error);
    QVERIFY(!saved);
    QVERIFY2(error.contains("interrupted on purpose"), qPrintable(error));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"keep.attn"});
}

void TestSession::commandLineSavesAndReopens()
{
    QTemporaryDir dir;
    const QString session = dir.filePath("class.attn");
    QProcess save;
    save.start(QStringLiteral(AV_APP_PATH), {"--sentence", "the cat sat on the mat", "--d-model", "6", "--heads", "3",
                                             "--init", "normal", "--seed", "9", "--causal", "--temperature", "0.7",
                                             "--save-session", session, "--export-json", dir.filePath("a.json")});
    QVERIFY(save.waitForFinished(60000));
    QVERIFY2(save.exitCode() == 0, save.readAllStandardError().constData());

    QProcess reopen;
    reopen.start(QStringLiteral(AV_APP_PATH), {session, "--export-json", dir.filePath("b.json")});
    QVERIFY(reopen.waitForFinished(60000));
    QVERIFY2(reopen.exitCode() == 0, reopen.readAllStandardError().constData());

    QFile a(dir.filePath("a.json")), b(dir.filePath("b.json"));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray first = a.readAll();
    QVERIFY(first.contains("\"causal\": true"));
    QCOMPARE(b.readAll(), first);

    QFile garbage(dir.filePath("garbage.attn"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("not a session");
    garbage.close();
    QProcess refuse;
    refuse.start(QStringLiteral(AV_APP_PATH), {garbage.fileName(), "--export-json", dir.filePath("c.json")});
    QVERIFY(refuse.waitForFinished(60000));
    QVERIFY(refuse.exitCode() != 0);
    QVERIFY(refuse.readAllStandardError().contains("garbage.attn"));
    QVERIFY(!QFile::exists(dir.filePath("c.json")));
}

void TestSession::commandLineRefusesDamagedFiles_data()
{
    damagedFiles_data();
}

void TestSession::commandLineRefusesDamagedFiles()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, phrase);
    QTemporaryDir dir;
    const QString path = dir.filePath("damaged.attn");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();
    QProcess run;
    run.start(QStringLiteral(AV_APP_PATH), {path, "--export-json", dir.filePath("out.json")});
    QVERIFY(run.waitForFinished(60000));
    QVERIFY(run.exitCode() != 0);
    const QString err = QString::fromUtf8(run.readAllStandardError()).trimmed();
    QVERIFY2(!err.contains('\n') && err.contains(phrase) && err.contains("damaged.attn"), qPrintable(err));
    QVERIFY(!QFile::exists(dir.filePath("out.json")));
}

void TestSession::viewValuesOutOfRangeAreReset_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("phrase");
    QTest::addRow("head 9 of 2") << QByteArray("\"head\": 1") << QByteArray("\"head\": 9") << "\"head\" is 9";
    QTest::addRow("layer 3 of 1") << QByteArray("\"layer\": 0") << QByteArray("\"layer\": 3") << "\"layer\" is 3";
    QTest::addRow("head text") << QByteArray("\"head\": 1") << QByteArray("\"head\": \"one\"") << "\"head\"";
    QTest::addRow("token past the sentence")
        << QByteArray("\"selected_token\": 3") << QByteArray("\"selected_token\": 4000") << "\"selected_token\"";
    QTest::addRow("lesson step 99") << QByteArray("\"lesson_step\": 5") << QByteArray("\"lesson_step\": 99")
                                    << "\"lesson_step\"";
    QTest::addRow("unknown colour map") << QByteArray("\"colormap\": \"cividis\"")
                                        << QByteArray("\"colormap\": \"jet\"") << "jet";
}

void TestSession::viewValuesOutOfRangeAreReset()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, phrase);
    QByteArray json = sessionToJson(richSession());
    QVERIFY(json.contains(from));
    json.replace(from, to);
    QString error;
    QStringList notes;
    const auto session = sessionFromJson(json, "view.attn", &error, &notes);
    QVERIFY2(session, qPrintable(error));
    QCOMPARE(session->config, richSession().config);
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().contains(phrase), qPrintable(notes.first()));
    QVERIFY(session->head >= 0 && session->head < session->config.heads);
    QVERIFY(session->selectedToken < 7 && session->lessonStep <= 11);
}

void TestSession::savedWithFewerHeadsReopens()
{
    // A session showing head 4 of 4, saved again with --heads 1: what the
    // app writes, it must read back.
    QTemporaryDir dir;
    Session wide = richSession();
    wide.config.heads = 4;
    wide.head = 3;
    const QString source = dir.filePath("wide.attn");
    QString error;
    QVERIFY2(saveSession(source, wide, &error), qPrintable(error));
    const QString narrow = dir.filePath("narrow.attn");
    QProcess save;
    save.start(QStringLiteral(AV_APP_PATH), {source, "--heads", "1", "--save-session", narrow});
    QVERIFY(save.waitForFinished(60000));
    QCOMPARE(save.exitCode(), 0);
    QVERIFY2(save.readAllStandardError().contains("note: The session showed head 4"), "no note on the reset head");
    QStringList notes;
    const auto reopened = loadSession(narrow, &error, &notes);
    QVERIFY2(reopened, qPrintable(error));
    QCOMPARE(reopened->config.heads, 1);
    QCOMPARE(reopened->head, 0);
    QVERIFY(notes.isEmpty());
}

void TestSession::nonRegularFilesAreRefusedUnread_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("endless device") << "/dev/zero";
    QTest::addRow("empty device") << "/dev/null";
    QTest::addRow("pipe") << "fifo";
}

void TestSession::nonRegularFilesAreRefusedUnread()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    if (path == "fifo") {
        path = dir.filePath("session.attn");
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    }
    // Before the fix /dev/zero was read without bound and a pipe with no
    // writer blocked for ever; both must be refused at once, unread.
    QProcess run;
    run.start(QStringLiteral(AV_APP_PATH), {path, "--export-json", dir.filePath("o.json")});
    QVERIFY(run.waitForFinished(30000));
    QCOMPARE(run.exitCode(), 2);
    QVERIFY2(run.readAllStandardError().contains("not a regular file"), "no reason given");
    QVERIFY(!QFile::exists(dir.filePath("o.json")));
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
