#include "core/gpt2model.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/modelloader.h"
#include "ui/document/presets.h"
#include "ui/document/trainedpresets.h"

#include "testutil.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <functional>

#include <atomic>

// The document computes off the GUI thread, delivers only the newest
// request's result, and keeps the last good result through errors.
class TestAttentionDocument : public QObject
{
    Q_OBJECT

private slots:
    void computesAndDeliversShapes_data();
    void computesAndDeliversShapes();
    void busyGoesOnAndOff();
    void newestRequestWins();
    void sameConfigIsNoOp();
    void invalidConfigKeepsLastResult_data();
    void invalidConfigKeepsLastResult();
    void errorClearsOnValidConfig();
    void returningToShownConfigNeedsNoWork();
    void temperatureDragMatchesFullRuns();
    void longInputKeepsEventLoopTurning();
    void destroyWhileComputing();
    void longInputKeepsTheShownHeadsScores();
    void checkpointShowsEveryLayerAndTheShownLayersStages();
    void typingAtTheEndTakesOverEarlierPositions();
    void trainedPresetReadsItsTokens();

    // Undo history and the modified state.
    void editRecordsAndUndoRestores();
    void burstOfOneSettingMerges_data();
    void burstOfOneSettingMerges();
    void differentSettingsOrNamedEditsNeverMerge();
    void pauseEndsBurst();
    void saveEndsBurst();
    void burstBackToStartVanishes();
    void resetClearsHistoryAndIsUnmodified();
    void modifiedFollowsSavedConfig();
};

void TestAttentionDocument::computesAndDeliversShapes_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<int>("dModel");
    QTest::addColumn<int>("heads");
    QTest::addRow("article") << "i miss the old kanye" << 3 << 1;
    QTest::addRow("two heads") << "the cat sat on the mat" << 8 << 2;
    QTest::addRow("one word") << "hello" << 4 << 4;
}

void TestAttentionDocument::computesAndDeliversShapes()
{
    QFETCH(QString, sentence);
    QFETCH(int, dModel);
    QFETCH(int, heads);

    AttentionDocument document;
    QSignalSpy results(&document, &AttentionDocument::resultChanged);
    QSignalSpy configs(&document, &AttentionDocument::configChanged);
    attn::AttentionConfig config;
    config.sentence = sentence.toStdString();
    config.dModel = dModel;
    config.heads = heads;
    document.setConfig(config);
    QCOMPARE(configs.count(), 1);
    QVERIFY(!document.result()); // nothing synchronous: the work is queued
    QVERIFY(testutil::waitForIdle(&document));
    QCOMPARE(results.count(), 1);

    const auto result = document.result();
    QVERIFY(result);
    const int n = static_cast<int>(sentence.split(' ', Qt::SkipEmptyParts).size());
    QCOMPARE(static_cast<int>(result->tokens.size()), n);
    QCOMPARE(result->embeddings.rows(), n);
    QCOMPARE(result->embeddings.cols(), dModel);
    QCOMPARE(result->layers[0].q.cols(), dModel);
    QCOMPARE(static_cast<int>(result->layers[0].heads.size()), heads);
    QCOMPARE(result->layers[0].dK, dModel / heads);
    for (const attn::HeadResult& head : result->layers[0].heads) {
        QCOMPARE(head.weights.rows(), n);
        QCOMPARE(head.weights.cols(), n);
    }
    QCOMPARE(result->layers[0].output.rows(), n);
    QCOMPARE(result->layers[0].output.cols(), dModel);
    QVERIFY(document.resultConfig() == config);
    QVERIFY(document.errorText().isEmpty());
}

