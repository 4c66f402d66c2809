// The engine against the reference article and against an independent NumPy
// implementation (fixtures/make_fixtures.py), plus every limit it enforces.

#include "core/attention.h"
#include "ui/document/presets.h"

#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <atomic>
#include <cmath>
#include <limits>

using attn::AttentionConfig;
using attn::AttentionError;
using Kind = attn::AttentionError::Kind;

Q_DECLARE_METATYPE(AttentionConfig)
Q_DECLARE_METATYPE(Kind)

class TestAttention : public QObject
{
    Q_OBJECT

private slots:
    void articlePresetMatchesPrintedOutput();
    void articleWeightsAreTheSeed42Draws();
    void parity_data();
    void parity();
    void limits_data();
    void limits();
    void memoryEstimateCountsTheResult();
    void outOfMemoryIsAnAttentionError();
    void onlyScoreSettingsAllowReuse();
    void recomputeAfterScoresIsBitExact_data();
    void recomputeAfterScoresIsBitExact();
    void recomputeAfterScoresRecomputesEveryLayer();
    void layerAccessorsClamp();
    void scoresOfOneHeadAreTheSameNumbers_data();
    void scoresOfOneHeadAreTheSameNumbers();
    void longInputsKeepOneHeadsScores();
    void repeatedWordsMatchWholeProducts_data();
    void repeatedWordsMatchWholeProducts();
    void validEdgesPass_data();
    void validEdgesPass();
    void softmaxIsStableForHugeScores();
    void explicitVectorsDoNotShiftTheStream();
    void extremeValuesNeverCrash_data();
    void extremeValuesNeverCrash();
    void overflowingInputsAreRefused_data();
    void overflowingInputsAreRefused();
    void hugeSentenceIsRefusedWithoutSplitting();
    void cancelStopsTheComputation();
    void memoryBudgetFollowsTheTightestLimit_data();
    void memoryBudgetFollowsTheTightestLimit();
    void memoryFactsAreReadFromTheSystemFiles();
};

namespace {

AttentionConfig configFromCase(const QJsonObject& c)
{
    AttentionConfig config;
    QString error;
    const auto parsed = configFromJson(c, AttentionConfig{}, &error);
    if (!parsed)
        qFatal("bad fixture config: %s", qPrintable(error));
    config = *parsed;
    if (!c.contains("embeddings"))
        config.explicitEmbeddings.clear();
    return config;
}

} // namespace

void TestAttention::articlePresetMatchesPrintedOutput()
{
    QString error;
    const auto config = loadPreset("article", &error);
    QVERIFY2(config, qPrintable(error));
    const attn::AttentionResult result = attn::computeAttention(*config);

    // The article's printed attention output, 8 decimals.
    attn::Matrix printed(5, 3);
    printed << 0.81676354, 1.14873475, 0.33197121, //
        0.71861207, 1.07919157, 0.36057950,        //
        0.74203343, 1.13656778, 0.39453435,        //
        0.75607715, 1.11278575, 0.35670860,        //
        0.79709991, 1.15043165, 0.35333174;
    QCOMPARE(result.tokens, (std::vector<std::string>{"i", "miss", "the", "old", "kanye"}));
    QCOMPARE(result.layers[0].output.rows(), 5);
    QCOMPARE(result.layers[0].output.cols(), 3);
    const double difference = testutil::maxAbsDifference(result.layers[0].output, printed);
    QVERIFY2(difference < 5e-8, qPrintable(QString::number(difference)));
    QCOMPARE(result.embeddings(0, 0), 0.46676289);
    QCOMPARE(result.embeddings(4, 2), 0.98323089);
}

void TestAttention::articleWeightsAreTheSeed42Draws()
{
    QString error;
    const attn::AttentionResult result = attn::computeAttention(*loadPreset("article", &error));
    attn::Matrix wq(3, 3), wk(3, 3), wv(3, 3);
    wq << 2, 0, 2, 2, 0, 0, 2, 1, 2;
    wk << 2, 2, 2, 0, 2, 1, 0, 1, 1;
    wv << 1, 1, 0, 0, 1, 1, 0, 0, 0;
    QCOMPARE(result.layers[0].wQuery, wq);
    QCOMPARE(result.layers[0].wKey, wk);
    QCOMPARE(result.layers[0].wValue, wv);
}

void TestAttention::parity_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    const QJsonArray cases = testutil::loadFixture("parity_cases.json").value("cases").toArray();
    QVERIFY(cases.size() >= 15);
    for (const QJsonValue& c : cases)
        QTest::newRow(qPrintable(c.toObject().value("name").toString())) << c.toObject();
}

