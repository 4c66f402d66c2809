// Figure exports: a PNG at scale 2 has exactly twice the pixels of scale 1
// with the same layout; SVG is well-formed XML holding vector shapes; PDF is a
// one-page document poppler can read, with its text; an unwritable path gives
// an error and leaves no file; one panel exports alone; CSV holds a panel's
// exact numbers; the real executable exports with no display.

#include "ui/document/exportfiles.h"
#include "ui/document/presets.h"
#include "ui/render/figureexport.h"
#include "ui/render/heatmapscale.h"

#include "csvreader.h"
#include "testutil.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

using attn::PanelId;

Q_DECLARE_METATYPE(attn::AttentionConfig)

class TestFigureExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pngScaleMultipliesPixels_data();
    void pngScaleMultipliesPixels();
    void pngMatchesTheFigure();
    void svgIsVectorXml_data();
    void svgIsVectorXml();
    void pdfIsReadable();
    void unwritablePathGivesErrorAndNoFile_data();
    void unwritablePathGivesErrorAndNoFile();
    void badOptionsAreRefused_data();
    void badOptionsAreRefused();
    void singlePanelIsSmaller_data();
    void singlePanelIsSmaller();
    void csvHoldsExactNumbers();
    void csvMarksMaskedCells();
    void exportsDrawTheChosenLayer();
    void executableExportsWithoutDisplay();
    void imageTooLargeIsNotPainted();
    void svgEscapesEveryText_data();
    void svgEscapesEveryText();
    void pdfTitleKeepsOddCharacters();
    void csvLabelsAreNeverFormulas_data();
    void csvLabelsAreNeverFormulas();
    void csvRoundTrips();
    void pngOutOfMemorySaysSo();

private:
    QTemporaryDir m_dir;
};

