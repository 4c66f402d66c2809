#include "app/controlpanel.h"
#include "app/mainwindow.h"
#include "ui/attentiondocument.h"
#include "ui/figureexport.h"
#include "ui/figureview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
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
    void typingUpdatesResult();
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
    void loadArticleRestoresExample();
    void sessionRoundTrip();
    void settingsRestoreOnPlainStartOnly();

private:
    static CommandLineOptions plainOptions();
    void waitForResult();
    void snapshot(const QString& name) const;
    template <typename T> T* find(const char* name) const
    {
        auto* widget = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child named %s", name);
        return widget;
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
};

CommandLineOptions TestMainWindow::plainOptions()
{
    return parseCommandLine({QStringLiteral("attention-visualizer")}).options;
}

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionVisualizerTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(plainOptions());
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    waitForResult();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

void TestMainWindow::waitForResult()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_window->document()->result() != nullptr, 10000);
    QVERIFY(m_window->document()->waitForIdle(10000));
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
    QCOMPARE(result->heads.at(0).weights.rows(), 6);
    QCOMPARE(result->heads.at(0).weights.cols(), 6);
    QCOMPARE(result->output.rows(), 6);
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

void TestMainWindow::ctrlRReseedsWeightsKeepsEmbeddings()
{
    AttentionDocument* document = m_window->document();
    const auto before = document->result();
    const std::int64_t seed = document->resultConfig().weightSeed;

    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(document->resultConfig().weightSeed != seed, 10000);
    QVERIFY(document->waitForIdle(10000));
    const auto after = document->result();
    QVERIFY(after->wQuery != before->wQuery || after->wKey != before->wKey || after->wValue != before->wValue);
    QVERIFY(after->wQuery != before->wQuery);
    QVERIFY(after->wKey != before->wKey);
    QVERIFY(after->wValue != before->wValue);
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
    QVERIFY(document->waitForIdle(10000));
    const auto after = document->result();
    QVERIFY(after->embeddings != before->embeddings);
    QCOMPARE(after->wQuery, before->wQuery);
    QCOMPARE(after->wKey, before->wKey);
    QCOMPARE(after->wValue, before->wValue);
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
    const attn::HeadResult& head = document->result()->heads.at(0);
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
    QVERIFY(document->waitForIdle(10000));

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
    QCOMPARE(m_window->figureView()->head(), 2);
    auto* allHeads = find<QCheckBox>("allHeads");
    QVERIFY(allHeads->isEnabled());
    allHeads->setChecked(true);
    QVERIFY(m_window->figureView()->allHeads());
    snapshot(QStringLiteral("all-heads"));
    QCOMPARE(m_window->currentFigureOptions().head, 2);
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
    FigureOptions options = m_window->currentFigureOptions();
    options.scale = 2.0;
    QString error;
    QVERIFY2(m_window->exportFigureTo(path, options, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > 100);

    // A failure is reported, not thrown, and leaves no file.
    const QString bad = dir.filePath(QStringLiteral("missing/dir/figure.png"));
    QVERIFY(!m_window->exportFigureTo(bad, options, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(bad));
}

void TestMainWindow::exportDataWritesJsonAndScript()
{
    QTemporaryDir dir;
    QString error;
    const QString json = dir.filePath(QStringLiteral("a.json"));
    QVERIFY2(m_window->exportDataTo(json, MainWindow::DataFormat::Json, attn::PanelId::Weights, &error),
             qPrintable(error));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(object.value("config").toObject().value("sentence").toString(), QStringLiteral("i miss the old kanye"));

    const QString script = dir.filePath(QStringLiteral("a.py"));
    QVERIFY2(m_window->exportDataTo(script, MainWindow::DataFormat::NumpyScript, attn::PanelId::Weights, &error),
             qPrintable(error));
    QFile scriptFile(script);
    QVERIFY(scriptFile.open(QIODevice::ReadOnly));
    QVERIFY(scriptFile.readAll().contains("import numpy"));

    const QString csv = dir.filePath(QStringLiteral("weights.csv"));
    QVERIFY2(m_window->exportDataTo(csv, MainWindow::DataFormat::PanelCsv, attn::PanelId::Weights, &error),
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
    QVERIFY(document->waitForIdle(10000));
    QCOMPARE(document->result()->embeddings, article->embeddings);
    QCOMPARE(document->result()->output, article->output);
    QCOMPARE(find<QSpinBox>("dModel")->value(), 3);
    QCOMPARE(find<QDoubleSpinBox>("embeddingSeed")->value(), 0.0);
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
    QVERIFY2(m_window->saveSessionTo(path, &error), qPrintable(error));

    m_window->findChild<QAction*>(QStringLiteral("loadArticleAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().dModel, 3, 10000);
    find<QComboBox>("colorMap")->setCurrentIndex(find<QComboBox>("colorMap")->findData("viridis"));

    QVERIFY2(m_window->openSession(path, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().heads, 2, 10000);
    QVERIFY(document->resultConfig() == saved);
    QCOMPARE(m_window->figureView()->head(), 1);
    QCOMPARE(m_window->figureView()->colorMapName(), QStringLiteral("cividis"));
    QCOMPARE(find<QSpinBox>("dModel")->value(), 4);

    QVERIFY(!m_window->openSession(dir.filePath(QStringLiteral("missing.attn")), &error));
    QVERIFY(!error.isEmpty());
}

void TestMainWindow::settingsRestoreOnPlainStartOnly()
{
    find<QSpinBox>("dModel")->setValue(6);
    find<QSpinBox>("heads")->setValue(2);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->resultConfig().heads, 2, 10000);
    m_window->close(); // saves
    m_window.reset();

    MainWindow plain(plainOptions());
    QVERIFY(plain.document()->waitForIdle(10000));
    QCOMPARE(plain.document()->config().dModel, 6);
    QCOMPARE(plain.document()->config().heads, 2);

    const ParseOutcome explicitRun = parseCommandLine(
        {QStringLiteral("attention-visualizer"), QStringLiteral("--sentence"), QStringLiteral("a b c")});
    QVERIFY(explicitRun.error.isEmpty());
    MainWindow explicitWindow(explicitRun.options);
    QVERIFY(explicitWindow.document()->waitForIdle(10000));
    QCOMPARE(explicitWindow.document()->config().dModel, 3);
    QCOMPARE(explicitWindow.document()->config().sentence, std::string("a b c"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
