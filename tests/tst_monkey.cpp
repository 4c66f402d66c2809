#include "app/mainwindow.h"
#include "core/tokenizer.h"
#include "ui/document/attentiondocument.h"
#include "ui/widgets/compareseedsdialog.h"
#include "ui/widgets/controlpanel.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/lessonview.h"

#include "windowtestutil.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QRandomGenerator>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cmath>
#include <memory>

// Thousands of random key presses, clicks, slider drags and setting changes
// on the main window, from a fixed seed (AV_MONKEY_SEED picks another; a
// failure prints the seed and burst to replay). After every burst, once the
// document is idle, the window must be consistent: the figure shows the
// document's result, the result belongs to the document's configuration,
// its shapes match the settings, and no weight is NaN.
class TestMonkey : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void randomInputKeepsWindowConsistent();

private:
    void act(QRandomGenerator& random);
    void pressRandomKey(QRandomGenerator& random);
    void clickSomewhere(QRandomGenerator& random);
    void dragSlider(QRandomGenerator& random);
    void changeSetting(QRandomGenerator& random);
    void checkConsistent(const QString& where);
    template <typename T> T* find(const char* name) const { return windowtest::findNamed<T>(m_window.get(), name); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
};

namespace {

QtMessageHandler g_previousHandler = nullptr;

// The offscreen platform says so every time a dialog is raised; thousands of
// such lines would bury a real warning.
void dropPlatformNoise(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("This plugin does not support")))
        return;
    g_previousHandler(type, context, message);
}

} // namespace

void TestMonkey::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(dropPlatformNoise);
    QVERIFY(m_settingsDir.isValid());
    windowtest::isolateSettings(m_settingsDir, QStringLiteral("tst_monkey"));
}

void TestMonkey::pressRandomKey(QRandomGenerator& random)
{
    struct Key
    {
        int key;
        Qt::KeyboardModifiers modifiers;
    };
    // Everything a user might press, except what would end the run (Ctrl+Q)
    // or open a modal export dialog for nothing (Ctrl+E; covered elsewhere).
    static const Key keys[] = {
        {Qt::Key_A, {}},
        {Qt::Key_E, {}},
        {Qt::Key_Space, {}},
        {Qt::Key_Backspace, {}},
        {Qt::Key_Delete, {}},
        {Qt::Key_Left, {}},
        {Qt::Key_Right, {}},
        {Qt::Key_Up, {}},
        {Qt::Key_Down, {}},
        {Qt::Key_Home, {}},
        {Qt::Key_End, {}},
        {Qt::Key_PageUp, {}},
        {Qt::Key_PageDown, {}},
        {Qt::Key_Tab, {}},
        {Qt::Key_Return, {}},
        {Qt::Key_Escape, {}},
        {Qt::Key_1, {}},
        {Qt::Key_0, {}},
        {Qt::Key_Minus, {}},
        {Qt::Key_Period, {}},
        {Qt::Key_F2, {}},
        {Qt::Key_F5, {}},
        {Qt::Key_F9, {}},
        {Qt::Key_F11, {}},
        {Qt::Key_Z, Qt::ControlModifier},
        {Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier},
        {Qt::Key_Y, Qt::ControlModifier},
        {Qt::Key_R, Qt::ControlModifier},
        {Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier},
        {Qt::Key_L, Qt::ControlModifier},
        {Qt::Key_Equal, Qt::ControlModifier},
        {Qt::Key_Minus, Qt::ControlModifier},
        {Qt::Key_0, Qt::ControlModifier},
        {Qt::Key_S, Qt::ControlModifier},
        {Qt::Key_O, Qt::ControlModifier},
        {Qt::Key_N, Qt::ControlModifier},
        {Qt::Key_A, Qt::ControlModifier},
        {Qt::Key_Backtab, Qt::ShiftModifier},
    };
    // Letters are the most common keys: the sentence grows and shrinks.
    if (random.bounded(3) == 0) {
        const char letter = static_cast<char>('a' + random.bounded(26));
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
        QTest::keyClick(target, letter);
        return;
    }
    const Key& key = keys[random.bounded(static_cast<int>(std::size(keys)))];
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(target, static_cast<Qt::Key>(key.key), key.modifiers);
}