namespace {

attn::AttentionConfig causalHeads()
{
    attn::AttentionConfig c;
    c.sentence = "the quick brown fox jumps over the lazy dog";
    c.dModel = 8;
    c.heads = 2;
    c.causal = true;
    c.init = attn::WeightInit::Normal;
    return c;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString& program, const QStringList& args, bool withoutDisplay = false)
{
    QProcess process;
    if (withoutDisplay) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("QT_QPA_PLATFORM");
        process.setProcessEnvironment(env);
    }
    process.start(program, args);
    Run result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

void TestFigureExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestFigureExport::pngScaleMultipliesPixels_data()
{
    QTest::addColumn<attn::AttentionConfig>("config");
    QTest::addColumn<QString>("panel");
    QTest::addColumn<int>("scale");
    QTest::addRow("article x2") << testutil::articleConfig() << QString() << 2;
    QTest::addRow("article x3") << testutil::articleConfig() << QString() << 3;
    QTest::addRow("causal heads x2") << causalHeads() << QString() << 2;
    QTest::addRow("weights panel x2") << testutil::articleConfig() << QStringLiteral("weights") << 2;
}

void TestFigureExport::pngScaleMultipliesPixels()
{
    QFETCH(attn::AttentionConfig, config);
    QFETCH(QString, panel);
    QFETCH(int, scale);
    const auto result = attn::computeAttention(config);
    FigureOptions options;
    options.panel = panel;
    const QString one = m_dir.filePath(QStringLiteral("one.png"));
    const QString many = m_dir.filePath(QStringLiteral("many.png"));
    QString error;
    QVERIFY2(exportFigure(one, config, result, options, &error), qPrintable(error));
    options.scale = scale;
    QVERIFY2(exportFigure(many, config, result, options, &error), qPrintable(error));
    const QImage a(one), b(many);
    QVERIFY(!a.isNull() && !b.isNull());
    QCOMPARE(b.width(), a.width() * scale);
    QCOMPARE(b.height(), a.height() * scale);
}

void TestFigureExport::pngMatchesTheFigure()
{
    // The PNG is the figure: same size, and a cell has its colour at the
    // place the figure's layout puts it, at scale 1 and 2 alike.
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
    FigureSettings settings;
    const Figure figure(config, result, settings);
    const FigurePanel& weights = figure.panels()[static_cast<std::size_t>(figure.panelIndex(PanelId::Weights))];
    const QRectF cell = weights.layout.cellRect(1, 3);
    const QRgb expected =
        heatmapscale::cellColor(weights.spec, *weights.spec.range, result->layers[0].heads[0].weights(1, 3));
    for (int scale : {1, 2}) {
        FigureOptions options;
        options.scale = scale;
        const QString path = m_dir.filePath(QStringLiteral("match%1.png").arg(scale));
        QString error;
        QVERIFY2(exportFigure(path, config, *result, options, &error), qPrintable(error));
        const QImage image(path);
        QCOMPARE(image.size(), (figure.size() * scale).toSize());
        const QPoint probe((cell.topLeft() + QPointF(3, 3)).toPoint() * scale);
        QCOMPARE(QColor(image.pixel(probe)).name(), QColor(expected).name());
    }
}

void TestFigureExport::svgIsVectorXml_data()
{
    QTest::addColumn<attn::AttentionConfig>("config");
    QTest::addColumn<QString>("panel");
    QTest::addRow("article") << testutil::articleConfig() << QString();
    QTest::addRow("causal heads") << causalHeads() << QString();
    QTest::addRow("scores panel") << testutil::articleConfig() << QStringLiteral("scores");
}

void TestFigureExport::svgIsVectorXml()
{
    QFETCH(attn::AttentionConfig, config);
    QFETCH(QString, panel);
    const auto result = attn::computeAttention(config);
    FigureOptions options;
    options.panel = panel;
    const QString path = m_dir.filePath(QStringLiteral("figure.svg"));
    QString error;
    QVERIFY2(exportFigure(path, config, result, options, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString root;
    int shapes = 0;
    int texts = 0;
    QString allText;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        if (root.isEmpty())
            root = name;
        if (name == QLatin1String("rect") || name == QLatin1String("path") || name == QLatin1String("image") ||
            name == QLatin1String("polyline") || name == QLatin1String("polygon")) {
            ++shapes;
        }
        if (name == QLatin1String("text")) {
            ++texts;
            allText += xml.readElementText(QXmlStreamReader::IncludeChildElements) + QLatin1Char(' ');
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(root, QStringLiteral("svg"));
    QVERIFY2(shapes >= 25, qPrintable(QString::number(shapes))); // at least the article's score cells
    QVERIFY(texts > 0);
    // Text stays text (searchable, sharp at any zoom).
    QVERIFY2(allText.contains(panel.isEmpty() ? QStringLiteral("softmax") : QStringLiteral("scores")),
             qPrintable(allText.left(400)));
}

void TestFigureExport::pdfIsReadable()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto shared = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
    const QString path = m_dir.filePath(QStringLiteral("figure.pdf"));
    QString error;
    QVERIFY2(exportFigure(path, config, *shared, FigureOptions{}, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5).startsWith("%PDF-"));
    file.close();

    const Run info = run(QStringLiteral("pdfinfo"), {path});
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("Pages:\\s+1\\n")).match(QString::fromUtf8(info.out)).hasMatch(),
             info.out.constData());
    // Page size = figure size at 96 figure pixels per inch (72 pt).
    const Figure figure(config, shared, FigureSettings{});
    const QRegularExpression sizePattern(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"));
    const auto match = sizePattern.match(QString::fromUtf8(info.out));
    QVERIFY2(match.hasMatch(), info.out.constData());
    QVERIFY(std::abs(match.captured(1).toDouble() - figure.size().width() * 0.75) < 1.5);
    QVERIFY(std::abs(match.captured(2).toDouble() - figure.size().height() * 0.75) < 1.5);

    const Run text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    QCOMPARE(text.exitCode, 0);
    for (const char* word : {"softmax", "scores", "kanye", "weight seed 42"})
        QVERIFY2(text.out.contains(word),
                 qPrintable(QStringLiteral("%1 not in: %2").arg(word, QString::fromUtf8(text.out.left(600)))));
}

void TestFigureExport::unwritablePathGivesErrorAndNoFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("missing folder png") << m_dir.filePath(QStringLiteral("no/such/folder/figure.png"));
    QTest::addRow("missing folder svg") << m_dir.filePath(QStringLiteral("no/such/folder/figure.svg"));
    QTest::addRow("missing folder pdf") << m_dir.filePath(QStringLiteral("no/such/folder/figure.pdf"));
    QTest::addRow("proc png") << QStringLiteral("/proc/attention-visualizer-test.png");
    QTest::addRow("proc pdf") << QStringLiteral("/proc/attention-visualizer-test.pdf");
    QTest::addRow("a folder") << m_dir.path() + QStringLiteral("/sub.png/");
}

void TestFigureExport::unwritablePathGivesErrorAndNoFile()
{
    QFETCH(QString, path);
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto result = attn::computeAttention(config);
    QString error;
    QVERIFY(!exportFigure(path, config, result, FigureOptions{}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
    // No temporary left beside it either.
    const QDir dir = QFileInfo(path).absoluteDir();
    if (dir.exists() && dir.path().startsWith(m_dir.path())) {
        for (const QString& entry : dir.entryList(QDir::Files))
            QVERIFY2(!entry.contains(QFileInfo(path).completeBaseName()), qPrintable(entry));
    }
    if (!QFileInfo(path).absoluteDir().exists() || path.startsWith(QLatin1String("/proc/"))) {
        const QString csv = QFileInfo(path).absolutePath() + QStringLiteral("/panel.csv");
        QVERIFY(!exportPanelCsv(csv, config, result, PanelId::Q, 0, 0, &error));
        QVERIFY(!QFileInfo::exists(csv));
    }
}

void TestFigureExport::badOptionsAreRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("panel");
    QTest::addColumn<QString>("colormap");
    QTest::addColumn<int>("head");
    QTest::addRow("extension") << "figure.jpg" << QString() << QString() << 0;
    QTest::addRow("panel") << "figure.png"
                           << "attention" << QString() << 0;
    QTest::addRow("inputs without positional") << "figure.png"
                                               << "inputs" << QString() << 0;
    QTest::addRow("colormap") << "figure.png" << QString() << "jet" << 0;
    QTest::addRow("head") << "figure.png" << QString() << QString() << 1;
}

void TestFigureExport::badOptionsAreRefused()
{
    QFETCH(QString, file);
    QFETCH(QString, panel);
    QFETCH(QString, colormap);
    QFETCH(int, head);
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto result = attn::computeAttention(config);
    FigureOptions options;
    options.panel = panel;
    options.colorMap = colormap;
    options.head = head;
    const QString path = m_dir.filePath(file);
    QString error;
    QVERIFY(!exportFigure(path, config, result, options, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(path));
}

void TestFigureExport::singlePanelIsSmaller_data()
{
    QTest::addColumn<QString>("panel");
    for (const QString& name : attn::allPanelNames()) {
        if (name != QLatin1String("inputs") && name != QLatin1String("positional"))
            QTest::addRow("%s", qPrintable(name)) << name;
    }
}

void TestFigureExport::singlePanelIsSmaller()
{
    QFETCH(QString, panel);
    const attn::AttentionConfig config = causalHeads();
    const auto result = attn::computeAttention(config);
    const QString whole = m_dir.filePath(QStringLiteral("whole.png"));
    const QString one = m_dir.filePath(QStringLiteral("panel.png"));
    QString error;
    QVERIFY2(exportFigure(whole, config, result, FigureOptions{}, &error), qPrintable(error));
    FigureOptions options;
    options.panel = panel;
    options.head = 1;
    QVERIFY2(exportFigure(one, config, result, options, &error), qPrintable(error));
    const QImage a(whole), b(one);
    QVERIFY(b.width() < a.width());
    QVERIFY(b.height() < a.height());
    QVERIFY(b.width() > 100 && b.height() > 100);

    // The panel carries the settings line, so a slide of it explains itself:
    // there is text above the panel, where the figure title goes.
    FigureSettings settings;
    QVERIFY(figureSettingsFromOptions(config, options, &settings, &error));
    const Figure figure(config, std::make_shared<const attn::AttentionResult>(result), settings);
    QCOMPARE(figure.title(), figureTitle(config, result));
    const QRect title = figure.titleRect().toAlignedRect();
    QVERIFY(title.bottom() < figure.panels().front().rect.top());
    int dark = 0;
    for (int y = title.top(); y <= title.bottom() && y < b.height(); ++y)
        for (int x = title.left(); x <= title.right() && x < b.width(); ++x)
            dark += qGray(b.pixel(x, y)) < 128 ? 1 : 0;
    QVERIFY(dark > 50);
}

void TestFigureExport::csvHoldsExactNumbers()
{
    const attn::AttentionConfig config = causalHeads();
    const auto result = attn::computeAttention(config);
    for (const PanelId id : {PanelId::Q, PanelId::WKey, PanelId::Weights, PanelId::Output}) {
        const int head = 1;
        const QString path = m_dir.filePath(attn::panelName(id) + QStringLiteral(".csv"));
        QString error;
        QVERIFY2(exportPanelCsv(path, config, result, id, 0, head, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const attn::Matrix& m = panelMatrix(result, id, 0, head);
        QCOMPARE(lines.size(), m.rows() + 1);
        const QStringList header = lines[0].split(QLatin1Char(','));
        QCOMPARE(header.size(), m.cols() + 1);
        if (id == PanelId::Weights)
            QCOMPARE(header[2], QStringLiteral("quick")); // key tokens head the columns
        for (Eigen::Index r = 0; r < m.rows(); ++r) {
            const QStringList cells = lines[r + 1].split(QLatin1Char(','));
            QCOMPARE(cells.size(), m.cols() + 1);
            if (id != PanelId::WKey)
                QCOMPARE(cells[0], QString::fromStdString(result.tokens[static_cast<std::size_t>(r)]));
            for (Eigen::Index c = 0; c < m.cols(); ++c)
                QCOMPARE(cells[c + 1].toDouble(), m(r, c)); // bit-exact round trip
        }
    }
}

void TestFigureExport::csvMarksMaskedCells()
{
    const attn::AttentionConfig config = causalHeads();
    const auto result = attn::computeAttention(config);
    const QByteArray csv = panelCsv(result, PanelId::ScaledScores, 0, 0);
    const QList<QByteArray> lines = csv.split('\n');
    QVERIFY(lines[1].endsWith(",-inf"));                                      // first query sees only itself
    QVERIFY(!lines[static_cast<int>(result.tokens.size())].contains("-inf")); // the last sees all
    // A token with a comma or quote stays one field.
    attn::AttentionConfig odd = testutil::articleConfig();
    odd.sentence = "a,b \"q\" c";
    odd.explicitEmbeddings.clear();
    const auto oddResult = attn::computeAttention(odd);
    const QByteArray oddCsv = panelCsv(oddResult, PanelId::Q, 0, 0);
    QVERIFY2(oddCsv.contains("\n\"a,b\","), oddCsv.constData());
    QVERIFY2(oddCsv.contains("\n\"\"\"q\"\"\","), oddCsv.constData());
}

void TestFigureExport::exportsDrawTheChosenLayer()
{
    const attn::AttentionConfig config = causalHeads();
    const auto r = testutil::twoLayerResult(config);
    const attn::LayerResult& second = r->layers[1];

    // CSV: layer 1's numbers, and a layer the result lacks is refused.
    QByteArray csv;
    QString error;
    QVERIFY2(encodePanelCsv(QStringLiteral("w.csv"), config, *r, PanelId::Weights, 1, 1, &csv, &error),
             qPrintable(error));
    QCOMPARE(csv, panelCsv(*r, PanelId::Weights, 1, 1));
    QVERIFY(csv != panelCsv(*r, PanelId::Weights, 0, 1));
    const auto table = testutil::readCsv(QString::fromUtf8(csv));
    QVERIFY(table);
    QCOMPARE((*table)[2][3].toDouble(), second.heads[1].weights(1, 2));
    QCOMPARE(panelCsv(*r, PanelId::Embeddings, 1, 0), panelCsv(*r, PanelId::Embeddings, 0, 0));
    QVERIFY(!encodePanelCsv(QStringLiteral("w.csv"), config, *r, PanelId::Q, 2, 0, &csv, &error));
    QVERIFY2(error.contains(QStringLiteral("no layer 3")), qPrintable(error));
    QVERIFY(!encodePanelCsv(QStringLiteral("w.csv"), config, *r, PanelId::Q, -1, 0, &csv, &error));

    // Images: the figure of FigureOptions::layer.
    FigureOptions options;
    options.layer = 1;
    FigureSettings settings;
    QVERIFY2(figureSettingsFromOptions(config, options, &settings, &error), qPrintable(error));
    QCOMPARE(settings.layer, 1);
    QByteArray svg;
    QVERIFY2(encodeFigure(QStringLiteral("f.svg"), config, r, options, &svg, &error), qPrintable(error));
    QCOMPARE(svg, renderFigureSvg(Figure(config, r, settings)));
    QByteArray firstLayer;
    options.layer = 0;
    QVERIFY(encodeFigure(QStringLiteral("f.svg"), config, r, options, &firstLayer, &error));
    QVERIFY(svg != firstLayer);
    options.layer = 2;
    QVERIFY(!encodeFigure(QStringLiteral("f.svg"), config, r, options, &svg, &error));
    QVERIFY2(error.contains(QStringLiteral("no layer 3")), qPrintable(error));
    options.layer = -1;
    QVERIFY(!figureSettingsFromOptions(config, options, &settings, &error));
}

void TestFigureExport::executableExportsWithoutDisplay()
{
    const QString one = m_dir.filePath(QStringLiteral("cli1.png"));
    const QString two = m_dir.filePath(QStringLiteral("cli2.png"));
    const QString svg = m_dir.filePath(QStringLiteral("cli.svg"));
    const QString panel = m_dir.filePath(QStringLiteral("cli-weights.png"));
    const QString app = QStringLiteral(AV_APP_PATH);
    Run r = run(app, {QStringLiteral("--export-image"), one}, true);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run(app, {QStringLiteral("--export-image"), two, QStringLiteral("--scale"), QStringLiteral("2")}, true);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QImage a(one), b(two);
    QVERIFY(!a.isNull() && !b.isNull());
    QCOMPARE(b.size(), a.size() * 2);

    r = run(app,
            {QStringLiteral("--export-image"), panel, QStringLiteral("--panel"), QStringLiteral("weights"),
             QStringLiteral("--colormap"), QStringLiteral("cividis")},
            true);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QImage c(panel);
    QVERIFY(c.width() < a.width() && c.height() < a.height());

    r = run(app,
            {QStringLiteral("--export-image"), svg, QStringLiteral("--heads"), QStringLiteral("3"),
             QStringLiteral("--d-model"), QStringLiteral("6"), QStringLiteral("--head"), QStringLiteral("2"),
             QStringLiteral("--causal")},
            true);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("head 2"));

    const QString missing = m_dir.filePath(QStringLiteral("missing/out.png"));
    r = run(app, {QStringLiteral("--export-image"), missing}, true);
    QVERIFY(r.exitCode != 0);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!QFileInfo::exists(missing));
}

void TestFigureExport::imageTooLargeIsNotPainted()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
    const Figure figure(config, result, FigureSettings{});
    // A painter on an image that could not be made would only complain.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    QVERIFY(renderFigureImage(figure, 1e6).isNull());  // rows too long for QImage
    QVERIFY(renderFigureImage(figure, 1e12).isNull()); // sides too long for an int
}

void TestFigureExport::pngOutOfMemorySaysSo()
{
    if (testutil::underSanitizer())
        QSKIP("sanitizers reserve more address space than the limit allows");
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
    FigureOptions options;
    options.scale = 16;
    const QSize pixels = (Figure(config, result, FigureSettings{}).size() * options.scale).toSize();
    QVERIFY(static_cast<qint64>(pixels.width()) * pixels.height() * 4 > (qint64(256) << 20));
    const QString path = m_dir.filePath(QStringLiteral("huge.png"));
    QString error;
    bool written = false;
    {
        testutil::AddressSpaceLimit limit(qint64(256) << 20);
        QVERIFY(limit.active());
        written = exportFigure(path, config, *result, options, &error);
    }
    QVERIFY(!written);
    // The cause, and how big an image it was.
    QVERIFY2(error.contains(QStringLiteral("not enough memory")), qPrintable(error));
    const QString size = QStringLiteral("%1 \u00d7 %2").arg(pixels.width()).arg(pixels.height());
    QVERIFY2(error.contains(size), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
}

void TestFigureExport::svgEscapesEveryText_data()
{
    QTest::addColumn<QByteArray>("sentence");
    QTest::addRow("ampersand") << QByteArray("fish & chips");
    QTest::addRow("script element") << QByteArray("<script>alert(1)</script> hi");
    QTest::addRow("markup bits") << QByteArray("a ]]> <!-- \"q\" 'a' &amp; </title>");
    QTest::addRow("control characters") << QByteArray("a\x01b \x1b[31mred \x7f \x08");
    QTest::addRow("NUL") << QByteArray("a\0b c", 5);
    QTest::addRow("noncharacters") << QByteArray("\xef\xbf\xbe \xef\xbf\xbf x");
}

void TestFigureExport::svgEscapesEveryText()
{
    QFETCH(QByteArray, sentence);
    attn::AttentionConfig config;
    config.sentence = sentence.toStdString();
    const auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
    const Figure figure(config, result, FigureSettings{});
    const QString path = m_dir.filePath(QStringLiteral("escaped.svg"));
    QString error;
    QVERIFY2(exportFigure(path, config, *result, FigureOptions{}, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList titles;
    QString allText;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        QVERIFY2(xml.name() != QLatin1String("script"), "a live script element");
        if (xml.name() == QLatin1String("title"))
            titles << xml.readElementText();
        else if (xml.name() == QLatin1String("text"))
            allText += xml.readElementText(QXmlStreamReader::IncludeChildElements) + QLatin1Char(' ');
    }
    QVERIFY2(!xml.hasError(), qPrintable(QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString())));
    // The title reads back as the figure's own, neither raw nor escaped
    // twice; only what XML cannot carry at all became U+FFFD.
    QString expected = figure.title();
    for (QChar& ch : expected) {
        if ((ch < QChar(0x20) && ch != QLatin1Char('\t') && ch != QLatin1Char('\n') && ch != QLatin1Char('\r')) ||
            ch == QChar(0xfffe) || ch == QChar(0xffff))
            ch = QChar::ReplacementCharacter;
    }
    QCOMPARE(titles, QStringList{expected});
    // Drawn text (the tokens on the axes) arrives as text too.
    for (const std::string& token : result->tokens) {
        const QString start = QString::fromStdString(token).left(2);
        if (std::all_of(start.begin(), start.end(), [](QChar ch) { return ch >= QChar(0x20) && ch < QChar(0xfffe); }))
            QVERIFY2(allText.contains(start), qPrintable(start));
    }
}

void TestFigureExport::pdfTitleKeepsOddCharacters()
{
    attn::AttentionConfig config;
    config.sentence = "a (b) \\ c) \\( \xc3\xbc \xf0\x9f\x99\x82 <x>&";
    const auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
    const Figure figure(config, result, FigureSettings{});
    const QString path = m_dir.filePath(QStringLiteral("odd.pdf"));
    QString error;
    QVERIFY2(exportFigure(path, config, *result, FigureOptions{}, &error), qPrintable(error));
    const Run info = run(QStringLiteral("pdfinfo"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path});
    QCOMPARE(info.exitCode, 0);
    const auto match = QRegularExpression(QStringLiteral("^Title:\\s+(.*)$"), QRegularExpression::MultilineOption)
                           .match(QString::fromUtf8(info.out));
    QVERIFY2(match.hasMatch(), info.out.constData());
    QCOMPARE(match.captured(1), figure.title());
}

namespace {

// A result whose tokens are exactly `tokens` (a sentence cannot hold tabs,
// line breaks or a token that is empty).
attn::AttentionResult resultWithTokens(const QStringList& tokens)
{
    attn::AttentionConfig config;
    config.causal = true; // masked cells: -inf in the CSV
    QStringList placeholders;
    for (qsizetype i = 0; i < tokens.size(); ++i)
        placeholders << QStringLiteral("t%1").arg(i);
    config.sentence = placeholders.join(QLatin1Char(' ')).toStdString();
    attn::AttentionResult result = attn::computeAttention(config);
    for (qsizetype i = 0; i < tokens.size(); ++i)
        result.tokens[static_cast<std::size_t>(i)] = tokens[i].toStdString();
    return result;
}

double csvDouble(const QString& cell, bool* ok)
{
    if (cell == QLatin1String("-inf") || cell == QLatin1String("inf")) {
        *ok = true;
        return cell.startsWith(QLatin1Char('-')) ? -std::numeric_limits<double>::infinity()
                                                 : std::numeric_limits<double>::infinity();
    }
    return cell.toDouble(ok);
}

} // namespace

void TestFigureExport::csvLabelsAreNeverFormulas_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("cell"); // as a spreadsheet reads the field
    QTest::addRow("HYPERLINK") << R"(=HYPERLINK("http://example.com/x","click"))"
                               << R"('=HYPERLINK("http://example.com/x","click"))";
    QTest::addRow("equals") << "=1+1"
                            << "'=1+1";
    QTest::addRow("at") << "@SUM(A1:A9)"
                        << "'@SUM(A1:A9)";
    QTest::addRow("plus command") << "+cmd|' /C calc'!A0"
                                  << "'+cmd|' /C calc'!A0";
    QTest::addRow("minus command") << "-cmd|' /C calc'!A0"
                                   << "'-cmd|' /C calc'!A0";
    QTest::addRow("tab") << "\t=1+1"
                         << "'\t=1+1";
    QTest::addRow("carriage return") << "\r=1+1"
                                     << "'\r=1+1";
    QTest::addRow("full-width equals") << QStringLiteral("\uff1d1+1") << QStringLiteral("'\uff1d1+1");
    QTest::addRow("minus infinity as a word") << "-inf"
                                              << "'-inf";
    QTest::addRow("a lone minus") << "-"
                                  << "'-";
    QTest::addRow("already quoted") << "'=1"
                                    << "''=1";
    QTest::addRow("negative number") << "-3"
                                     << "-3";
    QTest::addRow("signed decimal") << "+1.5"
                                    << "+1.5";
    QTest::addRow("exponent") << "-2.5e-3"
                              << "-2.5e-3";
    QTest::addRow("plain word") << "cat"
                                << "cat";
    QTest::addRow("equals later") << "a=b"
                                  << "a=b";
    QTest::addRow("comma and quote") << R"(=a,"b")"
                                     << R"('=a,"b")";
    QTest::addRow("line break") << "-a\nb"
                                << "'-a\nb";
    // Not a number: "$" would match before the final line break.
    QTest::addRow("number then line break") << "-1\n"
                                            << "'-1\n";
}

void TestFigureExport::csvLabelsAreNeverFormulas()
{
    QFETCH(QString, token);
    QFETCH(QString, cell);
    const attn::AttentionResult result = resultWithTokens({QStringLiteral("x"), token});
    // Scores: tokens head the columns and lead the rows.
    const auto table = testutil::readCsv(QString::fromUtf8(panelCsv(result, PanelId::Scores, 0, 0)));
    QVERIFY(table.has_value());
    QCOMPARE(table->size(), 3);
    QCOMPARE(table->at(0).at(2), cell);
    QCOMPARE(table->at(2).at(0), cell);
    QCOMPARE(testutil::csvLabelText(cell), token);
}

void TestFigureExport::csvRoundTrips()
{
    const QStringList tokens = {QStringLiteral("=SUM(1,2)"),   QStringLiteral("\"q\""),    QStringLiteral("a,b"),
                                QStringLiteral("line\nbreak"), QStringLiteral("cr\r\nlf"), QStringLiteral("-7"),
                                QStringLiteral("@x"),          QStringLiteral("'"),        QString(),
                                QStringLiteral("caf\u00e9")};
    const attn::AttentionResult result = resultWithTokens(tokens);
    for (const PanelId id : {PanelId::Embeddings, PanelId::WQuery, PanelId::ScaledScores, PanelId::Weights}) {
        const auto table = testutil::readCsv(QString::fromUtf8(panelCsv(result, id, 0, 0)));
        QVERIFY2(table.has_value(), qPrintable(attn::panelName(id)));
        const attn::Matrix& m = panelMatrix(result, id, 0, 0);
        QCOMPARE(table->size(), m.rows() + 1);
        const QStringList rowNames = panelRowLabels(result, id);
        const QStringList columnNames = panelColumnLabels(result, id);
        for (qsizetype r = 0; r < table->size(); ++r)
            QCOMPARE(table->at(r).size(), m.cols() + 1);
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            const QString label = testutil::csvLabelText(table->at(0).at(c + 1));
            QCOMPARE(label, c < columnNames.size() ? columnNames[c] : QString::number(c));
        }
        for (Eigen::Index r = 0; r < m.rows(); ++r) {
            const QStringList& row = table->at(r + 1);
            QCOMPARE(testutil::csvLabelText(row[0]), r < rowNames.size() ? rowNames[r] : QString::number(r));
            for (Eigen::Index c = 0; c < m.cols(); ++c) {
                bool ok = false;
                const double value = csvDouble(row[c + 1], &ok);
                QVERIFY2(ok && value == m(r, c), qPrintable(row[c + 1])); // the same double, -inf included
            }
        }
    }
}

QTEST_MAIN(TestFigureExport)
#include "tst_figureexport.moc"
