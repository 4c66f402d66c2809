// View > Train's panel: training runs on the worker and the curves fill with
// the trainer's own numbers, Pause stops it, the history slider shows an
// earlier snapshot, the gradients appear on request, a diverging training
// and a setting the task cannot take show a sentence, and Show in Figure
// hands over the model as trained so far.

#include "core/train/training.h"
#include "ui/document/trainingjob.h"
#include "ui/widgets/curveplot.h"
#include "ui/widgets/matrixgrid.h"
#include "ui/widgets/trainpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

#include <cmath>

class TestTrainPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void trainingRunsOnTheWorkerAndFillsTheCurves();
    void pauseStopsAndStepTakesOne();
    void historyShowsAnEarlierSnapshot();
    void gradientsOnRequest();
    void divergenceShowsAMessageNotNaN();
    void settingsTheTaskCannotTakeAreRefused();
    void showInFigureHandsOverTheModel();
    void curveAxesHaveRoundTicks();

private:
    template <typename T> T* find(const char* name) const
    {
        T* widget = m_panel->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    void chooseTask(const char* task);
    void setSteps(int steps) { find<QSpinBox>("trainSteps")->setValue(steps); }
    bool waitUntilStopped(int ms = 30000) const
    {
        return QTest::qWaitFor([this] { return !m_panel->job()->isRunning(); }, ms);
    }

    std::unique_ptr<TrainPanel> m_panel;
};

