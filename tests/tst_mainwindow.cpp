#include "app/commandline.h"
#include "app/mainwindow.h"
#include "app/windowactions.h"
#include "app/windowsettings.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/exportfiles.h"
#include "ui/document/session.h"
#include "ui/document/trainingjob.h"
#include "ui/render/figureexport.h"
#include "ui/widgets/controlpanel.h"
#include "ui/widgets/curveplot.h"
#include "ui/widgets/exploreview.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/lessonview.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/modeloverview.h"
#include "ui/widgets/trainpanel.h"

#include "windowtestutil.h"

#include <QAccessible>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

// The window as a user drives it: typing, shortcuts, controls, hover text,
// errors and the menu's export path. Settings go to a scratch directory.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithArticleAndFocusedSentence();
    void everyControlHasAnAccessibleName();
    void typingUpdatesResult();
    void typedSentenceDrawsAsTheCommandLine();
    void viewTabsFollowTheirKeysAndOpenAHead();
    void ctrlRReseedsWeightsKeepsEmbeddings();
    void ctrlShiftRReseedsEmbeddingsKeepsWeights();
    void exportShortcutWorksWhileTyping();
    void causalMasksUpperTriangle();
    void invalidHeadsShowsInlineErrorKeepsResult();
    void emptySentenceShowsErrorKeepsResult();
    void scoreToolTipShowsSum();
    void headSelectorFollowsHeads();
    void hidingSettingsEnlargesFigure();
    void exportFigureWritesPng();
    void exportDataWritesJsonAndScript();
    void panelExportsAskThroughTheWindowsDialogs();
    void loadArticleRestoresExample();
    void openPresetShowsTheTrainedModelAndUndoes();
    void trainInTheWindowThenShowAndSave();
    void sessionRoundTrip();
    void settingsRestoreOnPlainStartOnly();
    void discardedAtQuitStaysDiscarded();
    void windowFitsItsScreen();
    void exportLessonFromTheMenu();
    void shortcutsPageListsEveryKey();

    // Sessions as files: title, save and reopen, prompts, bad files, recent.
    void titleShowsFileAndModifiedMarker();
    void saveAndReopenGivesIdenticalNumbersAndView();
    void commandLineSessionBecomesCurrentFile();
    void saveAsAddsSuffixAndRemembersFolder();
    void closeWithChangesAsks_data();
    void closeWithChangesAsks();
    void openingAnotherAsksFirst();
    void badSessionFileShowsMessageKeepsWork();
    void openRecentDropsMissingFiles();
    void newSessionStartsUntitled();

    // Autosave and recovery after a crash.
    void autosaveWrittenWhileUnsavedRemovedOnSave();
    void autosaveRecoveredAfterCrash();
    void autosaveDiscardedAfterCrash();
    void secondWindowLeavesAutosaveAlone();

    // Lesson and presentation modes.
    void lessonF5AndEscapeSwitchViews();
    void lessonStepSavedInSession();
    void presentationModeHidesSettings();

private:
    static CommandLineOptions plainOptions();
    static MainWindow::Prompts discardingPrompts();
    void waitForResult();
    void snapshot(const QString& name) const;
    template <typename T> T* find(const char* name) const { return windowtest::findNamed<T>(m_window.get(), name); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
};

// No test may block on a dialog: unsaved changes are discarded, file
// dialogs are cancelled, unless a test says otherwise.
MainWindow::Prompts TestMainWindow::discardingPrompts()
{
    return windowtest::discardingPrompts();
}

CommandLineOptions TestMainWindow::plainOptions()
{
    return windowtest::plainOptions();
}

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    windowtest::isolateSettings(m_settingsDir, QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QVERIFY(windowtest::openWindow(m_window));
    waitForResult();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

// Every widget the keyboard reaches tells a screen reader what it is: by
// its own accessible name, its text, or the label it is the buddy of.
void TestMainWindow::everyControlHasAnAccessibleName()
{
    QStringList unnamed;
    int controls = 0;
    for (QWidget* widget : m_window->findChildren<QWidget*>()) {
        if (!widget->isVisibleTo(m_window.get()) || !(widget->focusPolicy() & Qt::TabFocus))
            continue;
        if (widget->focusProxy()) // a spin box's line edit: the box takes its focus and speaks for it
            continue;
        ++controls;
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(widget);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 \"%2\" in %3")
                           .arg(QLatin1String(widget->metaObject()->className()), widget->objectName(),
                                QLatin1String(widget->parentWidget()->metaObject()->className()));
    }
    QVERIFY(controls >= 10);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("; "))));
}

void TestMainWindow::waitForResult()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_window->document()->result() != nullptr, 10000);
    QVERIFY(testutil::waitForIdle(m_window->document()));
}

