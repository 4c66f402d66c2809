// GPT-2 checkpoints: the safetensors reader, the configuration, the weights
// and the float32 forward pass against tests/gpt2_reference.py, which writes a
// tiny random checkpoint itself and computes its forward pass in float64 with
// NumPy. Hostile files are refused with a sentence, never a crash.

#include "core/gpt2model.h"
#include "core/safetensors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <string>

namespace {

struct Reference
{
    QJsonObject json;
    QString folder;
};

// Runs the reference script; its checkpoint lands in `dir`.
Reference runReference(const QTemporaryDir& dir, const QStringList& extra)
{
    QProcess process;
    const QString script = QStringLiteral(AV_TEST_DATA_DIR "/../gpt2_reference.py");
    process.start(QStringLiteral(AV_PYTHON), QStringList{script, QStringLiteral("--out"), dir.path()} + extra);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qFatal("gpt2_reference.py failed: %s", process.readAllStandardError().constData());
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("gpt2_reference.py printed no JSON: %s", qPrintable(error.errorString()));
    return {document.object(), dir.path()};
}

std::vector<int> idsOf(const QJsonObject& json)
{
    std::vector<int> ids;
    for (const QJsonValue& v : json.value(QStringLiteral("ids")).toArray())
        ids.push_back(v.toInt());
    return ids;
}

// Largest |a - b| over a matrix given as JSON rows (null: -inf, which must match).
double worstDifference(const Eigen::Ref<const attn::MatrixF>& actual, const QJsonValue& expected)
{
    const QJsonArray rows = expected.toArray();
    if (rows.size() != actual.rows())
        return std::numeric_limits<double>::infinity();
    double worst = 0.0;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonArray row = rows[r].toArray();
        if (row.size() != actual.cols())
            return std::numeric_limits<double>::infinity();
        for (qsizetype c = 0; c < row.size(); ++c) {
            const double a = actual(r, c);
            if (row[c].isNull()) {
                if (!(std::isinf(a) && a < 0))
                    return std::numeric_limits<double>::infinity();
                continue;
            }
            // Relative above 1: Q, K and V run to a few units, float32 keeps ~7 digits.
            const double e = row[c].toDouble();
            worst = std::max(worst, std::abs(a - e) / std::max(1.0, std::abs(e)));
        }
    }
    return worst;
}

std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path.toStdString();
}

// A safetensors file: the header's length, the header, `data`.
QByteArray safetensorsBytes(const QByteArray& header, const QByteArray& data, qint64 declaredLength = -1)
{
    QByteArray out(8, '\0');
    quint64 length = declaredLength < 0 ? static_cast<quint64>(header.size()) : static_cast<quint64>(declaredLength);
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<char>((length >> (8 * i)) & 0xFF);
    return out + header + data;
}

template <typename Error> QString errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

constexpr double kTolerance = 1e-5;

} // namespace

class TestGpt2 : public QObject
{
    Q_OBJECT

private slots:
    void halfAndBfloat16();
    void readsTensors();
    void hostileSafetensors_data();
    void hostileSafetensors();
    void truncatedCheckpoint();
    void forwardMatchesReference_data();
    void forwardMatchesReference();
    void stagesMatchReference();
    void blockMatchesReference();
    void convertsToAttentionResult();
    void oneHeadKeepsItsScores();
    void prefixTakesOverEarlierPositions();
    void refusesPrefixThatDoesNotFit();
    void nextTokens();
    void generation();
    void refusesBadRequests();
    void hostileCheckpoints();
    void hostileConfigs_data();
    void hostileConfigs();
};

void TestGpt2::halfAndBfloat16()
{
    // Values fixed by IEEE 754 binary16 and by bfloat16's definition.
    QCOMPARE(attn::halfToFloat(0x0000), 0.0f);
    QVERIFY(std::signbit(attn::halfToFloat(0x8000)));
    QCOMPARE(attn::halfToFloat(0x3C00), 1.0f);
    QCOMPARE(attn::halfToFloat(0xC000), -2.0f);
    QCOMPARE(attn::halfToFloat(0x3555), 0.333251953125f);
    QCOMPARE(attn::halfToFloat(0x7BFF), 65504.0f);
    QCOMPARE(attn::halfToFloat(0x0400), std::ldexp(1.0f, -14)); // smallest normal
    QCOMPARE(attn::halfToFloat(0x0001), std::ldexp(1.0f, -24)); // smallest subnormal
    QCOMPARE(attn::halfToFloat(0x03FF), std::ldexp(1023.0f, -24));
    QCOMPARE(attn::halfToFloat(0x7C00), std::numeric_limits<float>::infinity());
    QCOMPARE(attn::halfToFloat(0xFC00), -std::numeric_limits<float>::infinity());
    QVERIFY(std::isnan(attn::halfToFloat(0x7E00)));
    QCOMPARE(attn::bfloat16ToFloat(0x3F80), 1.0f);
    QCOMPARE(attn::bfloat16ToFloat(0xC049), -3.140625f);
    QCOMPARE(attn::bfloat16ToFloat(0x7F7F), 3.3895313892515355e38f);
    QCOMPARE(attn::bfloat16ToFloat(0x0001), std::ldexp(1.0f, -133));
    QCOMPARE(attn::bfloat16ToFloat(0xFF80), -std::numeric_limits<float>::infinity());
}