void TestTrainPanel::init()
{
    m_panel = std::make_unique<TrainPanel>();
    m_panel->resize(460, 1400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestTrainPanel::cleanup()
{
    m_panel.reset();
}

void TestTrainPanel::chooseTask(const char* task)
{
    auto* combo = find<QComboBox>("trainTask");
    const int index = combo->findData(QString::fromLatin1(task));
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

void TestTrainPanel::trainingRunsOnTheWorkerAndFillsTheCurves()
{
    chooseTask("previous");
    setSteps(120);
    QVERIFY(m_panel->resetTraining());
    QCOMPARE(m_panel->job()->progress()->step(), 0);
    QTest::mouseClick(find<QPushButton>("trainButton"), Qt::LeftButton);
    // The click returns at once: the steps are the worker's.
    QVERIFY(m_panel->job()->isRunning());
    QVERIFY(find<QPushButton>("pauseButton")->isEnabled());
    QVERIFY(waitUntilStopped());
    QTRY_COMPARE(m_panel->job()->progress()->step(), 120);
    QVERIFY(m_panel->job()->progress()->done);
    QVERIFY(!find<QPushButton>("trainButton")->isEnabled());
    QVERIFY(find<QLabel>("trainStatus")->text().contains("Step 120 of 120"));

    // The curves are the trainer's own numbers for these options and seed.
    attn::train::TrainOptions options = attn::train::defaultOptions("previous");
    options.steps = 120;
    attn::train::Trainer reference(options, m_panel->seed());
    QVERIFY(reference.run());
    QCOMPARE(find<CurvePlot>("lossPlot")->values(), reference.lossHistory());
    QCOMPARE(find<CurvePlot>("accuracyPlot")->values(), reference.accuracyHistory());
    QVERIFY(reference.lossHistory().back() < reference.lossHistory().front());

    // Every layer x head of the example as it is now.
    const auto* grid = find<MatrixGrid>("trainAttention");
    const auto weights = attn::train::attentionWeights(reference.model(), attn::train::fixedExample(options).tokens);
    QCOMPARE(grid->matrices().size(), std::size_t(1));
    QCOMPARE(grid->matrices()[0].size(), std::size_t(options.heads));
    double best = 0;
    for (int h = 0; h < options.heads; ++h) {
        const attn::Matrix& head = weights[0][static_cast<std::size_t>(h)];
        QCOMPARE(grid->matrices()[0][static_cast<std::size_t>(h)], head);
        // Under each head, its weight one token back.
        const QString caption = grid->caption(0, h);
        QVERIFY2(caption.startsWith(QStringLiteral("back %1").arg(attn::train::previousTokenScore(head), 0, 'f', 2)),
                 qPrintable(caption));
        best = std::max(best, attn::train::previousTokenScore(head));
    }
    QVERIFY2(best >= 0.8, qPrintable(QString::number(best))); // it learned to look one token back
    // Drawn: the plots have a line in the link colour.
    const QImage plot = find<CurvePlot>("lossPlot")->grab().toImage();
    const QColor line = m_panel->palette().color(QPalette::Link);
    int linePixels = 0;
    for (int y = 0; y < plot.height(); ++y)
        for (int x = 0; x < plot.width(); ++x)
            linePixels += QColor(plot.pixel(x, y)) == line;
    QVERIFY2(linePixels > 50, qPrintable(QString::number(linePixels)));
    if (qEnvironmentVariableIsSet("AV_TRAINPANEL_SHOT"))
        m_panel->grab().save(qEnvironmentVariable("AV_TRAINPANEL_SHOT"));
}

void TestTrainPanel::pauseStopsAndStepTakesOne()
{
    chooseTask("induction");
    setSteps(100000);
    QVERIFY(m_panel->resetTraining());
    QTest::mouseClick(find<QPushButton>("trainButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->job()->progress()->step() > 3, 20000);
    QTest::mouseClick(find<QPushButton>("pauseButton"), Qt::LeftButton);
    QVERIFY(waitUntilStopped());
    const int paused = m_panel->job()->progress()->step();
    QVERIFY(paused < 100000);
    QTest::qWait(300);
    QCOMPARE(m_panel->job()->progress()->step(), paused);
    QVERIFY(find<QPushButton>("trainButton")->isEnabled());
    QVERIFY(find<QComboBox>("trainTask")->isEnabled());

    QTest::mouseClick(find<QPushButton>("stepButton"), Qt::LeftButton);
    QVERIFY(waitUntilStopped());
    QTRY_COMPARE(m_panel->job()->progress()->step(), paused + 1);
    QTRY_COMPARE(find<CurvePlot>("lossPlot")->values().size(), std::size_t(paused + 1));

    // Reset: a new model at step 0.
    QTest::mouseClick(find<QPushButton>("resetButton"), Qt::LeftButton);
    QCOMPARE(m_panel->job()->progress()->step(), 0);
    QVERIFY(find<CurvePlot>("lossPlot")->values().empty());
}

void TestTrainPanel::historyShowsAnEarlierSnapshot()
{
    chooseTask("previous");
    setSteps(200);
    QVERIFY(m_panel->resetTraining());
    QTest::mouseClick(find<QPushButton>("trainButton"), Qt::LeftButton);
    QVERIFY(waitUntilStopped());
    QTRY_VERIFY(m_panel->job()->progress()->done);
    const auto progress = m_panel->job()->progress();
    auto* slider = find<QSlider>("historySlider");
    QCOMPARE(slider->maximum(), static_cast<int>(progress->snapshots.size()));
    QCOMPARE(slider->value(), slider->maximum()); // live
    auto* grid = find<MatrixGrid>("trainAttention");
    const QRect cell = grid->cellRect(0, 0).toAlignedRect().adjusted(1, 1, -1, -1);
    const QImage now = grid->grab(cell).toImage();

    slider->setValue(0); // at initialisation
    QCOMPARE(m_panel->shownSnapshot(), 0);
    QCOMPARE(grid->matrices()[0][0], progress->snapshots[0]->weights[0][0]);
    QVERIFY(grid->matrices()[0][0] != progress->attention[0][0]);
    const QImage before = grid->grab(cell).toImage();
    QVERIFY(before != now);

    slider->setValue(slider->maximum());
    QCOMPARE(m_panel->shownSnapshot(), -1);
    QCOMPARE(grid->matrices()[0][0], progress->attention[0][0]);
}

void TestTrainPanel::gradientsOnRequest()
{
    chooseTask("previous");
    setSteps(30);
    QVERIFY(m_panel->resetTraining());
    auto* gradients = find<MatrixGrid>("trainGradients");
    QVERIFY(!gradients->isVisible());
    find<QCheckBox>("showGradients")->setChecked(true);
    QVERIFY(gradients->isVisible());
    QTest::mouseClick(find<QPushButton>("stepButton"), Qt::LeftButton);
    QVERIFY(waitUntilStopped());
    QTRY_COMPARE(m_panel->job()->progress()->step(), 1);

    attn::train::TrainOptions options = attn::train::defaultOptions("previous");
    options.steps = 30;
    attn::train::Trainer reference(options, m_panel->seed());
    reference.step();
    const auto& layer = reference.gradients().layers[0];
    QCOMPARE(gradients->matrices().size(), std::size_t(1));
    QCOMPARE(gradients->matrices()[0][0], layer.wQuery);
    QCOMPARE(gradients->matrices()[0][1], layer.wKey);
    QCOMPARE(gradients->matrices()[0][2], layer.wValue);
    QVERIFY(layer.wQuery.cwiseAbs().maxCoeff() > 0);
}

void TestTrainPanel::divergenceShowsAMessageNotNaN()
{
    chooseTask("previous");
    find<QLineEdit>("trainLearningRate")->setText("1e300");
    QVERIFY(m_panel->resetTraining());
    QSignalSpy failed(m_panel->job(), &TrainingJob::failed);
    QTest::mouseClick(find<QPushButton>("trainButton"), Qt::LeftButton);
    QVERIFY(failed.wait(30000));
    auto* error = find<QLabel>("trainError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains("lower the learning rate"), qPrintable(error->text()));
    for (const double loss : find<CurvePlot>("lossPlot")->values())
        QVERIFY(std::isfinite(loss));
    QVERIFY(!find<QPushButton>("trainButton")->isEnabled());
    QVERIFY(!find<QPushButton>("stepButton")->isEnabled());
}

void TestTrainPanel::settingsTheTaskCannotTakeAreRefused()
{
    chooseTask("previous");
    QVERIFY(m_panel->resetTraining());
    const auto before = m_panel->job()->progress();
    find<QSpinBox>("trainHeads")->setValue(3); // heads 3 do not divide d_model 16
    QTest::mouseClick(find<QPushButton>("resetButton"), Qt::LeftButton);
    auto* error = find<QLabel>("trainError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains("3"), qPrintable(error->text()));
    QCOMPARE(m_panel->job()->progress(), before); // the model it had stays

    // Induction needs two layers: the task's own minimum.
    chooseTask("induction");
    QCOMPARE(find<QSpinBox>("trainLayers")->minimum(), 2);
}

void TestTrainPanel::showInFigureHandsOverTheModel()
{
    chooseTask("reverse");
    setSteps(20);
    QVERIFY(m_panel->resetTraining());
    QTest::mouseClick(find<QPushButton>("trainButton"), Qt::LeftButton);
    QVERIFY(waitUntilStopped());
    QTRY_VERIFY(m_panel->job()->progress()->done);
    QSignalSpy shown(m_panel.get(), &TrainPanel::showInFigure);
    QTest::mouseClick(find<QPushButton>("showInFigureButton"), Qt::LeftButton);
    QCOMPARE(shown.size(), 1);
    const auto model = shown[0][0].value<std::shared_ptr<const attn::train::TrainedModel>>();
    QVERIFY(model);
    QCOMPARE(model->steps, 20);
    QCOMPARE(model->options.task, std::string("reverse"));
    QCOMPARE(model->loss, m_panel->job()->progress()->model->loss);
}

void TestTrainPanel::curveAxesHaveRoundTicks()
{
    QCOMPARE(niceTickStep(300, 4), 100.0);
    QCOMPARE(niceTickStep(2.2, 4), 1.0);
    QCOMPARE(niceTickStep(2.0, 4), 0.5);
    QCOMPARE(niceTickStep(1000, 4), 500.0);
    QCOMPARE(niceTickStep(7, 4), 2.0);
    CurvePlot plot(QStringLiteral("loss"), CurvePlot::Scale::FromZero);
    plot.resize(400, 200);
    plot.setValues({2.2, 1.0, 0.1}, 3);
    QCOMPARE(plot.yMax(), 3.0);
    // Later steps are further right, larger values higher up.
    QVERIFY(plot.pointFor(2, 1.0).x() > plot.pointFor(1, 1.0).x());
    QVERIFY(plot.pointFor(1, 2.0).y() < plot.pointFor(1, 1.0).y());
    QVERIFY(plot.plotArea().contains(plot.pointFor(3, 3.0)) || plot.pointFor(3, 3.0).y() == plot.plotArea().top());
}

QTEST_MAIN(TestTrainPanel)
#include "tst_trainpanel.moc"
