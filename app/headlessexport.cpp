#include "headlessexport.h"

#include "core/exporters.h"
#include "ui/figureexport.h"
#include "ui/savefile.h"
#include "ui/session.h"

#include <QCoreApplication>

#include <sstream>

QString runHeadlessExports(const CommandLineOptions& options)
{
    attn::AttentionResult result;
    try {
        result = attn::computeAttention(options.config);
    } catch (const attn::AttentionError& e) {
        return QString::fromStdString(e.what());
    } catch (const std::bad_alloc&) {
        return QStringLiteral("Not enough memory for this input; try fewer tokens or a smaller d_model.");
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
    if (!options.exportJson.isEmpty()) {
        std::ostringstream text;
        attn::writeJson(text, options.config, result);
        if (!saveFileAtomically(options.exportJson, QByteArray::fromStdString(text.str()), &error))
            return error;
    }
    if (!options.exportNumpy.isEmpty()) {
        std::ostringstream text;
        const QString generator = QStringLiteral("Attention Visualizer %1").arg(QCoreApplication::applicationVersion());
        attn::writeNumpyScript(text, options.config, result, generator.toStdString());
        if (!saveFileAtomically(options.exportNumpy, QByteArray::fromStdString(text.str()), &error))
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
    return {};
}