// For looking at the window: AV_SCREENSHOT_DIR=/tmp/shots saves the window
// at the interesting moments (run on a real display to see real fonts).
void TestMainWindow::snapshot(const QString& name) const
{
    const QString dir = qEnvironmentVariable("AV_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100);
    m_window->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void TestMainWindow::startsWithArticleAndFocusedSentence()
{
    auto* sentence = find<QLineEdit>("sentence");
    QCOMPARE(sentence->text(), QStringLiteral("i miss the old kanye"));
    QTRY_VERIFY(sentence->hasFocus());
    QCOMPARE(m_window->document()->result()->tokens.size(), std::size_t(5));
    QVERIFY(!find<QLabel>("errorBanner")->isVisible());
    QCOMPARE(find<QDoubleSpinBox>("weightSeed")->value(), 42.0);

    // Ctrl+L brings the cursor back from anywhere.
    find<QSpinBox>("dModel")->setFocus();
    QTRY_VERIFY(!sentence->hasFocus());
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(sentence->hasFocus());
}

void TestMainWindow::typingUpdatesResult()
{
    auto* sentence = find<QLineEdit>("sentence");
    sentence->setFocus();
    sentence->selectAll();
    QTest::keyClicks(sentence, QStringLiteral("the quick brown fox jumps over"));
    AttentionDocument* document = m_window->document();
    QTRY_COMPARE_WITH_TIMEOUT(document->result()->tokens.size(), std::size_t(6), 10000);
    const auto result = document->result();
    QCOMPARE(result->embeddings.rows(), 6);
    QCOMPARE(result->embeddings.cols(), 3);
    QCOMPARE(result->layers[0].heads.at(0).weights.rows(), 6);
    QCOMPARE(result->layers[0].heads.at(0).weights.cols(), 6);
    QCOMPARE(result->layers[0].output.rows(), 6);
    QCOMPARE(document->resultConfig().sentence, std::string("the quick brown fox jumps over"));

    // Keystrokes are coalesced: far fewer results than characters typed.
    QSignalSpy results(document, &AttentionDocument::resultChanged);
    QTest::keyClicks(sentence, QStringLiteral(" the lazy dog"));
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().sentence,
                              std::string("the quick brown fox jumps over the lazy dog"), 10000);
    QVERIFY2(results.count() < 13, qPrintable(QString::number(results.count())));
    QCOMPARE(document->result()->tokens.size(), std::size_t(9));
    snapshot(QStringLiteral("typed"));
}

// One rule for given vectors, in the window and on the command line: a word
// keeps the vector given to it whatever the sentence, the panel says which
// words have one, and Draw All (undoable) draws them from the seed.
void TestMainWindow::typedSentenceDrawsAsTheCommandLine()
{
    auto* sentence = find<QLineEdit>("sentence");
    auto* given = find<QLabel>("givenVectors");
    auto* drawAll = find<QPushButton>("drawVectorsButton");
    QVERIFY(given->text().contains(QStringLiteral("every word")));
    QVERIFY(drawAll->isVisible());

    sentence->setFocus();
    sentence->selectAll();
    QTest::keyClicks(sentence, QStringLiteral("the cat sat"));
    AttentionDocument* document = m_window->document();
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().sentence, std::string("the cat sat"), 10000);
    QVERIFY(testutil::waitForIdle(document));
    QVERIFY2(given->text().contains(QStringLiteral("\u201cthe\u201d")) &&
                 given->text().contains(QStringLiteral("2 words")),
             qPrintable(given->text()));

    const ParseOutcome command = parseCommandLine({"attention-visualizer", "--sentence", "the cat sat"});
    QVERIFY(command.error.isEmpty());
    const attn::AttentionResult fromCommandLine = attn::computeAttention(command.options.config);
    QCOMPARE(document->result()->embeddings, fromCommandLine.embeddings);
    QCOMPARE(document->result()->layers[0].output, fromCommandLine.layers[0].output);
    // The article's vector for "the", not a drawn one.
    const std::vector<double>& article = command.options.config.explicitEmbeddings.at("the");
    QCOMPARE(article.size(), std::size_t(3));
    for (int c = 0; c < 3; ++c)
        QCOMPARE(document->result()->embeddings(0, c), article[static_cast<std::size_t>(c)]);

    const attn::Matrix before = document->result()->embeddings;
    drawAll->click();
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().explicitEmbeddings.empty(), 10000);
    QVERIFY(testutil::waitForIdle(document));
    QVERIFY(document->result()->embeddings.row(0) != before.row(0));
    QVERIFY(document->result()->embeddings.bottomRows(2) == before.bottomRows(2)); // drawn ones stay
    QTRY_VERIFY(!drawAll->isVisible());
    QVERIFY(given->text().contains(QStringLiteral("drawn from the seed")));
    const ParseOutcome drawn =
        parseCommandLine({"attention-visualizer", "--sentence", "the cat sat", "--embedding-seed", "0"});
    QCOMPARE(attn::computeAttention(drawn.options.config).embeddings, document->result()->embeddings);

    document->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(document->result()->embeddings, before, 10000);
    QTRY_VERIFY(drawAll->isVisible());
}

// Ctrl+1, 2, 3 show the stages, the head view and the model view; a head
// clicked in the model view opens in the stages, and leaves the lesson.
void TestMainWindow::viewTabsFollowTheirKeysAndOpenAHead()
{
    auto* explore = find<ExploreView>("exploreView");
    find<QSpinBox>("dModel")->setValue(6);
    find<QSpinBox>("heads")->setValue(3);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->result()->headCount(), 3, 10000);
    QCOMPARE(explore->currentWidget(), static_cast<QWidget*>(m_window->figureView()));
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(explore->currentIndex(), 1);
    QVERIFY(find<QAction>("headViewAction")->isChecked());
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    ModelOverview* overview = explore->modelOverview();
    QCOMPARE(explore->currentWidget(), static_cast<QWidget*>(overview));
    QTRY_VERIFY_WITH_TIMEOUT(!overview->isDrawing(), 10000);

    m_window->startLesson();
    QVERIFY(m_window->isInLesson());
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QVERIFY(!m_window->isInLesson());
    QTest::mouseClick(overview, Qt::LeftButton, {}, overview->cellRect(0, 2).center().toPoint());
    QCOMPARE(m_window->viewState()->head(), 2);
    QCOMPARE(explore->currentWidget(), static_cast<QWidget*>(m_window->figureView()));
    QVERIFY(find<QAction>("stagesViewAction")->isChecked());
}

void TestMainWindow::ctrlRReseedsWeightsKeepsEmbeddings()
{
    AttentionDocument* document = m_window->document();
    const auto before = document->result();
    const std::int64_t seed = document->resultConfig().weightSeed;

    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().weightSeed != seed, 10000);
    QVERIFY(testutil::waitForIdle(document));
    const auto after = document->result();
    QVERIFY(after->layers[0].wQuery != before->layers[0].wQuery || after->layers[0].wKey != before->layers[0].wKey ||
            after->layers[0].wValue != before->layers[0].wValue);
    QVERIFY(after->layers[0].wQuery != before->layers[0].wQuery);
    QVERIFY(after->layers[0].wKey != before->layers[0].wKey);
    QVERIFY(after->layers[0].wValue != before->layers[0].wValue);
    QCOMPARE(after->embeddings, before->embeddings);
    QCOMPARE(document->resultConfig().embeddingSeed, std::int64_t(0));
    // The new seed is on screen.
    QCOMPARE(static_cast<std::int64_t>(find<QDoubleSpinBox>("weightSeed")->value()),
             document->resultConfig().weightSeed);
}

void TestMainWindow::ctrlShiftRReseedsEmbeddingsKeepsWeights()
{
    AttentionDocument* document = m_window->document();
    const auto before = document->result();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().embeddingSeed != 0, 10000);
    QVERIFY(testutil::waitForIdle(document));
    const auto after = document->result();
    QVERIFY(after->embeddings != before->embeddings);
    QCOMPARE(after->layers[0].wQuery, before->layers[0].wQuery);
    QCOMPARE(after->layers[0].wKey, before->layers[0].wKey);
    QCOMPARE(after->layers[0].wValue, before->layers[0].wValue);
    QCOMPARE(static_cast<std::int64_t>(find<QDoubleSpinBox>("embeddingSeed")->value()),
             document->resultConfig().embeddingSeed);
}

