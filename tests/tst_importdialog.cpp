#include "app/mainwindow.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/embeddingimportjob.h"
#include "ui/document/session.h"
#include "ui/widgets/messagebar.h"

#include "windowtestutil.h"

#include <QAction>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include <memory>
#include <stdexcept>

#include <sys/stat.h>

// File > Import Embeddings in the window: found words take the file's
// vectors, missing ones keep random vectors and are named, bad lines are
// counted, d_model follows the file, and a large file streams in the
// background and can be cancelled without changing anything.
class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void importsFoundWordsNamesMissingOnes();
    void headsFallBackToOneWhenTheyNoLongerDivide();
    void skippedLinesAreReported_data();
    void skippedLinesAreReported();
    void menuActionAsksForTheFile();
    void unreadableFilesAreReported_data();
    void unreadableFilesAreReported();
    void largeFileStaysResponsiveAndCancels();
    void pipesAndDevicesAreRefused_data();
    void pipesAndDevicesAreRefused();
    void readerFailuresReachTheWindow_data();
    void readerFailuresReachTheWindow();
    void sentenceGrownDuringImportAsksFirst_data();
    void sentenceGrownDuringImportAsksFirst();
    void sentenceShrunkDuringImportApplies();
    void noMatchingWordChangesNothingUnlessConfirmed();
    void undoTakesTheImportMessageAway();

private:
    QString writeFile(const QString& name, const QByteArray& contents);
    void waitIdle() { QVERIFY(testutil::waitForIdle(m_window->document())); }
    bool runImport(const QString& path);
    template <typename T> T* find(const char* name) const { return windowtest::findNamed<T>(m_window.get(), name); }

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_files;
    std::unique_ptr<MainWindow> m_window;
};

void TestImportDialog::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    windowtest::isolateSettings(m_settingsDir, QStringLiteral("tst_importdialog"));
}

void TestImportDialog::init()
{
    QVERIFY(windowtest::openWindow(m_window, false));
    waitIdle();
}

void TestImportDialog::cleanup()
{
    m_window.reset();
}

QString TestImportDialog::writeFile(const QString& name, const QByteArray& contents)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

bool TestImportDialog::runImport(const QString& path)
{
    QSignalSpy finished(m_window->importFlow(), &EmbeddingImportFlow::finished);
    m_window->importFlow()->importFrom(path);
    if (!finished.wait(30000) && finished.isEmpty())
        return false;
    return finished.first().first().toBool();
}

void TestImportDialog::importsFoundWordsNamesMissingOnes()
{
    AttentionDocument* document = m_window->document();
    const attn::AttentionConfig article = document->config();
    QCOMPARE(article.sentence, std::string("i miss the old kanye"));

    // word2vec header; "the" has a number too few; "kanye" is absent; an
    // unwanted word and a blank line in between.
    const QString path = writeFile(QStringLiteral("vectors.txt"), "5 4\n"
                                                                  "i 0.1 0.2 0.3 0.4\n"
                                                                  "miss -1 -2 -3 -4\n"
                                                                  "the 1 2 3\n"
                                                                  "\n"
                                                                  "unwanted 9 9 9 9\n"
                                                                  "old 0.5 0.25 0.125 0.0625\n");
    QVERIFY(runImport(path));
    waitIdle();
    const attn::AttentionConfig& config = document->resultConfig();
    QCOMPARE(config.dModel, 4);
    QCOMPARE(config.heads, 1);
    QCOMPARE(config.explicitEmbeddings.size(), std::size_t(3));
    QCOMPARE(config.explicitEmbeddings.at("old"), (std::vector<double>{0.5, 0.25, 0.125, 0.0625}));
    const auto result = document->result();
    QCOMPARE(result->embeddings(0, 2), 0.3);  // "i"
    QCOMPARE(result->embeddings(1, 3), -4.0); // "miss"
    QCOMPARE(result->wordIsExplicit, (std::vector<bool>{true, true, false, true, false}));
    QCOMPARE(find<QSpinBox>("dModel")->value(), 4);

    QCOMPARE(m_window->importFlow()->missingWords(), (QStringList{"the", "kanye"}));
    MessageBar* bar = m_window->messageBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
    const QString text = bar->text();
    QVERIFY2(text.contains(QStringLiteral("3 of 5 words")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\"the\", \"kanye\"")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1 malformed line (line 4): each line should be a word and 4 numbers")),
             qPrintable(text));
    QVERIFY(!QApplication::activeModalWidget());

    // One undo step takes it all back.
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Import Embeddings"));
    document->undoStack()->undo();
    waitIdle();
    QVERIFY(document->config() == article);
    QCOMPARE(find<QSpinBox>("dModel")->value(), 3);
}