void TestGpt2::readsTensors()
{
    QTemporaryDir dir;
    // 1.0, -2.0 as F16; 0.5 as BF16; [2, 1] F32 (3, 4); a 0-d F64 (-0.25); an empty I64.
    QByteArray data;
    data += QByteArray::fromHex("003c00c0");
    data += QByteArray::fromHex("003f");
    data += QByteArray::fromHex("0000404000008040");
    data += QByteArray::fromHex("000000000000d0bf");
    const QByteArray header = R"({"a":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},)"
                              R"("b":{"dtype":"BF16","shape":[1],"data_offsets":[4,6]},)"
                              R"("c":{"dtype":"F32","shape":[2,1],"data_offsets":[6,14]},)"
                              R"("d":{"dtype":"F64","shape":[],"data_offsets":[14,22]},)"
                              R"("e":{"dtype":"I64","shape":[0,3],"data_offsets":[22,22]},)"
                              R"("__metadata__":{"format":"pt"}})";
    const std::string path = writeFile(dir, QStringLiteral("t.safetensors"), safetensorsBytes(header, data));
    const attn::SafetensorsFile file = attn::SafetensorsFile::open(path);
    QCOMPARE(file.tensors().size(), std::size_t(5));
    QCOMPARE(file.metadata().at("format"), std::string("pt"));
    QCOMPARE(file.floats(*file.find("a")), (std::vector<float>{1.0f, -2.0f}));
    QCOMPARE(file.floats(*file.find("b")), (std::vector<float>{0.5f}));
    QCOMPARE(file.floats(*file.find("c")), (std::vector<float>{3.0f, 4.0f}));
    QCOMPARE(file.find("c")->shape, (std::vector<std::int64_t>{2, 1}));
    QCOMPARE(file.floats(*file.find("d")), (std::vector<float>{-0.25f}));
    QCOMPARE(file.find("e")->elementCount(), std::uint64_t(0));
    QVERIFY(file.find("missing") == nullptr);
    const QString error = errorOf<attn::SafetensorsError>([&] { (void)file.floats(*file.find("e")); });
    QVERIFY2(error.contains(QStringLiteral("I64")), qPrintable(error));
}

void TestGpt2::hostileSafetensors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray data(16, '\0');
    const auto file = [&](const QByteArray& header, qint64 length = -1) {
        return safetensorsBytes(header, data, length);
    };
    QTest::addRow("empty") << QByteArray() << QStringLiteral("shorter than the 8-byte");
    QTest::addRow("seven bytes") << QByteArray(7, '\x01') << QStringLiteral("shorter than the 8-byte");
    QTest::addRow("header past the end") << file(R"({})", 1000) << QStringLiteral("holds only");
    QTest::addRow("absurd header length")
        << file(R"({})", std::numeric_limits<qint64>::max()) << QStringLiteral("holds only");
    QTest::addRow("not json") << file("{\"a\": ") << QStringLiteral("not valid JSON");
    QTest::addRow("not an object") << file("[1, 2]") << QStringLiteral("not a JSON object");
    QTest::addRow("deep nesting") << file(QByteArray(5000, '[') + QByteArray(5000, ']'))
                                  << QStringLiteral("nested deeper");
    QTest::addRow("unknown dtype") << file(R"({"w":{"dtype":"F17","shape":[2],"data_offsets":[0,8]}})")
                                   << QStringLiteral("unknown dtype \"F17\"");
    QTest::addRow("offsets past the end") << file(R"({"w":{"dtype":"F32","shape":[8],"data_offsets":[0,32]}})")
                                          << QStringLiteral("past the end of its 16 bytes");
    QTest::addRow("begin after end") << file(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}})")
                                     << QStringLiteral("begin after they end");
    QTest::addRow("overlapping") << file(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                         R"("x":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})")
                                 << QStringLiteral("overlapping");
    QTest::addRow("size not shape") << file(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})")
                                    << QStringLiteral("needs 12");
    QTest::addRow("huge shape") << file(R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}})")
                                << QStringLiteral("too large");
    QTest::addRow("negative extent") << file(R"({"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})")
                                     << QStringLiteral("whole numbers");
    QTest::addRow("offsets not numbers") << file(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":["0",8]}})")
                                         << QStringLiteral("data_offsets");
    QTest::addRow("no dtype") << file(R"({"w":{"shape":[2],"data_offsets":[0,8]}})") << QStringLiteral("no dtype");
    QTest::addRow("metadata not strings") << file(R"({"__metadata__":{"a":1}})") << QStringLiteral("__metadata__");
}

void TestGpt2::hostileSafetensors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const std::string path = writeFile(dir, QStringLiteral("bad.safetensors"), bytes);
    const QString error = errorOf<attn::SafetensorsError>([&] { (void)attn::SafetensorsFile::open(path); });
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(QString::fromStdString(path)), qPrintable(error));
    QVERIFY2(error.endsWith(QLatin1Char('.')), qPrintable(error));
    const QString inMemory = errorOf<attn::SafetensorsError>(
        [&] { (void)attn::SafetensorsFile::fromBytes(bytes.toStdString(), "memory.safetensors"); });
    QVERIFY2(inMemory.contains(expected), qPrintable(inMemory));
}

void TestGpt2::truncatedCheckpoint()
{
    QTemporaryDir dir;
    runReference(dir, {});
    QFile file(dir.filePath(QStringLiteral("model.safetensors")));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() / 2));
    file.close();
    const QString error =
        errorOf<attn::SafetensorsError>([&] { (void)attn::Gpt2Model::load(dir.path().toStdString()); });
    QVERIFY2(error.contains(QStringLiteral("past the end")), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(20));
    file.close();
    const QString shorter =
        errorOf<attn::SafetensorsError>([&] { (void)attn::Gpt2Model::load(dir.path().toStdString()); });
    QVERIFY2(shorter.contains(QStringLiteral("holds only 12 bytes")), qPrintable(shorter));
    const QString missing = errorOf<attn::SafetensorsError>(
        [&] { (void)attn::SafetensorsFile::open(dir.filePath(QStringLiteral("absent")).toStdString()); });
    QVERIFY2(missing.contains(QStringLiteral("cannot be opened")), qPrintable(missing));
}

