// Lesson mode: the keys a presenter uses step through exactly seven slides
// (eleven for a checkpoint's layer, with the block around attention),
// each slide shows its own stage and writes out the selected token's real
// numbers, clicking a token follows it, and the PDF export (in process and
// from the command line without a display) has one page per step with its
// words as text.
//
// Set AV_LESSON_SNAPSHOTS=/some/dir to also write every slide as PNG there.

#include "ui/document/exportfiles.h"
#include "ui/widgets/lessonview.h"

#include "testutil.h"
#include "ui/document/modelloader.h"
#include "ui/document/presets.h"
#include "ui/render/figure.h"
#include "ui/render/heatmapscale.h"
#include "ui/render/lessonpdf.h"

#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <map>

using attn::PanelId;

Q_DECLARE_METATYPE(std::vector<PanelId>)

class TestLesson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keysStep_data();
    void keysStep();
    void escapeRequestsExit();
    void stepIsClamped();
    void panelsForStep_data();
    void panelsForStep();
    void stepOneShowsTokensAndVocabulary();
    void scoreFormulaHasTheRealSum_data();
    void scoreFormulaHasTheRealSum();
    void laterFormulasUseTheResult();
    void lessonShowsTheChosenLayer();
    void clickingATokenSelectsIt();
    void pagesRender_data();
    void pagesRender();
    void pdfHasSevenPagesOfText();
    void unwritablePathGivesErrorAndNoFile();
    void commandLineExportsWithoutDisplay();
    void commandLineRefusesNonPdf();
    void megabyteTokenIsCutBeforeLayout();
    void formulasKeepTheirResults_data();
    void formulasKeepTheirResults();
    void projectionStepShowsTheWeights();
    void numbersAsLargeAsTheText();
    void wideProjectionsPrintTheirNumbersOnASlide_data();
    void wideProjectionsPrintTheirNumbersOnASlide();
    void earlierStripFitsThePage_data();
    void earlierStripFitsThePage();
    void weightedSumNamesTheHeadsShare();
    void blockStepsOnlyForACheckpoint();
    void blockFormulasUseTheResult_data();
    void blockFormulasUseTheResult();
    void blockPagesRender_data();
    void blockPagesRender();
    void checkpointPdfHasElevenPages();
    void wideModelPanelsStayReadable_data();
    void wideModelPanelsStayReadable();

private:
    attn::AttentionConfig m_article;
    std::shared_ptr<const attn::AttentionResult> m_result;
    // A tiny random GPT-2 checkpoint with GPT-2's vocabulary (tests/gpt2_reference.py).
    QTemporaryDir m_model;
    attn::AttentionConfig m_checkpoint;
    // GPT-2's own shape (d_model 768, 12 heads), two layers (the titles name
    // the layer), made when first needed.
    QTemporaryDir m_wideModel;
    bool m_wideModelWritten = false;
};

