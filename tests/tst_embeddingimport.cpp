// Word-vector files in GloVe / word2vec text format: found words take their
// vectors, missing ones are reported, a header line is understood, ragged
// lines are skipped and counted, and a cancel stops the read. Lines of any
// length, up to none at all, keep memory bounded and cancel promptly.

#include "core/attention.h"
#include "core/embeddingimport.h"

#include <QtTest>

#include <algorithm>
#include <sstream>
#include <streambuf>

#if defined(__linux__)
#include <sys/resource.h>
#endif

class TestEmbeddingImport : public QObject
{
    Q_OBJECT

private slots:
    void gloveFormat();
    void word2vecHeader();
    void raggedLineIsSkipped();
    void dimensionIsTheHeadersOrTheMostCommon_data();
    void dimensionIsTheHeadersOrTheMostCommon();
    void wrongHeaderIsReported_data();
    void wrongHeaderIsReported();
    void keptVectorsStayWithinTheirBudget_data();
    void keptVectorsStayWithinTheirBudget();
    void unicodeWords();
    void byteOrderMarkIsSkipped_data();
    void byteOrderMarkIsSkipped();
    void noVectorsIsAnError();
    void dimensionLimit();
    void cancelStops();
    void progressReachesTheEnd();
    void overlongLinesAreSkipped_data();
    void overlongLinesAreSkipped();
    void progressComesByBytes_data();
    void progressComesByBytes();
    void cancelIsSeenWithinABlock_data() { progressComesByBytes_data(); }
    void cancelIsSeenWithinABlock();
    void endlessLineKeepsMemoryBounded();
    void importedVectorsDriveTheEngine();
};

namespace {

const std::vector<std::string> kWanted{"the", "cat", "sat", "zebra"};

// `total` bytes of `pattern` repeated, made as they are read, counting what
// has been handed to the reader; so a test can stream far more than it
// holds and see how far a reader got.
class RepeatingSource : public std::streambuf
{
public:
    RepeatingSource(std::string pattern, std::int64_t total)
        : m_total(total)
    {
        // Whole patterns of about 4 KiB per refill, so refills stay cheap.
        const std::size_t copies = std::max<std::size_t>(1, 4096 / pattern.size());
        for (std::size_t i = 0; i < copies; ++i)
            m_chunk += pattern;
    }

    std::int64_t served() const { return m_served; }

protected:
    int_type underflow() override
    {
        if (m_served >= m_total)
            return traits_type::eof();
        const auto size = static_cast<std::size_t>(
            std::min<std::int64_t>(static_cast<std::int64_t>(m_chunk.size()) - m_offset, m_total - m_served));
        char* begin = m_chunk.data() + m_offset;
        setg(begin, begin, begin + size);
        m_served += static_cast<std::int64_t>(size);
        m_offset = (m_offset + size) % m_chunk.size();
        return traits_type::to_int_type(*begin);
    }

private:
    std::string m_chunk;
    std::int64_t m_total;
    std::int64_t m_served = 0;
    std::size_t m_offset = 0;
};

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

void TestEmbeddingImport::dimensionIsTheHeadersOrTheMostCommon_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("dimension");
    QTest::addColumn<QStringList>("found");
    QTest::addColumn<qint64>("skipped");
    QTest::addColumn<qint64>("firstSkipped");
    QTest::addRow("stray first row") << QByteArray("the 1 2\ncat 1 2 3\nsat 4 5 6\nzebra 7 8 9\n") << 3
                                     << QStringList{"cat", "sat", "zebra"} << 1LL << 1LL;
    QTest::addRow("stray first row of another word")
        << QByteArray("of 1 2\ncat 1 2 3\nsat 4 5 6\n") << 3 << QStringList{"cat", "sat"} << 1LL << 1LL;
    QTest::addRow("stray rows among unwanted words")
        << QByteArray("the 1\nof 1 2 3\nin 1 2 3\ncat 1 2 3\nto 1\n") << 3 << QStringList{"cat"} << 2LL << 1LL;
    QTest::addRow("header over the majority")
        << QByteArray("3 2\nthe 1 2\ncat 1 2 3\nsat 4 5 6\n") << 2 << QStringList{"the"} << 2LL << 3LL;
    QTest::addRow("header that agrees") << QByteArray("3 3\nthe 1 2\ncat 1 2 3\nsat 4 5 6\n") << 3
                                        << QStringList{"cat", "sat"} << 1LL << 2LL;
    QTest::addRow("a tie goes to the first")
        << QByteArray("the 1 2\ncat 1 2 3\n") << 2 << QStringList{"the"} << 1LL << 2LL;
    QTest::addRow("prose does not vote") << QByteArray("of words here\nto more words\ncat 1 2\n") << 2
                                         << QStringList{"cat"} << 2LL << 1LL;
    QTest::addRow("a word's later vector of the winning count")
        << QByteArray("the 1 2 3\nthe 9 9\nof 1 1\nto 2 2\ncat 5 5\n") << 2 << QStringList{"cat", "the"} << 1LL << 1LL;
}