void TestGpt2::forwardMatchesReference_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("F32") << QStringList{};
    QTest::addRow("F16, transformer. prefix") << QStringList{"--dtype", "F16", "--prefix", "--seed", "1"};
    QTest::addRow("BF16") << QStringList{"--dtype", "BF16", "--seed", "2"};
    QTest::addRow("F64, lm_head, buffers") << QStringList{"--dtype", "F64", "--lm-head", "--buffers", "--seed", "3"};
    QTest::addRow("prefix, lm_head, 3 layers, 2 heads")
        << QStringList{"--prefix", "--lm-head", "--layers", "3", "--heads", "2", "--embd", "12", "--seed", "4"};
    QTest::addRow("one token") << QStringList{"--ids", "7", "--seed", "5"};
    QTest::addRow("full context, 150 rows of blocks") << QStringList{"--positions", "150", "--ids", [] {
                                                                         QStringList ids;
                                                                         for (int i = 0; i < 150; ++i)
                                                                             ids << QString::number((i * 7) % 40);
                                                                         return ids.join(QLatin1Char(','));
                                                                     }()};
}

void TestGpt2::forwardMatchesReference()
{
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    const Reference reference = runReference(dir, arguments);
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    // F32 tensors are read in place from the mapped file, the others converted.
    const qsizetype dtype = arguments.indexOf(QStringLiteral("--dtype"));
    const bool f32 = dtype < 0 || arguments.value(dtype + 1) == QStringLiteral("F32");
    QCOMPARE(model.weights().wte.isView(), f32);
    QCOMPARE(model.weights().blocks.back().mlpProjWeight.isView(), f32);
    QCOMPARE(model.weights().file != nullptr, true);
    const std::vector<int> ids = idsOf(reference.json);
    for (const int threads : {1, 2}) {
        attn::Gpt2ForwardOptions options;
        options.threads = threads;
        const attn::Gpt2Forward forward = attn::runGpt2(model, ids, options);
        const QJsonArray attention = reference.json.value(QStringLiteral("attention")).toArray();
        QCOMPARE(forward.layers, static_cast<int>(attention.size()));
        for (int layer = 0; layer < forward.layers; ++layer) {
            const QJsonArray heads = attention[layer].toArray();
            QCOMPARE(forward.heads, static_cast<int>(heads.size()));
            for (int head = 0; head < forward.heads; ++head) {
                const double worst = worstDifference(forward.attention(layer, head), heads[head]);
                QVERIFY2(worst < kTolerance,
                         qPrintable(QStringLiteral("layer %1 head %2: %3").arg(layer).arg(head).arg(worst)));
            }
        }
        const QJsonArray probabilities = reference.json.value(QStringLiteral("probabilities")).toArray();
        const std::vector<double> p = attn::nextTokenProbabilities(forward.logits);
        QCOMPARE(p.size(), static_cast<std::size_t>(probabilities.size()));
        double worst = 0.0;
        for (std::size_t i = 0; i < p.size(); ++i)
            worst = std::max(worst, std::abs(p[i] - probabilities[static_cast<qsizetype>(i)].toDouble()));
        QVERIFY2(worst < kTolerance, qPrintable(QString::number(worst)));
    }
}

void TestGpt2::stagesMatchReference()
{
    QTemporaryDir dir;
    const Reference reference = runReference(dir, {"--stage-layers", "0,1", "--seed", "9"});
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    attn::Gpt2ForwardOptions options;
    options.stageLayers = {1, 0};
    const attn::Gpt2Forward forward = attn::runGpt2(model, idsOf(reference.json), options);
    QCOMPARE(forward.stages.size(), std::size_t(2));
    QCOMPARE(forward.stages[0].layer, 0); // in layer order
    const int d = model.config().nEmbd;
    for (const int layer : {0, 1}) {
        const attn::Gpt2LayerStages* stages = forward.stagesOf(layer);
        QVERIFY(stages);
        const QJsonObject expected =
            reference.json.value(QStringLiteral("stages")).toObject().value(QString::number(layer)).toObject();
        const auto check = [&](const Eigen::Ref<const attn::MatrixF>& actual, const QJsonValue& value,
                               const char* what) {
            const double worst = worstDifference(actual, value);
            QVERIFY2(worst < kTolerance, qPrintable(QStringLiteral("layer %1 %2: %3").arg(layer).arg(what).arg(worst)));
        };
        check(stages->input, expected.value(QStringLiteral("input")), "input");
        check(stages->q, expected.value(QStringLiteral("q")), "Q");
        check(stages->k, expected.value(QStringLiteral("k")), "K");
        check(stages->v, expected.value(QStringLiteral("v")), "V");
        check(stages->output, expected.value(QStringLiteral("output")), "output");
        const QJsonArray heads = expected.value(QStringLiteral("heads")).toArray();
        QCOMPARE(stages->heads.size(), static_cast<std::size_t>(heads.size()));
        for (qsizetype h = 0; h < heads.size(); ++h) {
            const QJsonObject head = heads[h].toObject();
            const attn::Gpt2HeadStages& actual = stages->heads[static_cast<std::size_t>(h)];
            check(actual.scores, head.value(QStringLiteral("scores")), "scores");
            // (the scaled scores are checked in the app's result: toAttentionResult)
            check(forward.attention(layer, static_cast<int>(h)), head.value(QStringLiteral("weights")), "weights");
            check(actual.output, head.value(QStringLiteral("output")), "head output");
        }
        // W_Q, W_K, W_V and the biases are c_attn's thirds; Q = input W_Q + b_Q.
        const attn::Gpt2Block& block = model.weights().blocks[static_cast<std::size_t>(layer)];
        QCOMPARE(stages->wKey, attn::MatrixF(block.attnWeight.view().middleCols(d, d)));
        QCOMPARE(stages->bValue, attn::VectorF(block.attnBias.tail(d)));
        const attn::MatrixF q = (stages->input * stages->wQuery).rowwise() + stages->bQuery;
        QVERIFY((q - stages->q).cwiseAbs().maxCoeff() < 1e-5f);
    }
}

