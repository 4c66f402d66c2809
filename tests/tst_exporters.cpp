// The JSON export reads back to the engine's exact numbers, and the exported
// NumPy script, run by a real Python with NumPy, recomputes the same output.

#include "core/exporters.h"
#include "ui/document/presets.h"

#include "testutil.h"

#include <QProcess>
#include <QTemporaryDir>

#include <sstream>

Q_DECLARE_METATYPE(attn::AttentionConfig)

class TestExporters : public QObject
{
    Q_OBJECT

private slots:
    void formatDoubleRoundTrips();
    void jsonHoldsEveryStageExactly_data();
    void jsonHoldsEveryStageExactly();
    void jsonFormatOneIsTheOneLayer();
    void numpyScriptRecomputesOutput_data();
    void numpyScriptRecomputesOutput();

private:
    void addConfigs();
};

void TestExporters::formatDoubleRoundTrips()
{
    const double values[] = {0.0, -0.0, 1.0, 0.1, 1.0 / 3.0, 2.5e-300, 1.7976931348623157e308, -123456.789, 0.46676289};
    for (const double v : values) {
        const std::string text = attn::formatDouble(v);
        QCOMPARE(std::stod(text), v);
        QVERIFY2(text.find_first_of(".e") != std::string::npos, text.c_str());
    }
    QCOMPARE(attn::formatDouble(3.0), std::string("3.0"));
}

void TestExporters::addConfigs()
{
    QTest::addColumn<attn::AttentionConfig>("config");
    QTest::addRow("article") << testutil::articleConfig();
    attn::AttentionConfig c;
    c.explicitEmbeddings.clear();
    c.sentence = "Ünïcödé \"quotes\" back\\slash 東京 🙂 שלום tab\there Ünïcödé";
    c.dModel = 6;
    c.heads = 3;
    c.init = attn::WeightInit::Normal;
    c.causal = true;
    c.positional = true;
    c.temperature = 0.5;
    c.weightSeed = 7;
    c.embeddingSeed = 123;
    QTest::addRow("unicode causal heads") << c;
    c.sentence = "scale off uniform partly given";
    c.init = attn::WeightInit::Uniform;
    c.scaled = false;
    c.causal = false;
    c.positional = false;
    c.temperature = 1.0;
    c.dModel = 4;
    c.heads = 1;
    c.explicitEmbeddings["off"] = {0.25, -1.5, 3.0, 1e-7};
    c.wValue = attn::Matrix::Identity(4, 4);
    QTest::addRow("explicit vectors and edited weights") << c;
    // Long enough for the products to run on the BLAS kernel, with words that
    // come back (computed once by the engine).
    attn::AttentionConfig repeated;
    repeated.explicitEmbeddings.clear();
    repeated.sentence = testutil::wordsSentence(300, 50);
    repeated.dModel = 128;
    repeated.heads = 4;
    repeated.init = attn::WeightInit::Normal;
    QTest::addRow("300 tokens of 50 words") << repeated;
}

void TestExporters::jsonHoldsEveryStageExactly_data()
{
    addConfigs();
}

void TestExporters::jsonHoldsEveryStageExactly()
{
    QFETCH(attn::AttentionConfig, config);
    const attn::AttentionResult result = attn::computeAttention(config);
    std::ostringstream text;
    attn::writeJson(text, config, result);

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text.str()), &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
    const QJsonObject json = doc.object();
    QCOMPARE(json.value("format").toString(), QStringLiteral("attention-visualizer/1"));

    const QJsonObject cfg = json.value("config").toObject();
    for (const char* key : {"sentence", "d_model", "heads", "init", "weight_seed", "embedding_seed", "causal", "scaled",
                            "temperature", "positional"})
        QVERIFY2(cfg.contains(key), key);
    QCOMPARE(cfg.value("sentence").toString().toStdString(), config.sentence);
    QCOMPARE(cfg.value("d_model").toInt(), config.dModel);
    QCOMPARE(cfg.value("causal").toBool(), config.causal);
    QCOMPARE(cfg.value("temperature").toDouble(), config.temperature);

    QCOMPARE(json.value("tokens").toArray().size(), qsizetype(result.tokens.size()));
    QCOMPARE(json.value("tokens").toArray().first().toString().toStdString(), result.tokens.front());
    QCOMPARE(json.value("vocabulary").toArray().size(), qsizetype(result.vocabulary.words.size()));

    // Exact: the shortest round-trip text reads back to the same bits.
    QCOMPARE(testutil::matrixFromJson(json.value("embeddings")), result.embeddings);
    QCOMPARE(testutil::matrixFromJson(json.value("inputs")), result.inputs);
    QCOMPARE(testutil::matrixFromJson(json.value("W_query")), result.layers[0].wQuery);
    QCOMPARE(testutil::matrixFromJson(json.value("W_key")), result.layers[0].wKey);
    QCOMPARE(testutil::matrixFromJson(json.value("W_value")), result.layers[0].wValue);
    QCOMPARE(testutil::matrixFromJson(json.value("Q")), result.layers[0].q);
    QCOMPARE(testutil::matrixFromJson(json.value("K")), result.layers[0].k);
    QCOMPARE(testutil::matrixFromJson(json.value("V")), result.layers[0].v);
    QCOMPARE(testutil::matrixFromJson(json.value("output")), result.layers[0].output);
    const QJsonArray heads = json.value("heads").toArray();
    QCOMPARE(heads.size(), qsizetype(config.heads));
    for (qsizetype h = 0; h < heads.size(); ++h) {
        const QJsonObject head = heads[h].toObject();
        const attn::HeadResult& expected = result.layers[0].heads[std::size_t(h)];
        QCOMPARE(testutil::matrixFromJson(head.value("scores")), expected.scores);
        QCOMPARE(testutil::matrixFromJson(head.value("scaled_scores")), expected.scaledScores);
        QCOMPARE(testutil::matrixFromJson(head.value("weights")), expected.weights);
        QCOMPARE(testutil::matrixFromJson(head.value("output")), expected.output);
        if (config.causal) {
            const QJsonArray firstRow = head.value("scaled_scores").toArray().first().toArray();
            QVERIFY(firstRow.last().isNull());
            QVERIFY(firstRow.first().isDouble());
        }
    }
}