void TestImportDialog::headsFallBackToOneWhenTheyNoLongerDivide()
{
    AttentionDocument* document = m_window->document();
    find<QSpinBox>("dModel")->setValue(6);
    find<QSpinBox>("heads")->setValue(3);
    waitIdle();
    QByteArray contents = "kanye";
    for (int i = 0; i < 5; ++i)
        contents += " 0." + QByteArray::number(i + 1);
    const QString path = writeFile(QStringLiteral("five.txt"), contents + '\n');
    QVERIFY(runImport(path));
    waitIdle();
    QCOMPARE(document->resultConfig().dModel, 5);
    QCOMPARE(document->resultConfig().heads, 1);
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("Heads set to 1")));
    QCOMPARE(m_window->importFlow()->missingWords(), (QStringList{"i", "miss", "the", "old"}));
}

void TestImportDialog::skippedLinesAreReported_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<int>("dModel");
    QTest::addColumn<int>("imported");
    QTest::addColumn<QString>("expected");
    QTest::addRow("stray first row") << QByteArray("i 1 2\nmiss 1 2 3\nthe 4 5 6\nold 1 1 1\nkanye 2 2 2\n") << 3 << 4
                                     << "Skipped 1 malformed line (line 1): each line should be a word and 3 numbers.";
    QTest::addRow("several")
        << QByteArray("i 1 2\nmiss 1 2 3\nthe 4 5\nold 1 1 1\nkanye 2 2 2\nx y z w\n") << 3 << 3
        << "Skipped 3 malformed lines; the first is line 1: each line should be a word and 3 numbers.";
    QTest::addRow("longer than the cap")
        << "i 1 2\n" + QByteArray(2 << 20, '5') + "\nold 3 4\n"
        << 2 << 2
        << "Skipped 1 malformed line (line 2): each line should be a word and 2 numbers. 1 of them longer than 1 MiB.";
    QTest::addRow("byte order mark") << QByteArray("\xEF\xBB\xBFi 1 2\nold 3 4\n") << 2 << 2 << "Imported 2 of 5 words";
}

void TestImportDialog::skippedLinesAreReported()
{
    QFETCH(QByteArray, contents);
    QFETCH(int, dModel);
    QFETCH(int, imported);
    QFETCH(QString, expected);
    QVERIFY(runImport(writeFile(QStringLiteral("skipped.txt"), contents)));
    waitIdle();
    const attn::AttentionConfig& config = m_window->document()->resultConfig();
    QCOMPARE(config.dModel, dModel);
    QCOMPARE(static_cast<int>(config.explicitEmbeddings.size()), imported);
    const QString text = m_window->messageBar()->text();
    QVERIFY2(text.contains(expected), qPrintable(text));
}

void TestImportDialog::menuActionAsksForTheFile()
{
    const QString path = writeFile(QStringLiteral("menu.txt"), "old 1 2\nkanye 3 4\n");
    MainWindow::Prompts prompts;
    QString askedTitle;
    prompts.openFileName = [&](const QString& title, const QString&, const QString&) {
        askedTitle = title;
        return path;
    };
    m_window->setPrompts(prompts);
    QSignalSpy finished(m_window->importFlow(), &EmbeddingImportFlow::finished);
    m_window->findChild<QAction*>(QStringLiteral("importAction"))->trigger();
    QCOMPARE(askedTitle, QStringLiteral("Import Embeddings"));
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().first().toBool());
    waitIdle();
    QCOMPARE(m_window->document()->resultConfig().dModel, 2);
}

void TestImportDialog::unreadableFilesAreReported_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("expected");
    QTest::addRow("missing file") << QByteArray() << "does not exist";
    QTest::addRow("no vectors") << QByteArray("just some words\nand more\n") << "no word vectors";
    QTest::addRow("too wide") << QByteArray("i" + QByteArray(" 1").repeated(1100) + "\n") << "d_model must be";
    QTest::addRow("header of another dimension")
        << QByteArray("2 300\ni 1 2\nold 3 4\n") << "The header says 300 numbers per word, but the lines have 2";
}

