#include "ui/document/exportfiles.h"

#include "ui/render/translatedmessage.h"

#include "core/exporters.h"
#include "ui/document/modelloader.h"
#include "ui/document/savefile.h"

#include <QCoreApplication>

bool exportJson(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                QString* error, FileGroup* group)
{
    if (!config.model.empty()) {
        // A checkpoint's result: every layer's and head's weights and the
        // next tokens (the model is loaded already: it made the result).
        attn::ModelFacts facts;
        try {
            const attn::Gpt2Config& shape = loadGpt2Bundle(config.model)->model.config();
            facts = {"gpt2", shape.nLayer, shape.nHead, shape.nEmbd, shape.vocabSize, shape.nCtx, {}, {}, {}};
        } catch (const std::exception& e) {
            *error = attn::ui::translatedMessage(e);
            return false;
        }
        return saveTextInto(
            group, path, [&](std::ostream& out) { attn::writeModelJson(out, config, result, facts); }, error);
    }
    return saveTextInto(
        group, path, [&](std::ostream& out) { attn::writeJson(out, config, result); }, error);
}

bool exportNumpyScript(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                       QString* error, FileGroup* group)
{
    // The script names what made it, so a reader can find the app again.
    const std::string generator =
        QStringLiteral("Attention Visualizer %1").arg(QCoreApplication::applicationVersion()).toStdString();
    return saveTextInto(
        group, path, [&](std::ostream& out) { attn::writeNumpyScript(out, config, result, generator); }, error);
}

bool exportFigure(const QString& path, const attn::AttentionConfig& config,
                  std::shared_ptr<const attn::AttentionResult> result, const FigureOptions& options, QString* error,
                  FileGroup* group)
{
    QByteArray bytes;
    return encodeFigure(path, config, std::move(result), options, &bytes, error) && saveInto(group, path, bytes, error);
}

bool exportFigure(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                  const FigureOptions& options, QString* error, FileGroup* group)
{
    // The figure shares the matrices it shows; a caller holding a plain
    // reference gets a non-owning pointer that lives for this call only.
    const std::shared_ptr<const attn::AttentionResult> shared(&result, [](const attn::AttentionResult*) {});
    return exportFigure(path, config, shared, options, error, group);
}

bool exportPanelCsv(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                    attn::PanelId panel, int layer, int head, QString* error, FileGroup* group)
{
    QByteArray bytes;
    return encodePanelCsv(path, config, result, panel, layer, head, &bytes, error) &&
           saveInto(group, path, bytes, error);
}

bool exportLessonPdf(const QString& path, const attn::AttentionConfig& config,
                     std::shared_ptr<const attn::AttentionResult> result, const LessonOptions& options, QString* error,
                     FileGroup* group)
{
    QByteArray bytes;
    return encodeLessonPdf(path, config, std::move(result), options, &bytes, error) &&
           saveInto(group, path, bytes, error);
}
