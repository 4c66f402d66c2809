#include "ui/render/lessonpdf.h"

#include "ui/render/colormap.h"
#include "ui/render/figure.h"
#include "ui/render/figureexport.h"
#include "ui/render/lessonpage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>

// Messages of the exports (the command line prints them).
struct Export
{
    Q_DECLARE_TR_FUNCTIONS(Export)
};

QByteArray renderLessonPdf(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result,
                           const LessonOptions& options)
{
    if (!result || result->tokens.empty() || result->headCount() == 0)
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    setUpPdfWriter(writer, QSizeF(LessonPage::slideWidth, LessonPage::slideHeight),
                   Export::tr("Self-attention in %1 steps: %2")
                       .arg(LessonPage::stepsFor(result.get(), options.layer))
                       .arg(figureTitle(config, *result)));
    QPainter painter(&writer);
    const int steps = LessonPage::stepsFor(result.get(), options.layer);
    for (int step = 1; step <= steps; ++step) {
        if (step > 1)
            writer.newPage();
        LessonSettings settings;
        settings.step = step;
        settings.queryToken = options.queryToken;
        settings.layer = options.layer;
        settings.head = options.head;
        settings.colorMap = options.colorMap;
        settings.presentation = options.presentation;
        settings.theme = options.theme;
        LessonPage(config, result, settings).paint(&painter);
    }
    painter.end();
    return bytes;
}

bool encodeLessonPdf(const QString& path, const attn::AttentionConfig& config,
                     std::shared_ptr<const attn::AttentionResult> result, const LessonOptions& options, QByteArray* out,
                     QString* error)
{
    if (QFileInfo(path).suffix().toLower() != QLatin1String("pdf")) {
        *error = Export::tr("Cannot write \"%1\": a lesson is exported as .pdf.").arg(path);
        return false;
    }
    if (!options.colorMap.isEmpty() && !ColorMap::byName(options.colorMap)) {
        *error = Export::tr("Unknown colour map \"%1\"; the colour maps are: %2.")
                     .arg(options.colorMap, ColorMap::sequentialNames().join(QStringLiteral(", ")));
        return false;
    }
    if (result && (options.layer < 0 || options.layer >= static_cast<int>(result->layers.size()))) {
        *error =
            Export::tr("There is no layer %1: the result has %2.").arg(options.layer + 1).arg(result->layers.size());
        return false;
    }
    if (result && (options.head < 0 || options.head >= result->headCount())) {
        *error =
            Export::tr("There is no head %1: the configuration has %2.").arg(options.head + 1).arg(result->headCount());
        return false;
    }
    *out = renderLessonPdf(config, std::move(result), options);
    if (out->isEmpty()) {
        *error = Export::tr("Cannot write \"%1\": there is nothing to draw.").arg(path);
        return false;
    }
    return true;
}