void TestMainWindow::exportShortcutWorksWhileTyping()
{
    auto* sentence = find<QLineEdit>("sentence");
    sentence->setFocus();
    QTRY_VERIFY(sentence->hasFocus());
    sentence->setCursorPosition(0);
    QString dialogTitle;
    QTimer::singleShot(300, this, [&dialogTitle] {
        if (QWidget* modal = QApplication::activeModalWidget()) {
            dialogTitle = modal->windowTitle();
            modal->close();
        }
    });
    // Ctrl+E would be "end of line" in a line edit on X11.
    QTest::keyClick(sentence, Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE(dialogTitle, QStringLiteral("Export Figure"));
    QCOMPARE(sentence->cursorPosition(), 0);
    QCOMPARE(sentence->text(), QStringLiteral("i miss the old kanye"));
}

void TestMainWindow::causalMasksUpperTriangle()
{
    auto* causal = find<QCheckBox>("causal");
    QVERIFY(!causal->isChecked());
    QTest::mouseClick(causal, Qt::LeftButton, {}, causal->rect().center());
    AttentionDocument* document = m_window->document();
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().causal, 10000);
    const attn::HeadResult& head = document->result()->layers[0].heads.at(0);
    const double minusInf = -std::numeric_limits<double>::infinity();
    for (int i = 0; i < head.scaledScores.rows(); ++i) {
        for (int j = 0; j < head.scaledScores.cols(); ++j) {
            if (j > i) {
                QCOMPARE(head.scaledScores(i, j), minusInf);
                QCOMPARE(head.weights(i, j), 0.0);
            } else {
                QVERIFY(std::isfinite(head.scaledScores(i, j)));
            }
        }
    }
    snapshot(QStringLiteral("causal"));
}

void TestMainWindow::invalidHeadsShowsInlineErrorKeepsResult()
{
    AttentionDocument* document = m_window->document();
    find<QSpinBox>("dModel")->setValue(6);
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().dModel, 6, 10000);
    const auto good = document->result();

    auto* heads = find<QSpinBox>("heads");
    heads->setFocus();
    heads->selectAll();
    QTest::keyClicks(heads, QStringLiteral("4"));
    QCOMPARE(heads->value(), 4);
    QVERIFY(testutil::waitForIdle(document));

    auto* banner = find<QLabel>("errorBanner");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("4 heads")), qPrintable(banner->text()));
    QCOMPARE(document->result(), good);
    QCOMPARE(document->resultConfig().heads, 1);
    QVERIFY(find<QWidget>("figureView")->isVisible());
    snapshot(QStringLiteral("heads-error"));
    // No modal dialog popped up.
    QVERIFY(!QApplication::activeModalWidget());

    // Fixing it clears the message.
    heads->selectAll();
    QTest::keyClicks(heads, QStringLiteral("3"));
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().heads, 3, 10000);
    QTRY_VERIFY(!banner->isVisible());
}

void TestMainWindow::emptySentenceShowsErrorKeepsResult()
{
    AttentionDocument* document = m_window->document();
    const auto good = document->result();
    auto* sentence = find<QLineEdit>("sentence");
    sentence->setFocus();
    sentence->selectAll();
    QTest::keyClick(sentence, Qt::Key_Delete);
    auto* banner = find<QLabel>("errorBanner");
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
    QVERIFY(!document->errorText().isEmpty());
    QCOMPARE(document->result(), good);
    snapshot(QStringLiteral("empty-sentence"));
}

void TestMainWindow::scoreToolTipShowsSum()
{
    FigureView* figure = m_window->figureView();
    const auto center = figure->cellCenter(attn::PanelId::Scores, 1, 3);
    QVERIFY(center.has_value());
    const QString text = figure->toolTipAt(*center);
    QVERIFY2(text.contains(QLatin1Char('+')) && text.contains(QLatin1Char('=')), qPrintable(text));
    // d_k = 3 terms: two pluses in the sum.
    QVERIFY2(text.count(QLatin1Char('+')) >= 2, qPrintable(text));
}

void TestMainWindow::headSelectorFollowsHeads()
{
    AttentionDocument* document = m_window->document();
    find<QSpinBox>("dModel")->setValue(8);
    find<QSpinBox>("heads")->setValue(4);
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().heads, 4, 10000);
    auto* head = find<QSpinBox>("head");
    QTRY_COMPARE(head->maximum(), 4);
    head->setValue(3);
    QCOMPARE(m_window->viewState()->head(), 2);
    auto* allHeads = find<QCheckBox>("allHeads");
    QVERIFY(allHeads->isEnabled());
    allHeads->setChecked(true);
    QVERIFY(m_window->viewState()->allHeads());
    snapshot(QStringLiteral("all-heads"));
    QCOMPARE(m_window->figureView()->exportOptions().head, 2);
}

void TestMainWindow::hidingSettingsEnlargesFigure()
{
    FigureView* figure = m_window->figureView();
    QTRY_VERIFY(figure->isZoomToFit());
    const double before = figure->zoom();
    auto* panel = m_window->findChild<QAction*>(QStringLiteral("settingsPanelAction"));
    QVERIFY(panel->isChecked());
    panel->trigger();
    QTRY_VERIFY(!find<QWidget>("controlPanel")->isVisible());
    QTRY_VERIFY(figure->zoom() > before);
    snapshot(QStringLiteral("no-panel"));
    panel->trigger();
    QTRY_VERIFY(find<QWidget>("controlPanel")->isVisible());
}

void TestMainWindow::exportFigureWritesPng()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.png"));
    FigureOptions options = m_window->figureView()->exportOptions();
    options.scale = 2.0;
    QString error;
    QVERIFY2(m_window->exportCommands()->exportFigureTo(path, options, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > 100);

    // A failure is reported, not thrown, and leaves no file.
    const QString bad = dir.filePath(QStringLiteral("missing/dir/figure.png"));
    QVERIFY(!m_window->exportCommands()->exportFigureTo(bad, options, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(bad));
}

void TestMainWindow::panelExportsAskThroughTheWindowsDialogs()
{
    // The context menu's panel exports use the window's dialogs (which a
    // test replaces) and report once, in the window: a dialog of their own
    // would block this test for ever.
    QTemporaryDir dir;
    QStringList asked;
    QString answer;
    MainWindow::Prompts prompts;
    prompts.saveFileName = [&](const QString& title, const QString&, const QString&) {
        asked << title;
        return answer;
    };
    m_window->setPrompts(prompts);
    FigureView* view = m_window->figureView();
    const int weights = view->figure().panelIndex(attn::PanelId::Weights, 0);
    QVERIFY(weights >= 0);

    answer = dir.filePath(QStringLiteral("weights")); // no suffix: PNG
    view->exportPanelInteractively(weights);
    QVERIFY(!QImage(answer + QStringLiteral(".png")).isNull());
    answer = dir.filePath(QStringLiteral("weights"));
    view->exportPanelCsvInteractively(weights);
    QVERIFY(QFile::exists(answer + QStringLiteral(".csv")));
    QCOMPARE(asked, (QStringList{"Export Panel", "Export Panel as CSV"}));

    answer = dir.filePath(QStringLiteral("missing/weights.png"));
    view->exportPanelInteractively(weights);
    QVERIFY(m_window->messageBar()->isVisible());
    QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("missing")),
             qPrintable(m_window->messageBar()->text()));
}