void TestAttention::parity()
{
    QFETCH(QJsonObject, testCase);
    const AttentionConfig config = configFromCase(testCase.value("config").toObject());
    const QJsonObject expected = testCase.value("expected").toObject();
    const attn::AttentionResult result = attn::computeAttention(config);

    QStringList tokens;
    for (const std::string& t : result.tokens)
        tokens << QString::fromStdString(t);
    QStringList expectedTokens;
    for (const QJsonValue& t : expected.value("tokens").toArray())
        expectedTokens << t.toString();
    QCOMPARE(tokens, expectedTokens);
    QCOMPARE(qsizetype(result.vocabulary.words.size()), expected.value("vocabulary").toArray().size());

    // The article's model is one layer on X, its heads those of the configuration.
    QCOMPARE(result.layers.size(), std::size_t(1));
    const attn::LayerResult& layer = result.layers.front();
    QVERIFY(layer.input == result.inputs);
    QCOMPARE(layer.dK, config.dModel / config.heads);
    QCOMPARE(result.headCount(), config.heads);
    QCOMPARE(&result.layer(0), &layer);

    // Draws are bit-exact; products may differ from BLAS in the last bits.
    QCOMPARE(result.embeddings, testutil::matrixFromJson(expected.value("embeddings")));
    QCOMPARE(result.layers[0].wQuery, testutil::matrixFromJson(expected.value("W_query")));
    QCOMPARE(result.layers[0].wKey, testutil::matrixFromJson(expected.value("W_key")));
    QCOMPARE(result.layers[0].wValue, testutil::matrixFromJson(expected.value("W_value")));

    const auto near = [](const attn::Matrix& actual, const QJsonValue& json, const char* what) {
        const double difference = testutil::maxAbsDifference(actual, testutil::matrixFromJson(json));
        if (!(difference < 1e-12))
            qWarning("%s differs by %g", what, difference);
        return difference < 1e-12;
    };
    QVERIFY(near(result.inputs, expected.value("inputs"), "X"));
    QVERIFY(near(result.layers[0].q, expected.value("Q"), "Q"));
    QVERIFY(near(result.layers[0].k, expected.value("K"), "K"));
    QVERIFY(near(result.layers[0].v, expected.value("V"), "V"));
    const QJsonArray heads = expected.value("heads").toArray();
    QCOMPARE(qsizetype(result.layers[0].heads.size()), heads.size());
    for (qsizetype h = 0; h < heads.size(); ++h) {
        const QJsonObject head = heads[h].toObject();
        const attn::HeadResult& actual = result.layers[0].heads[std::size_t(h)];
        QVERIFY(near(actual.scores, head.value("scores"), "scores"));
        QVERIFY(near(actual.scaledScores, head.value("scaled_scores"), "scaled scores"));
        QVERIFY(near(actual.weights, head.value("weights"), "weights"));
        QVERIFY(near(actual.output, head.value("output"), "head output"));
    }
    QVERIFY(near(result.layers[0].output, expected.value("output"), "output"));
}

void TestAttention::limits_data()
{
    QTest::addColumn<AttentionConfig>("config");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("phrase");

    const AttentionConfig base;
    const auto with = [&](auto change) {
        AttentionConfig c = base;
        change(c);
        return c;
    };
    QTest::addRow("empty sentence") << with([](auto& c) { c.sentence = ""; }) << Kind::NoTokens << "no words";
    QTest::addRow("whitespace sentence") << with([](auto& c) { c.sentence = " \t\u3000 "; }) << Kind::NoTokens
                                         << "no words";
    std::string many;
    for (int i = 0; i < attn::Limits::maxTokens + 1; ++i)
        many += "w ";
    QTest::addRow("too many tokens") << with([&](auto& c) { c.sentence = many; }) << Kind::TooManyTokens << "4096";
    std::string longest;
    for (int i = 0; i < attn::Limits::maxTokens; ++i)
        longest += "w ";
    // 1024 heads of 4096 x 4096: about 139 GB even keeping one head's scores, beyond any budget.
    QTest::addRow("too large for memory") << with([&](auto& c) {
        c.sentence = longest;
        c.dModel = 1024;
        c.heads = 1024;
    }) << Kind::TooLarge << "1024 heads need about 13";
    QTest::addRow("d_model 0") << with([](auto& c) { c.dModel = 0; }) << Kind::DModel << "d_model";
    QTest::addRow("d_model negative") << with([](auto& c) { c.dModel = -3; }) << Kind::DModel << "d_model";
    QTest::addRow("d_model too big") << with([](auto& c) { c.dModel = 1025; }) << Kind::DModel << "1024";
    QTest::addRow("heads 0") << with([](auto& c) { c.heads = 0; }) << Kind::Heads << "at least 1";
    QTest::addRow("heads not dividing") << with([](auto& c) {
        c.dModel = 6;
        c.heads = 4;
    }) << Kind::Heads << "divide";
    QTest::addRow("temperature 0") << with([](auto& c) { c.temperature = 0; }) << Kind::Temperature << "temperature";
    QTest::addRow("temperature negative")
        << with([](auto& c) { c.temperature = -1; }) << Kind::Temperature << "temperature";
    QTest::addRow("temperature NaN") << with([](auto& c) { c.temperature = std::nan(""); }) << Kind::Temperature
                                     << "finite";
    QTest::addRow("temperature inf") << with([](auto& c) { c.temperature = INFINITY; }) << Kind::Temperature
                                     << "finite";
    QTest::addRow("weight seed negative") << with([](auto& c) { c.weightSeed = -1; }) << Kind::Seed << "weight seed";
    QTest::addRow("weight seed 2^32") << with([](auto& c) { c.weightSeed = 4294967296LL; }) << Kind::Seed
                                      << "4294967295";
    QTest::addRow("embedding seed 2^32") << with([](auto& c) { c.embeddingSeed = 4294967296LL; }) << Kind::Seed
                                         << "embedding seed";
    QTest::addRow("embedding size") << with([](auto& c) {
        c.explicitEmbeddings["i"] = {1.0, 2.0};
    }) << Kind::Embedding << "\"i\"";
    QTest::addRow("weights shape") << with([](auto& c) { c.wKey = attn::Matrix::Zero(2, 3); }) << Kind::Weights
                                   << "W_key";
}

