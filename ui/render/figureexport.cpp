#include "ui/render/figureexport.h"

#include "core/exporters.h"
#include "ui/render/colormap.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <limits>

// Messages of the exports (the command line prints them).
struct Export
{
    Q_DECLARE_TR_FUNCTIONS(Export)
};

namespace {

// Figure pixels per inch in SVG and PDF: a PDF page then has the physical
// size the PNG at scale 1 has on a 96 dpi screen.
constexpr int kVectorDpi = 96;

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r'))) {
        return text;
    }
    QString escaped = text;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// A label as a spreadsheet must show it, not run it: OWASP's advice on CSV
// injection, a leading ' before a label that starts like a formula (=, +, -,
// @, tab or carriage return, and the full-width =, +, - and @ some input
// methods type), except a plain number such as "-3", which a spreadsheet
// reads as that number. Labels that already start with ' get one more, so
// that dropping one leading ' always gives the label back.
QString csvLabel(const QString& label)
{
    // \z, not $: $ also matches before a final line break, and "-1\n" is no number.
    static const QRegularExpression number(QStringLiteral("^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?\\z"));
    static const QString formulaStarts = QStringLiteral("=+-@\t\r'\uff1d\uff0b\uff0d\uff20");
    const bool risky = !label.isEmpty() && formulaStarts.contains(label.front());
    return csvField(risky && !number.match(label).hasMatch() ? QLatin1Char('\'') + label : label);
}

QByteArray csvNumber(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    return QByteArray::fromStdString(attn::formatDouble(value));
}

// Text as XML character data: markup characters escaped, and the code points
// XML 1.0 forbids even escaped (C0 controls but tab, LF and CR; U+FFFE and
// U+FFFF) replaced by U+FFFD, so that any token leaves the document
// well-formed.
QByteArray xmlText(const QString& text)
{
    QString safe = text.toHtmlEscaped();
    for (QChar& ch : safe) {
        const char16_t u = ch.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0xfffe || u == 0xffff)
            ch = QChar::ReplacementCharacter;
    }
    return safe.toUtf8();
}

// Stand-ins given to QSvgGenerator for the title and description: plain
// words that read the same escaped or not, and that drawn text cannot put
// between <title> tags since QSvgGenerator escapes its "<".
constexpr char kTitleStandIn[] = "attention-visualizer-title";
constexpr char kDescStandIn[] = "attention-visualizer-description";

// QSvgGenerator (Qt 6.4) writes the document title and description as they
// are, so it gets stand-ins that are replaced here by the escaped text; and it
// escapes the markup in drawn text but not the characters XML forbids, which
// are replaced byte by byte (in UTF-8 none of them is part of another
// character).
QByteArray finishSvg(const QByteArray& svg, const QString& title, const QString& description)
{
    QByteArray clean;
    clean.reserve(svg.size());
    for (qsizetype i = 0; i < svg.size(); ++i) {
        const auto byte = static_cast<unsigned char>(svg[i]);
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
            clean += "\xef\xbf\xbd";
        } else if (byte == 0xef && i + 2 < svg.size() && static_cast<unsigned char>(svg[i + 1]) == 0xbf &&
                   (static_cast<unsigned char>(svg[i + 2]) == 0xbe || static_cast<unsigned char>(svg[i + 2]) == 0xbf)) {
            clean += "\xef\xbf\xbd"; // U+FFFE, U+FFFF
            i += 2;
        } else {
            clean += svg[i];
        }
    }
    auto fill = [&](const QByteArray& tag, const char* standIn, const QString& text) {
        const QByteArray element = '<' + tag + '>' + standIn + "</" + tag + '>';
        const qsizetype at = clean.indexOf(element);
        if (at >= 0)
            clean.replace(at, element.size(), '<' + tag + '>' + xmlText(text) + "</" + tag + '>');
    };
    fill("title", kTitleStandIn, title);
    fill("desc", kDescStandIn, description);
    return clean;
}