namespace {

std::shared_ptr<const attn::AttentionResult> compute(const attn::AttentionConfig& config)
{
    return std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
}

QString factor(double value)
{
    const QString text = heatmapscale::formatValue(value, 2);
    return text.startsWith(QChar(0x2212)) ? QLatin1Char('(') + text + QLatin1Char(')') : text;
}

bool haveTool(const QString& name)
{
    return !QStandardPaths::findExecutable(name).isEmpty();
}

QString runTool(const QString& program, const QStringList& args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(30000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pdfPages(const QString& path)
{
    const QString info = runTool(QStringLiteral("pdfinfo"), {path});
    for (const QString& line : info.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    }
    return -1;
}

struct ProcessResult
{
    int exitCode = -1;
    QByteArray err;
};

// The real executable with neither a display nor a platform set.
ProcessResult runApp(const QStringList& args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(AV_APP_PATH), args);
    ProcessResult result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.err = process.readAllStandardError();
    return result;
}

bool isWeight(PanelId id)
{
    return id == PanelId::WQuery || id == PanelId::WKey || id == PanelId::WValue;
}

// The configurations the lesson must lay out without cutting anything: the
// article, d_model 6 with two heads, 30 tokens, the causal mask.
attn::AttentionConfig lessonConfig(const attn::AttentionConfig& article, const QString& kind)
{
    attn::AttentionConfig config = article;
    if (kind == QLatin1String("article"))
        return config;
    config.explicitEmbeddings.clear();
    config.dModel = 6;
    config.heads = 2;
    if (kind == QLatin1String("30 tokens"))
        config.sentence = "the quick brown fox jumps over the lazy dog and then the old cat sat on the warm mat "
                          "while it rained outside all day long so we stayed in and read";
    if (kind == QLatin1String("causal")) {
        config.causal = true;
        config.temperature = 0.5;
    }
    return config;
}

QString fmt2(double v)
{
    return heatmapscale::formatValue(v, 2);
}

// What a formula line ends with: its result after the last " = " (a number,
// a vector, a name), else its last word.
QString resultOf(const QString& line)
{
    const qsizetype eq = line.lastIndexOf(QStringLiteral(" = "));
    if (eq >= 0 && line.size() - eq <= 14)
        return line.mid(eq);
    return line.split(QLatin1Char(' ')).last();
}

} // namespace

void TestLesson::initTestCase()
{
    QString error;
    const auto preset = loadPreset(QStringLiteral("article"), &error);
    QVERIFY2(preset, qPrintable(error));
    m_article = *preset;
    m_result = compute(m_article);

    QVERIFY2(testutil::writeGpt2Checkpoint(
                 m_model.path(), {"--positions", "64", "--layers", "3", "--heads", "2", "--embd", "16", "--ids", "1"},
                 &error),
             qPrintable(error));
    m_checkpoint = withModel(attn::AttentionConfig{}, m_model.path().toStdString());
    m_checkpoint.sentence = "The cat sat on the mat because it was";
}

void TestLesson::keysStep_data()
{
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("emissions");

    QTest::addRow("right") << QList<int>{Qt::Key_Right} << 2 << 1;
    QTest::addRow("page down") << QList<int>{Qt::Key_PageDown} << 2 << 1;
    QTest::addRow("space") << QList<int>{Qt::Key_Space} << 2 << 1;
    QTest::addRow("three forward") << QList<int>{Qt::Key_Right, Qt::Key_Space, Qt::Key_PageDown} << 4 << 3;
    QTest::addRow("forward and back") << QList<int>{Qt::Key_Right, Qt::Key_Right, Qt::Key_Left} << 2 << 3;
    QTest::addRow("page up") << QList<int>{Qt::Key_Right, Qt::Key_PageUp} << 1 << 2;
    QTest::addRow("left at 1 stays") << QList<int>{Qt::Key_Left, Qt::Key_PageUp} << 1 << 0;
    QTest::addRow("end") << QList<int>{Qt::Key_End} << 7 << 1;
    QTest::addRow("right at 7 stays") << QList<int>{Qt::Key_End, Qt::Key_Right, Qt::Key_Space} << 7 << 1;
    QTest::addRow("end then home") << QList<int>{Qt::Key_End, Qt::Key_Home} << 1 << 2;
    QTest::addRow("eight forward") << QList<int>(8, Qt::Key_Right) << 7 << 6;
}

void TestLesson::keysStep()
{
    QFETCH(QList<int>, keys);
    QFETCH(int, step);
    QFETCH(int, emissions);

    LessonView view;
    view.resize(1280, 720);
    view.setData(m_article, m_result);
    QCOMPARE(view.step(), 1);
    QSignalSpy spy(view.viewState(), &ViewState::lessonStepChanged);
    for (int key : keys)
        QTest::keyClick(&view, static_cast<Qt::Key>(key));
    QCOMPARE(view.step(), step);
    QCOMPARE(spy.count(), emissions);
    if (!spy.isEmpty())
        QCOMPARE(spy.last().first().toInt(), step);
}

void TestLesson::escapeRequestsExit()
{
    LessonView view;
    view.setData(m_article, m_result);
    QSignalSpy exit(&view, &LessonView::exitRequested);
    QSignalSpy steps(view.viewState(), &ViewState::lessonStepChanged);
    QTest::keyClick(&view, Qt::Key_Escape);
    QCOMPARE(exit.count(), 1);
    QCOMPARE(steps.count(), 0);
}

void TestLesson::stepIsClamped()
{
    LessonView view;
    view.setData(m_article, m_result);
    view.setStep(99);
    QCOMPARE(view.step(), view.stepCount());
    view.setStep(-3);
    QCOMPARE(view.step(), 1);
    view.previous();
    QCOMPARE(view.step(), 1);
    for (int k = 0; k < 10; ++k)
        view.next();
    QCOMPARE(view.step(), 7);
    view.viewState()->setSelection(42, std::nullopt);
    QCOMPARE(view.queryToken(), 4);
    view.viewState()->setSelection(-1, std::nullopt);
    QCOMPARE(view.queryToken(), 0);
}

void TestLesson::panelsForStep_data()
{
    QTest::addColumn<bool>("positional");
    QTest::addColumn<int>("step");
    QTest::addColumn<std::vector<PanelId>>("panels");

    QTest::addRow("1 tokens") << false << 1 << std::vector<PanelId>{};
    QTest::addRow("2 embeddings") << false << 2 << std::vector<PanelId>{PanelId::Embeddings};
    QTest::addRow("2 embeddings + PE") << true << 2 << std::vector<PanelId>{PanelId::Embeddings, PanelId::Inputs};
    QTest::addRow("3 projections") << false << 3
                                   << std::vector<PanelId>{PanelId::WQuery, PanelId::WKey, PanelId::WValue,
                                                           PanelId::Q,      PanelId::K,    PanelId::V};
    QTest::addRow("4 scores") << false << 4 << std::vector<PanelId>{PanelId::Scores};
    QTest::addRow("5 scaling") << false << 5 << std::vector<PanelId>{PanelId::ScaledScores};
    QTest::addRow("6 softmax") << false << 6 << std::vector<PanelId>{PanelId::Weights};
    QTest::addRow("7 weighted sum") << false << 7 << std::vector<PanelId>{PanelId::Output};
}

void TestLesson::panelsForStep()
{
    QFETCH(bool, positional);
    QFETCH(int, step);
    QFETCH(std::vector<PanelId>, panels);

    attn::AttentionConfig config = m_article;
    config.positional = positional;
    LessonView view;
    view.resize(1280, 720);
    view.setData(config, compute(config));
    view.viewState()->setSelection(2, std::nullopt);
    view.setStep(step);
    QVERIFY(view.visiblePanels() == panels);
    QVERIFY(lessonPanelsForStep(config, step) == panels);

    // Every earlier stage is still there, dimmed; the current ones are not;
    // every panel marks the query token's row.
    int earlier = 0;
    for (const LessonPanel& panel : view.page().panels()) {
        QCOMPARE(panel.spec.dim > 0.0, !panel.current);
        QVERIFY(panel.spec.highlightedRows.contains(2));
        QVERIFY(panel.layout.gridRect.isValid());
        earlier += panel.current ? 0 : 1;
    }
    // The strip shows the stages, not the weight matrices of step 3; what it
    // has no room for it names.
    int expectedEarlier = 0;
    for (int s = 2; s < step; ++s) {
        for (PanelId id : lessonPanelsForStep(config, s))
            expectedEarlier += isWeight(id) ? 0 : 1;
    }
    QCOMPARE(earlier + static_cast<int>(view.page().stripLeftOut().size()), expectedEarlier);
    QVERIFY(view.page().title().startsWith(QStringLiteral("Step %1 of 7").arg(step)));
    QVERIFY(!view.page().explanation().isEmpty());
    QVERIFY(!view.page().formulaLines().isEmpty());
}

void TestLesson::stepOneShowsTokensAndVocabulary()
{
    attn::AttentionConfig config = m_article;
    config.sentence = "the cat saw the dog";
    config.explicitEmbeddings.clear();
    const auto result = compute(config);
    const LessonPage page(config, result, LessonSettings{});
    int tokens = 0;
    int words = 0;
    for (const LessonTokenBox& box : page.tokenBoxes())
        (box.token >= 0 ? tokens : words) += 1;
    QCOMPARE(tokens, 5);
    QCOMPARE(words, 4); // "the" twice, one entry
    const QString formula = page.formulaLines().join(QLatin1Char('\n'));
    QVERIFY2(formula.contains(QStringLiteral("5 tokens, 4 vocabulary words")), qPrintable(formula));
    QVERIFY(formula.contains(QStringLiteral("shared by 2 tokens")));
}

void TestLesson::scoreFormulaHasTheRealSum_data()
{
    QTest::addColumn<int>("dModel");
    QTest::addColumn<int>("heads");
    QTest::addColumn<int>("head");
    QTest::addColumn<int>("query");

    QTest::addRow("article, first token") << 3 << 1 << 0 << 0;
    QTest::addRow("article, token 3") << 3 << 1 << 0 << 3;
    QTest::addRow("two heads, head 2") << 4 << 2 << 1 << 1;
    QTest::addRow("d_k 12, shortened") << 12 << 1 << 0 << 2;
}

void TestLesson::scoreFormulaHasTheRealSum()
{
    QFETCH(int, dModel);
    QFETCH(int, heads);
    QFETCH(int, head);
    QFETCH(int, query);

    attn::AttentionConfig config = m_article;
    config.dModel = dModel;
    config.heads = heads;
    if (dModel != 3)
        config.explicitEmbeddings.clear();
    const auto result = compute(config);
    LessonView view;
    view.setData(config, result);
    view.viewState()->setHead(head);
    view.viewState()->setSelection(query, std::nullopt);
    view.setStep(4);
    const QStringList lines = view.page().formulaLines();
    const QString text = lines.join(QLatin1Char('\n'));
    QVERIFY(lines.first().contains(QStringLiteral("q_i \u00b7 k_j")));

    const int dK = result->layers[0].dK;
    const int first = head * dK;
    const int n = static_cast<int>(result->tokens.size());
    for (int j = 0; j < n; ++j) {
        QStringList terms;
        for (int c = 0; c < dK; ++c)
            terms << factor(result->layers[0].q(query, first + c)) + QChar(0x00d7) +
                         factor(result->layers[0].k(j, first + c));
        if (dK > 6)
            terms = QStringList{terms[0], terms[1], terms[2], QStringLiteral("\u2026"), terms.last()};
        const QString expected = terms.join(QStringLiteral(" + ")) + QStringLiteral(" = ") +
                                 heatmapscale::formatValue(result->layers[0].heads[head].scores(query, j), 2);
        QVERIFY2(text.contains(expected), qPrintable(QStringLiteral("missing \"%1\" in\n%2").arg(expected, text)));
    }
}

void TestLesson::laterFormulasUseTheResult()
{
    const attn::AttentionResult& r = *m_result;
    const int i = 1;
    auto formula = [&](int step) { return lessonFormulaLines(m_article, r, step, i, 0, 0).join(QLatin1Char('\n')); };
    auto fmt = [](double v) { return heatmapscale::formatValue(v, 2); };

    const QString scaling = formula(5);
    QVERIFY2(scaling.contains(
                 QStringLiteral("%1 \u00f7 \u221a3 = %2")
                     .arg(fmt(r.layers[0].heads[0].scores(i, 0)), fmt(r.layers[0].heads[0].scaledScores(i, 0)))),
             qPrintable(scaling));
    const QString softmax = formula(6);
    QVERIFY(softmax.contains(QStringLiteral("exp(s_j \u2212 max) / \u03a3 exp(s_j \u2212 max)")));
    QVERIFY(softmax.contains(QStringLiteral("= %1").arg(fmt(r.layers[0].heads[0].weights(i, 4)))));
    const QString sum = formula(7);
    QVERIFY(sum.contains(QStringLiteral("out_i = \u03a3_j w_ij \u00b7 v_j")));
    QVERIFY(sum.contains(fmt(r.layers[0].output(i, 2))));
    const QString embedding = formula(2);
    QVERIFY(embedding.contains(
        QStringLiteral("[%1, %2, %3]").arg(fmt(r.embeddings(i, 0)), fmt(r.embeddings(i, 1)), fmt(r.embeddings(i, 2)))));

    // The causal mask and a temperature are written out too.
    attn::AttentionConfig config = m_article;
    config.causal = true;
    config.temperature = 0.5;
    const auto masked = compute(config);
    const QString text = lessonFormulaLines(config, *masked, 5, 0, 0, 0).join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("masked")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("\u00f7 0.5")));
    QVERIFY(lessonExplanation(config, 5).contains(QStringLiteral("causal")));
}

