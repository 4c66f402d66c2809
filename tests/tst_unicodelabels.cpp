// Tokens in any script reach the heatmaps as real glyphs: accents, CJK,
// emoji and right-to-left text all resolve to a font that has them (never the
// empty ".notdef" box), with the fonts the set-up scripts install; a label
// cut short before layout is cut between characters, never inside one.

#include "core/attention.h"
#include "ui/render/formulatext.h"
#include "ui/render/heatmaplayout.h"

#include <QGlyphRun>
#include <QRawFont>
#include <QTextLayout>
#include <QtTest>

class TestUnicodeLabels : public QObject
{
    Q_OBJECT

private slots:
    void everyGlyphExists_data();
    void everyGlyphExists();
    void longLabelsAreCutBetweenCharacters_data();
    void longLabelsAreCutBetweenCharacters();
};

void TestUnicodeLabels::everyGlyphExists_data()
{
    QTest::addColumn<QString>("token");
    QTest::addRow("accents") << QStringLiteral("café naïve Ångström");
    QTest::addRow("CJK") << QStringLiteral("東京 大阪 한국어 ひらがな");
    QTest::addRow("emoji") << QStringLiteral("🙂 🚀");
    QTest::addRow("hebrew") << QStringLiteral("שלום");
    QTest::addRow("arabic") << QStringLiteral("مرحبا");
    QTest::addRow("greek and math") << QStringLiteral("αβγ √ ∞ −");
}

void TestUnicodeLabels::everyGlyphExists()
{
    QFETCH(QString, token);
    QTextLayout layout(token, heatmaplayout::defaultFont());
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    QVERIFY(!runs.isEmpty());
    for (const QGlyphRun& run : runs) {
        for (const quint32 glyph : run.glyphIndexes()) {
            QVERIFY2(
                glyph != 0,
                qPrintable(
                    QStringLiteral("\"%1\" has a missing glyph in font %2").arg(token, run.rawFont().familyName())));
        }
    }
}

void TestUnicodeLabels::longLabelsAreCutBetweenCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<int>("kept"); // UTF-16 units kept; all of them: not cut
    const QString x63(63, QLatin1Char('x'));
    QTest::addRow("short") << QStringLiteral("abc") << 64 << 3;
    QTest::addRow("exactly the limit") << QString(64, QLatin1Char('x')) << 64 << 64;
    QTest::addRow("plain") << QString(100, QLatin1Char('x')) << 64 << 64;
    QTest::addRow("surrogate pair across the cut") << x63 + QStringLiteral("🙂yyy") << 64 << 63;
    QTest::addRow("surrogate pair before the cut") << x63.left(62) + QStringLiteral("🙂yyy") << 64 << 64;
    QTest::addRow("combining marks across the cut") << x63 + QStringLiteral("e\u0301\u0301z") << 64 << 63;
    QTest::addRow("emoji ZWJ sequence across the cut")
        << x63.left(60) + QStringLiteral("👨‍👩‍👧z") << 64 << 60;
    QTest::addRow("flags, cut between two") << QStringLiteral("🇩🇪").repeated(17) << 64 << 64;
    QTest::addRow("flags, cut inside one") << QStringLiteral("🇩🇪").repeated(17) << 62 << 60;
    QTest::addRow("CR LF across the cut") << x63 + QStringLiteral("\r\nz") << 64 << 63;
    QTest::addRow("one character longer than the limit")
        << QStringLiteral("e") + QString(100, QChar(0x0301)) << 64 << 0;
}

void TestUnicodeLabels::longLabelsAreCutBetweenCharacters()
{
    QFETCH(QString, text);
    QFETCH(int, maxLength);
    QFETCH(int, kept);
    const QString cut = formulatext::boundedText(text, maxLength);
    if (kept == text.size()) {
        QCOMPARE(cut, text);
        return;
    }
    QCOMPARE(cut, text.left(kept) + formulatext::kEllipsis);
    // UTF-8 input (a token) gives the same, decoding only its start.
    const QByteArray utf8 = text.toUtf8();
    QCOMPARE(formulatext::boundedFromUtf8(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())),
                                          maxLength),
             cut);
}

QTEST_MAIN(TestUnicodeLabels)
#include "tst_unicodelabels.moc"
