// GPT-2's byte-level BPE on its real vocabulary (resources/gpt2): known ids,
// a varied corpus against tests/gpt2_tokenizer_reference.py (plain Python, the
// pre-tokenizer pattern run by Python's own regular expressions), the three
// file layouts, display pieces, and refusals of broken files.

#include "core/gpt2tokenizer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <string>

namespace {

const QString kResources = QStringLiteral(AV_TEST_DATA_DIR "/../../resources/gpt2");

std::string path(const QString& name)
{
    return (kResources + QLatin1Char('/') + name).toStdString();
}

const attn::Gpt2Tokenizer& gpt2()
{
    static const attn::Gpt2Tokenizer tokenizer =
        attn::Gpt2Tokenizer::fromFiles(path(QStringLiteral("encoder.json")), path(QStringLiteral("vocab.bpe")));
    return tokenizer;
}

// The reference's ids for each text.
std::vector<std::vector<int>> referenceIds(const QStringList& texts)
{
    QProcess process;
    process.start(QStringLiteral(AV_PYTHON), {QStringLiteral(AV_TEST_DATA_DIR "/../gpt2_tokenizer_reference.py"),
                                              QString::fromStdString(path(QStringLiteral("encoder.json"))),
                                              QString::fromStdString(path(QStringLiteral("vocab.bpe")))});
    process.write(QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    if (!process.waitForFinished(300000) || process.exitCode() != 0)
        qFatal("gpt2_tokenizer_reference.py failed: %s", process.readAllStandardError().constData());
    std::vector<std::vector<int>> out;
    for (const QJsonValue& list : QJsonDocument::fromJson(process.readAllStandardOutput()).array()) {
        std::vector<int> ids;
        for (const QJsonValue& id : list.toArray())
            ids.push_back(id.toInt());
        out.push_back(ids);
    }
    return out;
}

QString errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const attn::Gpt2Error& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

void writeFile(const QString& filePath, const QByteArray& bytes)
{
    QFile file(filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(filePath));
}

QByteArray readResource(const QString& name)
{
    QFile file(kResources + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    return file.readAll();
}

QStringList corpus()
{
    return {
        QStringLiteral("Hello world"),
        QStringLiteral("The quick brown fox jumps over the lazy dog."),
        QStringLiteral("I'm sure you're right: they've gone, we'll see, he'd know, it's 'tis. DON'T I'M O'Neil's"),
        QStringLiteral("  multiple   spaces\t\ttabs\n\nnewlines \n trailing   "),
        QStringLiteral("1234567890 3.14159 1,000,000 -42 ½ ² Ⅻ ٣٤٥ 0x1F"),
        QStringLiteral("naïve café résumé Ünïcödé ǅungla"),
        QStringLiteral("Привет, мир! Γειά σου Κόσμε"),
        QStringLiteral("こんにちは世界 漢字かな한국어"),
        QStringLiteral("👩‍👩‍👧 😀🎉 ❤️ 🇫🇷"),
        QStringLiteral("مرحبا بالعالم שלום"),
        QStringLiteral("\u00a0nbsp\u2003em\u3000ideo\u2028line\u0085next"),
        QStringLiteral("\x1c\x1d file separators\x1f"),
        QStringLiteral("'''quotes''' \"double\" `back`"),
        QStringLiteral("def f(x):\n    return x**2  # comment\n\n\n"),
        QStringLiteral("https://example.com/a?b=c&d=e#frag"),
        QStringLiteral("   "),
        QStringLiteral("\r\n\r\n"),
        QStringLiteral("abc123def___!!!???"),
        QStringLiteral("e\u0301 combining, \u0bb8\u0bcd\u0bb0\u0bc0 Tamil, a\u200bb zero width"),
        QStringLiteral("<|endoftext|> is text here"),
        QStringLiteral(" ' 's ''s  's"),
        QString(3000, QLatin1Char('a')) + QStringLiteral(" ") + QString(500, QLatin1Char('!')),
        QStringLiteral("\U0001D54F\U0001F600\U00010400 astral"),
    };
}

} // namespace

class TestGpt2Tokenizer : public QObject
{
    Q_OBJECT

private slots:
    void knownIds();
    void matchesReference();
    void layouts();
    void displayPieces();
    void invalidUtf8IsRepaired();
    void longPieceIsFast();
    void brokenFiles();
};

void TestGpt2Tokenizer::knownIds()
{
    const attn::Gpt2Tokenizer& t = gpt2();
    QCOMPARE(t.encode("Hello world"), (std::vector<int>{15496, 995}));
    QCOMPARE(t.vocabularySize(), 50257);
    QCOMPARE(t.endOfText(), std::optional<int>(50256));
    QCOMPARE(t.tokenId("Ġworld"), std::optional<int>(995));
    QCOMPARE(t.spelling(995), std::string("Ġworld"));
    QCOMPARE(t.tokenBytes(995), std::string(" world"));
    QCOMPARE(t.decode({15496, 995}), std::string("Hello world"));
    QVERIFY(t.encode("").empty());
    QVERIFY(!errorOf([&] { (void)t.decode({50257}); }).isEmpty());
    QVERIFY(!errorOf([&] { (void)t.tokenBytes(-1); }).isEmpty());
}

void TestGpt2Tokenizer::matchesReference()
{
    const QStringList texts = corpus();
    const auto expected = referenceIds(texts);
    QCOMPARE(expected.size(), static_cast<std::size_t>(texts.size()));
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const std::string text = texts[i].toStdString();
        const std::vector<int> ids = gpt2().encode(text);
        QVERIFY2(ids == expected[static_cast<std::size_t>(i)], qPrintable(texts[i].left(80)));
        QCOMPARE(gpt2().decode(ids), text);
        std::string joined;
        for (const std::string& piece : attn::gpt2PreTokenize(text))
            joined += piece;
        QCOMPARE(joined, text);
    }
}

void TestGpt2Tokenizer::layouts()
{
    const std::string text = corpus().join(QLatin1Char('\n')).toStdString();
    const std::vector<int> expected = gpt2().encode(text);
    QTemporaryDir hf;
    writeFile(hf.filePath(QStringLiteral("vocab.json")), readResource(QStringLiteral("encoder.json")));
    writeFile(hf.filePath(QStringLiteral("merges.txt")), readResource(QStringLiteral("vocab.bpe")));
    QCOMPARE(attn::Gpt2Tokenizer::fromFolder(hf.path().toStdString()).encode(text), expected);
    QCOMPARE(attn::Gpt2Tokenizer::fromFolder(kResources.toStdString()).encode(text), expected);

    // tokenizer.json, with merges as "a b" strings and as [a, b] pairs.
    const QJsonObject vocab = QJsonDocument::fromJson(readResource(QStringLiteral("encoder.json"))).object();
    QJsonArray strings;
    QJsonArray pairs;
    const QList<QByteArray> lines = readResource(QStringLiteral("vocab.bpe")).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        strings.append(QString::fromUtf8(lines[i]));
        const QList<QByteArray> parts = lines[i].split(' ');
        pairs.append(QJsonArray{QString::fromUtf8(parts[0]), QString::fromUtf8(parts[1])});
    }
    for (const QJsonArray& merges : {strings, pairs}) {
        QTemporaryDir dir;
        QJsonObject model{{"type", "BPE"}, {"vocab", vocab}, {"merges", merges}};
        writeFile(dir.filePath(QStringLiteral("tokenizer.json")),
                  QJsonDocument(QJsonObject{{"version", "1.0"}, {"model", model}}).toJson(QJsonDocument::Compact));
        QCOMPARE(attn::Gpt2Tokenizer::fromFolder(dir.path().toStdString()).encode(text), expected);
    }
}

