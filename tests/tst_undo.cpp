#include "app/mainwindow.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/session.h"
#include "ui/widgets/controlpanel.h"
#include "ui/widgets/figureview.h"

#include "windowtestutil.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

// Undo and redo in the window: every setting, the typing of a sentence (one
// step per burst), the temperature slider (one step per drag), reseeds and
// typed cell values all come back to the exact numbers they had.
class TestUndo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void settingsUndoRedoExactNumbers();
    void eachKindOfEdit_data();
    void eachKindOfEdit();
    void sentenceTypingIsOneStepPerBurst();
    void temperatureDragIsOneStep();
    void undoWhileTypingUndoesTheTyping();
    void embeddingCellEditChangesTheWord();
    void weightCellEditUndoRedo();
    void inlineEditorEditsThroughTheDocument();
    void editedCellsAreSavedAndExported();

private:
    void waitIdle() { QVERIFY(testutil::waitForIdle(m_window->document())); }
    void undo() { m_window->findChild<QAction*>(QStringLiteral("undoAction"))->trigger(); }
    void redo() { m_window->findChild<QAction*>(QStringLiteral("redoAction"))->trigger(); }
    template <typename T> T* find(const char* name) const { return windowtest::findNamed<T>(m_window.get(), name); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
    // The merge window's clock: stands still unless a test moves it, so edits
    // merge or not by their kind and by the pauses the test takes, never by
    // how fast the machine runs the test.
    std::unique_ptr<testutil::ManualClock> m_clock;
};

void TestUndo::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    windowtest::isolateSettings(m_settingsDir, QStringLiteral("tst_undo"));
}

void TestUndo::init()
{
    QVERIFY(windowtest::openWindow(m_window));
    m_clock = std::make_unique<testutil::ManualClock>(m_window->document());
    waitIdle();
}

void TestUndo::cleanup()
{
    m_window.reset();
    m_clock.reset();
}

void TestUndo::settingsUndoRedoExactNumbers()
{
    AttentionDocument* document = m_window->document();
    const attn::AttentionConfig start = document->resultConfig();
    const auto before = document->result();

    find<QSpinBox>("dModel")->setValue(6);
    find<QSpinBox>("heads")->setValue(2);
    find<QCheckBox>("causal")->click();
    find<QComboBox>("init")->setCurrentIndex(2);
    waitIdle();
    const attn::AttentionConfig edited = document->resultConfig();
    const auto after = document->result();
    QCOMPARE(document->undoStack()->count(), 4);

    for (int i = 0; i < 4; ++i)
        undo();
    waitIdle();
    QVERIFY(document->config() == start);
    QVERIFY(document->resultConfig() == start);
    QCOMPARE(document->result()->embeddings, before->embeddings);
    QCOMPARE(document->result()->layers[0].wQuery, before->layers[0].wQuery);
    QCOMPARE(document->result()->layers[0].heads.at(0).weights, before->layers[0].heads.at(0).weights);
    QCOMPARE(document->result()->layers[0].output, before->layers[0].output);
    // The controls show the restored settings.
    QCOMPARE(find<QSpinBox>("dModel")->value(), 3);
    QCOMPARE(find<QSpinBox>("heads")->value(), 1);
    QVERIFY(!find<QCheckBox>("causal")->isChecked());
    QCOMPARE(find<QComboBox>("init")->currentIndex(), 0);
    QVERIFY(!m_window->document()->isModified());

    for (int i = 0; i < 4; ++i)
        redo();
    waitIdle();
    QVERIFY(document->resultConfig() == edited);
    QCOMPARE(document->result()->layers[0].heads.at(1).weights, after->layers[0].heads.at(1).weights);
    QCOMPARE(document->result()->layers[0].output, after->layers[0].output);
    QCOMPARE(find<QSpinBox>("dModel")->value(), 6);
    QVERIFY(find<QCheckBox>("causal")->isChecked());
}