void TestAttentionDocument::busyGoesOnAndOff()
{
    AttentionDocument document;
    QSignalSpy busy(&document, &AttentionDocument::busyChanged);
    document.setConfig(attn::AttentionConfig{});
    QVERIFY(document.isBusy());
    QVERIFY(testutil::waitForIdle(&document));
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

void TestAttentionDocument::newestRequestWins()
{
    AttentionDocument document;
    QSignalSpy results(&document, &AttentionDocument::resultChanged);

    // A slow request first, so it is surely in flight when the second arrives.
    attn::AttentionConfig slow;
    slow.sentence.clear();
    for (int i = 0; i < 1500; ++i)
        slow.sentence += "w" + std::to_string(i % 300) + " ";
    slow.dModel = 64;
    slow.heads = 4;
    attn::AttentionConfig fast;
    fast.sentence = "only the newest counts";
    document.setConfig(slow);
    document.setConfig(fast);

    QVERIFY(testutil::waitForIdle(&document, 60000));
    QCOMPARE(results.count(), 1);
    QCOMPARE(document.result()->tokens.size(), std::size_t(4));
    QVERIFY(document.resultConfig() == fast);

    // Several quick edits coalesce: at most the first and the last compute,
    // and only the last is delivered.
    results.clear();
    for (int i = 1; i <= 20; ++i) {
        attn::AttentionConfig typing = fast;
        typing.sentence = std::string("abcdefghijklmnopqrstu").substr(0, static_cast<std::size_t>(i));
        document.setConfig(typing);
    }
    QVERIFY(testutil::waitForIdle(&document));
    QCOMPARE(results.count(), 1);
    QCOMPARE(document.resultConfig().sentence, std::string("abcdefghijklmnopqrst"));
}

void TestAttentionDocument::sameConfigIsNoOp()
{
    AttentionDocument document;
    document.setConfig(attn::AttentionConfig{});
    QVERIFY(testutil::waitForIdle(&document));
    QSignalSpy configs(&document, &AttentionDocument::configChanged);
    QSignalSpy busy(&document, &AttentionDocument::busyChanged);
    document.setConfig(attn::AttentionConfig{});
    QCOMPARE(configs.count(), 0);
    QCOMPARE(busy.count(), 0);
}

void TestAttentionDocument::invalidConfigKeepsLastResult_data()
{
    QTest::addColumn<int>("dModel");
    QTest::addColumn<int>("heads");
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<int>("kind");
    QTest::addRow("heads do not divide") << 6 << 4 << "i miss the old kanye"
                                         << static_cast<int>(attn::AttentionError::Kind::Heads);
    QTest::addRow("empty sentence") << 3 << 1 << "   " << static_cast<int>(attn::AttentionError::Kind::NoTokens);
    QTest::addRow("d_model zero") << 0 << 1 << "a b" << static_cast<int>(attn::AttentionError::Kind::DModel);
}

void TestAttentionDocument::invalidConfigKeepsLastResult()
{
    QFETCH(int, dModel);
    QFETCH(int, heads);
    QFETCH(QString, sentence);
    QFETCH(int, kind);

    AttentionDocument document;
    document.setConfig(attn::AttentionConfig{});
    QVERIFY(testutil::waitForIdle(&document));
    const auto good = document.result();
    QVERIFY(good);

    QSignalSpy errors(&document, &AttentionDocument::errorChanged);
    QSignalSpy results(&document, &AttentionDocument::resultChanged);
    attn::AttentionConfig bad;
    bad.dModel = dModel;
    bad.heads = heads;
    bad.sentence = sentence.toStdString();
    document.setConfig(bad);
    QVERIFY(testutil::waitForIdle(&document));

    QCOMPARE(errors.count(), 1);
    const QString text = errors.at(0).at(0).toString();
    QVERIFY2(!text.isEmpty() && text.endsWith('.'), qPrintable(text)); // a sentence
    QCOMPARE(document.errorText(), text);
    QVERIFY(document.errorKind().has_value());
    QCOMPARE(static_cast<int>(*document.errorKind()), kind);
    QCOMPARE(results.count(), 0);
    QCOMPARE(document.result(), good);
    QVERIFY(document.resultConfig() == attn::AttentionConfig{});
    QVERIFY(document.config() == bad); // the request itself is kept for the controls
}

void TestAttentionDocument::errorClearsOnValidConfig()
{
    AttentionDocument document;
    attn::AttentionConfig bad;
    bad.dModel = 6;
    bad.heads = 4;
    document.setConfig(bad);
    QVERIFY(!document.errorText().isEmpty());
    QVERIFY(!document.result());

    QSignalSpy errors(&document, &AttentionDocument::errorChanged);
    bad.heads = 3;
    document.setConfig(bad);
    QVERIFY(testutil::waitForIdle(&document));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.at(0).at(0).toString().isEmpty());
    QVERIFY(document.result());
    QCOMPARE(document.result()->layers[0].heads.size(), std::size_t(3));
}

