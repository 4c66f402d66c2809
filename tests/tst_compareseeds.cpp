#include "app/mainwindow.h"
#include "ui/document/attentiondocument.h"
#include "ui/render/heatmapscale.h"
#include "ui/widgets/compareseedsdialog.h"
#include "ui/widgets/heatmapwidget.h"

#include "windowtestutil.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

// View > Compare Seeds: A is the window's result, B the same settings under
// another weight seed computed independently, and the third panel is B − A.
class TestCompareSeeds : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void differenceIsBMinusA();
    void seedBFollowsAUntilSet();
    void headAndSettingsFollowTheWindow();
    void editedWeightsStayInAOnly();
    void enterKeepsTheDialogOpen();
    void embeddingSeedsCompareToo();
    void seedBGoesToTheWindow();

private:
    static attn::AttentionResult compute(attn::AttentionConfig config, std::int64_t weightSeed);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
};

void TestCompareSeeds::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionVisualizerTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_compareseeds"));
}

void TestCompareSeeds::init()
{
    QSettings().clear();
    QFile::remove(SessionFiles::autosavePath());
    m_window = std::make_unique<MainWindow>(parseCommandLine({QStringLiteral("attention-visualizer")}).options);
    MainWindow::Prompts prompts;
    prompts.askToSave = [](const QString&) { return QMessageBox::Discard; };
    m_window->setPrompts(prompts);
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->document()->result() != nullptr, 10000);
    QVERIFY(testutil::waitForIdle(m_window->document()));
}

void TestCompareSeeds::cleanup()
{
    m_window.reset();
}

attn::AttentionResult TestCompareSeeds::compute(attn::AttentionConfig config, std::int64_t weightSeed)
{
    config.weightSeed = weightSeed;
    config.wQuery.reset();
    config.wKey.reset();
    config.wValue.reset();
    return attn::computeAttention(config);
}