// The figure's size in device pixels at `scale`; empty when a side would
// not fit in an int.
QSize imagePixels(const Figure& figure, double scale)
{
    const QSize logical = figure.size().toSize();
    const double width = std::max(1.0, std::round(logical.width() * scale));
    const double height = std::max(1.0, std::round(logical.height() * scale));
    if (!(width <= std::numeric_limits<int>::max() && height <= std::numeric_limits<int>::max()))
        return {};
    return {static_cast<int>(width), static_cast<int>(height)};
}

} // namespace

std::optional<FigureFormat> figureFormatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return FigureFormat::Png;
    if (suffix == QLatin1String("svg"))
        return FigureFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return FigureFormat::Pdf;
    return std::nullopt;
}

bool figureSettingsFromOptions(const attn::AttentionConfig& config, const FigureOptions& options,
                               FigureSettings* settings, QString* error)
{
    FigureSettings s;
    if (!options.panel.isEmpty()) {
        const auto id = attn::panelFromName(options.panel);
        if (!id) {
            *error = Export::tr("Unknown panel \"%1\"; the panels are: %2.")
                         .arg(options.panel, attn::allPanelNames().join(QStringLiteral(", ")));
            return false;
        }
        if (!panelAvailable(config, *id)) {
            *error = Export::tr("The panel \"%1\" (%2) exists only with positional encoding.")
                         .arg(options.panel, attn::panelTitle(*id));
            return false;
        }
        s.panel = id;
    }
    if (!options.colorMap.isEmpty() && !ColorMap::byName(options.colorMap)) {
        *error = Export::tr("Unknown colour map \"%1\"; the colour maps are: %2.")
                     .arg(options.colorMap, ColorMap::sequentialNames().join(QStringLiteral(", ")));
        return false;
    }
    if (options.head < 0 || options.head >= config.heads) {
        *error = Export::tr("There is no head %1: the configuration has %2.").arg(options.head + 1).arg(config.heads);
        return false;
    }
    if (options.layer < 0) {
        *error = Export::tr("There is no layer %1.").arg(options.layer + 1);
        return false;
    }
    s.colorMap = options.colorMap;
    s.weightsScale = options.weightsScale;
    s.layer = options.layer;
    s.head = options.head;
    s.allHeads = options.allHeads;
    s.query = options.query;
    s.key = options.key;
    if (options.fitTo.isValid() && !options.fitTo.isEmpty())
        s.fitTo = options.fitTo;
    s.theme = options.theme;
    *settings = s;
    return true;
}

QImage renderFigureImage(const Figure& figure, double scale)
{
    const QSize pixels = imagePixels(figure, scale);
    if (pixels.isEmpty())
        return {};
    QImage image(pixels, QImage::Format_RGB32);
    if (image.isNull()) // out of memory; a painter on it would paint nothing
        return image;
    image.setDevicePixelRatio(scale);
    image.fill(figure.settings().theme.background);
    QPainter painter(&image);
    figure.paint(&painter);
    painter.end();
    return image;
}

QByteArray renderFigureSvg(const Figure& figure)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    const QSize size = figure.size().toSize();
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(kVectorDpi);
    generator.setTitle(QString::fromLatin1(kTitleStandIn));
    generator.setDescription(QString::fromLatin1(kDescStandIn));
    QPainter painter(&generator);
    figure.paint(&painter);
    painter.end();
    return finishSvg(bytes, figure.title().isEmpty() ? QStringLiteral("Attention Visualizer") : figure.title(),
                     QStringLiteral("Self-attention figure drawn by Attention Visualizer"));
}

void setUpPdfWriter(QPdfWriter& writer, const QSizeF& logicalSize, const QString& title)
{
    writer.setResolution(kVectorDpi);
    writer.setCreator(QStringLiteral("Attention Visualizer"));
    writer.setTitle(title);
    const QSizeF points = logicalSize * (72.0 / kVectorDpi);
    writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                     QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
}

QByteArray renderFigurePdf(const Figure& figure)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    setUpPdfWriter(writer, figure.size(), figure.title());
    QPainter painter(&writer);
    figure.paint(&painter);
    painter.end();
    return bytes;
}