void TestEmbeddingImport::dimensionIsTheHeadersOrTheMostCommon()
{
    QFETCH(QByteArray, text);
    QFETCH(int, dimension);
    QFETCH(QStringList, found);
    QFETCH(qint64, skipped);
    QFETCH(qint64, firstSkipped);
    std::istringstream in(text.toStdString());
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, kWanted);
    QCOMPARE(e.dimension, dimension);
    QStringList words;
    for (const auto& [word, vector] : e.vectors) {
        words << QString::fromStdString(word);
        QCOMPARE(static_cast<int>(vector.size()), dimension);
    }
    QCOMPARE(words, found);
    QCOMPARE(e.malformedLines, skipped);
    QCOMPARE(e.firstMalformedLine, firstSkipped);
    QCOMPARE(e.missing.size() + e.vectors.size(), kWanted.size());
}

void TestEmbeddingImport::wrongHeaderIsReported_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("wider than the lines") << QByteArray("3 300\nthe 1 2\ncat 3 4\nof 1 2 3\n")
                                          << "The header says 300 numbers per word, but the lines have 2";
    QTest::addRow("narrower than the lines")
        << QByteArray("2 1\nthe 1 2\ncat 3 4\n") << "The header says 1 numbers per word, but the lines have 2";
    QTest::addRow("zero") << QByteArray("2 0\nthe 1 2\n") << "The header says 0 numbers per word";
    QTest::addRow("past any integer") << QByteArray("2 99999999999999999999999\nthe 1 2\n")
                                      << "The header says 99999999999999999999999 numbers per word";
    QTest::addRow("nothing after it") << QByteArray("3 2\n") << "holds no word vectors";
    QTest::addRow("prose after it") << QByteArray("3 2\nsome words here\n") << "holds no word vectors";
}

void TestEmbeddingImport::wrongHeaderIsReported()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    std::istringstream in(text.toStdString());
    try {
        attn::importEmbeddings(in, kWanted);
        QFAIL("accepted the file");
    } catch (const attn::ImportError& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
    }
}

void TestEmbeddingImport::keptVectorsStayWithinTheirBudget_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("found");
    QTest::addColumn<QString>("error");
    // A budget of 15 numbers: the 2-number "the" (seen once) makes room for
    // the third 5-number vector.
    QTest::addRow("a rare count makes room") << QByteArray("the 1 2\nthe 1 2 3 4 5\ncat 1 2 3 4 5\nsat 1 2 3 4 5\n")
                                             << QStringList{"cat", "sat", "the"} << QString();
    // The 2-number vectors went when they were rarer, then 2 became the most
    // common count: better an error than vectors silently missing.
    QTest::addRow("the dimension's vectors went")
        << QByteArray("the 1 2 3 4 5\ncat 1 2 3 4 5\nsat 1 2 3 4 5\nzebra 1 2\nof 1 2\nto 1 2\nin 1 2\nan 1 2\n")
        << QStringList() << "disagree too often";
}