void TestMonkey::clickSomewhere(QRandomGenerator& random)
{
    QWidget* root = QApplication::activeWindow() ? QApplication::activeWindow() : m_window.get();
    const QPoint point(random.bounded(std::max(1, root->width())), random.bounded(std::max(1, root->height())));
    QWidget* target = root->childAt(point);
    if (!target)
        target = root;
    const QPoint local = target->mapFrom(root, point);
    const int kind = random.bounded(10);
    if (kind == 0)
        QTest::mouseDClick(target, Qt::LeftButton, {}, local);
    else if (kind == 1)
        QTest::mouseClick(target, Qt::RightButton, {}, local);
    else
        QTest::mouseClick(target, Qt::LeftButton, {}, local);
}

void TestMonkey::dragSlider(QRandomGenerator& random)
{
    auto* slider = find<QSlider>("temperature");
    if (!slider->isVisible())
        return;
    const int y = slider->height() / 2;
    QPoint at(random.bounded(std::max(1, slider->width())), y);
    QTest::mousePress(slider, Qt::LeftButton, {}, at);
    for (int i = 0; i < 5; ++i) {
        at.setX(std::clamp(at.x() + random.bounded(-40, 41), 0, slider->width() - 1));
        QTest::mouseMove(slider, at);
    }
    QTest::mouseRelease(slider, Qt::LeftButton, {}, at);
}

void TestMonkey::changeSetting(QRandomGenerator& random)
{
    switch (random.bounded(9)) {
    case 0:
        find<QSpinBox>("dModel")->setValue(random.bounded(1, 25));
        break;
    case 1:
        find<QSpinBox>("heads")->setValue(random.bounded(1, 5));
        break;
    case 2:
        find<QDoubleSpinBox>("weightSeed")->setValue(random.bounded(1000));
        break;
    case 3:
        find<QDoubleSpinBox>("embeddingSeed")->setValue(random.bounded(1000));
        break;
    case 4: {
        static const char* const boxes[] = {"causal", "scaled", "positional", "allHeads"};
        find<QCheckBox>(boxes[random.bounded(4)])->toggle();
        break;
    }
    case 5:
        find<QComboBox>("init")->setCurrentIndex(random.bounded(3));
        break;
    case 6:
        find<QSpinBox>("head")->setValue(random.bounded(1, 5));
        break;
    case 7: {
        static const attn::PanelId panels[] = {attn::PanelId::Embeddings, attn::PanelId::WQuery, attn::PanelId::WKey,
                                               attn::PanelId::WValue, attn::PanelId::Weights};
        m_window->editCell(panels[random.bounded(5)], random.bounded(6), random.bounded(6),
                           random.bounded(-300, 301) / 100.0);
        break;
    }
    default:
        if (random.bounded(4) == 0)
            m_window->showCompareSeeds();
        else if (auto* dialog = m_window->findChild<CompareSeedsDialog*>())
            dialog->close();
        m_window->activateWindow();
        break;
    }
}

void TestMonkey::act(QRandomGenerator& random)
{
    const int kind = random.bounded(100);
    if (kind < 55)
        pressRandomKey(random);
    else if (kind < 75)
        clickSomewhere(random);
    else if (kind < 82)
        dragSlider(random);
    else
        changeSetting(random);
}