void TestAttention::limits()
{
    QFETCH(AttentionConfig, config);
    QFETCH(Kind, kind);
    QFETCH(QString, phrase);
    try {
        attn::computeAttention(config);
        QFAIL("the configuration was accepted");
    } catch (const AttentionError& e) {
        QCOMPARE(e.kind(), kind);
        QVERIFY2(QString::fromStdString(e.what()).contains(phrase), e.what());
    }
}

void TestAttention::memoryEstimateCountsTheResult()
{
    // The estimate the refusal rests on covers what a result really holds.
    AttentionConfig config;
    config.sentence = "one two three four five six seven eight nine ten eleven twelve";
    config.dModel = 8;
    config.heads = 2;
    config.positional = true;
    const attn::AttentionResult result = attn::computeAttention(config);
    std::uint64_t held = 0;
    const auto add = [&](const attn::Matrix& m) { held += sizeof(double) * static_cast<std::uint64_t>(m.size()); };
    for (const attn::Matrix* m : {&result.embeddings, &result.positional, &result.inputs})
        add(*m);
    QCOMPARE(result.layers.size(), std::size_t(1));
    const std::uint64_t sharedBytes = held;
    for (const attn::LayerResult& layer : result.layers) {
        for (const attn::Matrix* m :
             {&layer.input, &layer.wQuery, &layer.wKey, &layer.wValue, &layer.q, &layer.k, &layer.v, &layer.output})
            add(*m);
        for (const attn::HeadResult& head : layer.heads) {
            add(head.scores);
            add(head.scaledScores);
            add(head.weights);
            add(head.output);
        }
    }
    QCOMPARE(attn::resultBytes(12, 8, 2), held);
    // Each further layer holds as much as the first: everything but E, PE and X.
    QCOMPARE(attn::resultBytes(12, 8, 2, 3), sharedBytes + 3 * (held - sharedBytes));

    // The largest input the issue names (4096 tokens, d_model 768, 12 heads,
    // about 5 GB) is within the budget of a machine with 16 GB or more.
    QVERIFY(attn::resultBytes(4096, 768, 12) < 6'000'000'000ull);
    QVERIFY(attn::memoryBudget() > 0);
}

void TestAttention::outOfMemoryIsAnAttentionError()
{
    // A failed allocation reaches every caller as the engine's own error,
    // pointing at the settings that size the result.
    const AttentionError error = attn::outOfMemoryError();
    QCOMPARE(error.kind(), Kind::TooLarge);
    const QString text = QString::fromUtf8(error.what());
    QVERIFY2(text.contains("memory") && text.contains("fewer heads"), error.what());
}

void TestAttention::onlyScoreSettingsAllowReuse()
{
    const AttentionConfig base;
    const auto with = [&](auto change) {
        AttentionConfig c = base;
        change(c);
        return c;
    };
    QVERIFY(attn::differsOnlyAfterScores(base, base));
    QVERIFY(attn::differsOnlyAfterScores(base, with([](auto& c) { c.temperature = 0.3; })));
    QVERIFY(attn::differsOnlyAfterScores(base, with([](auto& c) { c.causal = true; })));
    QVERIFY(attn::differsOnlyAfterScores(base, with([](auto& c) { c.scaled = false; })));
    QVERIFY(attn::differsOnlyAfterScores(base, with([](auto& c) {
                                             c.temperature = 2;
                                             c.causal = true;
                                             c.scaled = false;
                                         })));
    // Anything that changes the draws, inputs or projections does not.
    QVERIFY(!attn::differsOnlyAfterScores(base, with([](auto& c) { c.sentence += " again"; })));
    QVERIFY(!attn::differsOnlyAfterScores(base, with([](auto& c) { c.weightSeed = 7; })));
    QVERIFY(!attn::differsOnlyAfterScores(base, with([](auto& c) { c.embeddingSeed = 7; })));
    QVERIFY(!attn::differsOnlyAfterScores(base, with([](auto& c) { c.positional = true; })));
    QVERIFY(!attn::differsOnlyAfterScores(base, with([](auto& c) { c.init = attn::WeightInit::Normal; })));
    QVERIFY(!attn::differsOnlyAfterScores(base, with([](auto& c) { c.wKey = attn::Matrix::Ones(3, 3); })));
    QVERIFY(!attn::differsOnlyAfterScores(base, with([](auto& c) { c.explicitEmbeddings["old"] = {1, 2, 3}; })));
}

void TestAttention::recomputeAfterScoresIsBitExact_data()
{
    QTest::addColumn<AttentionConfig>("from");
    QTest::addColumn<AttentionConfig>("to");
    std::string words;
    for (int i = 0; i < 300; ++i)
        words += "w" + std::to_string(i % 37) + ' ';
    AttentionConfig article;
    AttentionConfig heads = article;
    heads.sentence = words;
    heads.dModel = 24;
    heads.heads = 3;
    heads.init = attn::WeightInit::Normal;
    heads.positional = true;
    // One head large enough that its rows are split over the cores.
    AttentionConfig oneLargeHead = heads;
    oneLargeHead.heads = 1;
    const auto with = [](AttentionConfig c, auto change) {
        change(c);
        return c;
    };
    QTest::addRow("article, temperature") << article << with(article, [](auto& c) { c.temperature = 0.25; });
    QTest::addRow("article, causal") << article << with(article, [](auto& c) { c.causal = true; });
    QTest::addRow("three heads, temperature") << heads << with(heads, [](auto& c) { c.temperature = 3.5; });
    QTest::addRow("three heads, causal off to on, unscaled") << heads << with(heads, [](auto& c) {
        c.causal = true;
        c.scaled = false;
    });
    QTest::addRow("three heads, causal on to off") << with(heads, [](auto& c) { c.causal = true; }) << heads;
    QTest::addRow("one large head, temperature")
        << oneLargeHead << with(oneLargeHead, [](auto& c) { c.temperature = 0.5; });
}

void TestAttention::recomputeAfterScoresIsBitExact()
{
    QFETCH(AttentionConfig, from);
    QFETCH(AttentionConfig, to);
    QVERIFY(attn::differsOnlyAfterScores(from, to));
    const attn::AttentionResult previous = attn::computeAttention(from);
    const attn::AttentionResult fresh = attn::computeAttention(to);
    const attn::AttentionResult reused = attn::recomputeAfterScores(previous, to);

    // Matrix == compares every entry exactly (-inf equals -inf).
    QVERIFY(reused.tokens == fresh.tokens);
    QCOMPARE(reused.layers[0].dK, fresh.layers[0].dK);
    QVERIFY(reused.inputs == fresh.inputs);
    QVERIFY(reused.layers[0].q == fresh.layers[0].q && reused.layers[0].k == fresh.layers[0].k &&
            reused.layers[0].v == fresh.layers[0].v);
    QCOMPARE(reused.layers[0].heads.size(), fresh.layers[0].heads.size());
    for (std::size_t h = 0; h < fresh.layers[0].heads.size(); ++h) {
        QVERIFY(reused.layers[0].heads[h].scores == fresh.layers[0].heads[h].scores);
        QVERIFY(reused.layers[0].heads[h].scaledScores == fresh.layers[0].heads[h].scaledScores);
        QVERIFY(reused.layers[0].heads[h].weights == fresh.layers[0].heads[h].weights);
        QVERIFY(reused.layers[0].heads[h].output == fresh.layers[0].heads[h].output);
    }
    QVERIFY(reused.layers[0].output == fresh.layers[0].output);
    // And the settings took effect: the weights differ from the old ones.
    QVERIFY(reused.layers[0].heads.front().weights != previous.layers[0].heads.front().weights);
}

void TestAttention::recomputeAfterScoresRecomputesEveryLayer()
{
    // A hand-built second layer (the engine computes one): its own Q and K
    // make its scores, and the new temperature reaches it too.
    AttentionConfig from;
    from.sentence = "a b c d";
    from.dModel = 4;
    from.heads = 2;
    from.init = attn::WeightInit::Normal;
    attn::AttentionResult previous = attn::computeAttention(from);
    attn::LayerResult second = previous.layers.front();
    second.input *= 2.0;
    second.q *= 2.0;
    for (attn::HeadResult& head : second.heads)
        head.scores *= 4.0; // Q_h K_h^T of the doubled queries and doubled keys below
    second.k *= 2.0;
    previous.layers.push_back(second);

    AttentionConfig to = from;
    to.temperature = 0.5;
    const attn::AttentionResult reused = attn::recomputeAfterScores(previous, to);
    QCOMPARE(reused.layers.size(), std::size_t(2));
    const attn::AttentionResult fresh = attn::computeAttention(to);
    QVERIFY(reused.layers[0].heads[1].weights == fresh.layers[0].heads[1].weights);
    QVERIFY(reused.layers[1].input == second.input);
    QVERIFY(reused.layers[1].q == second.q);
    for (std::size_t h = 0; h < 2; ++h) {
        const attn::HeadResult& head = reused.layers[1].heads[h];
        QVERIFY(head.scores == second.heads[h].scores);
        const attn::Matrix expected = attn::softmaxRows(second.heads[h].scores / std::sqrt(2.0) / 0.5);
        QVERIFY2(testutil::maxAbsDifference(head.weights, expected) < 1e-15, qPrintable(QString::number(h)));
        QVERIFY(head.weights != fresh.layers[0].heads[h].weights);
    }
}

void TestAttention::scoresOfOneHeadAreTheSameNumbers_data()
{
    QTest::addColumn<AttentionConfig>("config");
    AttentionConfig config;
    config.sentence = "the quick brown fox jumps over the lazy dog and the cat";
    config.dModel = 12;
    config.heads = 3;
    QTest::addRow("3 heads") << config;
    config.causal = true;
    config.temperature = 0.7;
    QTest::addRow("causal, T 0.7") << config;
    config.init = attn::WeightInit::Normal;
    config.scaled = false;
    QTest::addRow("normal, unscaled") << config;
    // Long enough for the products to run on the BLAS kernel. Of 50 words
    // that come back, each distinct row is computed once; with every word
    // distinct, a head's scores go through several blocks of rows, the last
    // one shorter.
    config.sentence = testutil::wordsSentence(300, 50);
    config.dModel = 128;
    config.heads = 4;
    config.scaled = true;
    QTest::addRow("300 tokens of 50 words, causal") << config;
    config.causal = false;
    config.temperature = 1.0;
    QTest::addRow("300 tokens of 50 words") << config;
    config.sentence = testutil::wordsSentence(300, 0);
    QTest::addRow("300 distinct tokens") << config;
    config.causal = true;
    QTest::addRow("300 distinct tokens, causal") << config;
}

void TestAttention::scoresOfOneHeadAreTheSameNumbers()
{
    // A result that keeps the scores of head 2 only has every head's weights
    // and outputs bit for bit; the other heads' scores, computed again (whole,
    // or the row a hover needs), are the kept ones.
    QFETCH(AttentionConfig, config);
    const attn::AttentionResult full = attn::computeAttention(config);
    const attn::AttentionResult lean = attn::computeAttention(config, nullptr, attn::ScoresKept{0, 1});
    const attn::LayerResult& f = full.layers[0];
    const attn::LayerResult& l = lean.layers[0];
    QCOMPARE(l.heads.size(), f.heads.size());
    for (int h = 0; h < config.heads; ++h) {
        const auto& fh = f.heads[static_cast<std::size_t>(h)];
        const auto& lh = l.heads[static_cast<std::size_t>(h)];
        QCOMPARE(lh.hasScores(), h == 1);
        QVERIFY(lh.weights == fh.weights);
        QVERIFY(lh.output == fh.output);
        const attn::HeadScores again = attn::headScores(l, h, config);
        QVERIFY(again.scores == fh.scores);
        QVERIFY(again.scaledScores == fh.scaledScores);
        for (int row : {0, 5, 11}) {
            const attn::Vector scaled = attn::scaledScoresRow(l, h, row, config);
            const attn::Vector scores = attn::scoresRow(l, h, row);
            for (int j = 0; j < 12; ++j) {
                QVERIFY(qFuzzyCompare(1.0 + scores(j), 1.0 + fh.scores(row, j)));
                if (std::isinf(fh.scaledScores(row, j)))
                    QCOMPARE(scaled(j), fh.scaledScores(row, j));
                else
                    QVERIFY(std::abs(scaled(j) - fh.scaledScores(row, j)) <= 1e-12 * (1 + std::abs(scaled(j))));
            }
        }
    }
    QVERIFY(l.output == f.output);
    // The scores reused after a temperature change: kept or computed, the same.
    AttentionConfig warmer = config;
    warmer.temperature = 2.0;
    const attn::AttentionResult reused = attn::recomputeAfterScores(lean, warmer, nullptr, attn::ScoresKept{0, 2});
    const attn::AttentionResult fresh = attn::computeAttention(warmer);
    for (int h = 0; h < config.heads; ++h)
        QVERIFY(reused.layers[0].heads[static_cast<std::size_t>(h)].weights ==
                fresh.layers[0].heads[static_cast<std::size_t>(h)].weights);
    QVERIFY(reused.layers[0].heads[2].scaledScores == fresh.layers[0].heads[2].scaledScores);
    QVERIFY(!reused.layers[0].heads[1].hasScores());
}

void TestAttention::repeatedWordsMatchWholeProducts_data()
{
    QTest::addColumn<AttentionConfig>("config");
    AttentionConfig config;
    config.sentence = testutil::wordsSentence(257, 31);
    config.dModel = 96;
    config.heads = 3;
    config.init = attn::WeightInit::Normal;
    QTest::addRow("257 tokens of 31 words") << config;
    config.causal = true;
    QTest::addRow("causal") << config;
    config.causal = false;
    config.temperature = 0.6;
    config.scaled = false;
    QTest::addRow("unscaled, T 0.6") << config;
    config.positional = true;
    QTest::addRow("positional: no row repeats") << config;
}

void TestAttention::repeatedWordsMatchWholeProducts()
{
    // The engine computes a repeated word's rows once; every stage must
    // still be what the whole products give, and a repeated word's rows the
    // same numbers wherever the word stands.
    QFETCH(AttentionConfig, config);
    for (const attn::ScoresKept keep : {attn::ScoresKept{}, attn::ScoresKept{0, 1}}) {
        const attn::AttentionResult result = attn::computeAttention(config, nullptr, keep);
        const attn::LayerResult& layer = result.layers[0];
        const attn::Matrix x = result.inputs;
        const auto near = [](const attn::Matrix& actual, const attn::Matrix& expected) {
            return testutil::maxAbsDifference(actual, expected) <=
                   1e-12 * std::max(1.0, expected.cwiseAbs().maxCoeff());
        };
        QVERIFY(near(layer.q, x * layer.wQuery));
        QVERIFY(near(layer.k, x * layer.wKey));
        QVERIFY(near(layer.v, x * layer.wValue));
        const int n = static_cast<int>(x.rows());
        for (int h = 0; h < config.heads; ++h) {
            const attn::HeadResult& head = layer.heads[static_cast<std::size_t>(h)];
            const auto cols = [&](const attn::Matrix& m) { return m.middleCols(h * layer.dK, layer.dK); };
            const attn::Matrix scores = cols(layer.q) * cols(layer.k).transpose();
            attn::Matrix scaled = scores;
            if (config.scaled)
                scaled /= std::sqrt(static_cast<double>(layer.dK));
            scaled /= config.temperature;
            for (int i = 0; i < n && config.causal; ++i)
                scaled.row(i).tail(n - i - 1).setConstant(-std::numeric_limits<double>::infinity());
            const attn::Matrix weights = attn::softmaxRows(scaled);
            const attn::HeadScores kept = attn::headScores(layer, h, config);
            QVERIFY(near(kept.scores, scores));
            for (int i = 0; i < n; ++i)
                for (int j = 0; j < n; ++j)
                    QVERIFY(std::isinf(scaled(i, j)) ? kept.scaledScores(i, j) == scaled(i, j)
                                                     : std::abs(kept.scaledScores(i, j) - scaled(i, j)) <=
                                                           1e-12 * std::max(1.0, std::abs(scaled(i, j))));
            QVERIFY(near(head.weights, weights));
            QVERIFY(near(head.output, weights * cols(layer.v)));
            // Tokens 0 and 31 are the same word: without a mask or positions
            // their rows are the same numbers in every stage.
            if (!config.causal && !config.positional) {
                QVERIFY(head.weights.row(0) == head.weights.row(31));
                QVERIFY(head.output.row(0) == head.output.row(31));
                QVERIFY(kept.scaledScores.row(0) == kept.scaledScores.row(31));
            }
        }
    }
}

void TestAttention::longInputsKeepOneHeadsScores()
{
    // Short inputs keep every head's scores; long ones the shown head's only,
    // which brings 4096 tokens x 768 x 12 heads within 3 GB and 2048 within
    // 0.8 GB (it was 4.9 GB: three n x n matrices per head).
    QVERIFY(attn::scoresToKeep(1024, 12, 0, 3).keepsAll());
    QCOMPARE(attn::scoresToKeep(2048, 12, 0, 3), (attn::ScoresKept{0, 3}));
    QCOMPARE(attn::scoresToKeep(4096, 12, 0, 0), (attn::ScoresKept{0, 0}));
    QVERIFY(attn::resultBytes(4096, 768, 12, 1, true) <= 3'000'000'000ull);
    QVERIFY(attn::resultBytes(2048, 768, 12, 1, true) <= 800'000'000ull);
    QVERIFY(attn::resultBytes(4096, 768, 12) > 4'500'000'000ull);
    // A lone head is the head on screen: the lean form is the full one.
    QCOMPARE(attn::resultBytes(300, 8, 1, 1, true), attn::resultBytes(300, 8, 1));
}

void TestAttention::layerAccessorsClamp()
{
    attn::AttentionResult result = attn::computeAttention(AttentionConfig{});
    result.layers.push_back(result.layers.front());
    QCOMPARE(&result.layer(-1), &result.layers[0]);
    QCOMPARE(&result.layer(1), &result.layers[1]);
    QCOMPARE(&result.layer(9), &result.layers[1]);
    QCOMPARE(result.headCount(), 1);
    QCOMPARE(attn::AttentionResult{}.headCount(), 0);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, attn::AttentionResult{}.layer(0));
}

void TestAttention::validEdgesPass_data()
{
    QTest::addColumn<AttentionConfig>("config");
    AttentionConfig c;
    c.sentence = "alone";
    QTest::addRow("one token") << c;
    c.sentence = "";
    for (int i = 0; i < attn::Limits::maxTokens; ++i)
        c.sentence += "t" + std::to_string(i % 97) + " ";
    c.dModel = 4;
    c.heads = 2;
    QTest::addRow("4096 tokens") << c;
    AttentionConfig big;
    big.dModel = 1024;
    big.heads = 16;
    big.init = attn::WeightInit::Normal;
    QTest::addRow("d_model 1024") << big;
    AttentionConfig seeds;
    seeds.weightSeed = attn::Limits::maxSeed;
    seeds.embeddingSeed = 0;
    QTest::addRow("largest seed") << seeds;
}

void TestAttention::validEdgesPass()
{
    QFETCH(AttentionConfig, config);
    const attn::AttentionResult result = attn::computeAttention(config);
    QCOMPARE(result.layers[0].output.rows(), Eigen::Index(result.tokens.size()));
    QCOMPARE(result.layers[0].output.cols(), Eigen::Index(config.dModel));
    QVERIFY(result.layers[0].output.allFinite());
    for (const attn::HeadResult& head : result.layers[0].heads) {
        const auto rowSums = head.weights.rowwise().sum();
        QVERIFY((rowSums.array() - 1.0).abs().maxCoeff() < 1e-12);
    }
}

void TestAttention::softmaxIsStableForHugeScores()
{
    attn::Matrix scores(2, 3);
    const double inf = std::numeric_limits<double>::infinity();
    scores << 1000.0, 1001.0, 999.0, -inf, 5e300, -5e300;
    const attn::Matrix w = attn::softmaxRows(scores);
    QVERIFY(w.allFinite());
    const double e1 = std::exp(-1.0), e2 = std::exp(-2.0);
    QVERIFY(std::abs(w(0, 1) - 1.0 / (1.0 + e1 + e2)) < 1e-15);
    QCOMPARE(w(1, 0), 0.0);
    QCOMPARE(w(1, 1), 1.0);
}

void TestAttention::explicitVectorsDoNotShiftTheStream()
{
    AttentionConfig drawn;
    drawn.explicitEmbeddings.clear();
    drawn.sentence = "a b c";
    AttentionConfig partly = drawn;
    partly.explicitEmbeddings["a"] = {9.0, 9.0, 9.0};
    const auto r1 = attn::computeAttention(drawn);
    const auto r2 = attn::computeAttention(partly);
    QCOMPARE(r2.embeddings.row(0), (attn::Vector(3) << 9.0, 9.0, 9.0).finished());
    QCOMPARE(r2.embeddings.bottomRows(2), r1.embeddings.bottomRows(2));
    QCOMPARE(r2.wordIsExplicit, (std::vector<bool>{true, false, false}));
}

void TestAttention::extremeValuesNeverCrash_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("computable");
    QTest::addRow("tiny") << 1e-300 << true;
    QTest::addRow("denormal") << 4.9e-324 << true;
    QTest::addRow("large") << 1e200 << false; // scores overflow to infinity
    QTest::addRow("huge") << 1.7e308 << false;
    QTest::addRow("huge negative") << -1.7e308 << false;
}

void TestAttention::extremeValuesNeverCrash()
{
    QFETCH(double, value);
    QFETCH(bool, computable);
    AttentionConfig config;
    config.sentence = "a b a c";
    config.explicitEmbeddings.clear();
    config.explicitEmbeddings["a"] = {value, 1.0, value};
    // A result is either all finite numbers (but the masked cells) or
    // refused with a sentence: an overflow never reaches the screen as NaN
    // weights, which would pass for numbers or for masked cells.
    if (computable) {
        const attn::AttentionResult result = attn::computeAttention(config);
        QVERIFY(result.layers[0].output.allFinite());
        QVERIFY(result.layers[0].heads.front().weights.allFinite());
        return;
    }
    try {
        attn::computeAttention(config);
        QFAIL("an overflowing input was computed");
    } catch (const attn::AttentionError& e) {
        QCOMPARE(e.kind(), attn::AttentionError::Kind::Overflow);
        QVERIFY2(QString(e.what()).contains("float64"), e.what());
    }
}

void TestAttention::overflowingInputsAreRefused_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("phrase");
    using Kind = attn::AttentionError::Kind;
    QTest::addRow("temperature 4e-324") << "temperature" << int(Kind::Temperature) << "larger temperature";
    // Scaled scores near ±1e308: finite, so computed (the heatmap's range
    // overflows, which the renderer must take).
    QTest::addRow("temperature 4.6e-309 unscaled normal") << "unscaled" << -1 << "";
    QTest::addRow("infinite embedding") << "inf embedding" << int(Kind::Embedding) << "infinite";
    QTest::addRow("NaN embedding") << "nan embedding" << int(Kind::Embedding) << "undefined";
    QTest::addRow("infinite weight") << "inf weight" << int(Kind::Weights) << "W_key";
    QTest::addRow("embeddings 1e308") << "1e308" << int(Kind::Overflow) << "float64";
    QTest::addRow("causal, huge weights") << "causal huge" << int(Kind::Overflow) << "float64";
}