void TestLesson::lessonShowsTheChosenLayer()
{
    const auto r = testutil::twoLayerResult(m_article);
    const attn::LayerResult& second = r->layers[1];
    QVERIFY(second.q != r->layers[0].q);
    const int i = 1;
    auto fmt = [](double v) { return heatmapscale::formatValue(v, 2); };
    LessonSettings s;
    s.layer = 1;
    s.queryToken = i;
    const auto page = [&](int step) {
        s.step = step;
        return LessonPage(m_article, r, s);
    };
    const auto matrixOf = [](const LessonPage& p, PanelId id) -> const attn::Matrix* {
        for (const LessonPanel& panel : p.panels()) {
            if (panel.id == id)
                return panel.spec.matrix.get();
        }
        return nullptr;
    };

    const LessonPage projections = page(3);
    QCOMPARE(projections.settings().layer, 1);
    QCOMPARE(projections.formulaLines(), lessonFormulaLines(m_article, *r, 3, i, 1, 0));
    QVERIFY(projections.formulaLines() != lessonFormulaLines(m_article, *r, 3, i, 0, 0));
    const QString q = projections.formulaLines().join(QLatin1Char('\n'));
    QVERIFY2(
        q.contains(
            QStringLiteral("q_i = [%1, %2, %3]").arg(fmt(second.q(i, 0)), fmt(second.q(i, 1)), fmt(second.q(i, 2)))),
        qPrintable(q));
    // The worked-out number multiplies the layer's own input.
    QVERIFY2(q.contains(factor(second.input(i, 0)) + QStringLiteral("\u00d7")), qPrintable(q));
    QCOMPARE(matrixOf(projections, PanelId::Q), &second.q);
    QCOMPARE(matrixOf(projections, PanelId::V), &second.v);

    const QString scaling = page(5).formulaLines().join(QLatin1Char('\n'));
    QVERIFY2(scaling.contains(QStringLiteral("%1 \u00f7 \u221a3 = %2")
                                  .arg(fmt(second.heads[0].scores(i, 0)), fmt(second.heads[0].scaledScores(i, 0)))),
             qPrintable(scaling));
    const LessonPage softmax = page(6);
    QCOMPARE(matrixOf(softmax, PanelId::Weights), &second.heads[0].weights);
    QVERIFY(softmax.formulaLines().join(QLatin1Char('\n')).contains(fmt(second.heads[0].weights(i, 4))));
    QVERIFY(page(7).formulaLines().join(QLatin1Char('\n')).contains(fmt(second.output(i, 2))));

    // Clamped to the layers; layer 0 by default.
    s.layer = 5;
    QCOMPARE(page(4).settings().layer, 1);
    s.layer = 0;
    QCOMPARE(matrixOf(page(3), PanelId::Q), &r->layers[0].q);
    QCOMPARE(LessonPage(m_article, r, LessonSettings{}).settings().layer, 0);

    // The handout draws the chosen layer and refuses one the result lacks.
    LessonOptions options;
    options.layer = 1;
    QVERIFY(!renderLessonPdf(m_article, r, options).isEmpty());
    QByteArray bytes;
    QString error;
    QVERIFY(encodeLessonPdf(QStringLiteral("l.pdf"), m_article, r, options, &bytes, &error));
    options.layer = 2;
    QVERIFY(!encodeLessonPdf(QStringLiteral("l.pdf"), m_article, r, options, &bytes, &error));
    QVERIFY2(error.contains(QStringLiteral("no layer 3")), qPrintable(error));
    options.layer = 1;
    QVERIFY(!encodeLessonPdf(QStringLiteral("l.pdf"), m_article, m_result, options, &bytes, &error));
}

void TestLesson::clickingATokenSelectsIt()
{
    LessonView view;
    view.resize(1600, 900); // not the nominal size: clicks go through the scale
    view.setData(m_article, m_result);
    view.setStep(4);
    QSignalSpy spy(view.viewState(), &ViewState::selectionChanged);
    const LessonPanel& scores = view.page().panels().front();
    QCOMPARE(scores.id, PanelId::Scores);
    const QPointF label(scores.layout.rowLabelRect.center().x(), scores.layout.cellRect(3, 0).center().y());
    const double scale = 900.0 / LessonPage::slideHeight;
    QTest::mouseClick(&view, Qt::LeftButton, {}, (label * scale).toPoint());
    QCOMPARE(view.queryToken(), 3);
    QCOMPARE(spy.count(), 1);
    // The highlight follows.
    QVERIFY(view.page().panels().front().spec.highlightedRows.contains(3));

    // Step 1: the token boxes are clickable too.
    view.setStep(1);
    for (const LessonTokenBox& box : view.page().tokenBoxes()) {
        if (box.token == 1) {
            QTest::mouseClick(&view, Qt::LeftButton, {}, (box.rect.center() * scale).toPoint());
            break;
        }
    }
    QCOMPARE(view.queryToken(), 1);
}

void TestLesson::pagesRender_data()
{
    QTest::addColumn<bool>("presentation");
    QTest::addRow("normal") << false;
    QTest::addRow("presentation") << true;
}

void TestLesson::pagesRender()
{
    QFETCH(bool, presentation);
    const QString snapshots = qEnvironmentVariable("AV_LESSON_SNAPSHOTS");
    LessonView view;
    view.resize(1280, 720);
    view.setData(m_article, m_result);
    view.setPresentation(presentation);
    QCOMPARE(view.presentation(), presentation);
    for (int step = 1; step <= 7; ++step) {
        view.setStep(step);
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), QSize(1280, 720));
        const QColor corner = image.pixelColor(2, 2);
        QCOMPARE(corner, presentation ? QColor(Qt::black) : QColor(Qt::white));
        // Something is drawn beyond the background: count distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QStringLiteral("step %1: %2 colours").arg(step).arg(colours.size())));
        if (!snapshots.isEmpty())
            image.save(QStringLiteral("%1/widget-%2-%3.png")
                           .arg(snapshots, presentation ? QStringLiteral("presentation") : QStringLiteral("normal"))
                           .arg(step));
    }
}

void TestLesson::pdfHasSevenPagesOfText()
{
    if (!haveTool(QStringLiteral("pdfinfo")) || !haveTool(QStringLiteral("pdftotext")))
        QSKIP("poppler-utils (pdfinfo, pdftotext) not installed");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.pdf"));
    QString error;
    LessonOptions options;
    options.queryToken = 1;
    QVERIFY2(exportLessonPdf(path, m_article, m_result, options, &error), qPrintable(error));
    QCOMPARE(pdfPages(path), 7);
    const QString text = runTool(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    for (const QString& word : {QStringLiteral("query"), QStringLiteral("key"), QStringLiteral("value"),
                                QStringLiteral("softmax"), QStringLiteral("\u221a")})
        QVERIFY2(text.contains(word, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("no \"%1\" in the PDF").arg(word)));
    QVERIFY(text.contains(QStringLiteral("Step 4 of 7")));
    if (const QString snapshots = qEnvironmentVariable("AV_LESSON_SNAPSHOTS"); !snapshots.isEmpty())
        QFile::copy(path, snapshots + QStringLiteral("/lesson.pdf"));
}

void TestLesson::unwritablePathGivesErrorAndNoFile()
{
    QTemporaryDir dir;
    QString error;
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/lesson.pdf"));
    QVERIFY(!exportLessonPdf(missing, m_article, m_result, {}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(missing));

    error.clear();
    const QString png = dir.filePath(QStringLiteral("lesson.png"));
    QVERIFY(!exportLessonPdf(png, m_article, m_result, {}, &error));
    QVERIFY(error.contains(QStringLiteral(".pdf")));
    QVERIFY(!QFile::exists(png));

    error.clear();
    LessonOptions badHead;
    badHead.head = 3;
    const QString path = dir.filePath(QStringLiteral("lesson.pdf"));
    QVERIFY(!exportLessonPdf(path, m_article, m_result, badHead, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(path));
}

void TestLesson::commandLineExportsWithoutDisplay()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.pdf"));
    const ProcessResult run =
        runApp({QStringLiteral("--preset"), QStringLiteral("article"), QStringLiteral("--export-lesson"), path});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.isEmpty());
    QVERIFY(QFile::exists(path));
    if (haveTool(QStringLiteral("pdfinfo")))
        QCOMPARE(pdfPages(path), 7);
}

void TestLesson::commandLineRefusesNonPdf()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.png"));
    const ProcessResult run = runApp({QStringLiteral("--export-lesson"), path});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains("--export-lesson") && run.err.contains(".pdf"), run.err.constData());
    QVERIFY(!QFile::exists(path));
}