void TestImportDialog::unreadableFilesAreReported()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, expected);
    const attn::AttentionConfig before = m_window->document()->config();
    const QString path = contents.isEmpty() ? m_files.filePath(QStringLiteral("nowhere.txt"))
                                            : writeFile(QStringLiteral("bad.txt"), contents);
    QVERIFY(!runImport(path));
    MessageBar* bar = m_window->messageBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY2(bar->text().contains(expected), qPrintable(bar->text()));
    QVERIFY2(bar->text().contains(QFileInfo(path).fileName()), qPrintable(bar->text()));
    QVERIFY(m_window->document()->config() == before);
    QVERIFY(!m_window->importFlow()->isImporting());
}

void TestImportDialog::largeFileStaysResponsiveAndCancels()
{
    // About 200 MB of 300-number vectors, all for a word of the sentence, so
    // that every line is parsed (the slowest case) and reading takes a while.
    const QByteArray line = "i" + QByteArray(" 0.123456").repeated(300) + '\n';
    const QString path = m_files.filePath(QStringLiteral("large.txt"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray block = line.repeated(2000);
        while (file.size() < 200 * 1024 * 1024)
            QVERIFY(file.write(block) == block.size());
    }
    const attn::AttentionConfig before = m_window->document()->config();

    QSignalSpy finished(m_window->importFlow(), &EmbeddingImportFlow::finished);
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start(5);
    m_window->importFlow()->importFrom(path);
    // Returns before the import finished: reading goes on in the background.
    QVERIFY(m_window->importFlow()->isImporting());
    QVERIFY(finished.isEmpty());
    auto* progress = m_window->findChild<QWidget*>(QStringLiteral("importProgress"));
    QVERIFY(progress->isVisible());
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("importAction"))->isEnabled());

    // The window keeps working meanwhile.
    auto* bar = m_window->findChild<QProgressBar*>(QStringLiteral("importBar"));
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, 20000);
    QTRY_VERIFY(ticks >= 3);
    QVERIFY2(finished.isEmpty(), "read 200 MB before the test could cancel");
    QVERIFY(bar->value() < 1000);

    m_window->findChild<QToolButton*>(QStringLiteral("cancelImportButton"))->click();
    QVERIFY(finished.wait(5000) || !finished.isEmpty());
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!m_window->importFlow()->isImporting());
    QVERIFY(!progress->isVisible());
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("importAction"))->isEnabled());
    QVERIFY(m_window->document()->config() == before);
    QVERIFY(!m_window->document()->isModified());
    QFile::remove(path);
}

void TestImportDialog::pipesAndDevicesAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    const QString fifo = m_files.filePath(QStringLiteral("pipe.txt"));
    QFile::remove(fifo);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // Without the check, opening the pipe blocks for ever (no writer) and
    // /dev/zero is read without end.
    QTest::addRow("pipe") << fifo << "not a regular file";
    QTest::addRow("device") << QStringLiteral("/dev/zero") << "not a regular file";
    QTest::addRow("folder") << m_files.path() << "it is a folder";
}

void TestImportDialog::pipesAndDevicesAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const attn::AttentionConfig before = m_window->document()->config();
    QVERIFY(!runImport(path));
    QVERIFY2(m_window->messageBar()->text().contains(expected), qPrintable(m_window->messageBar()->text()));
    QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(m_window->document()->config() == before);
    QVERIFY(!m_window->importFlow()->isImporting());
}

void TestImportDialog::readerFailuresReachTheWindow_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::addRow("standard exception") << 0 << "failed: the reader broke";
    QTest::addRow("anything else") << 1 << "failed for an unknown reason";
}

void TestImportDialog::readerFailuresReachTheWindow()
{
    // An exception leaving the reader's thread would end the program
    // (std::terminate); the job must turn every one into an error.
    QFETCH(int, kind);
    QFETCH(QString, expected);
    const QString path = writeFile(QStringLiteral("fine.txt"), "old 1 2\n");
    EmbeddingImportJob job(path, {"old"});
    job.setReader(
        [kind](std::istream&, const std::vector<std::string>&, const attn::ImportControl&) -> attn::ImportedEmbeddings {
            if (kind == 0)
                throw std::logic_error("the reader broke");
            throw 42;
        });
    QSignalSpy finished(&job, &EmbeddingImportJob::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    const QString error = finished.first().at(1).toString();
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("fine.txt")));
}

void TestImportDialog::sentenceGrownDuringImportAsksFirst_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QStringList>("missing");
    // Import Again reads the file for the sentence as it is now; Apply
    // Anyway takes what was read, and the words not looked up stay random.
    QTest::addRow("import again") << "importAgainButton" << QStringList{"saw", "an"};
    QTest::addRow("apply anyway") << "applyImportButton" << QStringList{"saw", "an", "zebra"};
}