void TestMainWindow::exportDataWritesJsonAndScript()
{
    QTemporaryDir dir;
    QString error;
    const QString json = dir.filePath(QStringLiteral("a.json"));
    QVERIFY2(
        m_window->exportCommands()->exportDataTo(json, ExportDataDialog::Format::Json, attn::PanelId::Weights, &error),
        qPrintable(error));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(object.value("config").toObject().value("sentence").toString(), QStringLiteral("i miss the old kanye"));

    const QString script = dir.filePath(QStringLiteral("a.py"));
    QVERIFY2(m_window->exportCommands()->exportDataTo(script, ExportDataDialog::Format::NumpyScript,
                                                      attn::PanelId::Weights, &error),
             qPrintable(error));
    QFile scriptFile(script);
    QVERIFY(scriptFile.open(QIODevice::ReadOnly));
    QVERIFY(scriptFile.readAll().contains("import numpy"));

    const QString csv = dir.filePath(QStringLiteral("weights.csv"));
    QVERIFY2(m_window->exportCommands()->exportDataTo(csv, ExportDataDialog::Format::PanelCsv, attn::PanelId::Weights,
                                                      &error),
             qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().count('\n'), 6); // header + 5 tokens
}

void TestMainWindow::loadArticleRestoresExample()
{
    AttentionDocument* document = m_window->document();
    const auto article = document->result();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    find<QSpinBox>("dModel")->setValue(4);
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().dModel, 4, 10000);

    m_window->findChild<QAction*>(QStringLiteral("loadArticleAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().dModel, 3, 10000);
    QVERIFY(testutil::waitForIdle(document));
    QCOMPARE(document->result()->embeddings, article->embeddings);
    QCOMPARE(document->result()->layers[0].output, article->layers[0].output);
    QCOMPARE(find<QSpinBox>("dModel")->value(), 3);
    QCOMPARE(find<QDoubleSpinBox>("embeddingSeed")->value(), 0.0);
}

void TestMainWindow::openPresetShowsTheTrainedModelAndUndoes()
{
    AttentionDocument* document = m_window->document();
    QVERIFY(testutil::waitForIdle(document));
    const auto article = document->result();
    auto* action = m_window->findChild<QAction*>(QStringLiteral("presetPreviousAction"));
    QVERIFY(action);
    QVERIFY(m_window->findChild<QMenu*>(QStringLiteral("presetMenu"))->actions().contains(action));
    action->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().trainedTask, std::string("previous"), 10000);
    QVERIFY(testutil::waitForIdle(document));
    QCOMPARE(document->result()->layers[0].heads.size(), std::size_t(2));
    QVERIFY(!find<QSpinBox>("dModel")->isEnabled());

    // Typing the model's tokens shows their attention.
    auto* sentence = find<QLineEdit>("sentence");
    sentence->selectAll();
    QTest::keyClicks(sentence, "1 2 3");
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().sentence, std::string("1 2 3"), 10000);
    QVERIFY(testutil::waitForIdle(document));
    QCOMPARE(document->result()->tokens.size(), std::size_t(3));

    // Article's Model goes back; undo reopens the preset.
    m_window->findChild<QAction*>(QStringLiteral("articleModelAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().trainedTask.empty(), 10000);
    QVERIFY(testutil::waitForIdle(document));
    QCOMPARE(document->result()->layers[0].output, article->layers[0].output);
    QVERIFY(find<QSpinBox>("dModel")->isEnabled());
    document->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().trainedTask, std::string("previous"), 10000);
}

