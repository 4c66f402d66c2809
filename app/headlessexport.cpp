#include "headlessexport.h"

#include "core/exporters.h"
#include "ui/figureexport.h"
#include "ui/lesson.h"
#include "ui/savefile.h"
#include "ui/session.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>
#include <memory>
#include <ostream>

QString runHeadlessExports(const CommandLineOptions& options)
{
    attn::AttentionResult result;
    try {
        result = attn::computeAttention(options.config);
    } catch (const attn::AttentionError& e) {
        return QString::fromStdString(e.what());
    }

    QString error;
    if (!options.saveSession.isEmpty()) {
        Session session;
        session.config = options.config;
        session.head = options.head;
        session.selectedToken = options.selectedToken;
        session.lessonStep = options.lessonStep;
        if (!options.colormap.isEmpty())
            session.colormap = options.colormap;
        if (!saveSession(options.saveSession, session, &error))
            return error;
    }
    if (!options.exportJson.isEmpty() &&
        !saveTextAtomically(
            options.exportJson, [&](std::ostream& out) { attn::writeJson(out, options.config, result); }, &error))
        return error;
    if (!options.exportNumpy.isEmpty()) {
        const std::string generator =
            QStringLiteral("Attention Visualizer %1").arg(QCoreApplication::applicationVersion()).toStdString();
        if (!saveTextAtomically(
                options.exportNumpy,
                [&](std::ostream& out) { attn::writeNumpyScript(out, options.config, result, generator); }, &error))
            return error;
    }
    if (!options.exportImage.isEmpty()) {
        FigureOptions figure;
        figure.panel = options.panel;
        figure.head = options.head;
        figure.colormap = options.colormap;
        figure.scale = options.scale;
        if (!exportFigure(options.exportImage, options.config, result, figure, &error))
            return error;
    }
    if (!options.exportLesson.isEmpty()) {
        LessonOptions lesson;
        lesson.queryToken = std::max(0, options.selectedToken);
        lesson.head = options.head;
        lesson.colorMap = options.colormap;
        // The slides share the result for this call only; it outlives them.
        const std::shared_ptr<const attn::AttentionResult> shared(&result, [](const attn::AttentionResult*) {});
        if (!exportLessonPdf(options.exportLesson, options.config, shared, lesson, &error))
            return error;
    }
    return {};
}