void TestImportDialog::sentenceGrownDuringImportAsksFirst()
{
    QFETCH(QString, button);
    QFETCH(QStringList, missing);
    AttentionDocument* document = m_window->document();
    const QString path = writeFile(QStringLiteral("grown.txt"), "i 1 2\nold 3 4\nzebra 5 6\n");
    QSignalSpy finished(m_window->importFlow(), &EmbeddingImportFlow::finished);
    m_window->importFlow()->importFrom(path);
    // The finish is delivered through the event loop, so this edit lands
    // before it, as a sentence typed during a long import would.
    attn::AttentionConfig edited = document->config();
    edited.sentence = "i saw an old zebra";
    document->edit(edited);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    waitIdle();
    QVERIFY(document->config() == edited); // nothing applied behind the user's back
    MessageBar* bar = m_window->messageBar();
    QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
    QVERIFY2(bar->text().contains(QStringLiteral("\"saw\", \"an\", \"zebra\" were not looked up")),
             qPrintable(bar->text()));

    auto* answer = bar->findChild<QPushButton*>(button);
    QVERIFY(answer);
    QSignalSpy second(m_window->importFlow(), &EmbeddingImportFlow::finished);
    answer->click();
    if (button == QLatin1String("importAgainButton")) {
        QVERIFY(second.wait(10000));
        QCOMPARE(second.first().first().toBool(), true);
    }
    waitIdle();
    const attn::AttentionConfig& config = document->resultConfig();
    QCOMPARE(config.sentence, edited.sentence);
    QCOMPARE(config.dModel, 2);
    QCOMPARE(config.explicitEmbeddings.at("old"), (std::vector<double>{3, 4}));
    QCOMPARE(config.explicitEmbeddings.count("zebra"), std::size_t(missing.contains("zebra") ? 0 : 1));
    QCOMPARE(m_window->importFlow()->missingWords(), missing);
}

void TestImportDialog::sentenceShrunkDuringImportApplies()
{
    // Every word still there was looked up: nothing to ask.
    AttentionDocument* document = m_window->document();
    const QString path = writeFile(QStringLiteral("shrunk.txt"), "i 1 2\nold 3 4\n");
    QSignalSpy finished(m_window->importFlow(), &EmbeddingImportFlow::finished);
    m_window->importFlow()->importFrom(path);
    attn::AttentionConfig edited = document->config();
    edited.sentence = "old kanye";
    document->edit(edited);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
    waitIdle();
    QCOMPARE(document->resultConfig().sentence, std::string("old kanye"));
    QCOMPARE(document->resultConfig().dModel, 2);
    QCOMPARE(m_window->importFlow()->missingWords(), (QStringList{"kanye"}));
    QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("Imported 1 of 2 words")),
             qPrintable(m_window->messageBar()->text()));
}

void TestImportDialog::noMatchingWordChangesNothingUnlessConfirmed()
{
    AttentionDocument* document = m_window->document();
    const attn::AttentionConfig before = document->config();
    const QString path = writeFile(QStringLiteral("other.txt"), "cat 1 2 3 4 5\ndog 5 4 3 2 1\n");
    QVERIFY(!runImport(path));
    waitIdle();
    QCOMPARE(document->config(), before); // d_model still 3, earlier vectors kept
    MessageBar* bar = m_window->messageBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
    QVERIFY2(bar->text().contains(QStringLiteral("None of the sentence's words")), qPrintable(bar->text()));
    QVERIFY2(bar->text().contains(QStringLiteral("from 3 to 5")), qPrintable(bar->text()));

    auto* apply = bar->findChild<QPushButton*>(QStringLiteral("applyImportButton"));
    QVERIFY(apply);
    apply->click();
    waitIdle();
    QCOMPARE(document->config().dModel, 5);
}

void TestImportDialog::undoTakesTheImportMessageAway()
{
    const QString path = writeFile(QStringLiteral("some.txt"), "i 1 2 3 4\nold 4 3 2 1\n");
    QVERIFY(runImport(path));
    waitIdle();
    MessageBar* bar = m_window->messageBar();
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(QStringLiteral("d_model is now 4")), qPrintable(bar->text()));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    waitIdle();
    QCOMPARE(m_window->document()->config().dModel, 3);
    QVERIFY(!bar->isVisible()); // it no longer says what is on screen
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