void TestMainWindow::trainInTheWindowThenShowAndSave()
{
    AttentionDocument* document = m_window->document();
    QVERIFY(testutil::waitForIdle(document));
    const auto article = document->result();
    auto* action = m_window->findChild<QAction*>(QStringLiteral("trainAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("trainDock"));
    QVERIFY(dock && !dock->isVisible());
    action->trigger();
    QTRY_VERIFY(dock->isVisible());
    auto* panel = dock->findChild<TrainPanel*>();
    QVERIFY(panel);
    panel->findChild<QSpinBox*>(QStringLiteral("trainSteps"))->setValue(60);
    QVERIFY(panel->resetTraining());
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("trainButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->job()->progress()->done, 30000);
    QTRY_VERIFY(!panel->job()->isRunning());
    const auto trained = panel->job()->progress()->model;

    // Show in Figure: the model's stages in the document, one undoable step.
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("showInFigureButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().trainedModel == trained, 10000);
    QVERIFY(testutil::waitForIdle(document));
    const auto example = panel->job()->progress()->attention; // a copy: the panel moves on
    QCOMPARE(document->result()->layers[0].heads[1].weights, example[0][1]);
    QVERIFY(!find<QSpinBox>("dModel")->isEnabled());
    auto* reseed = m_window->findChild<QAction*>(QStringLiteral("reseedWeightsAction"));
    QVERIFY(!reseed->isEnabled()); // its weights are learned, not drawn from a seed

    // Saved and reopened, the session shows the same model.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trained.attn"));
    QString error;
    QVERIFY2(m_window->sessionFiles()->saveTo(path, &error), qPrintable(error));
    document->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(!document->resultConfig().trainedModel, 10000);
    QVERIFY(testutil::waitForIdle(document));
    QCOMPARE(document->result()->layers[0].output, article->layers[0].output);
    QVERIFY(reseed->isEnabled());
    QVERIFY2(m_window->sessionFiles()->open(path, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().trainedModel != nullptr, 10000);
    QVERIFY(testutil::waitForIdle(document));
    QCOMPARE(document->resultConfig().trainedModel->loss, trained->loss);
    QCOMPARE(document->result()->layers[0].heads[1].weights, example[0][1]);
    // The Train panel shows the session's model with its curve.
    QTRY_COMPARE(panel->job()->progress()->model, document->resultConfig().trainedModel);
    QCOMPARE(panel->findChild<CurvePlot*>(QStringLiteral("lossPlot"))->values(), trained->loss);
    QCOMPARE(panel->findChild<QSpinBox*>(QStringLiteral("trainSteps"))->value(), 60);

    // A training of the panel's own, not yet shown, is never replaced.
    QVERIFY(panel->resetTraining());
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("stepButton")), Qt::LeftButton);
    QTRY_COMPARE(panel->job()->progress()->step(), 1);
    QTRY_VERIFY(!panel->job()->isRunning());
    const auto own = panel->job()->progress()->model;
    m_window->findChild<QAction*>(QStringLiteral("articleModelAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!document->resultConfig().trainedModel, 10000);
    QVERIFY2(m_window->sessionFiles()->open(path, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().trainedModel != nullptr, 10000);
    QCOMPARE(panel->job()->progress()->model, own);

    action->trigger();
    QTRY_VERIFY(!dock->isVisible());
}

void TestMainWindow::sessionRoundTrip()
{
    AttentionDocument* document = m_window->document();
    find<QSpinBox>("dModel")->setValue(4);
    find<QSpinBox>("heads")->setValue(2);
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().heads, 2, 10000);
    find<QSpinBox>("head")->setValue(2);
    find<QComboBox>("colorMap")->setCurrentIndex(find<QComboBox>("colorMap")->findData("cividis"));
    const attn::AttentionConfig saved = document->resultConfig();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.attn"));
    QString error;
    QVERIFY2(m_window->sessionFiles()->saveTo(path, &error), qPrintable(error));

    m_window->findChild<QAction*>(QStringLiteral("loadArticleAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().dModel, 3, 10000);
    find<QComboBox>("colorMap")->setCurrentIndex(find<QComboBox>("colorMap")->findData("viridis"));

    QVERIFY2(m_window->sessionFiles()->open(path, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().heads, 2, 10000);
    QVERIFY(document->resultConfig() == saved);
    QCOMPARE(m_window->viewState()->head(), 1);
    QCOMPARE(m_window->viewState()->colorMap(), QStringLiteral("cividis"));
    QCOMPARE(find<QSpinBox>("dModel")->value(), 4);

    QVERIFY(!m_window->sessionFiles()->open(dir.filePath(QStringLiteral("missing.attn")), &error));
    QVERIFY(!error.isEmpty());
}

void TestMainWindow::settingsRestoreOnPlainStartOnly()
{
    find<QSpinBox>("dModel")->setValue(6);
    find<QSpinBox>("heads")->setValue(2);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->resultConfig().heads, 2, 10000);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(m_window->sessionFiles()->saveTo(dir.filePath(QStringLiteral("kept.attn")), &error), qPrintable(error));
    m_window->close(); // nothing unsaved: remembers what is on screen
    m_window.reset();

    MainWindow plain(plainOptions());
    plain.setPrompts(discardingPrompts());
    QVERIFY(testutil::waitForIdle(plain.document()));
    QCOMPARE(plain.document()->config().dModel, 6);
    QCOMPARE(plain.document()->config().heads, 2);

    const ParseOutcome explicitRun = parseCommandLine(
        {QStringLiteral("attention-visualizer"), QStringLiteral("--sentence"), QStringLiteral("a b c")});
    QVERIFY(explicitRun.error.isEmpty());
    MainWindow explicitWindow(explicitRun.options);
    explicitWindow.setPrompts(discardingPrompts());
    QVERIFY(testutil::waitForIdle(explicitWindow.document()));
    QCOMPARE(explicitWindow.document()->config().dModel, 3);
    QCOMPARE(explicitWindow.document()->config().sentence, std::string("a b c"));
}

void TestMainWindow::discardedAtQuitStaysDiscarded()
{
    // Untitled: Discard at quit, and the next plain start is the article's
    // example, not the sentence thrown away.
    auto* sentence = find<QLineEdit>("sentence");
    sentence->setText(QStringLiteral("thrown away words"));
    QTest::keyClick(sentence, Qt::Key_Space);
    QTRY_VERIFY(m_window->document()->isModified());
    QVERIFY(m_window->close()); // the prompts answer Discard
    m_window.reset();
    {
        MainWindow plain(plainOptions());
        plain.setPrompts(discardingPrompts());
        QVERIFY(testutil::waitForIdle(plain.document()));
        QCOMPARE(plain.document()->config().sentence, plainOptions().config.sentence);

        // A file: Discard at quit, and the next start shows the file as saved.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept.attn"));
        auto* field = plain.findChild<QLineEdit*>(QStringLiteral("sentence"));
        field->setText(QStringLiteral("kept words"));
        QTest::keyClick(field, Qt::Key_Space);
        QTRY_VERIFY(plain.document()->isModified());
        QString error;
        QVERIFY2(plain.sessionFiles()->saveTo(path, &error), qPrintable(error));
        field->setText(QStringLiteral("thrown away again"));
        QTest::keyClick(field, Qt::Key_Space);
        QTRY_VERIFY(plain.document()->isModified());
        QVERIFY(plain.close());
    }
    MainWindow again(plainOptions());
    again.setPrompts(discardingPrompts());
    QVERIFY(testutil::waitForIdle(again.document()));
    QCOMPARE(again.document()->config().sentence, std::string("kept words "));
}

void TestMainWindow::windowFitsItsScreen()
{
    // A geometry remembered on a larger screen (or a large scale factor)
    // never opens past the screen: the window shrinks and moves onto it.
    const QRect available = m_window->screen()->availableGeometry();
    m_window->show();
    m_window->resize(available.width() + 700, available.height() + 500);
    m_window->move(available.right() - 50, available.bottom() - 50);
    windowsettings::fitToScreen(m_window.get());
    QVERIFY2(available.contains(m_window->frameGeometry()), qPrintable(QStringLiteral("%1x%2+%3+%4 on %5x%6")
                                                                           .arg(m_window->frameGeometry().width())
                                                                           .arg(m_window->frameGeometry().height())
                                                                           .arg(m_window->frameGeometry().x())
                                                                           .arg(m_window->frameGeometry().y())
                                                                           .arg(available.width())
                                                                           .arg(available.height())));
}

void TestMainWindow::exportLessonFromTheMenu()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("handout"));
    MainWindow::Prompts prompts = discardingPrompts();
    prompts.saveFileName = [&](const QString&, const QString&, const QString&) { return path; };
    m_window->setPrompts(prompts);
    m_window->viewState()->setSelection(3, std::nullopt);
    auto* action = m_window->findChild<QAction*>(QStringLiteral("exportLessonAction"));
    QVERIFY(action);
    QVERIFY(m_window->menuBar()->actions().first()->menu()->actions().contains(action)); // in File
    action->trigger();
    QFile file(path + QStringLiteral(".pdf"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
}

void TestMainWindow::shortcutsPageListsEveryKey()
{
    const QString html = shortcutsHtml(m_window->menuBar());
    for (const QAction* action : m_window->findChildren<QAction*>()) {
        if (action->shortcut().isEmpty() || !action->isVisible())
            continue;
        const QString key = action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped();
        QVERIFY2(html.contains(key), qPrintable(action->objectName() + QStringLiteral(": ") + key));
    }
    QVERIFY(html.contains(QStringLiteral("F5")));
    QVERIFY(html.contains(QStringLiteral("Double-click")));
    QVERIFY(html.contains(QStringLiteral("F2")));
    QVERIFY(html.contains(QStringLiteral("Tab / Shift+Tab")));
}

void TestMainWindow::titleShowsFileAndModifiedMarker()
{
    QVERIFY(!m_window->document()->isModified());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Untitled")));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("[*]")));

    find<QSpinBox>("dModel")->setValue(6);
    QVERIFY(m_window->document()->isModified());
    QVERIFY(m_window->isWindowModified());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("class one.attn"));
    QString error;
    QVERIFY2(m_window->sessionFiles()->saveTo(path, &error), qPrintable(error));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("class one.attn[*]"));
    QCOMPARE(m_window->sessionFiles()->currentFile(), QFileInfo(path).absoluteFilePath());

    // Undoing back to the saved state is unmodified again.
    find<QCheckBox>("causal")->click();
    QVERIFY(m_window->isWindowModified());
    m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
    QVERIFY(!m_window->isWindowModified());
}

void TestMainWindow::saveAndReopenGivesIdenticalNumbersAndView()
{
    AttentionDocument* document = m_window->document();
    find<QSpinBox>("dModel")->setValue(6);
    find<QSpinBox>("heads")->setValue(3);
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().heads, 3, 10000);
    QVERIFY(testutil::waitForIdle(document));
    find<QSpinBox>("head")->setValue(3);
    find<QComboBox>("colorMap")->setCurrentIndex(find<QComboBox>("colorMap")->findData("cividis"));
    m_window->viewState()->setSelection(2, std::nullopt);
    const auto before = document->result();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.attn"));
    MainWindow::Prompts prompts = discardingPrompts();
    prompts.saveFileName = [&](const QString&, const QString&, const QString&) { return path; };
    m_window->setPrompts(prompts);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier); // untitled: asks for a name
    QVERIFY(QFile::exists(path));
    QVERIFY(!m_window->document()->isModified());

    // Reopened as `attention-visualizer saved.attn` would.
    const ParseOutcome run = parseCommandLine({QStringLiteral("attention-visualizer"), path});
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    MainWindow reopened(run.options);
    reopened.setPrompts(discardingPrompts());
    QTRY_VERIFY_WITH_TIMEOUT(reopened.document()->result() != nullptr, 10000);
    QVERIFY(testutil::waitForIdle(reopened.document()));
    const auto after = reopened.document()->result();
    QVERIFY(reopened.document()->resultConfig() == document->resultConfig());
    QCOMPARE(after->embeddings, before->embeddings);
    QCOMPARE(after->layers[0].wQuery, before->layers[0].wQuery);
    QCOMPARE(after->layers[0].output, before->layers[0].output);
    QCOMPARE(after->layers[0].heads.at(2).weights, before->layers[0].heads.at(2).weights);
    QCOMPARE(reopened.viewState()->head(), 2);
    QCOMPARE(reopened.viewState()->colorMap(), QStringLiteral("cividis"));
    QCOMPARE(reopened.viewState()->query(), std::optional<int>(2));
    QCOMPARE(reopened.sessionFiles()->currentFile(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!reopened.document()->isModified());
    QVERIFY(reopened.windowTitle().startsWith(QStringLiteral("saved.attn")));
}

void TestMainWindow::saveAsAddsSuffixAndRemembersFolder()
{
    QTemporaryDir dir;
    QString suggested;
    MainWindow::Prompts prompts = discardingPrompts();
    prompts.saveFileName = [&](const QString&, const QString& suggestion, const QString&) {
        suggested = suggestion;
        return dir.filePath(QStringLiteral("lecture")); // typed without a suffix
    };
    m_window->setPrompts(prompts);
    QVERIFY(m_window->sessionFiles()->saveAs());
    QVERIFY(suggested.endsWith(QStringLiteral("attention.attn")));
    const QString written = dir.filePath(QStringLiteral("lecture.attn"));
    QVERIFY(QFile::exists(written));
    QCOMPARE(m_window->sessionFiles()->currentFile(), QFileInfo(written).absoluteFilePath());

    // The next Save As suggests the current file; opening starts in its folder.
    QVERIFY(m_window->sessionFiles()->saveAs());
    QCOMPARE(suggested, QFileInfo(written).absoluteFilePath());
    QString openedIn;
    prompts.openFileName = [&](const QString&, const QString& directory, const QString&) {
        openedIn = directory;
        return QString();
    };
    m_window->setPrompts(prompts);
    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(QDir(openedIn).canonicalPath(), QDir(dir.path()).canonicalPath());
}

void TestMainWindow::commandLineSessionBecomesCurrentFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cli.attn"));
    Session session;
    session.config.sentence = "a b c d";
    session.config.dModel = 4;
    session.config.heads = 2;
    session.head = 1;
    session.colorMap = QStringLiteral("grayscale");
    session.selectedToken = 3;
    QString error;
    QVERIFY2(saveSession(path, session, &error), qPrintable(error));

    const ParseOutcome run = parseCommandLine({QStringLiteral("attention-visualizer"), path});
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    MainWindow window(run.options);
    window.setPrompts(discardingPrompts());
    QVERIFY(testutil::waitForIdle(window.document()));
    QTRY_VERIFY(window.document()->result() != nullptr);
    QVERIFY(window.document()->resultConfig() == session.config);
    QCOMPARE(window.viewState()->head(), 1);
    QCOMPARE(window.viewState()->colorMap(), QStringLiteral("grayscale"));
    QCOMPARE(window.viewState()->query(), std::optional<int>(3));
    QCOMPARE(window.sessionFiles()->currentFile(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!window.document()->isModified());
    QVERIFY(window.sessionFiles()->recentFiles().contains(QFileInfo(path).absoluteFilePath()));
}

void TestMainWindow::closeWithChangesAsks_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("chooseFile");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<bool>("written");
    QTest::addRow("cancel") << int(QMessageBox::Cancel) << true << false << false;
    QTest::addRow("discard") << int(QMessageBox::Discard) << true << true << false;
    QTest::addRow("save") << int(QMessageBox::Save) << true << true << true;
    QTest::addRow("save, dialog cancelled") << int(QMessageBox::Save) << false << false << false;
}

void TestMainWindow::closeWithChangesAsks()
{
    QFETCH(int, answer);
    QFETCH(bool, chooseFile);
    QFETCH(bool, closes);
    QFETCH(bool, written);

    // Unchanged: no question at all.
    int asked = 0;
    MainWindow::Prompts prompts = discardingPrompts();
    prompts.askToSave = [&](const QString&) {
        ++asked;
        return static_cast<QMessageBox::StandardButton>(answer);
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("closing.attn"));
    prompts.saveFileName = [&](const QString&, const QString&, const QString&) {
        return chooseFile ? path : QString();
    };
    m_window->setPrompts(prompts);
    find<QCheckBox>("scaled")->click();
    find<QCheckBox>("scaled")->click(); // back to the start: undo history, but unmodified
    QVERIFY(!m_window->document()->isModified());
    QVERIFY(m_window->close());
    QCOMPARE(asked, 0);
    m_window->show();

    find<QCheckBox>("causal")->click();
    QCOMPARE(m_window->close(), closes);
    QCOMPARE(asked, 1);
    QCOMPARE(m_window->isVisible(), !closes);
    QCOMPARE(QFile::exists(path), written);
    if (written) {
        QString error;
        const auto session = loadSession(path, &error);
        QVERIFY2(session, qPrintable(error));
        QVERIFY(session->config.causal);
    }
    // Closing cleanly leaves no autosave behind.
    if (closes)
        QVERIFY(!QFile::exists(SessionFiles::autosavePath()));
}

void TestMainWindow::openingAnotherAsksFirst()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.attn"));
    Session other;
    other.config.sentence = "other words here";
    QString error;
    QVERIFY(saveSession(path, other, &error));

    QStringList questions;
    MainWindow::Prompts prompts = discardingPrompts();
    prompts.askToSave = [&](const QString& question) {
        questions << question;
        return QMessageBox::Cancel;
    };
    prompts.openFileName = [&](const QString&, const QString&, const QString&) { return path; };
    m_window->setPrompts(prompts);
    find<QSpinBox>("dModel")->setValue(5);

    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(questions.size(), 1);
    QVERIFY2(questions.first().contains(QStringLiteral("untitled")), qPrintable(questions.first()));
    QCOMPARE(m_window->document()->config().dModel, 5); // cancelled: still here

    // Loading the example is an undoable step: no question, and Ctrl+Z
    // brings the work back.
    m_window->findChild<QAction*>(QStringLiteral("loadArticleAction"))->trigger();
    QCOMPARE(questions.size(), 1);
    QCOMPARE(m_window->document()->config().dModel, 3);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->document()->config().dModel, 5);

    prompts.askToSave = [&](const QString&) { return QMessageBox::Discard; };
    m_window->setPrompts(prompts);
    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(m_window->document()->config().sentence, std::string("other words here"));
    QCOMPARE(find<QLineEdit>("sentence")->text(), QStringLiteral("other words here"));
    QVERIFY(!m_window->document()->isModified());
    QCOMPARE(m_window->sessionFiles()->currentFile(), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::badSessionFileShowsMessageKeepsWork()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.attn"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"attention-visualizer-session\", \"version\": 1, \"config\": {\"d_model\": ");
    file.close();

    find<QSpinBox>("dModel")->setValue(4);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->resultConfig().dModel, 4, 10000);
    const attn::AttentionConfig work = m_window->document()->config();
    MainWindow::Prompts prompts = discardingPrompts();
    prompts.askToSave = [](const QString&) { return QMessageBox::Discard; };
    prompts.openFileName = [&](const QString&, const QString&, const QString&) { return path; };
    m_window->setPrompts(prompts);
    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);

    MessageBar* bar = m_window->messageBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY2(bar->text().contains(QStringLiteral("broken.attn")), qPrintable(bar->text()));
    QVERIFY2(bar->text().contains(QStringLiteral("truncated")), qPrintable(bar->text()));
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(m_window->document()->config() == work);
    QVERIFY(m_window->document()->isModified());
    QVERIFY(m_window->sessionFiles()->currentFile().isEmpty());
    snapshot(QStringLiteral("bad-session"));

    // The message stays through later computations until dismissed.
    find<QCheckBox>("causal")->click();
    QVERIFY(testutil::waitForIdle(m_window->document()));
    QVERIFY(m_window->document()->resultConfig().causal); // the computation came
    QVERIFY(bar->isVisible());
    bar->findChild<QToolButton*>(QStringLiteral("messageClose"))->click();
    QVERIFY(!bar->isVisible());
}