void TestGpt2::blockMatchesReference()
{
    // The block around attention of the stage layers (the residual stream, c_proj,
    // ln_2, the MLP), and the last token's ln_f, against NumPy's float64.
    QTemporaryDir dir;
    const Reference reference = runReference(dir, {"--stage-layers", "0,2", "--layers", "3", "--seed", "14"});
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    attn::Gpt2ForwardOptions options;
    options.stageLayers = {0, 2};
    const std::vector<int> ids = idsOf(reference.json);
    const attn::Gpt2Forward forward = attn::runGpt2(model, ids, options);
    constexpr double kBlockTolerance = 1e-4;
    const int d = model.config().nEmbd;
    const QJsonObject stages = reference.json.value(QStringLiteral("stages")).toObject();
    for (const int layer : {0, 2}) {
        const attn::Gpt2LayerStages* s = forward.stagesOf(layer);
        QVERIFY(s);
        const QJsonObject expected = stages.value(QString::number(layer)).toObject().value("block").toObject();
        const auto check = [&](const Eigen::Ref<const attn::MatrixF>& actual, const char* key) {
            const double worst = worstDifference(actual, expected.value(QLatin1String(key)));
            QVERIFY2(worst < kBlockTolerance,
                     qPrintable(QStringLiteral("layer %1 %2: %3").arg(layer).arg(key).arg(worst)));
        };
        check(s->residualIn, "residual_in");
        check(s->attention, "attention");
        check(s->residualMid, "residual_mid");
        check(s->mlpInput, "mlp_input");
        check(s->mlpPreActivation, "mlp_pre");
        check(s->mlpHidden, "mlp_hidden");
        check(s->mlp, "mlp");
        check(s->residualOut, "residual_out");
        QCOMPARE(s->mlpHidden.cols(), Eigen::Index(4 * d));
        QCOMPARE(s->ln2Bias, model.weights().blocks[static_cast<std::size_t>(layer)].ln2Bias);
    }
    // Layer 1 keeps no stages, and keeping them changes no number of the pass.
    QVERIFY(forward.stagesOf(1) == nullptr);
    const attn::Gpt2Forward plain = attn::runGpt2(model, ids);
    QCOMPARE(plain.logits, forward.logits);
    QCOMPARE(plain.attentionWeights, forward.attentionWeights);

    const QJsonObject final = reference.json.value(QStringLiteral("final")).toObject();
    const auto row = [](const QJsonValue& value) {
        QJsonArray rows;
        rows.append(value);
        return rows;
    };
    QVERIFY(worstDifference(forward.finalResidual, row(final.value("residual"))) < kBlockTolerance);
    QVERIFY(worstDifference(forward.finalNormed, row(final.value("normed"))) < kBlockTolerance);

    // The app's result carries the block as float64 copies.
    std::vector<std::string> tokens(ids.size(), "t");
    const attn::AttentionResult result = attn::toAttentionResult(forward, tokens);
    QCOMPARE(result.layers.size(), std::size_t(2));
    const attn::LayerResult& last = result.layers[1];
    QVERIFY(last.block.has_value());
    QCOMPARE(last.block->residualOut, forward.stages[1].residualOut.cast<double>().eval());
    QCOMPARE(last.block->wOut, model.weights().blocks[2].attnProjWeight.view().cast<double>().eval());
    QCOMPARE(last.block->ln1.epsilon, model.config().layerNormEpsilon);
}

void TestGpt2::convertsToAttentionResult()
{
    QTemporaryDir dir;
    const Reference reference = runReference(dir, {"--stage-layers", "1", "--seed", "11"});
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    attn::Gpt2ForwardOptions options;
    options.stageLayers = {1};
    const std::vector<int> ids = idsOf(reference.json);
    const attn::Gpt2Forward forward = attn::runGpt2(model, ids, options);
    std::vector<std::string> tokens;
    for (const int id : ids)
        tokens.push_back("t" + std::to_string(id));
    const attn::AttentionResult result = attn::toAttentionResult(forward, tokens);
    QCOMPARE(result.tokens, tokens);
    QCOMPARE(result.layers.size(), std::size_t(1));
    QCOMPARE(result.headCount(), model.config().nHead);
    const attn::LayerResult& layer = result.layers.front();
    QCOMPARE(layer.dK, model.config().headDim());
    QCOMPARE(layer.bQuery.size(), Eigen::Index(model.config().nEmbd));
    const QJsonObject expected =
        reference.json.value(QStringLiteral("stages")).toObject().value(QStringLiteral("1")).toObject();
    QVERIFY(worstDifference(layer.q.cast<float>(), expected.value(QStringLiteral("q"))) < kTolerance);
    const QJsonArray heads = expected.value(QStringLiteral("heads")).toArray();
    for (qsizetype h = 0; h < heads.size(); ++h) {
        const attn::HeadResult& head = layer.heads[static_cast<std::size_t>(h)];
        const QJsonObject e = heads[h].toObject();
        QVERIFY(worstDifference(head.weights.cast<float>(), e.value(QStringLiteral("weights"))) < kTolerance);
        QVERIFY(worstDifference(head.scaledScores.cast<float>(), e.value(QStringLiteral("scaled"))) < kTolerance);
    }
    QCOMPARE(result.inputs.rows(), Eigen::Index(ids.size()));
    QVERIFY(
        ((forward.tokenEmbeddings + forward.positionEmbeddings).cast<double>() - result.inputs).cwiseAbs().maxCoeff() <
        1e-6);
    QCOMPARE(result.vocabulary.tokenWord.size(), ids.size());
}