void TestUndo::eachKindOfEdit_data()
{
    QTest::addColumn<QString>("what");
    QTest::addRow("weight seed") << "weightSeed";
    QTest::addRow("embedding seed") << "embeddingSeed";
    QTest::addRow("reseed weights") << "reseedWeights";
    QTest::addRow("reseed embeddings") << "reseedEmbeddings";
    QTest::addRow("positional") << "positional";
    QTest::addRow("scaled") << "scaled";
    QTest::addRow("load article") << "article";
}

void TestUndo::eachKindOfEdit()
{
    QFETCH(QString, what);
    AttentionDocument* document = m_window->document();
    if (what == QLatin1String("article")) {
        // Start away from the article, so loading it is a change.
        find<QSpinBox>("dModel")->setValue(5);
        find<QDoubleSpinBox>("embeddingSeed")->setValue(7);
        waitIdle();
    }
    const attn::AttentionConfig start = document->config();
    const auto before = document->result();
    const int steps = document->undoStack()->count();

    if (what == QLatin1String("weightSeed"))
        find<QDoubleSpinBox>("weightSeed")->setValue(1234);
    else if (what == QLatin1String("embeddingSeed"))
        find<QDoubleSpinBox>("embeddingSeed")->setValue(99);
    else if (what == QLatin1String("reseedWeights"))
        QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    else if (what == QLatin1String("reseedEmbeddings"))
        QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    else if (what == QLatin1String("article"))
        m_window->findChild<QAction*>(QStringLiteral("loadArticleAction"))->trigger();
    else
        find<QCheckBox>(what.toLatin1().constData())->click();
    waitIdle();
    QVERIFY(!(document->config() == start));
    QCOMPARE(document->undoStack()->count(), steps + 1);
    const attn::AttentionConfig changed = document->config();

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    waitIdle();
    QVERIFY(document->config() == start);
    QCOMPARE(document->result()->embeddings, before->embeddings);
    QCOMPARE(document->result()->layers[0].wValue, before->layers[0].wValue);
    QCOMPARE(document->result()->layers[0].output, before->layers[0].output);
    QCOMPARE(static_cast<std::int64_t>(find<QDoubleSpinBox>("weightSeed")->value()), start.weightSeed);
    QCOMPARE(static_cast<std::int64_t>(find<QDoubleSpinBox>("embeddingSeed")->value()), start.embeddingSeed);

    QTest::keyClick(m_window.get(), Qt::Key_Y, Qt::ControlModifier);
    waitIdle();
    QVERIFY(document->config() == changed);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    waitIdle();
    QVERIFY(document->config() == changed);
}