void TestMainWindow::openRecentDropsMissingFiles()
{
    QTemporaryDir dir;
    QString error;
    QStringList paths;
    for (int i = 0; i < 10; ++i) {
        const QString path = dir.filePath(QStringLiteral("s%1.attn").arg(i));
        Session session;
        session.config.sentence = "recent " + std::to_string(i);
        QVERIFY(saveSession(path, session, &error));
        QVERIFY2(m_window->sessionFiles()->open(path, &error), qPrintable(error));
        paths << QFileInfo(path).absoluteFilePath();
    }
    QStringList recent = m_window->sessionFiles()->recentFiles();
    QCOMPARE(recent.size(), 8); // the last eight, newest first
    QCOMPARE(recent.first(), paths.last());
    QCOMPARE(recent.last(), paths.at(2));

    QFile::remove(paths.at(5));
    m_window->sessionFiles()->openRecent(paths.at(5));
    QVERIFY(!m_window->sessionFiles()->recentFiles().contains(paths.at(5)));
    QVERIFY(m_window->messageBar()->isVisible());
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("s5.attn")));
    QCOMPARE(m_window->document()->config().sentence, std::string("recent 9"));

    m_window->sessionFiles()->openRecent(paths.at(4));
    QCOMPARE(m_window->document()->config().sentence, std::string("recent 4"));
    QCOMPARE(m_window->sessionFiles()->recentFiles().first(), paths.at(4));
}