void TestEmbeddingImport::keptVectorsStayWithinTheirBudget()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, found);
    QFETCH(QString, error);
    std::istringstream in(text.toStdString());
    attn::ImportControl control;
    control.maxKeptNumbers = 15;
    try {
        const attn::ImportedEmbeddings e = attn::importEmbeddings(in, kWanted, control);
        QStringList words;
        for (const auto& entry : e.vectors)
            words << QString::fromStdString(entry.first);
        QCOMPARE(words, found);
        QVERIFY(error.isEmpty());
    } catch (const attn::ImportError& e) {
        QVERIFY2(!error.isEmpty() && QString::fromStdString(e.what()).contains(error), e.what());
    }
}

void TestEmbeddingImport::unicodeWords()
{
    std::istringstream in("café 1 0\n東京 0 1\n🙂 0.5 0.5\r\n");
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, {"東京", "🙂", "café"});
    QCOMPARE(e.vectors.size(), std::size_t(3));
    QCOMPARE(e.vectors.at("🙂"), (std::vector<double>{0.5, 0.5}));
}

void TestEmbeddingImport::byteOrderMarkIsSkipped_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("found");
    QTest::addColumn<qint64>("malformed");
    const QByteArray bom("\xEF\xBB\xBF");
    QTest::addRow("GloVe") << bom + "the 1 2\ncat 3 4\n" << QStringList{"cat", "the"} << 0LL;
    QTest::addRow("word2vec header") << bom + "2 2\nthe 1 2\ncat 3 4\n" << QStringList{"cat", "the"} << 0LL;
    QTest::addRow("CRLF") << bom + "the 1 2\r\ncat 3 4\r\n" << QStringList{"cat", "the"} << 0LL;
    // Only a mark that starts the file is one; elsewhere the bytes are the word's.
    QTest::addRow("not at the start") << "the 1 2\n" + bom + "cat 3 4\n" << QStringList{"the"} << 0LL;
}

void TestEmbeddingImport::byteOrderMarkIsSkipped()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, found);
    QFETCH(qint64, malformed);
    std::istringstream in(text.toStdString());
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, kWanted);
    QStringList words;
    for (const auto& entry : e.vectors)
        words << QString::fromStdString(entry.first);
    QCOMPARE(words, found);
    QCOMPARE(e.dimension, 2);
    QCOMPARE(e.malformedLines, malformed);
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

void TestEmbeddingImport::overlongLinesAreSkipped_data()
{
    const auto longLine = [](std::int64_t bytes) {
        QByteArray line = "the 1 2";
        line.resize(bytes, ' ');
        return line;
    };
    const std::int64_t cap = attn::ImportLimits::maxLineBytes;
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("found");
    QTest::addColumn<qint64>("overlong");
    QTest::addColumn<qint64>("firstSkipped");
    QTest::addRow("at the cap") << longLine(cap) + "\ncat 3 4\n" << QStringList{"cat", "the"} << 0LL << 0LL;
    QTest::addRow("one byte past the cap") << longLine(cap + 1) + "\ncat 3 4\n" << QStringList{"cat"} << 1LL << 1LL;
    QTest::addRow("in the middle") << "cat 3 4\n" + longLine(3 * cap) + "\nsat 5 6\n"
                                   << QStringList{"cat", "sat"} << 1LL << 2LL;
    QTest::addRow("last, without a newline")
        << "cat 3 4\nsat 5 6\n" + longLine(2 * cap) << QStringList{"cat", "sat"} << 1LL << 3LL;
    QTest::addRow("several") << "cat 3 4\n" + longLine(cap + 7) + "\n" + longLine(cap * 2) + "\nsat 5 6\n"
                             << QStringList{"cat", "sat"} << 2LL << 2LL;
}

