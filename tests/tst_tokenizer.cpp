// Tokens as Python's str.split() makes them, UTF-8 repair as Python's
// decode("utf-8", "replace") does it, and the first-appearance vocabulary.

#include "core/tokenizer.h"

#include <QtTest>

using Strings = std::vector<std::string>;
Q_DECLARE_METATYPE(Strings)

class TestTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void sanitize_data();
    void sanitize();
    void vocabularyKeepsFirstAppearance();
    void everyByteSequenceIsSafe();
};

void TestTokenizer::split_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Strings>("tokens");
    QTest::addRow("article") << QByteArray("i miss the old kanye") << Strings{"i", "miss", "the", "old", "kanye"};
    QTest::addRow("runs and ends") << QByteArray("  a \t\n b\r\n\x0b\x0c c  ") << Strings{"a", "b", "c"};
    QTest::addRow("empty") << QByteArray("") << Strings{};
    QTest::addRow("whitespace only") << QByteArray(" \t\n ") << Strings{};
    QTest::addRow("punctuation kept") << QByteArray("Hello, world!") << Strings{"Hello,", "world!"};
    QTest::addRow("ideographic space") << QByteArray("東京\u3000大阪") << Strings{"東京", "大阪"};
    QTest::addRow("no-break space") << QByteArray("a\u00a0b") << Strings{"a", "b"};
    QTest::addRow("em space, nnbsp") << QByteArray("a\u2003b\u202fc") << Strings{"a", "b", "c"};
    QTest::addRow("line separators") << QByteArray("a\u2028b\u2029c\u0085d") << Strings{"a", "b", "c", "d"};
    QTest::addRow("file separators") << QByteArray("a\x1c"
                                                   "b\x1f"
                                                   "c")
                                     << Strings{"a", "b", "c"};
    // Not whitespace for Python: zero width space, BOM, Mongolian vowel separator.
    QTest::addRow("zero width") << QByteArray("a\u200bb\ufeffc\u180ed") << Strings{"a\u200bb\ufeffc\u180ed"};
    QTest::addRow("emoji and rtl") << QByteArray("🙂 שלום مرحبا") << Strings{"🙂", "שלום", "مرحبا"};
    QTest::addRow("invalid byte") << QByteArray("a\xff b") << Strings{"a\uFFFD", "b"};
}

void TestTokenizer::split()
{
    QFETCH(QByteArray, text);
    QFETCH(Strings, tokens);
    QCOMPARE(attn::splitTokens(text.toStdString()), tokens);
}

void TestTokenizer::sanitize_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    // Expected values are what Python's bytes.decode("utf-8", "replace") gives.
    QTest::addRow("valid") << QByteArray("café") << QByteArray("café");
    QTest::addRow("lone continuation") << QByteArray("\x80") << QByteArray("\uFFFD");
    QTest::addRow("truncated 3-byte") << QByteArray("\xe6\x9d") << QByteArray("\uFFFD");
    QTest::addRow("truncated then ascii") << QByteArray("\xe6\x9dx") << QByteArray("\uFFFDx");
    QTest::addRow("overlong") << QByteArray("\xc0\xaf") << QByteArray("\uFFFD\uFFFD");
    QTest::addRow("surrogate") << QByteArray("\xed\xa0\x80") << QByteArray("\uFFFD\uFFFD\uFFFD");
    QTest::addRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << QByteArray("\uFFFD\uFFFD\uFFFD\uFFFD");
    QTest::addRow("truncated 4-byte") << QByteArray("\xf0\x9f\x99") << QByteArray("\uFFFD");
    QTest::addRow("replacement kept") << QByteArray("\uFFFD") << QByteArray("\uFFFD");
    QTest::addRow("ff fe") << QByteArray("\xff\xfe") << QByteArray("\uFFFD\uFFFD");
}

void TestTokenizer::sanitize()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(QByteArray::fromStdString(attn::sanitizeUtf8(input.toStdString())), expected);
}

void TestTokenizer::vocabularyKeepsFirstAppearance()
{
    const attn::Vocabulary v = attn::buildVocabulary({"the", "cat", "saw", "the", "cat", "The"});
    QCOMPARE(v.words, (Strings{"the", "cat", "saw", "The"}));
    QCOMPARE(v.tokenWord, (std::vector<int>{0, 1, 2, 0, 1, 3}));
}

void TestTokenizer::everyByteSequenceIsSafe()
{
    // Random bytes: the result is always valid UTF-8 that sanitizes to itself.
    std::uint32_t state = 12345;
    for (int round = 0; round < 2000; ++round) {
        std::string bytes;
        const int length = 1 + round % 17;
        for (int i = 0; i < length; ++i) {
            state = state * 1664525u + 1013904223u;
            bytes.push_back(static_cast<char>(state >> 24));
        }
        const std::string clean = attn::sanitizeUtf8(bytes);
        QCOMPARE(attn::sanitizeUtf8(clean), clean);
        QVERIFY(QString::fromUtf8(clean).toUtf8().toStdString() == clean);
        for (const std::string& token : attn::splitTokens(bytes))
            QVERIFY(!token.empty());
    }
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