void TestMainWindow::newSessionStartsUntitled()
{
    QTemporaryDir dir;
    QString error;
    find<QSpinBox>("dModel")->setValue(6);
    QVERIFY(m_window->sessionFiles()->saveTo(dir.filePath(QStringLiteral("x.attn")), &error));
    find<QSpinBox>("dModel")->setValue(8);
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(m_window->sessionFiles()->currentFile().isEmpty());
    QVERIFY(!m_window->document()->isModified());
    QCOMPARE(m_window->document()->config().dModel, 3);
    QVERIFY(!m_window->document()->undoStack()->canUndo());
}

void TestMainWindow::autosaveWrittenWhileUnsavedRemovedOnSave()
{
    const QString autosave = SessionFiles::autosavePath();
    QVERIFY(!QFile::exists(autosave));
    QVERIFY(!m_window->sessionFiles()->writeAutosave()); // nothing unsaved: nothing to keep

    find<QSpinBox>("dModel")->setValue(7);
    // Written soon after the edits stop (and every minute).
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave), 15000);
    QString error;
    const auto kept = loadSession(autosave, &error);
    QVERIFY2(kept, qPrintable(error));
    QCOMPARE(kept->config.dModel, 7);

    QTemporaryDir dir;
    QVERIFY(m_window->sessionFiles()->saveTo(dir.filePath(QStringLiteral("saved.attn")), &error));
    QVERIFY(!QFile::exists(autosave));
}