void TestAttentionDocument::temperatureDragMatchesFullRuns()
{
    // A drag of the temperature (and a flip of the mask) starts from the
    // result on screen; every step must equal a full run of its settings.
    attn::AttentionConfig config;
    config.sentence = "the quick brown fox jumps over the lazy dog while the cat watches";
    config.dModel = 16;
    config.heads = 4;
    config.init = attn::WeightInit::Normal;
    AttentionDocument document;
    document.setConfig(config);
    QVERIFY(testutil::waitForIdle(&document));
    for (const double temperature : {0.5, 0.8, 1.7, 4.0}) {
        config.temperature = temperature;
        config.causal = temperature > 1.0;
        document.setConfig(config);
        QVERIFY(testutil::waitForIdle(&document));
        QVERIFY(document.resultConfig() == config);
        const attn::AttentionResult expected = attn::computeAttention(config);
        const attn::AttentionResult& shown = *document.result();
        QCOMPARE(shown.layers[0].heads.size(), expected.layers[0].heads.size());
        for (std::size_t h = 0; h < expected.layers[0].heads.size(); ++h) {
            QVERIFY(shown.layers[0].heads[h].scaledScores == expected.layers[0].heads[h].scaledScores);
            QVERIFY(shown.layers[0].heads[h].weights == expected.layers[0].heads[h].weights);
        }
        QVERIFY(shown.layers[0].output == expected.layers[0].output);
    }
}

void TestAttentionDocument::returningToShownConfigNeedsNoWork()
{
    AttentionDocument document;
    document.setConfig(attn::AttentionConfig{});
    QVERIFY(testutil::waitForIdle(&document));
    const auto shown = document.result();

    attn::AttentionConfig other;
    other.sentence = "something else entirely";
    document.setConfig(other); // in flight or queued...
    QSignalSpy results(&document, &AttentionDocument::resultChanged);
    QSignalSpy errors(&document, &AttentionDocument::errorChanged);
    document.setConfig(attn::AttentionConfig{}); // ...and superseded by what is shown
    QVERIFY(!document.isBusy());
    QCOMPARE(results.count(), 0);
    QCOMPARE(errors.count(), 0);
    QCOMPARE(document.result(), shown);
    QVERIFY(document.config() == attn::AttentionConfig{});

    // A late delivery of `other` would come before the result of any newer
    // request (one worker, deliveries queued in order): ask for one and wait
    // for its result, so a delivery of `other` would surely have been seen.
    attn::AttentionConfig later;
    later.sentence = "a later request";
    document.setConfig(later);
    QVERIFY(testutil::waitForIdle(&document));
    QCOMPARE(results.count(), 1); // `later` only
    QCOMPARE(errors.count(), 0);
    QVERIFY(document.resultConfig() == later);
    const auto shownLater = document.result();
    QCOMPARE(shownLater->tokens.size(), std::size_t(3));

    attn::AttentionConfig bad = later;
    bad.heads = 2; // does not divide 3
    document.setConfig(bad);
    QVERIFY(!document.errorText().isEmpty());
    document.setConfig(later);
    QVERIFY(document.errorText().isEmpty());
    QVERIFY(!document.isBusy());
    QCOMPARE(document.result(), shownLater);
}