void TestAttention::overflowingInputsAreRefused()
{
    QFETCH(QString, what);
    QFETCH(int, kind);
    QFETCH(QString, phrase);
    AttentionConfig config;
    config.sentence = "i miss the old kanye";
    config.explicitEmbeddings.clear();
    if (what == "temperature") {
        config.temperature = 4e-324;
    } else if (what == "unscaled") {
        config.init = attn::WeightInit::Normal;
        config.scaled = false;
        config.temperature = 4.6e-309;
    } else if (what == "inf embedding") {
        config.explicitEmbeddings["miss"] = {1.0, std::numeric_limits<double>::infinity(), 0.0};
    } else if (what == "nan embedding") {
        config.explicitEmbeddings["miss"] = {1.0, std::nan(""), 0.0};
    } else if (what == "inf weight") {
        attn::Matrix w = attn::Matrix::Ones(3, 3);
        w(1, 2) = -std::numeric_limits<double>::infinity();
        config.wKey = w;
    } else if (what == "1e308") {
        config.explicitEmbeddings["old"] = {1e308, -1e308, 1e308};
    } else {
        config.causal = true;
        config.wQuery = attn::Matrix::Constant(3, 3, 1e300);
        config.wKey = attn::Matrix::Constant(3, 3, 1e300);
    }
    if (kind < 0) {
        const attn::AttentionResult result = attn::computeAttention(config);
        QVERIFY(result.layers[0].heads.front().weights.allFinite());
        QVERIFY(result.layers[0].heads.front().scaledScores.allFinite());
        QVERIFY(result.layers[0].output.allFinite());
        return;
    }
    try {
        attn::computeAttention(config);
        QFAIL("computed what cannot be computed");
    } catch (const attn::AttentionError& e) {
        QCOMPARE(int(e.kind()), kind);
        QVERIFY2(QString(e.what()).contains(phrase), e.what());
    }
}