void TestExporters::jsonFormatOneIsTheOneLayer()
{
    // The layer's stages sit at the top level, in the order format 1 always had.
    const attn::AttentionConfig config = testutil::articleConfig();
    attn::AttentionResult result = attn::computeAttention(config);
    std::ostringstream text;
    attn::writeJson(text, config, result);
    QStringList keys;
    std::istringstream lines(text.str());
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("  \"", 0) == 0)
            keys << QString::fromStdString(line.substr(3, line.find('"', 3) - 3));
    }
    QCOMPARE(keys, (QStringList{"format", "config", "tokens", "vocabulary", "embeddings", "inputs", "W_query", "W_key",
                                "W_value", "Q", "K", "V", "heads", "output"}));

    // Format 1 has no room for a second layer: refused, not written in part.
    result.layers.push_back(result.layers.front());
    std::ostringstream two;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, attn::writeJson(two, config, result));
    result.layers.clear();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, attn::writeJson(two, config, result));
}

void TestExporters::numpyScriptRecomputesOutput_data()
{
    addConfigs();
}

void TestExporters::numpyScriptRecomputesOutput()
{
    QFETCH(attn::AttentionConfig, config);
    const QString python = QStringLiteral(AV_PYTHON);
    QVERIFY2(!python.isEmpty(), "no Python 3 with NumPy was found when configuring; install python3-numpy");
    const attn::AttentionResult result = attn::computeAttention(config);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scriptPath = dir.filePath("attention.py");
    {
        std::ostringstream text;
        attn::writeNumpyScript(text, config, result);
        QFile file(scriptPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(text.str()));
    }

    // Run it as a student would, then dump its module-level arrays.
    QProcess run;
    run.start(python, {scriptPath});
    QVERIFY(run.waitForFinished(60000));
    QCOMPARE(run.exitCode(), 0);
    QVERIFY(run.readAllStandardOutput().contains("Attention output"));

    const QString dump = QStringLiteral("import json, runpy, sys\n"
                                        "g = runpy.run_path(sys.argv[1])\n"
                                        "names = ['X', 'W_query', 'W_key', 'W_value', 'Q', 'K', 'V', 'output']\n"
                                        "out = {k: g[k].tolist() for k in names}\n"
                                        "out['weights'] = [w.tolist() for w in g['weights']]\n"
                                        "print(json.dumps(out))\n");
    QProcess inspect;
    inspect.start(python, {"-c", dump, scriptPath});
    QVERIFY(inspect.waitForFinished(60000));
    QVERIFY2(inspect.exitCode() == 0, inspect.readAllStandardError().constData());
    const QJsonObject arrays = QJsonDocument::fromJson(inspect.readAllStandardOutput()).object();

    const auto within = [](const attn::Matrix& app, const QJsonValue& fromNumpy, double tolerance) {
        return testutil::maxAbsDifference(app, testutil::matrixFromJson(fromNumpy)) <= tolerance;
    };
    QVERIFY(within(result.layers[0].output, arrays.value("output"), 1e-9));
    QVERIFY(within(result.inputs, arrays.value("X"), 1e-12));
    QCOMPARE(testutil::matrixFromJson(arrays.value("W_query")), result.layers[0].wQuery);
    QCOMPARE(testutil::matrixFromJson(arrays.value("W_key")), result.layers[0].wKey);
    QCOMPARE(testutil::matrixFromJson(arrays.value("W_value")), result.layers[0].wValue);
    QVERIFY(within(result.layers[0].q, arrays.value("Q"), 1e-9));
    QVERIFY(within(result.layers[0].k, arrays.value("K"), 1e-9));
    QVERIFY(within(result.layers[0].v, arrays.value("V"), 1e-9));
    const QJsonArray weights = arrays.value("weights").toArray();
    QCOMPARE(weights.size(), qsizetype(config.heads));
    for (qsizetype h = 0; h < weights.size(); ++h)
        QVERIFY(within(result.layers[0].heads[std::size_t(h)].weights, weights[h], 1e-9));
}

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