void TestLesson::megabyteTokenIsCutBeforeLayout()
{
    // A slide lays out every text it shows; a token of 10 MB took minutes
    // and more than a gigabyte to export.
    attn::AttentionConfig config;
    // The longest token a sentence can hold (the engine refuses more than 1 MiB).
    config.sentence = std::string(attn::Limits::maxSentenceBytes - 6, 'x') + " small";
    const auto result = compute(config);
    const QString start(60, QLatin1Char('x'));
    for (int step = 1; step <= 7; ++step) {
        LessonSettings settings;
        settings.step = step;
        const LessonPage page(config, result, settings);
        for (const QString& text : QStringList{page.title(), page.explanation()} + page.formulaLines())
            QVERIFY2(text.size() < 2000, qPrintable(QStringLiteral("step %1: %2").arg(step).arg(text.size())));
        if (step == 1)
            QVERIFY(page.formulaLines().join(QLatin1Char('\n')).contains(start));
        QImage image(1280, 720, QImage::Format_RGB32);
        QPainter painter(&image);
        page.paint(&painter);
    }
}

void TestLesson::formulasKeepTheirResults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("presentation");
    for (const char* kind : {"article", "d_model 6, 2 heads", "30 tokens", "causal"}) {
        QTest::addRow("%s", kind) << QString::fromLatin1(kind) << false;
        QTest::addRow("%s, presentation", kind) << QString::fromLatin1(kind) << true;
    }
}

void TestLesson::formulasKeepTheirResults()
{
    QFETCH(QString, kind);
    QFETCH(bool, presentation);
    const attn::AttentionConfig config = lessonConfig(m_article, kind);
    const auto result = compute(config);
    const int n = static_cast<int>(result->tokens.size());
    const int old =
        static_cast<int>(std::find(result->tokens.begin(), result->tokens.end(), "old") - result->tokens.begin());
    QVERIFY(old < n);
    for (const QSizeF size : {QSizeF(LessonPage::slideWidth, LessonPage::slideHeight), QSizeF(960, 720)}) {
        for (int query : {0, old, n - 1}) {
            for (int head = 0; head < config.heads; ++head) {
                for (int step = 1; step <= LessonPage::attentionStepCount; ++step) {
                    LessonSettings settings;
                    settings.step = step;
                    settings.queryToken = query;
                    settings.head = head;
                    settings.presentation = presentation;
                    const LessonPage page(config, result, settings, size);
                    const QString where = QStringLiteral("step %1, query %2, head %3, %4×%5: ")
                                              .arg(step)
                                              .arg(query)
                                              .arg(head)
                                              .arg(size.width())
                                              .arg(size.height());
                    const QStringList lines = page.formulaLines();
                    QCOMPARE(lines, lessonFormulaLines(config, *result, step, query, 0, head));
                    for (const QString& line : lines)
                        QVERIFY2(!line.endsWith(QChar(0x2026)), qPrintable(where + line));
                    // Every line as drawn: within the box, ending with its
                    // result, never with "…"; the note in the lines' font.
                    const QRectF box = page.formulaRect();
                    QVERIFY(QRectF(QPointF(0, 0), size).contains(box));
                    int drawn = 0;
                    int omitted = 0;
                    for (const LessonFormulaLine& line : page.formulaLayout()) {
                        QVERIFY2(box.contains(line.rect), qPrintable(where + line.text));
                        const double advance = QFontMetricsF(line.font).horizontalAdvance(line.text);
                        QVERIFY2(advance <= line.rect.width() + 0.5, qPrintable(where + line.text));
                        QVERIFY2(!line.text.endsWith(QChar(0x2026)), qPrintable(where + line.text));
                        if (line.line < 0) {
                            omitted = line.text.split(QLatin1Char(' ')).value(1).toInt();
                            int linesFont = 0;
                            for (const LessonFormulaLine& other : page.formulaLayout()) {
                                if (other.line > 0)
                                    linesFont = std::max(linesFont, other.font.pixelSize());
                            }
                            QCOMPARE(line.font.pixelSize(), linesFont);
                            continue;
                        }
                        ++drawn;
                        const QString full = lines.at(line.line);
                        QVERIFY2(line.text.endsWith(resultOf(full)),
                                 qPrintable(where + QStringLiteral("\"%1\" drawn as \"%2\"").arg(full, line.text)));
                    }
                    QCOMPARE(drawn + omitted, lines.size());
                    // Step 4 with the query "old": every score line ends with
                    // the engine's number.
                    if (step == 4 && query == old) {
                        const attn::Matrix& scores = result->layers[0].heads[static_cast<std::size_t>(head)].scores;
                        for (const LessonFormulaLine& line : page.formulaLayout()) {
                            const QString full = lines.value(line.line);
                            if (!full.startsWith(QStringLiteral("score(\u201cold\u201d")))
                                continue;
                            const int j = static_cast<int>(lines.indexOf(full)) - (config.heads > 1 ? 2 : 1);
                            QVERIFY2(line.text.endsWith(QStringLiteral(" = ") + fmt2(scores(old, j))),
                                     qPrintable(where + line.text));
                        }
                    }
                }
            }
        }
    }
}

void TestLesson::projectionStepShowsTheWeights()
{
    for (const QString& kind : {QStringLiteral("article"), QStringLiteral("d_model 6, 2 heads")}) {
        const attn::AttentionConfig config = lessonConfig(m_article, kind);
        const auto result = compute(config);
        LessonSettings settings;
        settings.step = 3;
        const LessonPage page(config, result, settings);
        const std::vector<PanelId> expected{PanelId::WQuery, PanelId::WKey, PanelId::WValue,
                                            PanelId::Q,      PanelId::K,    PanelId::V};
        QVERIFY(page.visiblePanels() == expected);
        const QRectF slide(QPointF(0, 0), page.size());
        std::vector<QRectF> targets;
        for (const LessonPanel& panel : page.panels()) {
            if (!panel.current)
                continue;
            if (panel.id == PanelId::WQuery)
                QCOMPARE(panel.spec.matrix.get(), &result->layers[0].wQuery);
            if (panel.id == PanelId::WValue)
                QCOMPARE(panel.spec.matrix.get(), &result->layers[0].wValue);
            QVERIFY2(slide.contains(panel.layout.target), qPrintable(kind));
            QVERIFY(panel.layout.gridRect.width() >= 3 * panel.spec.matrix->cols());
            // No panel covers another or the formula box.
            QVERIFY(!panel.layout.target.intersects(page.formulaRect()));
            for (const QRectF& other : targets)
                QVERIFY2(!panel.layout.target.intersects(other), qPrintable(kind));
            targets.push_back(panel.layout.target);
        }
        // The formula names column 0 of W_Q, and W_Q is there with its numbers.
        QVERIFY(page.formulaLines().join(QLatin1Char('\n')).contains(QStringLiteral("column 0 of W_Q")));
    }
}