void TestAttention::hugeSentenceIsRefusedWithoutSplitting()
{
    // 600 MB of tokens would take gigabytes to split; the count stops at the
    // limit and the byte limit comes first.
    AttentionConfig config;
    config.explicitEmbeddings.clear();
    config.sentence = std::string(attn::Limits::maxSentenceBytes + 1, 'a');
    try {
        attn::validateConfig(config);
        QFAIL("a sentence over the byte limit was accepted");
    } catch (const attn::AttentionError& e) {
        QCOMPARE(e.kind(), attn::AttentionError::Kind::TooManyTokens);
        QVERIFY2(QString(e.what()).contains("bytes"), e.what());
    }
    std::string words;
    for (int i = 0; i < attn::Limits::maxTokens + 5; ++i)
        words += "a ";
    config.sentence = words;
    QVERIFY_THROWS_EXCEPTION(attn::AttentionError, attn::validateConfig(config));
    QCOMPARE(attn::countTokens(words), std::size_t(attn::Limits::maxTokens + 5));
    QCOMPARE(attn::countTokens(words, 10), std::size_t(11));
    QCOMPARE(attn::countTokens("  a\u00a0b\xff c  "), attn::splitTokens("  a\u00a0b\xff c  ").size());
}

void TestAttention::cancelStopsTheComputation()
{
    AttentionConfig config;
    config.explicitEmbeddings.clear();
    config.sentence = "w";
    for (int i = 0; i < 600; ++i)
        config.sentence += " w" + std::to_string(i);
    config.dModel = 8;
    config.heads = 2;
    std::atomic<bool> cancel = true;
    QVERIFY_THROWS_EXCEPTION(attn::Cancelled, attn::computeAttention(config, &cancel));
    cancel = false;
    QCOMPARE(attn::computeAttention(config, &cancel).layers[0].heads.size(), std::size_t(2));
}