// A one-head export keeps that head's scores only; another head's, computed
// again from the result's Q and K, are still the reference's.
void TestGpt2::oneHeadKeepsItsScores()
{
    QTemporaryDir dir;
    const Reference reference = runReference(dir, {"--stage-layers", "1", "--seed", "12"});
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    attn::Gpt2ForwardOptions options;
    options.stageLayers = {1};
    options.stageScoresHead = 2;
    const std::vector<int> ids = idsOf(reference.json);
    const attn::Gpt2Forward forward = attn::runGpt2(model, ids, options);
    const attn::AttentionResult result =
        attn::toAttentionResult(forward, std::vector<std::string>(ids.size(), std::string("t")));
    const attn::LayerResult& layer = result.layers.front();
    attn::AttentionConfig config;
    config.dModel = model.config().nEmbd;
    config.heads = model.config().nHead;
    config.causal = true;
    config.scaled = true;
    const QJsonArray heads = reference.json.value(QStringLiteral("stages"))
                                 .toObject()
                                 .value(QStringLiteral("1"))
                                 .toObject()
                                 .value(QStringLiteral("heads"))
                                 .toArray();
    for (int h = 0; h < model.config().nHead; ++h) {
        QCOMPARE(layer.heads[static_cast<std::size_t>(h)].hasScores(), h == 2);
        const attn::HeadScores scores = attn::headScores(layer, h, config);
        const QJsonObject expected = heads[h].toObject();
        QVERIFY2(worstDifference(scores.scores.cast<float>(), expected.value(QStringLiteral("scores"))) < kTolerance,
                 qPrintable(QStringLiteral("head %1").arg(h)));
        QVERIFY(worstDifference(scores.scaledScores.cast<float>(), expected.value(QStringLiteral("scaled"))) <
                kTolerance);
    }
}

namespace {

// A prefix of `length` positions from an earlier pass kept for it.
struct EarlierPass
{
    attn::Gpt2KeysValues keysValues;
    attn::Gpt2Prefix prefix;

    EarlierPass(const EarlierPass&) = delete;
    EarlierPass& operator=(const EarlierPass&) = delete;
    EarlierPass(const attn::Gpt2Model& model, attn::Gpt2Forward& forward, int length)
    {
        keysValues.model = std::shared_ptr<const attn::Gpt2Model>(&model, [](const attn::Gpt2Model*) {});
        keysValues.ids = forward.ids;
        keysValues.layers = std::move(forward.keysValues);
        prefix.length = length;
        prefix.keysValues = &keysValues;
        for (const attn::MatrixF& weights : forward.attentionWeights)
            prefix.weights.push_back(&weights);
        prefix.stages = forward.stages;
    }
};

} // namespace

// Typing at the end: a pass that takes over the positions an earlier text
// shares with this one computes only the rest, and every number is the
// reference's and a whole pass's.
void TestGpt2::prefixTakesOverEarlierPositions()
{
    QTemporaryDir dir;
    const Reference reference =
        runReference(dir, {"--stage-layers", "1", "--seed", "13", "--ids", "5,9,2,7,11,3,8,1,4,6,10,12,0,13,21,30"});
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    const std::vector<int> ids = idsOf(reference.json);
    std::vector<int> typedBefore(ids.begin(), ids.begin() + 10);
    typedBefore.insert(typedBefore.end(), {33, 34, 35}); // a word that was then changed
    for (const bool keepAttention : {true, false}) {
        attn::Gpt2ForwardOptions options;
        options.stageLayers = {1};
        options.keepKeysValues = true;
        options.keepAttention = keepAttention;
        attn::Gpt2Forward before = attn::runGpt2(model, typedBefore, options);
        QCOMPARE(before.reused, 0);
        QCOMPARE(before.keysValues.size(), std::size_t(model.config().nLayer));
        const EarlierPass earlier(model, before, 10);
        const attn::Gpt2Forward whole = attn::runGpt2(model, ids, options);
        options.prefix = &earlier.prefix;
        const attn::Gpt2Forward forward = attn::runGpt2(model, ids, options);
        QCOMPARE(forward.reused, 10);

        const QJsonObject expected =
            reference.json.value(QStringLiteral("stages")).toObject().value(QStringLiteral("1")).toObject();
        const attn::Gpt2LayerStages& stages = forward.stages.front();
        const attn::Gpt2LayerStages& wholeStages = whole.stages.front();
        const auto check = [&](const attn::MatrixF& actual, const attn::MatrixF& full, const QJsonValue& value,
                               const QString& what, double tolerance = kTolerance) {
            QCOMPARE(actual.rows(), full.rows());
            // Float32 sums in another order: a few units in the last place.
            const float worst = ((actual - full).cwiseAbs().array() / full.cwiseAbs().array().max(1.0f)).maxCoeff();
            QVERIFY2(worst < 1e-5f, qPrintable(what + QStringLiteral(": %1 from a whole pass").arg(worst)));
            QVERIFY2(worstDifference(actual, value) < tolerance, qPrintable(what));
        };
        check(stages.input, wholeStages.input, expected.value(QStringLiteral("input")), "input");
        check(stages.q, wholeStages.q, expected.value(QStringLiteral("q")), "Q");
        check(stages.k, wholeStages.k, expected.value(QStringLiteral("k")), "K");
        check(stages.v, wholeStages.v, expected.value(QStringLiteral("v")), "V");
        check(stages.output, wholeStages.output, expected.value(QStringLiteral("output")), "output");
        const QJsonArray heads = expected.value(QStringLiteral("heads")).toArray();
        for (int h = 0; h < model.config().nHead; ++h) {
            const QJsonObject head = heads[h].toObject();
            const attn::Gpt2HeadStages& actual = stages.heads[static_cast<std::size_t>(h)];
            // Raw scores, before the scale, are dot products of float32 Q and K
            // rows of a few units each: float32 keeps them to a few 1e-5.
            check(actual.scores, wholeStages.heads[static_cast<std::size_t>(h)].scores,
                  head.value(QStringLiteral("scores")), QStringLiteral("scores of head %1").arg(h), 1e-4);
            check(actual.output, wholeStages.heads[static_cast<std::size_t>(h)].output,
                  head.value(QStringLiteral("output")), QStringLiteral("output of head %1").arg(h));
            if (!keepAttention)
                check(actual.weights, wholeStages.heads[static_cast<std::size_t>(h)].weights,
                      head.value(QStringLiteral("weights")), QStringLiteral("weights of head %1").arg(h));
        }
        for (const auto member : {&attn::Gpt2LayerStages::residualIn, &attn::Gpt2LayerStages::attention,
                                  &attn::Gpt2LayerStages::residualMid, &attn::Gpt2LayerStages::mlpHidden,
                                  &attn::Gpt2LayerStages::residualOut}) {
            QCOMPARE((stages.*member).rows(), Eigen::Index(ids.size()));
            QVERIFY((stages.*member - wholeStages.*member).cwiseAbs().maxCoeff() < 1e-4f);
        }
        if (keepAttention) {
            const QJsonArray attention = reference.json.value(QStringLiteral("attention")).toArray();
            for (int layer = 0; layer < forward.layers; ++layer) {
                for (int head = 0; head < forward.heads; ++head) {
                    const QString what = QStringLiteral("layer %1 head %2").arg(layer).arg(head);
                    check(forward.attention(layer, head), whole.attention(layer, head),
                          attention[layer].toArray()[head], what);
                }
            }
        }
        QVERIFY((forward.logits - whole.logits).cwiseAbs().maxCoeff() < 1e-5f);
        const QJsonArray probabilities = reference.json.value(QStringLiteral("probabilities")).toArray();
        const std::vector<double> p = attn::nextTokenProbabilities(forward.logits);
        for (std::size_t i = 0; i < p.size(); ++i)
            QVERIFY(std::abs(p[i] - probabilities[static_cast<qsizetype>(i)].toDouble()) < kTolerance);
    }
}