void TestLesson::numbersAsLargeAsTheText()
{
    // The article's panels print every number at least as large as the
    // explanation, on every step. Step 3's six panels share the width and
    // get at least 0.7 of it; presentation's larger type leaves the cells
    // room for at least 0.85 of its larger explanation.
    for (bool presentation : {false, true}) {
        for (int step = 2; step <= LessonPage::attentionStepCount; ++step) {
            LessonSettings settings;
            settings.step = step;
            settings.presentation = presentation;
            const LessonPage page(m_article, m_result, settings);
            for (const LessonPanel& panel : page.panels()) {
                if (!panel.current)
                    continue;
                const QString where = QStringLiteral("step %1 %2 %3")
                                          .arg(step)
                                          .arg(attn::panelName(panel.id))
                                          .arg(presentation ? "presentation" : "");
                QVERIFY2(panel.layout.valuesVisible, qPrintable(where));
                const double least = page.explanationFont().pixelSize() * (step == 3 ? 0.7 : presentation ? 0.85 : 1.0);
                QVERIFY2(panel.layout.valueFont.pixelSize() >= least,
                         qPrintable(where + QStringLiteral(": %1 px").arg(panel.layout.valueFont.pixelSize())));
            }
        }
    }
}

// d_model 6, two heads: Q, K and V have 18 columns side by side. On the
// slide (16:9, as exported and presented) their numbers print, their colour
// bars giving way where the room is needed (the PDF's page); the weights
// keep theirs.
void TestLesson::wideProjectionsPrintTheirNumbersOnASlide_data()
{
    // A page of that size, or the window's lesson view of that size (its
    // page is narrower than a slide: the settings stand beside it).
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("inWindow");
    QTest::addColumn<bool>("presentation");
    QTest::addRow("pdf page") << QSize(1280, 720) << false << false;
    QTest::addRow("presentation") << QSize(1920, 1080) << false << true;
    QTest::addRow("window on 1920 x 1080") << QSize(1500, 960) << true << false;
    QTest::addRow("window on 1366 x 768") << QSize(1000, 640) << true << false;
}

void TestLesson::wideProjectionsPrintTheirNumbersOnASlide()
{
    QFETCH(QSize, size);
    QFETCH(bool, inWindow);
    QFETCH(bool, presentation);
    attn::AttentionConfig config = m_article;
    config.dModel = 6;
    config.heads = 2;
    config.explicitEmbeddings.clear();
    const auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
    LessonSettings settings;
    settings.step = 3;
    settings.presentation = presentation;
    LessonView view;
    view.resize(size);
    view.setData(config, result);
    view.setStep(3);
    const LessonPage page = inWindow ? view.page() : LessonPage(config, result, settings, QSizeF(size));
    QCOMPARE(page.settings().step, 3);
    QVERIFY(!page.numbersHidden());
    int projections = 0;
    for (const LessonPanel& panel : page.panels()) {
        if (!panel.current)
            continue;
        const bool weights =
            panel.id == attn::PanelId::WQuery || panel.id == attn::PanelId::WKey || panel.id == attn::PanelId::WValue;
        projections += weights ? 0 : 1;
        const QString where = attn::panelName(panel.id);
        QVERIFY2(panel.layout.valuesVisible, qPrintable(where));
        QVERIFY2(panel.layout.valueFont.pixelSize() >= 12, qPrintable(where));
        if (weights)
            QVERIFY2(!panel.layout.colorBarRect.isEmpty(), qPrintable(where));
        // Nothing overlaps the formula box, and everything is on the page.
        QVERIFY2(!panel.layout.target.intersects(page.formulaRect()), qPrintable(where));
        QVERIFY2(QRectF(QPointF(0, 0), page.size()).contains(panel.layout.target), qPrintable(where));
    }
    QCOMPARE(projections, 3);
}

void TestLesson::earlierStripFitsThePage_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("presentation");
    for (const char* kind : {"article", "d_model 6, 2 heads", "30 tokens", "causal"}) {
        QTest::addRow("%s", kind) << QString::fromLatin1(kind) << false;
        QTest::addRow("%s, presentation", kind) << QString::fromLatin1(kind) << true;
    }
}

void TestLesson::earlierStripFitsThePage()
{
    QFETCH(QString, kind);
    QFETCH(bool, presentation);
    attn::AttentionConfig config = lessonConfig(m_article, kind);
    config.positional = kind == QLatin1String("causal"); // E and X both in the strip
    const auto result = compute(config);
    // The window at 1280×720, 1366×768 and 1920×1080 and the PDF's 16:9 page.
    std::vector<LessonPage> pages;
    for (const QSize window : {QSize(1280, 720), QSize(1366, 768), QSize(1920, 1080), QSize(1024, 768)}) {
        LessonView view;
        view.resize(window);
        view.setData(config, result);
        view.setPresentation(presentation);
        for (int step = 1; step <= LessonPage::attentionStepCount; ++step) {
            view.setStep(step);
            pages.push_back(view.page());
        }
    }
    for (int step = 1; step <= LessonPage::attentionStepCount; ++step) {
        LessonSettings settings;
        settings.step = step;
        settings.presentation = presentation;
        pages.emplace_back(config, result, settings);
    }
    for (const LessonPage& page : pages) {
        const QRectF slide(QPointF(0, 0), page.size());
        const int step = page.settings().step;
        const QString where =
            QStringLiteral("step %1 on %2×%3: ").arg(step).arg(page.size().width()).arg(page.size().height());
        int earlier = 0;
        for (const LessonPanel& panel : page.panels()) {
            QVERIFY2(slide.adjusted(-0.5, -0.5, 0.5, 0.5).contains(panel.layout.target),
                     qPrintable(where + attn::panelName(panel.id)));
            if (panel.current)
                continue;
            ++earlier;
            QVERIFY2(page.stripRect().adjusted(-0.5, -0.5, 0.5, 0.5).contains(panel.layout.target),
                     qPrintable(where + attn::panelName(panel.id)));
        }
        int stages = 0;
        for (int s = 2; s < step; ++s) {
            for (PanelId id : lessonPanelsForStep(config, s))
                stages += isWeight(id) ? 0 : 1;
        }
        QCOMPARE(earlier + static_cast<int>(page.stripLeftOut().size()), stages);
        if (stages > 0) {
            QVERIFY2(earlier > 0, qPrintable(where));
            QVERIFY(slide.contains(page.stripRect()));
            QVERIFY(slide.contains(page.stripLabelRect()));
            for (PanelId id : page.stripLeftOut())
                QVERIFY2(page.stripLabel().contains(attn::panelTitle(id)), qPrintable(where + page.stripLabel()));
        }
    }
}

void TestLesson::weightedSumNamesTheHeadsShare()
{
    const attn::AttentionConfig config = lessonConfig(m_article, QStringLiteral("d_model 6, 2 heads"));
    const auto result = compute(config);
    const attn::LayerResult& layer = result->layers[0];
    const int i = 0; // "i": the token the report follows
    for (int head = 0; head < 2; ++head) {
        const QStringList lines = lessonFormulaLines(config, *result, 7, i, 0, head);
        const attn::Matrix& out = layer.heads[static_cast<std::size_t>(head)].output;
        const QString share = QStringLiteral("= [%1, %2, %3]").arg(fmt2(out(i, 0)), fmt2(out(i, 1)), fmt2(out(i, 2)));
        QVERIFY2(lines.contains(share), qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(lines.contains(QStringLiteral("= head %1\u2019s share of out(\u201ci\u201d): its columns %2\u2013%3")
                                    .arg(head + 1)
                                    .arg(head * 3)
                                    .arg(head * 3 + 2)),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        // Never "= [3 numbers] = out(“i”)": out(“i”) has 6.
        QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("] = out(")));
        QStringList halves;
        for (int h = 0; h < 2; ++h)
            halves << QStringLiteral("%1, %2, %3")
                          .arg(fmt2(layer.output(i, 3 * h)), fmt2(layer.output(i, 3 * h + 1)),
                               fmt2(layer.output(i, 3 * h + 2)));
        const QString names = QStringLiteral("out(\u201ci\u201d) = [head 1 | head 2]");
        const QString values = QStringLiteral("= [%1]").arg(halves.join(QStringLiteral(" | ")));
        QCOMPARE(lines.value(lines.size() - 2), names);
        QCOMPARE(lines.last(), values);
        // ... and the slide draws both, whole.
        LessonSettings settings;
        settings.step = 7;
        settings.head = head;
        for (bool presentation : {false, true}) {
            settings.presentation = presentation;
            const LessonPage page(config, result, settings);
            QStringList drawn;
            for (const LessonFormulaLine& line : page.formulaLayout())
                drawn << line.text;
            QVERIFY2(drawn.contains(names) && drawn.contains(values) && drawn.contains(share),
                     qPrintable(drawn.join(QLatin1Char('\n'))));
        }
    }
    // One head: its sum is all of out(“i”).
    const auto one = m_result;
    const QStringList lines = lessonFormulaLines(m_article, *one, 7, i, 0, 0);
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("] = out(\u201ci\u201d)")));
    QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("share")));
}