void TestMonkey::checkConsistent(const QString& where)
{
    const char* place = qPrintable(where);
    AttentionDocument* document = m_window->document();
    const auto result = document->result();
    QVERIFY2(result, place);
    const attn::AttentionConfig& config = document->resultConfig();

    // The figure and the lesson show the document's result.
    const Figure& figure = m_window->figureView()->figure();
    QVERIFY2(figure.result() == result, place);
    QVERIFY2(figure.config() == config, place);
    if (document->errorText().isEmpty())
        QVERIFY2(document->config() == config, place);
    else
        QVERIFY2(!(document->config() == config), place);

    // The controls and the sentence show the document's request.
    QVERIFY2(m_window->controlPanel()->applyTo(document->config()) == document->config(), place);
    QVERIFY2(find<QLineEdit>("sentence")->text().toStdString() == document->config().sentence, place);

    // Shapes follow the settings; no NaN; each row of weights sums to 1.
    const int n = static_cast<int>(attn::splitTokens(config.sentence).size());
    QCOMPARE(static_cast<int>(result->tokens.size()), n);
    QCOMPARE(result->embeddings.rows(), n);
    QCOMPARE(result->embeddings.cols(), config.dModel);
    QCOMPARE(result->layers[0].wQuery.rows(), config.dModel);
    QCOMPARE(static_cast<int>(result->layers[0].heads.size()), config.heads);
    QCOMPARE(result->layers[0].dK, config.dModel / config.heads);
    for (const attn::HeadResult& head : result->layers[0].heads) {
        QCOMPARE(head.weights.rows(), n);
        QCOMPARE(head.weights.cols(), n);
        QVERIFY2(!head.weights.hasNaN(), place);
        for (int i = 0; i < n; ++i)
            QVERIFY2(std::abs(head.weights.row(i).sum() - 1.0) < 1e-9, place);
    }
    QCOMPARE(result->layers[0].output.rows(), n);
    QCOMPARE(result->layers[0].output.cols(), config.dModel);
    QVERIFY2(!result->layers[0].output.hasNaN(), place);
    if (m_window->isInLesson())
        QVERIFY2(!m_window->lessonView()->page().isEmpty(), place);
}

void TestMonkey::randomInputKeepsWindowConsistent()
{
    const quint32 seed = qEnvironmentVariableIsSet("AV_MONKEY_SEED")
                             ? static_cast<quint32>(qEnvironmentVariableIntValue("AV_MONKEY_SEED"))
                             : 20240601u;
    const int budgetMs =
        qEnvironmentVariableIsSet("AV_MONKEY_MS") ? qEnvironmentVariableIntValue("AV_MONKEY_MS") : 40000;
    QRandomGenerator random(seed);

    // Nothing may block the run: no question, no file dialog.
    QVERIFY(windowtest::openWindow(m_window, false));
    // Edits merge or not by the seed: the merge window's clock moves a random
    // step (up to twice the window) with every action, whatever the run's speed.
    AttentionDocument* document = m_window->document();
    testutil::ManualClock mergeClock(document);
    auto* sentence = find<QLineEdit>("sentence");

    // A safety net: any popup (menus, combo lists, context menus) or modal
    // dialog a click opens is closed again, so the run never waits on one.
    int closedPopups = 0;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&closedPopups] {
        if (QWidget* popup = QApplication::activePopupWidget()) {
            popup->close();
            ++closedPopups;
        }
        if (QWidget* modal = QApplication::activeModalWidget()) {
            modal->close();
            ++closedPopups;
        }
    });
    closer.start(20);

    QElapsedTimer clock;
    clock.start();
    int bursts = 0;
    int actions = 0;
    // At least 40 bursts (1000 actions) however slow the machine; more while
    // the time budget lasts.
    const int minimumBursts = 40;
    while (bursts < minimumBursts || (clock.elapsed() < budgetMs && bursts < 400)) {
        for (int i = 0; i < 25; ++i) {
            act(random);
            ++actions;
            mergeClock.advance(random.bounded(2 * document->mergeWindow() + 1));
            // Sometimes a pause, so the sentence's own pause may end within a burst.
            if (random.bounded(8) == 0)
                QTest::qWait(random.bounded(1, 30));
        }
        ++bursts;
        // The sentence's pause passes (the typing reaches the document) and the work finishes.
        QTRY_VERIFY_WITH_TIMEOUT(sentence->text().toStdString() == document->config().sentence, 10000);
        QVERIFY(testutil::waitForIdle(document, 20000));
        checkConsistent(QStringLiteral("seed %1, burst %2").arg(seed).arg(bursts));
        if (QTest::currentTestFailed())
            return;
        // Long sentences are legal but make every burst slower; start over now and then.
        if (document->config().sentence.size() > 200)
            m_window->findChild<QAction*>(QStringLiteral("newAction"))->trigger();
    }
    qInfo("%d actions in %d bursts, %d popups closed, %lld ms", actions, bursts, closedPopups,
          static_cast<long long>(clock.elapsed()));
    QVERIFY(actions >= minimumBursts * 25);
    closer.stop();
    m_window.reset();
}

QTEST_MAIN(TestMonkey)
#include "tst_monkey.moc"