void TestGpt2::refusesPrefixThatDoesNotFit()
{
    QTemporaryDir dir;
    const Reference reference = runReference(dir, {"--stage-layers", "1", "--seed", "14"});
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    const std::vector<int> ids = idsOf(reference.json);
    attn::Gpt2ForwardOptions options;
    options.stageLayers = {1};
    options.keepKeysValues = true;
    attn::Gpt2Forward before = attn::runGpt2(model, ids, options);
    const auto refused = [&](const std::vector<int>& text, const attn::Gpt2Prefix& prefix,
                             const std::vector<int>& stageLayers) {
        attn::Gpt2ForwardOptions with = options;
        with.prefix = &prefix;
        with.stageLayers = stageLayers;
        return !errorOf<std::invalid_argument>([&] { (void)attn::runGpt2(model, text, with); }).isEmpty();
    };
    EarlierPass earlier(model, before, 4);
    QVERIFY(!refused(ids, earlier.prefix, {1}));
    std::vector<int> changed = ids;
    changed[2] = (changed[2] + 1) % model.config().vocabSize; // within the prefix
    QVERIFY(refused(changed, earlier.prefix, {1}));
    QVERIFY(refused(ids, earlier.prefix, {0}));           // its stages are another layer's
    QVERIFY(refused(ids, earlier.prefix, {0, 1}));        // a stage layer it has nothing for
    earlier.prefix.length = static_cast<int>(ids.size()); // nothing left to compute
    QVERIFY(refused(ids, earlier.prefix, {1}));
    earlier.prefix.length = 4;
    earlier.prefix.weights.pop_back();
    QVERIFY(refused(ids, earlier.prefix, {1}));
    earlier.prefix.weights.push_back(&before.attentionWeights.back());
    QVERIFY(!refused(ids, earlier.prefix, {1}));
    const attn::Gpt2Model other = attn::Gpt2Model::load(dir.path().toStdString());
    earlier.keysValues.model = std::shared_ptr<const attn::Gpt2Model>(
        &other, [](const attn::Gpt2Model*) {}); // the same numbers, but not the model that computed them
    QVERIFY(refused(ids, earlier.prefix, {1}));
}

void TestGpt2::nextTokens()
{
    QTemporaryDir dir;
    const Reference reference = runReference(dir, {"--seed", "12", "--lm-head"});
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    const attn::Gpt2Forward forward = attn::runGpt2(model, idsOf(reference.json));
    const QJsonArray logits = reference.json.value(QStringLiteral("logits")).toArray();
    std::vector<double> expectedLogits;
    for (const QJsonValue& v : logits)
        expectedLogits.push_back(v.toDouble());
    for (const double temperature : {1.0, 0.5, 2.0}) {
        // softmax(logits / T) from the reference's float64 logits.
        std::vector<double> expected(expectedLogits.size());
        const double highest = *std::max_element(expectedLogits.begin(), expectedLogits.end());
        double sum = 0.0;
        for (std::size_t i = 0; i < expected.size(); ++i)
            sum += expected[i] = std::exp((expectedLogits[i] - highest) / temperature);
        std::vector<int> order(expected.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) { return expected[a] > expected[b]; });
        const std::vector<attn::TokenScore> top = attn::topTokens(forward.logits, 5, temperature);
        QCOMPARE(top.size(), std::size_t(5));
        for (std::size_t i = 0; i < top.size(); ++i) {
            QCOMPARE(top[i].id, order[i]);
            QVERIFY(std::abs(top[i].probability - expected[static_cast<std::size_t>(order[i])] / sum) < kTolerance);
            QVERIFY(std::abs(top[i].logit - expectedLogits[static_cast<std::size_t>(order[i])]) < 1e-4);
        }
    }
    QVERIFY(!errorOf<attn::Gpt2Error>([&] { (void)attn::topTokens(forward.logits, 3, 0.0); }).isEmpty());
    QCOMPARE(attn::topTokens(forward.logits, 1000, 1.0).size(), std::size_t(40));
}