namespace {

std::shared_ptr<const attn::AttentionResult> computeCheckpoint(const attn::AttentionConfig& config, int layer)
{
    return std::make_shared<const attn::AttentionResult>(computeModelResult(config, {.stageLayer = layer}));
}

// Layer norm of a row, in float64 from the result's own numbers.
attn::Vector layerNormOf(const attn::Vector& x, const attn::LayerNormParams& ln)
{
    const double mean = x.mean();
    const double variance = (x.array() - mean).square().mean();
    return (((x.array() - mean) / std::sqrt(variance + ln.epsilon)) * ln.weight.array() + ln.bias.array()).matrix();
}

bool near(const attn::Matrix& a, const attn::Matrix& b, double tolerance = 1e-4)
{
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           ((a - b).array().abs() / b.array().abs().max(1.0)).maxCoeff() < tolerance;
}

} // namespace

void TestLesson::blockStepsOnlyForACheckpoint()
{
    // The article's model and a stack of layers without a block: seven steps.
    QCOMPARE(LessonPage::stepsFor(m_result.get(), 0), 7);
    const auto stack = testutil::twoLayerResult(m_article);
    QCOMPARE(LessonPage::stepsFor(stack.get(), 1), 7);
    QVERIFY(!stack->layers[1].block);
    LessonSettings settings;
    settings.step = 9;
    QCOMPARE(LessonPage(m_article, m_result, settings).settings().step, 7);
    QVERIFY(lessonFormulaLines(m_article, *m_result, 9, 0, 0, 0).isEmpty());

    // A checkpoint: eleven, on every layer; the keys reach the last.
    const auto result = computeCheckpoint(m_checkpoint, 1);
    QVERIFY(result->layers[1].block);
    QVERIFY(!result->layers[0].block);
    QCOMPARE(LessonPage::stepsFor(result.get(), 1), 11);
    LessonView view;
    view.resize(1280, 720);
    view.setData(m_checkpoint, result);
    view.viewState()->setShape(static_cast<int>(result->layers.size()), result->headCount(),
                               static_cast<int>(result->tokens.size()));
    view.viewState()->setLayer(1);
    QCOMPARE(view.stepCount(), 11);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.step(), 11);
    QVERIFY(view.page().title().startsWith(QStringLiteral("Step 11 of 11")));
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.step(), 11);
    QTest::keyClick(&view, Qt::Key_Left);
    QTest::keyClick(&view, Qt::Key_PageUp);
    QCOMPARE(view.step(), 9);
    QVERIFY(view.page().visibleBlockPanels() ==
            (std::vector<BlockPanel>{BlockPanel::Attention, BlockPanel::ResidualMid}));
    QVERIFY(view.visiblePanels() == std::vector<PanelId>{PanelId::Output});
    for (int step = 1; step <= 6; ++step)
        QTest::keyClick(&view, Qt::Key_Space);
    QCOMPARE(view.step(), 11);
    // The same steps on the article's model stop at 7.
    view.setData(m_article, m_result);
    QCOMPARE(view.stepCount(), 7);
    QCOMPARE(view.step(), 7);
    QVERIFY(view.page().title().startsWith(QStringLiteral("Step 7 of 7")));
}

void TestLesson::blockFormulasUseTheResult_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("query");
    QTest::addRow("layer 2, token 3") << 1 << 3;
    QTest::addRow("last layer, last token") << 2 << -1;
}

void TestLesson::blockFormulasUseTheResult()
{
    QFETCH(int, layer);
    QFETCH(int, query);
    const auto result = computeCheckpoint(m_checkpoint, layer);
    const int n = static_cast<int>(result->tokens.size());
    const int i = query < 0 ? n - 1 : query;
    const attn::LayerResult& l = result->layers[static_cast<std::size_t>(layer)];
    QVERIFY(l.block);
    const attn::BlockResult& b = *l.block;
    const int d = static_cast<int>(b.residualIn.cols());
    QCOMPARE(b.mlpHidden.cols(), Eigen::Index(4 * d));

    // The block's numbers hang together (each recomputed here in float64).
    for (int r = 0; r < n; ++r)
        QVERIFY(near(l.input.row(r), layerNormOf(b.residualIn.row(r), b.ln1)));
    QVERIFY(near(b.attention, (l.output * b.wOut).rowwise() + b.bOut));
    QVERIFY(near(b.residualMid, b.residualIn + b.attention));
    for (int r = 0; r < n; ++r)
        QVERIFY(near(b.mlpInput.row(r), layerNormOf(b.residualMid.row(r), b.ln2)));
    QVERIFY(near(b.residualOut, b.residualMid + b.mlp));
    const attn::UnembeddingResult& u = *result->unembedding;
    QVERIFY(near(u.normed, layerNormOf(u.residual, u.lnF)));
    for (std::size_t t = 0; t < result->nextTokens.size(); ++t)
        QVERIFY(std::abs(u.normed.dot(u.nextEmbeddings.row(static_cast<Eigen::Index>(t))) -
                         result->nextTokens[t].logit) < 1e-4 * std::max(1.0, std::abs(result->nextTokens[t].logit)));
    if (layer == 2) // the last layer's output is what ln_f reads
        QVERIFY(near(b.residualOut.row(n - 1), u.residual));

    auto lines = [&](int step) { return lessonFormulaLines(m_checkpoint, *result, step, i, layer, 0); };
    auto has = [](const QStringList& text, const QString& part) { return text.join(QLatin1Char('\n')).contains(part); };

    // 8: the row's mean and variance, one dimension worked out, ln_1's output.
    const QStringList norm = lines(8);
    const double mean = b.residualIn.row(i).mean();
    const double variance = (b.residualIn.row(i).array() - mean).square().mean();
    QVERIFY2(has(norm, QStringLiteral("\u03bc = %1, \u03c3\u00b2 = %2").arg(fmt2(mean), fmt2(variance))),
             qPrintable(norm.join('\n')));
    QVERIFY2(has(norm, QStringLiteral("(%1 \u2212 %2) / \u221a(%3 + 1e-05) \u00b7 %4 + %5 = %6")
                           .arg(fmt2(b.residualIn(i, 0)), factor(mean), fmt2(variance), factor(b.ln1.weight(0)),
                                factor(b.ln1.bias(0)), fmt2(l.input(i, 0)))),
             qPrintable(norm.join('\n')));
    // 9: c_proj's first number and the residual.
    const QStringList residual = lines(9);
    QVERIFY2(has(residual, QStringLiteral("+ %1 = %2").arg(factor(b.bOut(0)), fmt2(b.attention(i, 0)))),
             qPrintable(residual.join('\n')));
    QVERIFY(has(residual, QStringLiteral("= %1 + %2 = %3")
                              .arg(fmt2(b.residualIn(i, 0)), factor(b.attention(i, 0)), fmt2(b.residualMid(i, 0)))));
    // 10: ln_2, the strongest hidden unit through GELU, the layer's output.
    const QStringList mlp = lines(10);
    int unit = 0;
    b.mlpHidden.row(i).cwiseAbs().maxCoeff(&unit);
    QVERIFY2(has(mlp, QStringLiteral("strongest unit %1: a = %2").arg(unit).arg(fmt2(b.mlpPreActivation(i, unit)))),
             qPrintable(mlp.join('\n')));
    QVERIFY(mlp.join('\n').contains(QStringLiteral(" = %1\n").arg(fmt2(b.mlpHidden(i, unit)))));
    QVERIFY(mlp.last().endsWith(QStringLiteral("= %1 + %2 = %3")
                                    .arg(fmt2(b.residualMid(i, 0)), factor(b.mlp(i, 0)), fmt2(b.residualOut(i, 0)))));
    QVERIFY(has(mlp, QStringLiteral("%1 \u2192 %2 \u2192 %1").arg(d).arg(4 * d)));
    // 11: the logit of the most likely token and the probabilities.
    const QStringList logits = lines(11);
    const attn::AttentionResult::NextToken& best = result->nextTokens.front();
    QVERIFY2(logits.join('\n').contains(QStringLiteral(" = %1\n").arg(fmt2(best.logit))),
             qPrintable(logits.join('\n')));
    for (int t = 0; t < 5; ++t)
        QVERIFY(logits.value(logits.size() - 5 + t)
                    .endsWith(QStringLiteral(" = %1").arg(
                        fmt2(result->nextTokens[static_cast<std::size_t>(t)].probability))));
    QCOMPARE(has(logits, QStringLiteral("after all 3 layers (this is layer 2)")), layer == 1);
    QVERIFY(has(logits, QStringLiteral("over all 50257 tokens")));

    // The slides show them, and the step's panels are the result's matrices.
    LessonSettings settings;
    settings.layer = layer;
    settings.queryToken = i;
    settings.step = 10;
    const LessonPage page(m_checkpoint, result, settings);
    QCOMPARE(page.formulaLines(), lines(10));
    QVERIFY(page.visibleBlockPanels() == lessonBlockPanelsForStep(10));
    for (const LessonPanel& panel : page.panels()) {
        if (panel.block == BlockPanel::MlpHidden)
            QCOMPARE(panel.spec.matrix.get(), &b.mlpHidden);
        if (panel.block == BlockPanel::ResidualOut)
            QCOMPARE(panel.spec.matrix.get(), &b.residualOut);
    }
}