void TestGpt2Tokenizer::displayPieces()
{
    const std::string text = " 漢 Hi";
    const std::vector<int> ids = gpt2().encode(text);
    const std::vector<attn::Gpt2TokenPiece> pieces = gpt2().pieces(ids);
    QCOMPARE(pieces.size(), ids.size());
    std::string joined;
    bool somePartial = false;
    for (const attn::Gpt2TokenPiece& piece : pieces) {
        joined += piece.bytes;
        QCOMPARE(piece.whole, attn::isWholeUtf8(piece.bytes));
        if (!piece.whole) {
            somePartial = true;
            QVERIFY2(QString::fromStdString(piece.text).contains(QStringLiteral("\\x")), piece.text.c_str());
        } else {
            QCOMPARE(piece.text, piece.bytes);
        }
    }
    QVERIFY(somePartial); // 漢 is three bytes that GPT-2 spells in more than one token
    QCOMPARE(joined, text);
    QCOMPARE(pieces.back().text, std::string(" Hi"));
    QVERIFY(attn::isWholeUtf8("é"));
    QVERIFY(!attn::isWholeUtf8("\xc3"));
    QVERIFY(!attn::isWholeUtf8("a\xe6\xbc"));
}

void TestGpt2Tokenizer::invalidUtf8IsRepaired()
{
    QCOMPARE(gpt2().encode("a\xff"
                           "b\xe6\xbc"),
             gpt2().encode("a\uFFFD"
                           "b\uFFFD"));
}