void TestAttentionDocument::longInputKeepsEventLoopTurning()
{
    AttentionDocument document;
    attn::AttentionConfig pasted;
    pasted.sentence.clear();
    for (int i = 0; i < 1000; ++i)
        pasted.sentence += "token" + std::to_string(i) + ' ';
    pasted.dModel = 64;
    pasted.heads = 8;

    // Turns of the event loop while the worker computes: a zero timer fires
    // on every turn.
    int ticksWhileBusy = 0;
    QTimer timer;
    timer.setInterval(0);
    connect(&timer, &QTimer::timeout, this, [&ticksWhileBusy, &document] {
        if (document.isBusy())
            ++ticksWhileBusy;
    });
    timer.start();

    const Qt::HANDLE guiThread = QThread::currentThreadId();
    QSignalSpy results(&document, &AttentionDocument::resultChanged);
    std::atomic<bool> deliveredOnGuiThread = false;
    connect(&document, &AttentionDocument::resultChanged, this,
            [&] { deliveredOnGuiThread = QThread::currentThreadId() == guiThread; });

    document.setConfig(pasted);
    // setConfig returns before the computation finished: nothing delivered yet.
    QVERIFY(document.isBusy());
    QVERIFY(!document.result());
    QCOMPARE(results.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, 60000);
    timer.stop();

    QCOMPARE(document.result()->tokens.size(), std::size_t(1000));
    QCOMPARE(document.result()->layers[0].heads.at(7).weights.rows(), 1000);
    QVERIFY(deliveredOnGuiThread);
    // The loop kept turning while the worker computed: a thousand tokens take
    // longer than a few empty turns of the loop on any machine, and a
    // computation on this thread would block it until the result was there.
    QVERIFY2(ticksWhileBusy >= 3, qPrintable(QString::number(ticksWhileBusy)));
}

void TestAttentionDocument::longInputKeepsTheShownHeadsScores()
{
    // 1500 tokens x 12 heads: every head's scores would take 430 MB, so the
    // result keeps those of the head on screen; showing another head brings
    // its scores, and nothing else changes.
    AttentionDocument document;
    attn::AttentionConfig config;
    std::string sentence;
    for (int i = 0; i < 1500; ++i)
        sentence += "w" + std::to_string(i % 97) + " ";
    config.sentence = sentence;
    config.dModel = 24;
    config.heads = 12;
    document.setShownHead(0, 4);
    document.setConfig(config);
    QVERIFY(testutil::waitForIdle(&document, 60000));
    const auto first = document.result();
    QVERIFY(first);
    for (int h = 0; h < 12; ++h)
        QCOMPARE(first->layers[0].heads[static_cast<std::size_t>(h)].hasScores(), h == 4);

    QSignalSpy changed(&document, &AttentionDocument::resultChanged);
    document.setShownHead(0, 9);
    QVERIFY(document.isBusy());
    QVERIFY(testutil::waitForIdle(&document, 60000));
    QCOMPARE(changed.count(), 1);
    const auto second = document.result();
    QVERIFY(second != first);
    QVERIFY(second->layers[0].heads[9].hasScores());
    QVERIFY(!second->layers[0].heads[4].hasScores());
    QVERIFY(second->layers[0].heads[9].scores == attn::headScores(first->layers[0], 9, config).scores);
    for (int h = 0; h < 12; ++h)
        QVERIFY(second->layers[0].heads[static_cast<std::size_t>(h)].weights ==
                first->layers[0].heads[static_cast<std::size_t>(h)].weights);
    QCOMPARE(document.resultConfig(), config);

    // Back to a head it has: nothing to compute.
    document.setShownHead(0, 9);
    QVERIFY(!document.isBusy());
}