void TestLesson::blockPagesRender_data()
{
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QSize>("size");
    QTest::addRow("slide") << false << QSize(1280, 720);
    QTest::addRow("presentation") << true << QSize(1280, 720);
    QTest::addRow("presentation, 1920 x 1080") << true << QSize(1920, 1080);
    QTest::addRow("window on 1366 x 768") << false << QSize(1000, 640);
}

void TestLesson::blockPagesRender()
{
    QFETCH(bool, presentation);
    QFETCH(QSize, size);
    const QString snapshots = qEnvironmentVariable("AV_LESSON_SNAPSHOTS");
    const auto result = computeCheckpoint(m_checkpoint, 1);
    LessonView view;
    view.resize(size);
    view.setData(m_checkpoint, result);
    view.viewState()->setShape(3, result->headCount(), static_cast<int>(result->tokens.size()));
    view.viewState()->setLayer(1);
    view.viewState()->setSelection(3, std::nullopt);
    view.setPresentation(presentation);
    for (int step = 8; step <= 11; ++step) {
        view.setStep(step);
        QCOMPARE(view.step(), step);
        const LessonPage& page = view.page();
        const QString where = QStringLiteral("step %1: ").arg(step);
        QCOMPARE(page.visibleBlockPanels().size(), lessonBlockPanelsForStep(step).size());
        // The formula lines within their box, with their results.
        for (const LessonFormulaLine& line : page.formulaLayout()) {
            QVERIFY2(page.formulaRect().contains(line.rect), qPrintable(where + line.text));
            QVERIFY2(QFontMetricsF(line.font).horizontalAdvance(line.text) <= line.rect.width() + 0.5,
                     qPrintable(where + line.text));
            if (line.line >= 0)
                QVERIFY2(line.text.endsWith(resultOf(page.formulaLines().at(line.line))),
                         qPrintable(where + line.text));
        }
        const QImage image = view.grab().toImage();
        // The page fills the widget at its logical size (laid out wider and
        // scaled down when a narrow window needs it).
        const double scale = size.width() / page.size().width();
        std::vector<QRectF> targets;
        for (const LessonPanel& panel : page.panels()) {
            QVERIFY(panel.current);
            const QRectF target = panel.layout.target;
            QVERIFY2(QRectF(QPointF(0, 0), page.size()).adjusted(-0.5, -0.5, 0.5, 0.5).contains(target),
                     qPrintable(where + panel.spec.title));
            QVERIFY2(!target.intersects(page.formulaRect()), qPrintable(where + panel.spec.title));
            for (const QRectF& other : targets)
                QVERIFY2(!target.intersects(other), qPrintable(where + panel.spec.title));
            targets.push_back(target);
            // The grid is painted: many colours inside it.
            const QRect grid = QRectF(panel.layout.gridRect.topLeft() * scale, panel.layout.gridRect.size() * scale)
                                   .toAlignedRect()
                                   .intersected(image.rect());
            QVERIFY2(grid.width() >= 8 && grid.height() >= 8, qPrintable(where + panel.spec.title));
            QSet<QRgb> colours;
            for (int y = grid.top(); y <= grid.bottom(); y += 2)
                for (int x = grid.left(); x <= grid.right(); x += 2)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 5, qPrintable(where + panel.spec.title + QString::number(colours.size())));
        }
        if (!snapshots.isEmpty())
            image.save(QStringLiteral("%1/block-%2x%3-%4-%5.png")
                           .arg(snapshots)
                           .arg(size.width())
                           .arg(size.height())
                           .arg(presentation ? QStringLiteral("presentation") : QStringLiteral("normal"))
                           .arg(step));
    }
}

void TestLesson::checkpointPdfHasElevenPages()
{
    if (!haveTool(QStringLiteral("pdfinfo")) || !haveTool(QStringLiteral("pdftotext")))
        QSKIP("poppler-utils (pdfinfo, pdftotext) not installed");
    const auto result = computeCheckpoint(m_checkpoint, 2);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.pdf"));
    QString error;
    LessonOptions options;
    options.layer = 2;
    options.queryToken = 2;
    QVERIFY2(exportLessonPdf(path, m_checkpoint, result, options, &error), qPrintable(error));
    QCOMPARE(pdfPages(path), 11);
    const QString text = runTool(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    for (const QString& words :
         {QStringLiteral("Step 8 of 11"), QStringLiteral("Layer norm"), QStringLiteral("Output projection"),
          QStringLiteral("MLP"), QStringLiteral("Step 11 of 11")})
        QVERIFY2(text.contains(words), qPrintable(QStringLiteral("no \"%1\" in the PDF").arg(words)));
    if (const QString snapshots = qEnvironmentVariable("AV_LESSON_SNAPSHOTS"); !snapshots.isEmpty())
        QFile::copy(path, snapshots + QStringLiteral("/checkpoint-lesson.pdf"));

    // From the command line, without a display: the same eleven pages.
    const QString cli = dir.filePath(QStringLiteral("cli.pdf"));
    const ProcessResult run = runApp({QStringLiteral("--model"), m_model.path(), QStringLiteral("--sentence"),
                                      QString::fromStdString(m_checkpoint.sentence), QStringLiteral("--layer"),
                                      QStringLiteral("3"), QStringLiteral("--export-lesson"), cli});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(pdfPages(cli), 11);
    // The article's handout keeps its seven.
    QVERIFY(exportLessonPdf(path, m_article, m_result, {}, &error));
    QCOMPARE(pdfPages(path), 7);
}

// A checkpoint of GPT-2's width draws every matrix of every step with rows
// one can see and point at (its 768 and 3072 columns narrowed, W's 768 rows
// as tall as the tokens'), whole titles and formulas, a colour bar, and no
// panel over another, the formula box or the explanation: in the window, in
// presentation and on the PDF's page, at 5 and at 30 tokens.
void TestLesson::wideModelPanelsStayReadable_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QSize>("size"); // the lesson view's, or (inWindow false) the page's
    QTest::addColumn<bool>("inWindow");
    QTest::addColumn<bool>("presentation");
    const QString few = QStringLiteral("The cat sat on the");
    const QString many = QStringLiteral("The cat sat on the mat because it was tired, and the dog lay by the door "
                                        "while the rain fell on the roof all day long until night");
    for (const auto& [name, sentence] : {std::pair{"5 tokens", few}, std::pair{"30 tokens", many}}) {
        QTest::addRow("%s, pdf page", name) << sentence << QSize(1280, 720) << false << false;
        QTest::addRow("%s, presentation", name) << sentence << QSize(1920, 1080) << true << true;
        QTest::addRow("%s, window on 1920 x 1080", name) << sentence << QSize(1500, 960) << true << false;
        // The lesson view's size in a maximised 1366 x 768 window.
        QTest::addRow("%s, window on 1366 x 768", name) << sentence << QSize(937, 615) << true << false;
    }
}