void TestMainWindow::autosaveRecoveredAfterCrash()
{
    find<QSpinBox>("dModel")->setValue(5);
    find<QLineEdit>("sentence")->setText(QStringLiteral("recovered after a crash"));
    QTest::keyClick(find<QLineEdit>("sentence"), Qt::Key_Space);
    QVERIFY(m_window->sessionFiles()->writeAutosave()); // includes the typing still waiting for its pause
    const attn::AttentionConfig lost = m_window->document()->config();
    QCOMPARE(lost.sentence, std::string("recovered after a crash "));
    m_window.reset(); // a crash: no closeEvent

    QVERIFY(QFile::exists(SessionFiles::autosavePath()));
    m_window = std::make_unique<MainWindow>(plainOptions());
    m_window->setPrompts(discardingPrompts());
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    MessageBar* bar = m_window->recoveryBar();
    QVERIFY(bar->isVisible());
    QVERIFY(!QApplication::activeModalWidget()); // a banner, not a dialog
    snapshot(QStringLiteral("recovery"));
    // Until answered, the crash's copy is not overwritten.
    find<QCheckBox>("causal")->click();
    QVERIFY(!m_window->sessionFiles()->writeAutosave());

    bar->findChild<QPushButton*>(QStringLiteral("recoverButton"))->click();
    QVERIFY(!bar->isVisible());
    QVERIFY(testutil::waitForIdle(m_window->document()));
    QVERIFY(m_window->document()->config() == lost);
    QCOMPARE(find<QLineEdit>("sentence")->text(), QStringLiteral("recovered after a crash "));
    QCOMPARE(find<QSpinBox>("dModel")->value(), 5);
    QVERIFY(m_window->document()->isModified()); // recovered work is unsaved work
    // Undo goes back to what the window started with.
    QVERIFY(m_window->document()->undoStack()->canUndo());
}

void TestMainWindow::autosaveDiscardedAfterCrash()
{
    find<QSpinBox>("dModel")->setValue(5);
    QVERIFY(m_window->sessionFiles()->writeAutosave());
    m_window.reset();

    m_window = std::make_unique<MainWindow>(plainOptions());
    m_window->setPrompts(discardingPrompts());
    m_window->show();
    QVERIFY(m_window->recoveryBar()->isVisible());
    m_window->recoveryBar()->findChild<QPushButton*>(QStringLiteral("discardRecoveryButton"))->click();
    QVERIFY(!QFile::exists(SessionFiles::autosavePath()));
    QVERIFY(!m_window->document()->isModified());
}

void TestMainWindow::secondWindowLeavesAutosaveAlone()
{
    find<QSpinBox>("dModel")->setValue(5);
    QVERIFY(m_window->sessionFiles()->writeAutosave());
    // A second window while the first runs: the file is in use, not a crash.
    MainWindow second(plainOptions());
    second.setPrompts(discardingPrompts());
    QVERIFY(!second.recoveryBar()->isVisibleTo(&second));
    second.document()->edit([&] {
        attn::AttentionConfig config = second.document()->config();
        config.dModel = 9;
        return config;
    }());
    QVERIFY(!second.sessionFiles()->writeAutosave());
    QString error;
    QCOMPARE(loadSession(SessionFiles::autosavePath(), &error)->config.dModel, 5);
}

void TestMainWindow::lessonF5AndEscapeSwitchViews()
{
    auto* views = find<QStackedWidget>("views");
    QCOMPARE(views->currentWidget(), find<QWidget>("exploreView"));
    m_window->viewState()->setSelection(3, std::nullopt);

    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->isInLesson());
    QCOMPARE(views->currentWidget(), m_window->lessonView());
    QVERIFY(m_window->lessonView()->isVisible());
    QCOMPARE(m_window->lessonView()->queryToken(), 3);
    snapshot(QStringLiteral("lesson"));

    // The lesson follows the document.
    find<QSpinBox>("dModel")->setValue(6);
    find<QSpinBox>("heads")->setValue(2);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->resultConfig().heads, 2, 10000);
    find<QSpinBox>("head")->setValue(2);
    QCOMPARE(m_window->lessonView()->head(), 1);
    QVERIFY(!m_window->lessonView()->page().isEmpty());
    QCOMPARE(m_window->lessonView()->page().settings().head, 1);

    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->isInLesson());
    QCOMPARE(views->currentWidget(), find<QWidget>("exploreView"));
    QCOMPARE(m_window->viewState()->query(), std::optional<int>(3));

    // Esc is not taken from the rest of the window outside the modes.
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("leaveAction"))->isEnabled());

    // F5 again starts the lesson from its first step, not where it was left.
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    m_window->lessonView()->setStep(5);
    QTest::keyClick(m_window->lessonView(), Qt::Key_Escape);
    QVERIFY(!m_window->isInLesson());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->isInLesson());
    QCOMPARE(m_window->lessonView()->step(), 1);
}

void TestMainWindow::lessonStepSavedInSession()
{
    m_window->startLesson();
    m_window->lessonView()->setStep(4);
    QCOMPARE(m_window->currentSession().lessonStep, 4);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.attn"));
    QString error;
    QVERIFY(m_window->sessionFiles()->saveTo(path, &error));
    m_window->leaveLesson();
    QCOMPARE(m_window->currentSession().lessonStep, 0);

    QVERIFY2(m_window->sessionFiles()->open(path, &error), qPrintable(error));
    QTRY_VERIFY(m_window->isInLesson());
    QCOMPARE(m_window->lessonView()->step(), 4);

    const ParseOutcome run = parseCommandLine({QStringLiteral("attention-visualizer"), path});
    MainWindow reopened(run.options);
    reopened.setPrompts(discardingPrompts());
    QVERIFY(testutil::waitForIdle(reopened.document()));
    QTRY_VERIFY(reopened.isInLesson());
    QCOMPARE(reopened.lessonView()->step(), 4);
}

void TestMainWindow::presentationModeHidesSettings()
{
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(m_window->isPresenting());
    QTRY_VERIFY(!find<QWidget>("controlPanel")->isVisible());
    QVERIFY(m_window->lessonView()->presentation());
    QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->isInLesson());
    snapshot(QStringLiteral("presentation-lesson"));

    // Esc leaves the presentation first, then the lesson.
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->isPresenting());
    QVERIFY(m_window->isInLesson());
    QTRY_VERIFY(find<QWidget>("controlPanel")->isVisible());
    QVERIFY(!m_window->lessonView()->presentation());
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->isInLesson());

    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(m_window->isPresenting());
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(!m_window->isPresenting());
    QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
