// Word-vector files in GloVe / word2vec text format: found words take their
// vectors, missing ones are reported, a header line is understood, ragged
// lines are skipped and counted, and a cancel stops the read.

#include "core/attention.h"
#include "core/embeddingimport.h"

#include <QtTest>

#include <sstream>

class TestEmbeddingImport : public QObject
{
    Q_OBJECT

private slots:
    void gloveFormat();
    void word2vecHeader();
    void raggedLineIsSkipped();
    void unicodeWords();
    void noVectorsIsAnError();
    void dimensionLimit();
    void cancelStops();
    void progressReachesTheEnd();
    void importedVectorsDriveTheEngine();
};

namespace {

const std::vector<std::string> kWanted{"the", "cat", "sat", "zebra"};

} // namespace

void TestEmbeddingImport::gloveFormat()
{
    std::istringstream in("the 0.1 0.2 0.3\ncat -1 2.5e-3 4\nof 9 9 9\nsat 1 1 1\n");
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, kWanted);
    QCOMPARE(e.dimension, 3);
    QCOMPARE(e.vectors.size(), std::size_t(3));
    QCOMPARE(e.vectors.at("cat"), (std::vector<double>{-1.0, 0.0025, 4.0}));
    QCOMPARE(e.missing, std::vector<std::string>{"zebra"});
    QCOMPARE(e.malformedLines, 0);
    QVERIFY(!e.vectors.count("of"));
}

void TestEmbeddingImport::word2vecHeader()
{
    std::istringstream in("3 2\nthe 0.5 0.25\ncat 1 2\nzebra 3 4\n");
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, kWanted);
    QCOMPARE(e.dimension, 2);
    QCOMPARE(e.vectors.at("zebra"), (std::vector<double>{3.0, 4.0}));
    QCOMPARE(e.missing, std::vector<std::string>{"sat"});
}

void TestEmbeddingImport::raggedLineIsSkipped()
{
    std::istringstream in("the 1 2 3\ncat 1 2\nsat 1 2 x\nzebra 4 5 6\n");
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, kWanted);
    QCOMPARE(e.dimension, 3);
    QCOMPARE(e.malformedLines, 2);
    QCOMPARE(e.firstMalformedLine, 2);
    QCOMPARE(e.missing, (std::vector<std::string>{"cat", "sat"}));
}

void TestEmbeddingImport::unicodeWords()
{
    std::istringstream in("café 1 0\n東京 0 1\n🙂 0.5 0.5\r\n");
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, {"東京", "🙂", "café"});
    QCOMPARE(e.vectors.size(), std::size_t(3));
    QCOMPARE(e.vectors.at("🙂"), (std::vector<double>{0.5, 0.5}));
}

void TestEmbeddingImport::noVectorsIsAnError()
{
    std::istringstream empty("");
    QVERIFY_THROWS_EXCEPTION(attn::ImportError, attn::importEmbeddings(empty, kWanted));
    std::istringstream text("this is just prose\nnot numbers at all\n");
    QVERIFY_THROWS_EXCEPTION(attn::ImportError, attn::importEmbeddings(text, kWanted));
}

void TestEmbeddingImport::dimensionLimit()
{
    std::string line = "the";
    for (int i = 0; i < attn::Limits::maxDModel + 1; ++i)
        line += " 0.5";
    std::istringstream in(line + "\n");
    try {
        attn::importEmbeddings(in, kWanted);
        QFAIL("accepted 1025 numbers per vector");
    } catch (const attn::ImportError& e) {
        QVERIFY(QString::fromStdString(e.what()).contains("1025"));
    }
}

void TestEmbeddingImport::cancelStops()
{
    std::string big;
    for (int i = 0; i < 200000; ++i)
        big += "w" + std::to_string(i) + " 1 2 3\n";
    big += "the 1 2 3\n";
    std::istringstream in(big);
    std::atomic<bool> cancel{false};
    attn::ImportControl control;
    control.cancel = &cancel;
    int calls = 0;
    control.progress = [&](std::int64_t) {
        if (++calls == 1)
            cancel = true;
    };
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, kWanted, control);
    QVERIFY(e.cancelled);
    QVERIFY(e.linesRead < 200000);
    QVERIFY(!e.vectors.count("the"));
}

void TestEmbeddingImport::progressReachesTheEnd()
{
    std::string big;
    for (int i = 0; i < 100000; ++i)
        big += "w" + std::to_string(i) + " 0.125 0.25\n";
    std::istringstream in(big);
    std::int64_t last = 0;
    int calls = 0;
    attn::ImportControl control;
    control.progress = [&](std::int64_t bytes) {
        QVERIFY(bytes >= last);
        last = bytes;
        ++calls;
    };
    attn::importEmbeddings(in, {"w99999"}, control);
    QVERIFY(calls >= 2);
    QCOMPARE(last, std::int64_t(big.size()));
}

void TestEmbeddingImport::importedVectorsDriveTheEngine()
{
    std::istringstream in("the 1 0 0 0\ncat 0 1 0 0\n");
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, {"the", "cat", "sat"});
    attn::AttentionConfig config;
    config.sentence = "the cat sat";
    config.dModel = e.dimension;
    config.explicitEmbeddings = e.vectors;
    const attn::AttentionResult r = attn::computeAttention(config);
    QCOMPARE(r.embeddings(1, 1), 1.0);
    QCOMPARE(r.wordIsExplicit, (std::vector<bool>{true, true, false}));
}

QTEST_GUILESS_MAIN(TestEmbeddingImport)
#include "tst_embeddingimport.moc"