void TestLesson::wideModelPanelsStayReadable()
{
    QFETCH(QString, sentence);
    QFETCH(QSize, size);
    QFETCH(bool, inWindow);
    QFETCH(bool, presentation);
    if (!m_wideModelWritten) {
        QString error;
        QVERIFY2(testutil::writeGpt2Checkpoint(m_wideModel.path(),
                                               {"--positions", "64", "--layers", "2", "--heads", "12", "--embd", "768",
                                                "--ids", "1", "--scale", "0.05", "--dtype", "F16"},
                                               &error),
                 qPrintable(error));
        m_wideModelWritten = true;
    }
    attn::AttentionConfig config = withModel(attn::AttentionConfig{}, m_wideModel.path().toStdString());
    config.sentence = sentence.toStdString();
    const auto result = computeCheckpoint(config, 1);
    const int n = static_cast<int>(result->tokens.size());
    QVERIFY2(n >= 5 && n <= 30, qPrintable(QString::number(n)));
    QCOMPARE(result->layers[1].input.cols(), Eigen::Index(768));
    QCOMPARE(LessonPage::stepsFor(result.get(), 1), 11);

    LessonView view;
    view.resize(size);
    view.setData(config, result);
    view.viewState()->setShape(2, result->headCount(), n);
    view.viewState()->setLayer(1);
    view.viewState()->setSelection(n / 2, std::nullopt);
    view.setPresentation(presentation);
    for (int step = 2; step <= 11; ++step) {
        LessonSettings settings;
        settings.step = step;
        settings.queryToken = n / 2;
        settings.layer = 1;
        settings.presentation = presentation;
        view.setStep(step);
        const LessonPage page = inWindow ? view.page() : LessonPage(config, result, settings, QSizeF(size));
        // Page units to the screen's (or the PDF page's) pixels.
        const double scale = size.width() / page.size().width();
        QCOMPARE(page.settings().step, step);
        if (const QString snapshots = qEnvironmentVariable("AV_LESSON_SNAPSHOTS"); !snapshots.isEmpty()) {
            QImage image = view.grab().toImage();
            if (!inWindow) {
                image = QImage(size, QImage::Format_RGB32);
                QPainter painter(&image);
                page.paint(&painter);
            }
            image.save(QStringLiteral("%1/wide-%2-%3.png")
                           .arg(snapshots, QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), '_'))
                           .arg(step, 2, 10, QLatin1Char('0')));
        }
        // Every panel of the step, step 3's six at 30 tokens too, each W
        // beside or above the projection it makes.
        QCOMPARE(page.visiblePanels().size(), lessonPanelsForStep(config, step).size());
        QCOMPARE(page.visibleBlockPanels().size(), lessonBlockPanelsForStep(step).size());
        // Every step draws its title whole (a short one where the long has no room).
        QVERIFY2(!page.titleElided(), qPrintable(page.title()));
        if (step == 3) {
            std::map<PanelId, QRectF> where;
            for (const LessonPanel& panel : page.panels()) {
                if (!panel.current)
                    continue;
                QCOMPARE(panel.spec.matrix.get(),
                         figurePanelSpec(config, result, panel.id, 1, 0, QString()).matrix.get());
                where[panel.id] = panel.layout.target;
                // Every projection names its token rows, its own labels drawn.
                if (!isWeight(panel.id)) {
                    QCOMPARE(panel.spec.rowLabels.size(), n);
                    QVERIFY2(!panel.spec.rowLabels.contains(QString()), qPrintable(panel.spec.title));
                    QVERIFY2(panel.layout.rowLabelRect.width() >= 10.0, qPrintable(panel.spec.title));
                }
            }
            for (auto [w, p] : {std::pair{PanelId::WQuery, PanelId::Q}, std::pair{PanelId::WKey, PanelId::K},
                                std::pair{PanelId::WValue, PanelId::V}}) {
                const QRectF a = where[w];
                const QRectF b = where[p];
                const bool beside = a.right() <= b.left() && a.bottom() > b.top() && b.bottom() > a.top();
                const bool above = a.bottom() <= b.top() && a.right() > b.left() && b.right() > a.left();
                QVERIFY2(beside || above, qPrintable(attn::panelName(w)));
            }
        }
        std::vector<QRectF> targets;
        for (const LessonPanel& panel : page.panels()) {
            const HeatmapLayout& l = panel.layout;
            const QString where = QStringLiteral("step %1, %2: ").arg(step).arg(panel.spec.title);
            const int rows = static_cast<int>(panel.spec.matrix->rows());
            const int columns = static_cast<int>(panel.spec.matrix->cols());
            // Rows: each token's at least 3 px of the page and 2 px on screen
            // (2 px of the page in the low strip of earlier steps, as for any
            // model at 30 tokens); a matrix of 768 rows at least as tall as
            // the tokens'.
            const double row = l.gridRect.height() / std::min(rows, n);
            QVERIFY2(panel.current ? row >= 3.0 && row * scale >= 2.0 : row >= 2.0,
                     qPrintable(where + QStringLiteral("%1 px, %2 on screen").arg(row).arg(row * scale)));
            QVERIFY2(l.gridRect.width() * scale >= std::min(3.0 * columns, 40.0),
                     qPrintable(where + QStringLiteral("%1 px wide").arg(l.gridRect.width() * scale)));
            // Title, formula and colour bar drawn whole.
            const bool oneLine = l.formulaRect.top() == l.titleRect.top();
            const double titleRoom = oneLine ? l.titleRect.width() : l.target.right() - l.titleRect.left();
            QVERIFY2(QFontMetricsF(l.titleFont).horizontalAdvance(heatmaplayout::titleText(panel.spec.title)) <=
                         titleRoom + 0.5,
                     qPrintable(where + QStringLiteral("title elided")));
            QVERIFY2(QFontMetricsF(l.labelFont).horizontalAdvance(heatmaplayout::titleText(panel.spec.formula)) <=
                         l.target.right() - l.formulaRect.left() + 0.5,
                     qPrintable(where + QStringLiteral("formula elided")));
            QVERIFY2(l.titleFont.pixelSize() * scale >= (panel.current ? 12.0 : 7.0), qPrintable(where));
            QVERIFY2(!l.colorBarRect.isEmpty() && l.colorBarRect.height() * scale >= 20.0, qPrintable(where));
            // On the page, clear of the header, the formula box and every other panel.
            QVERIFY2(QRectF(QPointF(0, 0), page.size()).adjusted(-0.5, -0.5, 0.5, 0.5).contains(l.target),
                     qPrintable(where));
            QVERIFY2(!l.target.intersects(page.formulaRect()), qPrintable(where + QStringLiteral("over the formula")));
            QVERIFY2(!l.target.intersects(page.explanationRect()),
                     qPrintable(where + QStringLiteral("over the explanation")));
            for (const QRectF& other : targets)
                QVERIFY2(!l.target.intersects(other), qPrintable(where + QStringLiteral("over another panel")));
            targets.push_back(l.target);
        }
    }
}

QTEST_MAIN(TestLesson)
#include "tst_lesson.moc"