void TestGpt2::generation()
{
    QTemporaryDir dir;
    const Reference reference = runReference(dir, {"--seed", "13", "--positions", "16"});
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    const std::vector<int> prompt = idsOf(reference.json);
    const QJsonArray probabilities = reference.json.value(QStringLiteral("probabilities")).toArray();
    int best = 0;
    for (qsizetype i = 1; i < probabilities.size(); ++i) {
        if (probabilities[i].toDouble() > probabilities[best].toDouble())
            best = static_cast<int>(i);
    }
    attn::GenerationOptions greedy;
    greedy.count = 3;
    const std::vector<int> continued = attn::generateGpt2(model, prompt, greedy);
    QCOMPARE(continued.size(), std::size_t(3));
    QCOMPARE(continued.front(), best);
    // Each token the most likely after the text so far, by whole forward passes.
    std::vector<int> text = prompt;
    for (int step = 0; step < 3; ++step) {
        int next = 0;
        attn::runGpt2(model, text).logits.maxCoeff(&next);
        text.push_back(next);
    }
    QCOMPARE(continued, std::vector<int>(text.begin() + static_cast<std::ptrdiff_t>(prompt.size()), text.end()));
    // The context (16) ends the text: 11 + 5.
    greedy.count = 50;
    QCOMPARE(attn::generateGpt2(model, prompt, greedy).size(), std::size_t(5));

    attn::GenerationOptions sampled;
    sampled.greedy = false;
    sampled.count = 5;
    sampled.temperature = 3.0;
    sampled.seed = 7;
    const std::vector<int> first = attn::generateGpt2(model, prompt, sampled);
    QCOMPARE(attn::generateGpt2(model, prompt, sampled), first);
    bool someDiffer = false;
    for (std::uint64_t seed = 8; seed < 16 && !someDiffer; ++seed) {
        sampled.seed = seed;
        someDiffer = attn::generateGpt2(model, prompt, sampled) != first;
    }
    QVERIFY(someDiffer);
    QVERIFY(!errorOf<attn::Gpt2Error>([&] { (void)attn::generateGpt2(model, {}, greedy); }).isEmpty());
    QVERIFY(!errorOf<attn::Gpt2Error>([&] { (void)attn::generateGpt2(model, {1, 99}, greedy); }).isEmpty());
    QVERIFY(
        !errorOf<attn::Gpt2Error>([&] { (void)attn::generateGpt2(model, std::vector<int>(17, 1), greedy); }).isEmpty());
    QVERIFY(attn::generateGpt2(model, std::vector<int>(16, 1), greedy).empty());
    sampled.topK = 1; // sampling among one token is greedy
    greedy.count = 5;
    QCOMPARE(attn::generateGpt2(model, prompt, sampled), attn::generateGpt2(model, prompt, greedy));
}

void TestGpt2::refusesBadRequests()
{
    QTemporaryDir dir;
    runReference(dir, {"--positions", "8", "--ids", "1,2,3"});
    const attn::Gpt2Model model = attn::Gpt2Model::load(dir.path().toStdString());
    const QString tooLong = errorOf<attn::Gpt2Error>([&] { (void)attn::runGpt2(model, std::vector<int>(9, 1)); });
    QVERIFY2(tooLong.contains(QStringLiteral("9 tokens")) && tooLong.contains(QStringLiteral("8")),
             qPrintable(tooLong));
    QVERIFY(errorOf<attn::Gpt2Error>([&] { (void)attn::runGpt2(model, std::vector<int>(8, 1)); }).isEmpty());
    QVERIFY(!errorOf<attn::Gpt2Error>([&] { (void)attn::runGpt2(model, {}); }).isEmpty());
    const QString badId = errorOf<attn::Gpt2Error>([&] { (void)attn::runGpt2(model, {1, 40}); });
    QVERIFY2(badId.contains(QStringLiteral("40")), qPrintable(badId));
    attn::Gpt2ForwardOptions options;
    options.stageLayers = {2};
    QVERIFY(!errorOf<attn::Gpt2Error>([&] { (void)attn::runGpt2(model, {1}, options); }).isEmpty());
    {
        // Weights built by hand that overflow float32 at once.
        attn::Gpt2Config config;
        config.nLayer = 1;
        config.nHead = 1;
        config.nEmbd = 2;
        config.nCtx = 2;
        config.vocabSize = 3;
        attn::Gpt2Weights w;
        w.wte = attn::MatrixF::Constant(3, 2, 3e38f);
        w.wpe = attn::MatrixF::Constant(2, 2, 3e38f);
        attn::Gpt2Block b;
        b.ln1Weight = b.ln2Weight = attn::VectorF::Ones(2);
        b.ln1Bias = b.ln2Bias = b.attnProjBias = b.mlpProjBias = attn::VectorF::Zero(2);
        b.attnWeight = attn::MatrixF::Zero(2, 6);
        b.attnBias = attn::VectorF::Zero(6);
        b.attnProjWeight = attn::MatrixF::Zero(2, 2);
        b.fcWeight = attn::MatrixF::Zero(2, 8);
        b.fcBias = attn::VectorF::Zero(8);
        b.mlpProjWeight = attn::MatrixF::Zero(8, 2);
        w.blocks.push_back(b);
        w.lnFWeight = attn::VectorF::Ones(2);
        w.lnFBias = attn::VectorF::Zero(2);
        const attn::Gpt2Model huge(config, w);
        const QString overflow = errorOf<attn::Gpt2Error>([&] { (void)attn::runGpt2(huge, {0, 1}); });
        QVERIFY2(overflow.contains(QStringLiteral("float32")), qPrintable(overflow));
        w.blocks.front().fcBias = attn::VectorF::Zero(7);
        QVERIFY(!errorOf<attn::Gpt2Error>([&] { (void)attn::Gpt2Model(config, w); }).isEmpty());
    }
    std::atomic<bool> cancel = true;
    options.stageLayers = {};
    options.cancel = &cancel;
    bool cancelled = false;
    try {
        (void)attn::runGpt2(model, {1, 2}, options);
    } catch (const attn::Cancelled&) {
        cancelled = true;
    }
    QVERIFY(cancelled);
}

