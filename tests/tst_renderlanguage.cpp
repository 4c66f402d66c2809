// What the figure, the lesson and core's errors say in the installed
// language: the German and Chinese catalogues reach the panel titles, the
// lesson's titles and prose, the hover arithmetic and the engine's messages
// (with their numbers in place), the lesson PDF draws them with real glyphs,
// and English stays as it was when no language is installed.

#include "core/attention.h"
#include "core/gpt2model.h"
#include "core/gpt2tokenizer.h"
#include "core/safetensors.h"
#include "core/train/training.h"
#include "ui/render/figure.h"
#include "ui/render/language.h"
#include "ui/render/lessonpage.h"
#include "ui/render/lessonpdf.h"
#include "ui/render/panelid.h"
#include "ui/render/translatedmessage.h"

#include <QFontMetricsF>
#include <QGlyphRun>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QtTest>

using namespace attn::ui;
using attn::PanelId;

namespace {

LessonSettings atStep(int step)
{
    LessonSettings settings;
    settings.step = step;
    return settings;
}

attn::AttentionConfig sentenceConfig()
{
    attn::AttentionConfig config;
    config.sentence = "i miss the old kanye";
    config.dModel = 4;
    config.heads = 2;
    return config;
}

std::shared_ptr<const attn::AttentionResult> resultOf(const attn::AttentionConfig& config)
{
    return std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
}

const FigurePanel* panelOf(const Figure& figure, PanelId id)
{
    const int index = figure.panelIndex(id);
    return index < 0 ? nullptr : &figure.panels()[static_cast<std::size_t>(index)];
}

// The message of what validateConfig throws for `config`, translated.
QString refusal(const attn::AttentionConfig& config)
{
    try {
        attn::validateConfig(config);
    } catch (const std::exception& e) {
        return translatedMessage(e);
    }
    return {};
}

// Glyph 0 is the font's "missing" box: every character must resolve to a
// real glyph in the font the slide draws with (or a fallback).
QString missingGlyphs(const QString& text, const QFont& font)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    for (const QGlyphRun& run : layout.glyphRuns()) {
        for (const quint32 glyph : run.glyphIndexes()) {
            if (glyph == 0)
                return QStringLiteral("missing glyph in %1 (%2)").arg(text, run.rawFont().familyName());
        }
    }
    return {};
}

} // namespace