void TestAttention::memoryBudgetFollowsTheTightestLimit_data()
{
    QTest::addColumn<quint64>("physical");
    QTest::addColumn<quint64>("available");
    QTest::addColumn<quint64>("limit");
    QTest::addColumn<quint64>("usage");
    QTest::addColumn<quint64>("budget");
    constexpr quint64 GB = 1000000000ULL;
    QTest::addRow("RAM only") << 24 * GB << 0ULL << 0ULL << 0ULL << 24 * GB / 10 * 4;
    QTest::addRow("little free") << 24 * GB << 5 * GB << 0ULL << 0ULL << 5 * GB / 10 * 8;
    QTest::addRow("container limit") << 24 * GB << 20 * GB << 2 * GB << 0ULL << 2 * GB / 10 * 4;
    QTest::addRow("container nearly full") << 24 * GB << 20 * GB << 2 * GB << 1900000000ULL << 100000000ULL / 10 * 8;
    QTest::addRow("container over its limit") << 24 * GB << 20 * GB << 2 * GB << 3 * GB << 0ULL;
}

void TestAttention::memoryBudgetFollowsTheTightestLimit()
{
    QFETCH(quint64, physical);
    QFETCH(quint64, available);
    QFETCH(quint64, limit);
    QFETCH(quint64, usage);
    QFETCH(quint64, budget);
    attn::MemoryFacts facts;
    facts.physical = physical;
    facts.available = available;
    facts.cgroupLimit = limit;
    facts.cgroupUsage = usage;
    QCOMPARE(quint64(attn::memoryBudget(facts)), budget);
}