void TestGpt2::hostileCheckpoints()
{
    {
        QTemporaryDir dir;
        runReference(dir, {"--drop", "h.1.mlp.c_fc.bias"});
        const QString error = errorOf<attn::Gpt2Error>([&] { (void)attn::Gpt2Model::load(dir.path().toStdString()); });
        QVERIFY2(error.contains(QStringLiteral("no tensor h.1.mlp.c_fc.bias")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("model.safetensors")), qPrintable(error));
    }
    {
        QTemporaryDir dir;
        runReference(dir, {"--transpose", "h.0.attn.c_attn.weight", "--prefix"});
        const QString error = errorOf<attn::Gpt2Error>([&] { (void)attn::Gpt2Model::load(dir.path().toStdString()); });
        QVERIFY2(error.contains(QStringLiteral("transformer.h.0.attn.c_attn.weight the shape [48, 16]")) &&
                     error.contains(QStringLiteral("[16, 48]")),
                 qPrintable(error));
    }
    {
        QTemporaryDir dir;
        runReference(dir, {"--drop", "wte.weight"});
        const QString error = errorOf<attn::Gpt2Error>([&] { (void)attn::Gpt2Model::load(dir.path().toStdString()); });
        QVERIFY2(error.contains(QStringLiteral("wte.weight")), qPrintable(error));
    }
    {
        // A configuration that disagrees with the tensors: every shape is checked against it.
        QTemporaryDir dir;
        runReference(dir, {});
        QFile config(dir.filePath(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(R"({"model_type":"gpt2","n_layer":2,"n_head":4,"n_embd":16,"n_positions":24,"vocab_size":41})");
        config.close();
        const QString error = errorOf<attn::Gpt2Error>([&] { (void)attn::Gpt2Model::load(dir.path().toStdString()); });
        QVERIFY2(error.contains(QStringLiteral("wte.weight the shape [40, 16]")), qPrintable(error));
    }
    {
        QTemporaryDir dir;
        const QString error = errorOf<attn::Gpt2Error>([&] { (void)attn::Gpt2Model::load(dir.path().toStdString()); });
        QVERIFY2(error.contains(QStringLiteral("config.json cannot be read")), qPrintable(error));
    }
}

void TestGpt2::hostileConfigs_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QByteArray good = R"("n_layer":2,"n_head":4,"n_embd":16,"n_positions":24,"vocab_size":40)";
    QTest::addRow("heads do not divide")
        << QByteArray(R"({"n_layer":2,"n_head":5,"n_embd":16,"n_positions":24,"vocab_size":40})")
        << QStringLiteral("does not divide");
    QTest::addRow("not gpt2") << QByteArray("{\"model_type\":\"bert\"," + good + "}") << QStringLiteral("not a GPT-2");
    QTest::addRow("not json") << QByteArray("{n_layer: 2") << QStringLiteral("not valid JSON");
    QTest::addRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
    QTest::addRow("no n_layer") << QByteArray(R"({"n_head":4,"n_embd":16,"n_positions":24,"vocab_size":40})")
                                << QStringLiteral("no n_layer");
    QTest::addRow("zero heads") << QByteArray(
                                       R"({"n_layer":2,"n_head":0,"n_embd":16,"n_positions":24,"vocab_size":40})")
                                << QStringLiteral("n_head");
    QTest::addRow("no positions") << QByteArray(R"({"n_layer":2,"n_head":4,"n_embd":16,"vocab_size":40})")
                                  << QStringLiteral("n_positions");
    QTest::addRow("string size") << QByteArray(
                                        R"({"n_layer":"2","n_head":4,"n_embd":16,"n_positions":24,"vocab_size":40})")
                                 << QStringLiteral("n_layer");
    QTest::addRow("relu") << QByteArray("{\"activation_function\":\"relu\"," + good + "}") << QStringLiteral("relu");
    QTest::addRow("bad epsilon") << QByteArray("{\"layer_norm_epsilon\":-1," + good + "}")
                                 << QStringLiteral("layer_norm_epsilon");
}

void TestGpt2::hostileConfigs()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QString error =
        errorOf<attn::Gpt2Error>([&] { (void)attn::parseGpt2Config(json.toStdString(), "/m/config.json"); });
    QVERIFY2(error.contains(expected) && error.contains(QStringLiteral("/m/config.json")), qPrintable(error));
    // n_ctx stands in for n_positions.
    const attn::Gpt2Config config = attn::parseGpt2Config(
        R"({"model_type":"gpt2","n_layer":3,"n_head":2,"n_embd":8,"n_ctx":20,"vocab_size":9,"layer_norm_epsilon":1e-6})",
        "c");
    QCOMPARE(config.nLayer, 3);
    QCOMPARE(config.nCtx, 20);
    QCOMPARE(config.layerNormEpsilon, 1e-6);
}

QTEST_GUILESS_MAIN(TestGpt2)
#include "tst_gpt2.moc"