void TestAttentionDocument::checkpointShowsEveryLayerAndTheShownLayersStages()
{
    // A tiny random GPT-2 with GPT-2's vocabulary size (the vocabulary that
    // ships with the app tokenizes for it).
    QTemporaryDir dir;
    QVERIFY(testutil::writeGpt2Checkpoint(
        dir.path(), {"--positions", "32", "--layers", "3", "--heads", "2", "--embd", "8", "--ids", "1"}));
    AttentionDocument document;
    attn::AttentionConfig config = withModel(attn::AttentionConfig(), dir.path().toStdString());
    config.sentence = "Hello world";
    QCOMPARE(config.heads, 2);
    QCOMPARE(config.dModel, 8);
    document.setConfig(config);
    QVERIFY(testutil::waitForIdle(&document, 60000));
    QVERIFY2(document.errorText().isEmpty(), qPrintable(document.errorText()));
    auto result = document.result();
    QCOMPARE(result->layers.size(), std::size_t(3));
    QCOMPARE(result->tokenIds, (std::vector<int>{15496, 995}));
    QCOMPARE(result->nextTokens.size(), std::size_t(10));
    QCOMPARE(result->layers[0].q.rows(), 2); // the shown layer: every stage
    QCOMPARE(result->layers[2].q.rows(), 0); // the others: their weights only
    // kept as computed, in float32 (gpt2 at 1024 tokens: 0.6 GB, not 1.2 GB)
    QCOMPARE(result->layers[2].heads[1].weights.rows(), 0);
    QCOMPARE(result->layers[2].heads[1].weights32.rows(), 2);
    QCOMPARE(result->layers[2].heads[1].weightRows(), 2);
    const attn::Matrix weights = result->layers[2].heads[1].weightsInDouble();
    // Showing layer 3 brings its stages; its weights are the same numbers.
    document.setShownHead(2, 1);
    QVERIFY(testutil::waitForIdle(&document, 60000));
    result = document.result();
    QCOMPARE(result->layers[2].q.rows(), 2);
    QVERIFY(result->layers[2].heads[1].weights == weights);
    QVERIFY(result->layers[2].heads[1].hasScores());

    // An export of one layer keeps that layer's weights only; its numbers are the same.
    const attn::AttentionResult oneLayer = computeModelResult(config, {.stageLayer = 2, .everyLayer = false});
    QCOMPARE(oneLayer.layers.size(), std::size_t(3));
    QCOMPARE(oneLayer.layers[0].heads.size(), std::size_t(2));
    QCOMPARE(oneLayer.layers[0].heads[1].weightRows(), 0);
    QVERIFY(oneLayer.layers[2].heads[1].weights == weights);
    QVERIFY(oneLayer.layers[2].heads[1].scores == result->layers[2].heads[1].scores);
    QCOMPARE(oneLayer.nextTokens.front().id, result->nextTokens.front().id);

    // A folder that is not a checkpoint: an error, and the last result stays.
    QFile::remove(dir.filePath("model.safetensors"));
    attn::AttentionConfig other = config;
    other.model = dir.filePath("elsewhere").toStdString();
    document.setConfig(other);
    QVERIFY(testutil::waitForIdle(&document, 60000));
    QVERIFY(!document.errorText().isEmpty());
    QCOMPARE(document.result(), result);
}

