// Tokens in any script reach the heatmaps as real glyphs: accents, CJK,
// emoji and right-to-left text all resolve to a font that has them (never the
// empty ".notdef" box), with the fonts the set-up scripts install.

#include "core/attention.h"
#include "ui/heatmaprenderer.h"

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
    QTextLayout layout(token, HeatmapRenderer::defaultFont());
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    QVERIFY(!runs.isEmpty());
    for (const QGlyphRun& run : runs) {
        for (const quint32 glyph : run.glyphIndexes()) {
            QVERIFY2(glyph != 0, qPrintable(QStringLiteral("\"%1\" has a missing glyph in font %2")
                                                 .arg(token, run.rawFont().familyName())));
        }
    }
}

QTEST_MAIN(TestUnicodeLabels)
#include "tst_unicodelabels.moc"