void TestAttention::memoryFactsAreReadFromTheSystemFiles()
{
    // A /proc and /sys laid out as in a cgroup v2 container whose limit is
    // set on the parent group, and as in a v1 one.
    QTemporaryDir root;
    const auto write = [&](const QString& path, const QByteArray& text) {
        QDir().mkpath(QFileInfo(root.filePath(path)).path());
        QFile file(root.filePath(path));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write("proc/meminfo", "MemTotal:       16000000 kB\nMemFree: 100 kB\nMemAvailable:    8000000 kB\n");
    write("proc/self/cgroup", "0::/app.slice/av.scope\n");
    write("sys/fs/cgroup/app.slice/memory.max", "3000000000\n");
    write("sys/fs/cgroup/app.slice/memory.current", "1000000000\n");
    write("sys/fs/cgroup/app.slice/memory.stat", "anon 5\ninactive_file 400000000\n");
    write("sys/fs/cgroup/app.slice/av.scope/memory.max", "max\n");
    attn::MemoryFacts facts = attn::readMemoryFacts(root.path().toStdString());
    QCOMPARE(facts.physical, std::uint64_t(16000000) * 1024);
    QCOMPARE(facts.available, std::uint64_t(8000000) * 1024);
    QCOMPARE(facts.cgroupLimit, std::uint64_t(3000000000));
    QCOMPARE(facts.cgroupUsage, std::uint64_t(600000000));

    QTemporaryDir v1;
    QVERIFY(QDir().mkpath(v1.filePath("proc/self")));
    QVERIFY(QDir().mkpath(v1.filePath("sys/fs/cgroup/memory")));
    QFile cgroup(v1.filePath("proc/self/cgroup"));
    QVERIFY(cgroup.open(QIODevice::WriteOnly));
    cgroup.write("4:memory:/process/xyz\n0::/\n");
    cgroup.close();
    QFile limit(v1.filePath("sys/fs/cgroup/memory/memory.limit_in_bytes"));
    QVERIFY(limit.open(QIODevice::WriteOnly));
    limit.write("9223372036854771712\n"); // v1's "no limit"
    limit.close();
    facts = attn::readMemoryFacts(v1.path().toStdString());
    QCOMPARE(facts.cgroupLimit, std::uint64_t(0));
    QVERIFY(limit.open(QIODevice::WriteOnly));
    limit.write("2147483648\n");
    limit.close();
    QCOMPARE(attn::readMemoryFacts(v1.path().toStdString()).cgroupLimit, std::uint64_t(2147483648ULL));
}

QTEST_GUILESS_MAIN(TestAttention)
#include "tst_attention.moc"