void TestUndo::sentenceTypingIsOneStepPerBurst()
{
    AttentionDocument* document = m_window->document();
    auto* sentence = find<QLineEdit>("sentence");
    sentence->setFocus();
    sentence->end(false);
    // Each word reaches the document on its own (after the sentence's pause),
    // half a merge window after the one before: several edits, one burst.
    std::string typed = "i miss the old kanye";
    for (const char* word : {" is", " back"}) {
        m_clock->advance(document->mergeWindow() / 2);
        QTest::keyClicks(sentence, QString::fromLatin1(word));
        typed += word;
        QTRY_COMPARE_WITH_TIMEOUT(document->config().sentence, typed, 5000);
    }
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Edit Sentence"));

    m_clock->advance(document->mergeWindow() + 1); // a pause ends the burst
    QTest::keyClicks(sentence, QStringLiteral(" again"));
    QTRY_COMPARE_WITH_TIMEOUT(document->config().sentence, std::string("i miss the old kanye is back again"), 5000);
    QCOMPARE(document->undoStack()->count(), 2);

    QTest::keyClick(sentence, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(sentence->text(), QStringLiteral("i miss the old kanye is back"));
    QTest::keyClick(sentence, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(sentence->text(), QStringLiteral("i miss the old kanye"));
    waitIdle();
    QCOMPARE(document->result()->tokens.size(), std::size_t(5));
    QVERIFY(!m_window->document()->isModified());
}

void TestUndo::temperatureDragIsOneStep()
{
    AttentionDocument* document = m_window->document();
    const auto before = document->result();
    auto* slider = find<QSlider>("temperature");
    const int start = slider->value();
    slider->setFocus();
    for (int i = 0; i < 12; ++i)
        QTest::keyClick(slider, Qt::Key_Right);
    QVERIFY(slider->value() > start);
    waitIdle();
    QVERIFY(document->config().temperature > 1.0);
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Change Temperature"));

    undo();
    waitIdle();
    QCOMPARE(document->config().temperature, 1.0); // exactly, not the slider's rounding
    QCOMPARE(slider->value(), start);
    QCOMPARE(document->result()->layers[0].heads.at(0).weights, before->layers[0].heads.at(0).weights);
}

void TestUndo::undoWhileTypingUndoesTheTyping()
{
    AttentionDocument* document = m_window->document();
    find<QCheckBox>("causal")->click();
    auto* sentence = find<QLineEdit>("sentence");
    sentence->setFocus();
    sentence->end(false);
    // Ctrl+Z right after typing, before the pause that applies it.
    QTest::keyClicks(sentence, QStringLiteral("x"));
    QTest::keyClick(sentence, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(sentence->text(), QStringLiteral("i miss the old kanye"));
    QVERIFY(document->config().causal); // only the typing was undone
    // Ctrl+Z recorded the typing first and undid that step, so nothing is left
    // waiting for the sentence's pause: the typing is the step to redo (a
    // pending edit would be recorded by Redo first and drop that step).
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Toggle Causal Mask"));
    QCOMPARE(document->undoStack()->redoText(), QStringLiteral("Edit Sentence"));
    redo();
    QCOMPARE(sentence->text(), QStringLiteral("i miss the old kanyex"));
    QVERIFY(document->config().causal);
}

void TestUndo::embeddingCellEditChangesTheWord()
{
    AttentionDocument* document = m_window->document();
    auto* sentence = find<QLineEdit>("sentence");
    m_window->findChild<QAction*>(QStringLiteral("focusSentenceAction"))->trigger(); // selects all
    QTest::keyClicks(sentence, QStringLiteral("the cat saw the dog"));
    QTRY_COMPARE_WITH_TIMEOUT(document->resultConfig().sentence, std::string("the cat saw the dog"), 5000);
    waitIdle();
    const auto before = document->result();
    const attn::AttentionConfig start = document->config();

    // Row 3 is the second "the": the edit is to the word, so row 0 follows.
    emit m_window->figureView()->cellEdited(attn::PanelId::Embeddings, 3, 1, 0.25);
    waitIdle();
    const auto after = document->result();
    QCOMPARE(document->config().explicitEmbeddings.at("the").at(1), 0.25);
    QCOMPARE(after->embeddings(3, 1), 0.25);
    QCOMPARE(after->embeddings(0, 1), 0.25);
    QCOMPARE(after->embeddings(3, 0), before->embeddings(3, 0));
    QCOMPARE(after->embeddings(3, 2), before->embeddings(3, 2));
    QCOMPARE(after->embeddings.row(1), before->embeddings.row(1));
    // Everything downstream recomputed from it.
    QCOMPARE(after->layers[0].q, attn::Matrix(after->inputs * after->layers[0].wQuery));
    QVERIFY(after->layers[0].q.row(0) != before->layers[0].q.row(0));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Edit E[\"the\", 1]"));

    undo();
    waitIdle();
    QVERIFY(document->config() == start);
    QCOMPARE(document->result()->embeddings, before->embeddings);
    QCOMPARE(document->result()->layers[0].output, before->layers[0].output);
    redo();
    waitIdle();
    QCOMPARE(document->result()->embeddings, after->embeddings);
    QCOMPARE(document->result()->layers[0].output, after->layers[0].output);
}

void TestUndo::weightCellEditUndoRedo()
{
    AttentionDocument* document = m_window->document();
    const auto before = document->result();
    emit m_window->figureView()->cellEdited(attn::PanelId::WKey, 1, 2, -3.5);
    waitIdle();
    QVERIFY(document->config().wKey.has_value());
    QVERIFY(!document->config().wQuery.has_value());
    attn::Matrix expected = before->layers[0].wKey;
    expected(1, 2) = -3.5;
    QCOMPARE(document->result()->layers[0].wKey, expected);
    QCOMPARE(document->result()->layers[0].wQuery, before->layers[0].wQuery);
    QCOMPARE(document->result()->layers[0].k, attn::Matrix(document->result()->inputs * expected));

    // A second edit builds on the first.
    emit m_window->figureView()->cellEdited(attn::PanelId::WKey, 0, 0, 7.0);
    waitIdle();
    expected(0, 0) = 7.0;
    QCOMPARE(document->result()->layers[0].wKey, expected);

    undo();
    undo();
    waitIdle();
    QVERIFY(!document->config().wKey.has_value());
    QCOMPARE(document->result()->layers[0].wKey, before->layers[0].wKey);
    QCOMPARE(document->result()->layers[0].output, before->layers[0].output);
    redo();
    waitIdle();
    QCOMPARE(document->result()->layers[0].wKey(1, 2), -3.5);
    QCOMPARE(document->result()->layers[0].wKey(0, 0), before->layers[0].wKey(0, 0));

    // Cells the engine computes are not editable.
    const int steps = document->undoStack()->count();
    m_window->editCell(attn::PanelId::Scores, 0, 0, 1.0);
    QCOMPARE(document->undoStack()->count(), steps);
}

void TestUndo::inlineEditorEditsThroughTheDocument()
{
    AttentionDocument* document = m_window->document();
    FigureView* figure = m_window->figureView();
    QVERIFY(figure->editCell(attn::PanelId::WValue, 2, 0));
    QTRY_VERIFY(figure->isEditing());
    QWidget* editor = QApplication::focusWidget();
    QVERIFY(editor);
    auto* line = qobject_cast<QLineEdit*>(editor);
    QVERIFY(line);
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("0.125"));
    QTest::keyClick(line, Qt::Key_Return);
    waitIdle();
    QVERIFY(document->config().wValue.has_value());
    QCOMPARE(document->result()->layers[0].wValue(2, 0), 0.125);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    waitIdle();
    QVERIFY(!document->config().wValue.has_value());
}

void TestUndo::editedCellsAreSavedAndExported()
{
    AttentionDocument* document = m_window->document();
    m_window->editCell(attn::PanelId::WQuery, 0, 1, 4.75);
    m_window->editCell(attn::PanelId::Embeddings, 4, 0, -0.5); // "kanye"
    waitIdle();

    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("edited.attn"));
    QVERIFY2(m_window->sessionFiles()->saveTo(path, &error), qPrintable(error));
    const auto session = loadSession(path, &error);
    QVERIFY2(session, qPrintable(error));
    QVERIFY(session->config == document->config());
    QCOMPARE((*session->config.wQuery)(0, 1), 4.75);
    QCOMPARE(session->config.explicitEmbeddings.at("kanye").at(0), -0.5);

    const QString script = dir.filePath(QStringLiteral("edited.py"));
    QVERIFY2(m_window->exportCommands()->exportDataTo(script, ExportDataDialog::Format::NumpyScript,
                                                      attn::PanelId::Weights, &error),
             qPrintable(error));
    QFile file(script);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("W_query was edited by hand"));
    QVERIFY(text.contains("4.75"));
    QVERIFY(text.contains("-0.5"));
}

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