void TestEmbeddingImport::overlongLinesAreSkipped()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, found);
    QFETCH(qint64, overlong);
    QFETCH(qint64, firstSkipped);
    std::istringstream in(text.toStdString());
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, kWanted);
    QStringList words;
    for (const auto& entry : e.vectors)
        words << QString::fromStdString(entry.first);
    QCOMPARE(words, found);
    QCOMPARE(e.dimension, 2);
    QCOMPARE(e.overlongLines, overlong);
    QCOMPARE(e.malformedLines, overlong);
    QCOMPARE(e.firstMalformedLine, firstSkipped);
}

void TestEmbeddingImport::progressComesByBytes_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addRow("short lines") << QByteArray("word 1 2 3\n");
    QTest::addRow("wanted lines") << "the" + QByteArray(" 0.25").repeated(512) + "\n";
    QTest::addRow("100 KiB lines") << "word" + QByteArray(100 * 1024, ' ') + "1\n";
    QTest::addRow("lines past the cap") << "word" + QByteArray(3 * 1024 * 1024, ' ') + "1\n";
    QTest::addRow("no newline at all") << QByteArray(1000, 'x');
}

// Every MiB or so, however the bytes are split in lines.
void TestEmbeddingImport::progressComesByBytes()
{
    QFETCH(QByteArray, pattern);
    constexpr std::int64_t kTotal = 24 << 20;
    RepeatingSource source(pattern.toStdString(), kTotal);
    std::istream in(&source);
    std::vector<std::int64_t> reports;
    attn::ImportControl control;
    control.progress = [&](std::int64_t bytes) { reports.push_back(bytes); };
    try {
        attn::importEmbeddings(in, kWanted, control);
    } catch (const attn::ImportError&) {
        // a file of no vectors: only the reports matter here
    }
    std::int64_t previous = 0;
    for (const std::int64_t bytes : reports) {
        QVERIFY2(bytes - previous <= (1 << 20) + attn::ImportLimits::blockBytes,
                 qPrintable(QStringLiteral("%1 bytes without progress").arg(bytes - previous)));
        previous = bytes;
    }
    QVERIFY(!reports.empty());
    QCOMPARE(reports.back(), kTotal);
}

void TestEmbeddingImport::cancelIsSeenWithinABlock()
{
    QFETCH(QByteArray, pattern);
    RepeatingSource source(pattern.toStdString(), 24 << 20);
    std::istream in(&source);
    std::atomic<bool> cancel{false};
    std::int64_t servedAtCancel = 0;
    attn::ImportControl control;
    control.cancel = &cancel;
    // Progress is the only hook inside the read, so the cancel comes from there.
    control.progress = [&](std::int64_t) {
        if (!cancel) {
            cancel = true;
            servedAtCancel = source.served();
        }
    };
    const attn::ImportedEmbeddings e = attn::importEmbeddings(in, kWanted, control);
    QVERIFY(e.cancelled);
    QVERIFY(servedAtCancel > 0);
    QVERIFY2(source.served() - servedAtCancel <= attn::ImportLimits::blockBytes,
             qPrintable(QStringLiteral("read %1 bytes after the cancel").arg(source.served() - servedAtCancel)));
}

void TestEmbeddingImport::endlessLineKeepsMemoryBounded()
{
#if defined(__linux__)
    // 256 MiB without a newline, as /dev/zero or a binary file would give.
    constexpr std::int64_t kTotal = 256 << 20;
    RepeatingSource source(std::string(4096, '7'), kTotal);
    std::istream in(&source);
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    QVERIFY_THROWS_EXCEPTION(attn::ImportError, attn::importEmbeddings(in, kWanted));
    QCOMPARE(source.served(), kTotal);
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    const long grewKiB = after.ru_maxrss - before.ru_maxrss;
    QVERIFY2(grewKiB < 32 * 1024, qPrintable(QStringLiteral("peak memory grew by %1 KiB").arg(grewKiB)));
#else
    QSKIP("peak memory is measured through getrusage on Linux");
#endif
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