// Typing at the end of a checkpoint's text computes only the new positions:
// the earlier ones are the earlier result's (causal attention), and every
// number is what a whole pass gives.
void TestAttentionDocument::typingAtTheEndTakesOverEarlierPositions()
{
    QTemporaryDir dir;
    QVERIFY(testutil::writeGpt2Checkpoint(
        dir.path(), {"--positions", "32", "--layers", "3", "--heads", "2", "--embd", "8", "--ids", "1"}));
    AttentionDocument document;
    attn::AttentionConfig config = withModel(attn::AttentionConfig(), dir.path().toStdString());
    const auto show = [&](const std::string& sentence) {
        config.sentence = sentence;
        document.setConfig(config);
        return testutil::waitForIdle(&document, 60000) && document.errorText().isEmpty();
    };
    QVERIFY(show("The cat sat on the"));
    QVERIFY(document.result()->keysValues);
    QCOMPARE(document.result()->keysValues->reused, 0);
    QVERIFY(show("The cat sat on the mat"));
    const auto typed = document.result();
    QCOMPARE(typed->tokenIds.size(), std::size_t(6));
    QCOMPARE(typed->keysValues->reused, 5);
    const attn::AttentionResult whole = computeModelResult(config);
    QCOMPARE(typed->tokenIds, whole.tokenIds);
    for (std::size_t l = 0; l < whole.layers.size(); ++l) {
        for (std::size_t h = 0; h < whole.layers[l].heads.size(); ++h) {
            const attn::Matrix difference =
                typed->layers[l].heads[h].weightsInDouble() - whole.layers[l].heads[h].weightsInDouble();
            QVERIFY(difference.cwiseAbs().maxCoeff() < 1e-6);
        }
    }
    QVERIFY((typed->layers[0].block->residualOut - whole.layers[0].block->residualOut).cwiseAbs().maxCoeff() < 1e-5);
    QCOMPARE(typed->nextTokens.front().id, whole.nextTokens.front().id);
    QVERIFY(std::abs(typed->nextTokens.front().probability - whole.nextTokens.front().probability) < 1e-6);

    // A changed first word shares nothing; another layer has no stages to take over.
    QVERIFY(show("A cat sat on the mat"));
    QCOMPARE(document.result()->keysValues->reused, 0);
    document.setShownHead(1, 0);
    QVERIFY(testutil::waitForIdle(&document, 60000));
    QCOMPARE(document.result()->keysValues->reused, 0);
    QVERIFY(show("A cat sat on the mat and"));
    QCOMPARE(document.result()->keysValues->reused, 6);

    // A result that kept one layer's weights only lends nothing: all is computed.
    const attn::AttentionResult oneLayer = computeModelResult(config, {.everyLayer = false, .reusable = true});
    attn::AttentionConfig longer = config;
    longer.sentence += " then";
    const attn::AttentionResult after = computeModelResult(longer, {.reusable = true, .previous = &oneLayer});
    QCOMPARE(after.keysValues->reused, 0);
    QCOMPARE(after.layers[2].heads[1].weightRows(), Eigen::Index(after.tokenIds.size()));
}

void TestAttentionDocument::trainedPresetReadsItsTokens()
{
    // The shipped induction model: its example's weights are the trained
    // model's, computed in the worker; a typed sequence of its tokens shows
    // that sequence's; anything else is an error that keeps the last result.
    AttentionDocument document;
    attn::AttentionConfig config = trainedPresetConfig("induction");
    document.setConfig(config);
    QVERIFY(testutil::waitForIdle(&document, 60000));
    QVERIFY2(document.errorText().isEmpty(), qPrintable(document.errorText()));
    const attn::train::TrainedModel model = loadTrainedPreset("induction");
    const auto example = attn::train::fixedExample(model.options).tokens;
    const auto weights = attn::train::attentionWeights(model, example);
    auto result = document.result();
    QCOMPARE(result->layers.size(), std::size_t(2));
    QCOMPARE(result->tokens.size(), example.size());
    QVERIFY(result->layers[1].heads[1].weights == weights[1][1]);

    config.sentence = "3 1 4 1 5 3 1 4 1 5";
    document.setConfig(config);
    QVERIFY(testutil::waitForIdle(&document, 60000));
    result = document.result();
    QCOMPARE(result->tokens.size(), std::size_t(10));
    QVERIFY(result->layers[0].heads[0].weights ==
            attn::train::attentionWeights(model, {3, 1, 4, 1, 5, 3, 1, 4, 1, 5})[0][0]);

    config.sentence = "3 one 4";
    document.setConfig(config);
    QVERIFY(testutil::waitForIdle(&document, 60000));
    QVERIFY2(document.errorText().contains("\"one\""), qPrintable(document.errorText()));
    QCOMPARE(document.result(), result);

    // A session refers to the preset by name and reopens it.
    QString error;
    const auto reread = configFromJson(configToJson(config), attn::AttentionConfig{}, &error);
    QVERIFY2(reread, qPrintable(error));
    QCOMPARE(reread->trainedTask, std::string("induction"));
}