void TestCompareSeeds::differenceIsBMinusA()
{
    m_window->findChild<QAction*>(QStringLiteral("compareSeedsAction"))->trigger();
    auto* dialog = m_window->findChild<CompareSeedsDialog*>(QStringLiteral("compareSeedsDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QVERIFY(windowtest::waitForComparison(dialog));
    const attn::AttentionConfig config = m_window->document()->resultConfig();
    QCOMPARE(dialog->seedB(), config.weightSeed + 1);

    const attn::AttentionResult a = attn::computeAttention(config);
    const attn::AttentionResult b = compute(config, config.weightSeed + 1);
    QCOMPARE(dialog->weightsA(), a.layers[0].heads.at(0).weights);
    QCOMPARE(dialog->weightsB(), b.layers[0].heads.at(0).weights);
    const attn::Matrix expected = b.layers[0].heads.at(0).weights - a.layers[0].heads.at(0).weights;
    QCOMPARE(dialog->difference(), expected);
    QVERIFY(expected.cwiseAbs().maxCoeff() > 0.0);

    // The panels draw those matrices, the difference on a diverging map.
    auto* difference = dialog->findChild<HeatmapWidget*>(QStringLiteral("weightsDifference"));
    QVERIFY(difference->spec().matrix);
    QCOMPARE(*difference->spec().matrix, expected);
    QVERIFY(difference->spec().colorMap.isDiverging());
    const ValueRange range = heatmapscale::effectiveRange(difference->spec());
    QCOMPARE(range.low, -range.high); // centred on 0

    // Another seed B.
    dialog->findChild<QDoubleSpinBox*>(QStringLiteral("seedB"))->setValue(7);
    QVERIFY(windowtest::waitForComparison(dialog));
    QCOMPARE(dialog->difference(),
             attn::Matrix(compute(config, 7).layers[0].heads.at(0).weights - a.layers[0].heads.at(0).weights));
    if (!qEnvironmentVariableIsEmpty("AV_SCREENSHOT_DIR"))
        dialog->grab().save(QDir(qEnvironmentVariable("AV_SCREENSHOT_DIR")).filePath("compare-seeds.png"));
}

void TestCompareSeeds::seedBFollowsAUntilSet()
{
    CompareSeedsDialog* dialog = m_window->showCompareSeeds();
    QVERIFY(windowtest::waitForComparison(dialog));
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier); // reseed A
    QVERIFY(testutil::waitForIdle(m_window->document()));
    QVERIFY(windowtest::waitForComparison(dialog));
    const std::int64_t seedA = m_window->document()->resultConfig().weightSeed;
    QCOMPARE(dialog->seedB(), seedA < attn::Limits::maxSeed ? seedA + 1 : seedA - 1);

    dialog->setSeedB(5);
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(testutil::waitForIdle(m_window->document()));
    QVERIFY(windowtest::waitForComparison(dialog));
    QCOMPARE(dialog->seedB(), std::int64_t(5));
    QCOMPARE(m_window->showCompareSeeds(), dialog); // one dialog, raised again
}

void TestCompareSeeds::headAndSettingsFollowTheWindow()
{
    CompareSeedsDialog* dialog = m_window->showCompareSeeds();
    m_window->findChild<QSpinBox*>(QStringLiteral("dModel"))->setValue(8);
    m_window->findChild<QSpinBox*>(QStringLiteral("heads"))->setValue(2);
    QVERIFY(testutil::waitForIdle(m_window->document()));
    m_window->findChild<QSpinBox*>(QStringLiteral("head"))->setValue(2);
    QCOMPARE(dialog->head(), 1);
    QVERIFY(windowtest::waitForComparison(dialog));
    const attn::AttentionConfig config = m_window->document()->resultConfig();
    QCOMPARE(config.heads, 2);
    const auto b = compute(config, dialog->seedB());
    QCOMPARE(dialog->weightsB(), b.layers[0].heads.at(1).weights);
    QCOMPARE(dialog->weightsA(), m_window->document()->result()->layers[0].heads.at(1).weights);
}

void TestCompareSeeds::editedWeightsStayInAOnly()
{
    m_window->editCell(attn::PanelId::WQuery, 0, 0, 5.0);
    QVERIFY(testutil::waitForIdle(m_window->document()));
    CompareSeedsDialog* dialog = m_window->showCompareSeeds();
    QVERIFY(windowtest::waitForComparison(dialog));
    const attn::AttentionConfig config = m_window->document()->resultConfig();
    QVERIFY(config.wQuery.has_value());
    QCOMPARE(dialog->weightsA(), m_window->document()->result()->layers[0].heads.at(0).weights);
    QCOMPARE(dialog->weightsB(), compute(config, dialog->seedB()).layers[0].heads.at(0).weights);
}

void TestCompareSeeds::enterKeepsTheDialogOpen()
{
    CompareSeedsDialog* dialog = m_window->showCompareSeeds();
    auto* seed = dialog->findChild<QDoubleSpinBox*>(QStringLiteral("seedB"));
    seed->setFocus();
    seed->selectAll();
    QTest::keyClicks(seed, QStringLiteral("7"));
    QTest::keyClick(seed, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->seedB(), std::int64_t(7));
}

void TestCompareSeeds::embeddingSeedsCompareToo()
{
    CompareSeedsDialog* dialog = m_window->showCompareSeeds();
    dialog->setVaried(CompareSeedsDialog::Varied::EmbeddingSeed);
    const std::int64_t seedA = m_window->document()->resultConfig().embeddingSeed;
    QCOMPARE(dialog->seedB(), seedA + 1);
    QVERIFY(windowtest::waitForComparison(dialog));
    // B: the same weights over the word vectors of embedding seed A + 1.
    attn::AttentionConfig b = m_window->document()->resultConfig();
    b.embeddingSeed = seedA + 1;
    b.explicitEmbeddings.clear();
    const attn::AttentionResult expected = attn::computeAttention(b);
    QCOMPARE(dialog->weightsB(), expected.layers[0].heads[0].weights);
    QCOMPARE(dialog->weightsA(), m_window->document()->result()->layers[0].heads[0].weights);
}

void TestCompareSeeds::seedBGoesToTheWindow()
{
    CompareSeedsDialog* dialog = m_window->showCompareSeeds();
    dialog->setSeedB(1234);
    QVERIFY(windowtest::waitForComparison(dialog));
    const attn::Matrix weightsB = dialog->weightsB();
    dialog->findChild<QPushButton*>(QStringLiteral("useSeedB"))->click();
    QVERIFY(testutil::waitForIdle(m_window->document()));
    QCOMPARE(m_window->document()->resultConfig().weightSeed, std::int64_t(1234));
    QCOMPARE(m_window->document()->result()->layers[0].heads[0].weights, weightsB);
    QVERIFY(dialog->isVisible());
    // One undoable step in the window (the dialog has the focus: the action itself).
    m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger();
    QVERIFY(testutil::waitForIdle(m_window->document()));
    QVERIFY(m_window->document()->resultConfig().weightSeed != 1234);
}

QTEST_MAIN(TestCompareSeeds)
#include "tst_compareseeds.moc"