class TestRenderLanguage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { installLanguage(QStringLiteral("en")); }

    void englishWithoutLanguage()
    {
        const auto config = sentenceConfig();
        const Figure figure(config, resultOf(config), FigureSettings{});
        QVERIFY(panelOf(figure, PanelId::Weights));
        QVERIFY2(panelOf(figure, PanelId::Weights)->name.startsWith(QStringLiteral("weights \u00b7 head 1")),
                 qPrintable(panelOf(figure, PanelId::Weights)->name));
        QCOMPARE(attn::panelLabel(PanelId::WQuery), QStringLiteral("W_Q — query weights"));
        const LessonPage page(config, resultOf(config), atStep(6));
        QVERIFY(page.title().startsWith(QStringLiteral("Step 6 of 7 \u00b7 Softmax: turning scores into weights")));
        QVERIFY(page.explanation().startsWith(QStringLiteral("Softmax turns each row of scores")));
        auto bad = config;
        bad.dModel = 0;
        QCOMPARE(refusal(bad), QStringLiteral("d_model must be from 1 to %1, not 0.").arg(attn::Limits::maxDModel));
    }

    void figureSpeaksGerman()
    {
        QVERIFY(installLanguage(QStringLiteral("de")));
        const auto config = sentenceConfig();
        const Figure figure(config, resultOf(config), FigureSettings{});
        const FigurePanel* weights = panelOf(figure, PanelId::Weights);
        QVERIFY(weights);
        QVERIFY2(weights->name.startsWith(QStringLiteral("Attention-Gewichte \u00b7 Kopf 1")),
                 qPrintable(weights->name));
        QVERIFY2(weights->spec.title.startsWith(weights->name), qPrintable(weights->spec.title));
        // Symbols stay: W_Q is W_Q in every language.
        QVERIFY(panelOf(figure, PanelId::WQuery)->spec.title.startsWith(QStringLiteral("W_Q")));
        // The settings line keeps each setting on one line with no-break spaces.
        const QString title = figure.title().replace(QChar(0x00a0), QLatin1Char(' '));
        QVERIFY2(title.contains(QStringLiteral("Seed der Gewichte 42")), qPrintable(title));
        // The command line's names are data.
        QCOMPARE(attn::panelName(PanelId::Weights), QStringLiteral("weights"));
        QCOMPARE(attn::panelFromName(QStringLiteral("scaled_scores")), std::optional(PanelId::ScaledScores));
        QCOMPARE(attn::panelLabel(PanelId::WQuery), QStringLiteral("W_Q — Query-Gewichte"));

        // The hover text of a weight: its heading and arithmetic in German,
        // the numbers as they are.
        const QString tip = figure.cellToolTip(figure.panelIndex(PanelId::Weights, 0), 1, 2);
        QVERIFY2(tip.startsWith(QStringLiteral("Attention-Gewicht \u00b7 Kopf 1 \u00b7 Query")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("(Zeile 1)")) && tip.contains(QStringLiteral("(Spalte 2)")),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("exp(")), qPrintable(tip));
        QVERIFY(!tip.contains(QStringLiteral("query")));
    }

    void lessonSpeaksTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("prose");
        QTest::newRow("de 1") << "de" << 1 << "Schritt 1 von 7 \u00b7 Tokens: der Satz in Wörter zerlegt"
                              << "Der Satz wird an den Leerzeichen in Tokens zerlegt";
        QTest::newRow("de 6") << "de" << 6 << "Schritt 6 von 7 \u00b7 Softmax: aus Scores werden Gewichte"
                              << "Die Softmax macht aus jeder Zeile von Scores Gewichte";
        QTest::newRow("zh_CN 4") << "zh_CN" << 4 << "第 4 步，共 7 步 \u00b7 注意力分数：每个查询与每个键的匹配程度"
                                 << "用点积把一个词元的查询与每个词元的键进行比较";
        QTest::newRow("zh_CN 7") << "zh_CN" << 7 << "第 7 步，共 7 步 \u00b7 加权和：对值进行加权组合"
                                 << "加权和";
    }
    void lessonSpeaksTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(int, step);
        QFETCH(QString, title);
        QFETCH(QString, prose);
        QVERIFY(installLanguage(language));
        const auto config = sentenceConfig();
        const LessonPage page(config, resultOf(config), atStep(step));
        QCOMPARE(page.title(), title);
        QVERIFY2(page.explanation().contains(prose), qPrintable(page.explanation()));
        // What the slide draws, with real glyphs in its fonts.
        const QString missing = missingGlyphs(page.explanation(), page.explanationFont()) +
                                missingGlyphs(page.title(), page.explanationFont()) +
                                missingGlyphs(page.stripLabel(), page.explanationFont());
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        QVERIFY(QFontMetricsF(page.explanationFont()).horizontalAdvance(page.explanation()) > 0);
    }

    // The handout draws the translated text as text: pdftotext reads it back.
    void lessonPdfSpeaksTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("de") << "de"
                            << QStringList{"Schritt 3 von 7", "Gewichtsmatrizen", "Frühere Schritte", "Vokabular"};
        QTest::newRow("zh_CN") << "zh_CN" << QStringList{"第 3 步", "权重矩阵", "前面的步骤", "词表"};
    }
    void lessonPdfSpeaksTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, expected);
        QVERIFY(installLanguage(language));
        const auto config = sentenceConfig();
        const QByteArray pdf = renderLessonPdf(config, resultOf(config), LessonOptions{});
        QVERIFY(!pdf.isEmpty());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("lesson.pdf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf);
        file.close();
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"),
                        {QStringLiteral("-enc"), QStringLiteral("UTF-8"), file.fileName(), QStringLiteral("-")});
        QVERIFY2(pdftotext.waitForFinished(60000) && pdftotext.exitCode() == 0, "pdftotext (poppler-utils) failed");
        // NFKC: the CJK font maps some ideographs back to their Kangxi
        // radical look-alikes (⼦ for 子), the same character to a reader.
        const QString text =
            QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
        for (const QString& phrase : expected)
            QVERIFY2(text.contains(phrase), qPrintable(phrase + QStringLiteral(" not in:\n") + text.left(2000)));
        QVERIFY(!text.contains(QChar(0xfffd)));
    }

    void coreErrorsAreTranslated()
    {
        QVERIFY(installLanguage(QStringLiteral("de")));
        auto config = sentenceConfig();
        config.sentence = std::string(attn::Limits::maxSentenceBytes + 5, 'a');
        QCOMPARE(refusal(config), QStringLiteral("Der Satz ist %1 Byte lang; die Grenze liegt bei %2 Byte.")
                                      .arg(attn::Limits::maxSentenceBytes + 5)
                                      .arg(attn::Limits::maxSentenceBytes));
        config = sentenceConfig();
        config.dModel = 6;
        config.heads = 4;
        QCOMPARE(refusal(config),
                 QStringLiteral("4 Köpfe teilen d_model 6 nicht ohne Rest: Wählen Sie eine Anzahl von Köpfen, die "
                                "d_model teilt."));
        config = sentenceConfig();
        config.explicitEmbeddings["miss"] = {1.0, 2.0};
        QCOMPARE(refusal(config), QStringLiteral("Das Embedding von „miss“ hat 2 Zahlen, aber d_model ist 4."));

        // A checkpoint folder whose configuration is no JSON.
        QTemporaryDir dir;
        QFile json(dir.filePath(QStringLiteral("config.json")));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write("{ not json");
        json.close();
        QString message;
        try {
            attn::loadGpt2Config(json.fileName().toStdString());
        } catch (const std::exception& e) {
            message = translatedMessage(e);
            // what() stays English for logs and for the callers not yet translated.
            QVERIFY2(QString::fromUtf8(e.what()).endsWith(QStringLiteral(" is not valid JSON.")), e.what());
        }
        QVERIFY2(message.startsWith(QStringLiteral("Die GPT-2-Konfiguration ")) &&
                     message.endsWith(QStringLiteral(" ist kein gültiges JSON.")),
                 qPrintable(message));

        // A checkpoint that is a folder, not a file.
        message.clear();
        try {
            attn::SafetensorsFile::open(dir.path().toStdString());
        } catch (const std::exception& e) {
            message = translatedMessage(e);
        }
        QCOMPARE(message, QStringLiteral("Die safetensors-Datei %1 ist keine reguläre Datei.").arg(dir.path()));

        // A training option the task cannot take.
        attn::train::TrainOptions options = attn::train::defaultOptions("sort");
        options.length = 4;
        message.clear();
        try {
            attn::train::validateOptions(options);
        } catch (const std::exception& e) {
            message = translatedMessage(e);
        }
        QCOMPARE(message, QStringLiteral("Die Aufgabe sort braucht eine ungerade Länge von mindestens 3 (Zahlen, "
                                         "Trennzeichen, sortierte Zahlen), nicht 4."));

        QVERIFY(installLanguage(QStringLiteral("zh_CN")));
        config = sentenceConfig();
        config.heads = 0;
        QCOMPARE(refusal(config), QStringLiteral("头数至少为 1，而不是 0。"));

        // A plain exception passes through as it is.
        QCOMPARE(translatedMessage(std::runtime_error("plain")), QStringLiteral("plain"));
    }

    // A bad checkpoint, tokenizer or training run speaks the language, its numbers in place.
    void moreEngineErrorsAreTranslated()
    {
        // A safetensors file cut off inside its header.
        std::string bytes(8, '\0');
        bytes[0] = 100;
        bytes += std::string(10, 'x');
        QString english;
        const auto truncated = [&] {
            try {
                attn::SafetensorsFile::fromBytes(bytes, "bad.safetensors");
            } catch (const std::exception& e) {
                english = QString::fromUtf8(e.what());
                return translatedMessage(e);
            }
            return QString();
        };
        QVERIFY(installLanguage(QStringLiteral("de")));
        QCOMPARE(truncated(), QStringLiteral("Die safetensors-Datei bad.safetensors gibt einen Header von 100 Byte "
                                             "an, enthält nach der Angabe der Header-Länge aber nur 10 Byte."));
        // what() stays English.
        QCOMPARE(english, QStringLiteral("The safetensors file bad.safetensors declares a header of 100 bytes but "
                                         "holds only 10 bytes after the header length."));

        // A task's title and explanation in the train panel.
        const attn::train::TaskInfo& reverse = attn::train::taskInfo("reverse");
        QCOMPARE(QCoreApplication::translate("TrainingTask", reverse.title.c_str()), QStringLiteral("Umkehren"));
        const QString explanation = QCoreApplication::translate("TrainingTask", reverse.explanation.c_str());
        QVERIFY2(explanation.startsWith(QStringLiteral("Position i muss das Token an Position n - 1 - i ausgeben")),
                 qPrintable(explanation));

        QVERIFY(installLanguage(QStringLiteral("zh_CN")));
        QCOMPARE(truncated(), QStringLiteral("safetensors 文件 bad.safetensors 声明头部有 100 字节，但头部长度字段"
                                             "之后只有 10 字节。"));

        // A merges file with a line of three tokens.
        QString message;
        try {
            attn::Gpt2Tokenizer::fromData("{}", "#version: 0.2\na b c\n", "vocab.json", "merges.txt");
        } catch (const std::exception& e) {
            message = translatedMessage(e);
        }
        QCOMPARE(message, QStringLiteral("GPT-2 合并规则文件 merges.txt 的第 2 行不是用一个空格隔开的两个词元。"));

        // A trainer asked for a step after its last.
        attn::train::TrainOptions options = attn::train::defaultOptions("previous");
        options.steps = 1;
        attn::train::Trainer trainer(options, 1);
        trainer.step();
        message.clear();
        try {
            trainer.step();
        } catch (const std::exception& e) {
            message = translatedMessage(e);
        }
        QCOMPARE(message, QStringLiteral("训练已完成全部 1 步。"));
    }

    // An argument holding a placeholder is never read as one.
    void argumentsAreSubstitutedOnce()
    {
        const attn::Message message = attn::makeMessage(
            "AttentionError", "The embedding of \"%1\" has %2 numbers, but d_model is %3.", "%2%3", 7, 9);
        QCOMPARE(QString::fromStdString(attn::englishText(message)),
                 QStringLiteral("The embedding of \"%2%3\" has 7 numbers, but d_model is 9."));
        QVERIFY(installLanguage(QStringLiteral("de")));
        QCOMPARE(translatedMessage(message),
                 QStringLiteral("Das Embedding von „%2%3“ hat 7 Zahlen, aber d_model ist 9."));
    }
};

QTEST_MAIN(TestRenderLanguage)
#include "tst_renderlanguage.moc"