void TestAttentionDocument::destroyWhileComputing()
{
    auto document = std::make_unique<AttentionDocument>();
    attn::AttentionConfig big;
    big.sentence.clear();
    for (int i = 0; i < 800; ++i)
        big.sentence += "x" + std::to_string(i) + ' ';
    big.dModel = 32;
    document->setConfig(big);
    document.reset(); // joins the worker; the pending delivery must not run
    // Whatever the worker posted was posted before the join returned, so
    // delivering every posted event now would run it: no waiting needed.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

namespace {

attn::AttentionConfig with(const attn::AttentionConfig& base, const std::function<void(attn::AttentionConfig&)>& change)
{
    attn::AttentionConfig config = base;
    change(config);
    return config;
}

} // namespace

void TestAttentionDocument::editRecordsAndUndoRestores()
{
    AttentionDocument document;
    const attn::AttentionConfig start;
    document.reset(start);
    QVERIFY(testutil::waitForIdle(&document));
    const auto first = document.result();

    const auto causal = with(start, [](auto& c) { c.causal = true; });
    document.edit(causal);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Toggle Causal Mask"));
    QVERIFY(testutil::waitForIdle(&document));
    QVERIFY(document.resultConfig() == causal);

    document.edit(causal); // no change: nothing recorded
    QCOMPARE(document.undoStack()->count(), 1);

    QSignalSpy configs(&document, &AttentionDocument::configChanged);
    document.undoStack()->undo();
    QCOMPARE(configs.count(), 1);
    QVERIFY(document.config() == start);
    QVERIFY(testutil::waitForIdle(&document));
    QCOMPARE(document.result()->layers[0].heads.at(0).weights, first->layers[0].heads.at(0).weights);
    document.undoStack()->redo();
    QVERIFY(document.config() == causal);
}

void TestAttentionDocument::burstOfOneSettingMerges_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("text");
    QTest::addRow("sentence") << "sentence"
                              << "Edit Sentence";
    QTest::addRow("temperature") << "temperature"
                                 << "Change Temperature";
    QTest::addRow("weight seed") << "weightSeed"
                                 << "Change Weight Seed";
    QTest::addRow("embedding seed") << "embeddingSeed"
                                    << "Change Embedding Seed";
    QTest::addRow("d_model") << "dModel"
                             << "Change d_model";
}

void TestAttentionDocument::burstOfOneSettingMerges()
{
    QFETCH(QString, setting);
    QFETCH(QString, text);
    AttentionDocument document;
    testutil::ManualClock clock(&document);
    const attn::AttentionConfig start;
    document.reset(start);
    attn::AttentionConfig config = start;
    for (int i = 1; i <= 6; ++i) {
        // Half a window between edits: the burst lasts while they keep coming,
        // three windows in all.
        clock.advance(document.mergeWindow() / 2);
        if (setting == QLatin1String("sentence"))
            config.sentence += " w" + std::to_string(i);
        else if (setting == QLatin1String("temperature"))
            config.temperature = 1.0 + i * 0.1;
        else if (setting == QLatin1String("weightSeed"))
            config.weightSeed = 100 + i;
        else if (setting == QLatin1String("embeddingSeed"))
            config.embeddingSeed = 100 + i;
        else
            config.dModel = 3 + i;
        document.edit(config);
    }
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), text);
    document.undoStack()->undo();
    QVERIFY(document.config() == start);
    document.undoStack()->redo();
    QVERIFY(document.config() == config);
}

void TestAttentionDocument::differentSettingsOrNamedEditsNeverMerge()
{
    AttentionDocument document;
    testutil::ManualClock clock(&document); // stands still: only the kind of edit keeps them apart
    const attn::AttentionConfig start;
    document.reset(start);
    auto config = with(start, [](auto& c) { c.temperature = 2.0; });
    document.edit(config);
    config.sentence = "another one";
    document.edit(config);
    config.sentence = "another one here";
    document.edit(config);
    config.weightSeed = 7;
    document.edit(config, QStringLiteral("Reseed Weights"));
    config.weightSeed = 8;
    document.edit(config, QStringLiteral("Reseed Weights"));
    QCOMPARE(document.undoStack()->count(), 4);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Reseed Weights"));
}