void TestGpt2Tokenizer::longPieceIsFast()
{
    // One piece of 200 000 letters: the merges must not take quadratic time.
    const std::string text(200000, 'a');
    QElapsedTimer timer;
    timer.start();
    const std::vector<int> ids = gpt2().encode(text);
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(gpt2().decode(ids), text);
    QVERIFY(ids.size() < text.size() / 2);
}

void TestGpt2Tokenizer::brokenFiles()
{
    QTemporaryDir dir;
    const std::string vocab = dir.filePath(QStringLiteral("vocab.json")).toStdString();
    const std::string merges = dir.filePath(QStringLiteral("merges.txt")).toStdString();
    const auto check = [&](const QByteArray& vocabText, const QByteArray& mergesText, const QString& expected,
                           const std::string& named) {
        writeFile(QString::fromStdString(vocab), vocabText);
        writeFile(QString::fromStdString(merges), mergesText);
        const QString error = errorOf([&] { (void)attn::Gpt2Tokenizer::fromFiles(vocab, merges); });
        QVERIFY2(error.contains(expected) && error.contains(QString::fromStdString(named)), qPrintable(error));
    };
    const QByteArray good = readResource(QStringLiteral("encoder.json"));
    check("{\"a\": ", "", QStringLiteral("not valid JSON"), vocab);
    check("[1, 2]", "", QStringLiteral("not a JSON object"), vocab);
    check("{\"a\": 0}", "", QStringLiteral("no token for the byte 0"), vocab);
    check("{\"a\": -3}", "", QStringLiteral("the id -3"), vocab);
    check("{\"a\": 0, \"b\": 0}", "", QStringLiteral("two tokens"), vocab);
    check(good, "#version: 0.2\nĠ t\nnot-a-pair\n", QStringLiteral("line 3"), merges);
    check(good, "#version: 0.2\nĠ t\na  b\n", QStringLiteral("line 3"), merges);
    check(good, "#version: 0.2\nĠ t\nĠ ĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠ\n", QStringLiteral("on line 3"), merges);
    QFile::remove(QString::fromStdString(merges));
    const QString missing = errorOf([&] { (void)attn::Gpt2Tokenizer::fromFiles(vocab, merges); });
    QVERIFY2(missing.contains(QStringLiteral("cannot be read")) && missing.contains(QString::fromStdString(merges)),
             qPrintable(missing));
    const QString folder = errorOf([&] { (void)attn::Gpt2Tokenizer::fromFolder(dir.filePath("none").toStdString()); });
    QVERIFY2(folder.contains(QStringLiteral("holds no GPT-2 tokenizer")), qPrintable(folder));
    const QString wordPiece = errorOf(
        [&] { (void)attn::Gpt2Tokenizer::fromTokenizerJsonData(R"({"model":{"type":"WordPiece","vocab":{}}})"); });
    QVERIFY2(wordPiece.contains(QStringLiteral("WordPiece")), qPrintable(wordPiece));
    QVERIFY(!errorOf([&] { (void)attn::Gpt2Tokenizer::fromTokenizerJsonData(R"({"model":{"vocab":{}}})"); }).isEmpty());
}

QTEST_GUILESS_MAIN(TestGpt2Tokenizer)
#include "tst_gpt2tokenizer.moc"