bool encodeFigure(const QString& path, const attn::AttentionConfig& config,
                  std::shared_ptr<const attn::AttentionResult> result, const FigureOptions& options, QByteArray* out,
                  QString* error)
{
    const auto format = figureFormatForPath(path);
    if (!format) {
        *error = Export::tr("Cannot write \"%1\": the name must end in .png, .svg or .pdf.").arg(path);
        return false;
    }
    if (!(options.scale > 0.0 && options.scale <= 16.0)) {
        *error = Export::tr("Cannot write \"%1\": the scale must be above 0 and at most 16.").arg(path);
        return false;
    }
    FigureSettings settings;
    if (!figureSettingsFromOptions(config, options, &settings, error))
        return false;
    if (result && options.layer >= static_cast<int>(result->layers.size())) {
        *error =
            Export::tr("There is no layer %1: the result has %2.").arg(options.layer + 1).arg(result->layers.size());
        return false;
    }
    const Figure figure(config, std::move(result), settings);
    if (figure.isEmpty()) {
        *error = Export::tr("Cannot write \"%1\": there is nothing to draw.").arg(path);
        return false;
    }

    QByteArray& bytes = *out;
    bytes.clear();
    switch (*format) {
    case FigureFormat::Png: {
        const QImage image = renderFigureImage(figure, options.scale);
        if (image.isNull()) {
            const QSizeF pixels = figure.size() * options.scale;
            *error = Export::tr("Cannot write \"%1\": not enough memory for a %2 \u00d7 %3 pixel image.")
                         .arg(path)
                         .arg(std::max<qint64>(1, std::llround(pixels.width())))
                         .arg(std::max<qint64>(1, std::llround(pixels.height())));
            return false;
        }
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        // zlib's fastest level (Qt's quality 80): a figure's flat fills
        // compress almost as well as at the default, in half the time.
        if (!image.save(&buffer, "PNG", 80)) {
            *error = Export::tr("Cannot write \"%1\": the PNG encoder failed.").arg(path);
            return false;
        }
        break;
    }
    case FigureFormat::Svg:
        bytes = renderFigureSvg(figure);
        break;
    case FigureFormat::Pdf:
        bytes = renderFigurePdf(figure);
        break;
    }
    return true;
}

QByteArray panelCsv(const attn::AttentionResult& result, attn::PanelId panel, int layer, int head)
{
    const attn::Matrix& m = panelMatrix(result, panel, layer, head);
    QStringList rowNames = panelRowLabels(result, panel);
    QStringList columnNames = panelColumnLabels(result, panel);
    const QString corner = rowNames.isEmpty() ? QStringLiteral("row") : QStringLiteral("token");
    QByteArray out;
    out += csvField(columnNames.isEmpty() ? corner : QStringLiteral("query \\ key")).toUtf8();
    for (Eigen::Index c = 0; c < m.cols(); ++c) {
        out += ',';
        out += (c < columnNames.size() ? csvLabel(columnNames[c]) : QString::number(c)).toUtf8();
    }
    out += '\n';
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        out += (r < rowNames.size() ? csvLabel(rowNames[r]) : QString::number(r)).toUtf8();
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            out += ',';
            out += csvNumber(m(r, c));
        }
        out += '\n';
    }
    return out;
}

bool encodePanelCsv(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                    attn::PanelId panel, int layer, int head, QByteArray* out, QString* error)
{
    if (!panelAvailable(config, panel)) {
        *error = Export::tr("Cannot write \"%1\": the panel \"%2\" exists only with positional encoding.")
                     .arg(path, attn::panelName(panel));
        return false;
    }
    if (layer < 0 || layer >= static_cast<int>(result.layers.size())) {
        *error = Export::tr("Cannot write \"%1\": there is no layer %2.").arg(path).arg(layer + 1);
        return false;
    }
    if (head < 0 || head >= result.headCount()) {
        *error = Export::tr("Cannot write \"%1\": there is no head %2.").arg(path).arg(head + 1);
        return false;
    }
    *out = panelCsv(result, panel, layer, head);
    return true;
}