void TestAttentionDocument::pauseEndsBurst()
{
    AttentionDocument document;
    QCOMPARE(document.mergeWindow(), 1500);
    testutil::ManualClock clock(&document);
    const attn::AttentionConfig start;
    document.reset(start);
    auto config = with(start, [](auto& c) { c.sentence = "a"; });
    document.edit(config);
    clock.advance(1500); // a pause of exactly the window still merges
    config.sentence = "a b";
    document.edit(config);
    QCOMPARE(document.undoStack()->count(), 1);
    clock.advance(1501); // a longer one ends the burst
    config.sentence = "a b c";
    document.edit(config);
    QCOMPARE(document.undoStack()->count(), 2);
    document.undoStack()->undo();
    QCOMPARE(document.config().sentence, std::string("a b"));

    // A window the caller sets counts the same way.
    document.setMergeWindow(100);
    config.sentence = "a b d";
    document.edit(config); // replaces the undone step; 1501 ms after "a b"
    QCOMPARE(document.undoStack()->count(), 2);
    clock.advance(100);
    config.sentence = "a b d e";
    document.edit(config);
    QCOMPARE(document.undoStack()->count(), 2);
    clock.advance(101);
    config.sentence = "a b d e f";
    document.edit(config);
    QCOMPARE(document.undoStack()->count(), 3);
}

void TestAttentionDocument::saveEndsBurst()
{
    AttentionDocument document;
    testutil::ManualClock clock(&document); // stands still: only the save ends the burst
    const attn::AttentionConfig start;
    document.reset(start);
    auto config = with(start, [](auto& c) { c.sentence = "a"; });
    document.edit(config);
    document.markSaved();
    QVERIFY(!document.isModified());
    config.sentence = "a b";
    document.edit(config);
    QCOMPARE(document.undoStack()->count(), 2);
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QVERIFY(!document.isModified()); // the saved state
}

void TestAttentionDocument::burstBackToStartVanishes()
{
    AttentionDocument document;
    testutil::ManualClock clock(&document);
    const attn::AttentionConfig start;
    document.reset(start);
    document.edit(with(start, [](auto& c) { c.sentence += "x"; }));
    document.edit(start); // typed and deleted again
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
}

void TestAttentionDocument::resetClearsHistoryAndIsUnmodified()
{
    AttentionDocument document;
    QSignalSpy modified(&document, &AttentionDocument::modifiedChanged);
    document.reset(attn::AttentionConfig{});
    QCOMPARE(modified.count(), 0); // never modified on the way
    document.edit(with(attn::AttentionConfig{}, [](auto& c) { c.causal = true; }));
    QCOMPARE(modified.count(), 1);
    QVERIFY(document.isModified());
    const auto other = with(attn::AttentionConfig{}, [](auto& c) { c.sentence = "fresh start"; });
    document.reset(other);
    QVERIFY(!document.isModified());
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(document.config() == other);
}

void TestAttentionDocument::modifiedFollowsSavedConfig()
{
    AttentionDocument document;
    const attn::AttentionConfig start;
    document.reset(start);
    QSignalSpy modified(&document, &AttentionDocument::modifiedChanged);
    const auto causal = with(start, [](auto& c) { c.causal = true; });
    document.edit(causal);
    document.edit(start); // toggled back: same as saved
    QVERIFY(!document.isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.at(0).at(0).toBool(), true);
    QCOMPARE(modified.at(1).at(0).toBool(), false);
    document.undoStack()->undo();
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QVERIFY(!document.isModified());
}

QTEST_MAIN(TestAttentionDocument)
#include "tst_attentiondocument.moc"
