// View > Next Token on a tiny random GPT-2 made at test time: the bars are
// the probabilities NumPy computes from the reference's float64 logits at
// any temperature, Generate appends the chosen token to the sentence as one
// undoable step and selects it, sampling is reproducible from its seed, and
// the article's model shows how to get a prediction instead.

#include "app/modelcommands.h"
#include "ui/document/attentiondocument.h"
#include "ui/widgets/nexttokenpanel.h"

#include "windowtestutil.h"

#include <QAction>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>

#include <cmath>

class TestNextToken : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void barsAreTheModelsProbabilitiesAtEachTemperature();
    void generateAppendsTheTokenAndUndoes();
    void samplingIsReproducible();
    void articleModelHasNoPrediction();

private:
    // Opens the checkpoint with `text` and waits for its result.
    void openModel(const std::string& text);
    NextTokenPanel* panel() const { return m_window->findChild<NextTokenPanel*>(); }

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_model;
    std::vector<double> m_referenceLogits; // NumPy float64, after "Hello world"
    std::unique_ptr<MainWindow> m_window;
};

void TestNextToken::initTestCase()
{
    windowtest::isolateSettings(m_settingsDir, QStringLiteral("tst_nexttoken"));
    QProcess python;
    python.start(QStringLiteral(AV_PYTHON),
                 {QStringLiteral(AV_TEST_DATA_DIR "/../gpt2_reference.py"), "--out", m_model.path(), "--vocab", "50257",
                  "--positions", "32", "--layers", "2", "--heads", "2", "--embd", "8", "--ids", "15496,995"});
    QVERIFY(python.waitForFinished(120000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject reference = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    for (const QJsonValue value : reference.value("logits").toArray())
        m_referenceLogits.push_back(value.toDouble());
    QCOMPARE(m_referenceLogits.size(), std::size_t(50257));
}

void TestNextToken::init()
{
    QVERIFY(windowtest::openWindow(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->document()->result() != nullptr, 10000);
    QVERIFY(testutil::waitForIdle(m_window->document()));
}

void TestNextToken::cleanup()
{
    m_window.reset();
}

void TestNextToken::openModel(const std::string& text)
{
    AttentionDocument* document = m_window->document();
    const CommandOutcome opened = openModelFolder(document, m_model.path());
    QVERIFY2(!opened.error, qPrintable(opened.message));
    attn::AttentionConfig config = document->config();
    config.sentence = text;
    document->edit(config);
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().sentence == text && !document->resultConfig().model.empty(),
                             30000);
    QVERIFY(testutil::waitForIdle(document, 60000));
    QVERIFY2(document->errorText().isEmpty(), qPrintable(document->errorText()));
}

void TestNextToken::barsAreTheModelsProbabilitiesAtEachTemperature()
{
    openModel("Hello world");
    const auto result = m_window->document()->result();
    QCOMPARE(result->tokenIds, (std::vector<int>{15496, 995}));
    QCOMPARE(result->nextTokens.size(), std::size_t(10));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("nextTokenAction"));
    action->trigger();
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("nextTokenDock"));
    QTRY_VERIFY(dock->isVisible());
    NextTokenPanel* shown = panel();
    QVERIFY(shown->findChild<QLabel*>(QStringLiteral("nextTokenHeading"))->text().contains("world"));

    // softmax(logits / T) from NumPy's float64 logits, at three temperatures.
    for (const double t : {1.0, 0.5, 2.0}) {
        shown->setTemperature(t);
        double highest = -INFINITY;
        for (const double l : m_referenceLogits)
            highest = std::max(highest, l);
        double sum = 0;
        for (const double l : m_referenceLogits)
            sum += std::exp((l - highest) / t);
        QCOMPARE(shown->probabilities().size(), std::size_t(10));
        for (std::size_t i = 0; i < 10; ++i) {
            const int id = result->nextTokens[i].id;
            const double expected = std::exp((m_referenceLogits[static_cast<std::size_t>(id)] - highest) / t) / sum;
            QVERIFY2(std::abs(shown->probabilities()[i] - expected) <= 1e-5 * expected + 1e-9,
                     qPrintable(QStringLiteral("T %1, token %2: %3 vs %4")
                                    .arg(t)
                                    .arg(id)
                                    .arg(shown->probabilities()[i])
                                    .arg(expected)));
            if (i > 0)
                QVERIFY(shown->probabilities()[i] <= shown->probabilities()[i - 1]);
        }
    }
    // A lower temperature sharpens: the first token's share grows.
    shown->setTemperature(0.5);
    const double sharp = shown->probabilities()[0];
    shown->setTemperature(2.0);
    QVERIFY(sharp > shown->probabilities()[0]);
}

void TestNextToken::generateAppendsTheTokenAndUndoes()
{
    openModel("Hello world");
    AttentionDocument* document = m_window->document();
    const auto before = document->result();
    const auto expected = before->nextTokens.front();
    m_window->findChild<QAction*>(QStringLiteral("nextTokenAction"))->trigger();
    NextTokenPanel* shown = panel();
    if (!expected.whole)
        QSKIP("the tiny model's most likely token is part of a character");
    QTest::mouseClick(shown->findChild<QPushButton*>(QStringLiteral("generateButton")), Qt::LeftButton);
    const std::string continued = "Hello world" + expected.bytes;
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().sentence, continued, 30000);
    QVERIFY(testutil::waitForIdle(document, 60000));
    const auto after = document->result();
    QVERIFY(after->tokenIds.size() >= 3);
    QCOMPARE(after->tokenIds.back(), expected.id);
    // The new token is selected: its row is what it attended to.
    QTRY_COMPARE(m_window->viewState()->query(), std::optional<int>(static_cast<int>(after->tokens.size()) - 1));
    // The panel now predicts after the new token.
    QTRY_VERIFY(shown->findChild<QLabel*>(QStringLiteral("nextTokenHeading"))->text() !=
                QStringLiteral("After \u201cworld\u201d, the model's ten most likely next tokens:"));

    document->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().sentence, std::string("Hello world"), 30000);
}

void TestNextToken::samplingIsReproducible()
{
    openModel("Hello world");
    m_window->findChild<QAction*>(QStringLiteral("nextTokenAction"))->trigger();
    NextTokenPanel* shown = panel();
    shown->setSampling(true);
    shown->setTemperature(5.0); // flat: the draws differ between seeds
    auto* seed = shown->findChild<QSpinBox*>(QStringLiteral("nextTokenSeed"));
    QVERIFY(seed->isEnabled());
    std::vector<int> draws;
    for (int s = 0; s < 40; ++s) {
        seed->setValue(s);
        draws.push_back(shown->choice());
        QCOMPARE(shown->choice(), draws.back()); // the same seed, the same token
        QVERIFY(draws.back() >= 0 && draws.back() < 10);
    }
    std::sort(draws.begin(), draws.end());
    QVERIFY(std::unique(draws.begin(), draws.end()) - draws.begin() >= 3);
    // Greedy is always the most likely.
    shown->setSampling(false);
    QCOMPARE(shown->choice(), 0);
}

void TestNextToken::articleModelHasNoPrediction()
{
    m_window->findChild<QAction*>(QStringLiteral("nextTokenAction"))->trigger();
    NextTokenPanel* shown = panel();
    QVERIFY(shown->findChild<QLabel*>(QStringLiteral("nextTokenHeading"))->text().contains("Open Model"));
    QVERIFY(!shown->findChild<QPushButton*>(QStringLiteral("generateButton"))->isEnabled());
    QVERIFY(shown->probabilities().empty());
}

QTEST_MAIN(TestNextToken)
#include "tst_nexttoken.moc"
