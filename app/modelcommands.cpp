#include "modelcommands.h"

#include "app/windowactions.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/modelloader.h"
#include "ui/document/presets.h"
#include "ui/document/trainedpresets.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileDialog>

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ModelCommands", text);
}

} // namespace

CommandOutcome openModelFolder(AttentionDocument* document, const QString& folder)
{
    attn::AttentionConfig config;
    try {
        config = withModel(document->config(), folder.toStdString());
    } catch (const std::exception& e) {
        return {QString::fromStdString(e.what()), true};
    }
    document->edit(config, tr("Open Model"));
    return {
        tr("Opened the model in %1: every layer and head is in the model view (Ctrl+3); Ctrl+Z goes back.").arg(folder),
        false};
}

CommandOutcome useArticleModel(AttentionDocument* document)
{
    if (document->config().model.empty() && document->config().trainedTask.empty())
        return {tr("The article's model is already shown."), false};
    QString error;
    auto config = loadPreset(QStringLiteral("article"), &error);
    if (!config)
        return {error, true};
    if (document->config().trainedTask.empty())
        config->sentence = document->config().sentence;
    document->edit(*config, tr("Article's Model"));
    return {tr("Back to the article's model (Ctrl+Z reopens the model)."), false};
}

CommandOutcome openTrainedPreset(AttentionDocument* document, const QString& name)
{
    try {
        document->edit(trainedPresetConfig(name.toStdString()), tr("Open Preset"));
    } catch (const std::exception& e) {
        return {QString::fromStdString(e.what()), true};
    }
    return {trainedPresetSummary(name.toStdString()) + tr(" Every layer and head is in the model view (Ctrl+3)."),
            false};
}

void connectModelActions(const WindowActions& actions, QWidget* window, AttentionDocument* document,
                         std::function<void()> flush, std::function<void(const QString&, bool)> report)
{
    QObject::connect(actions.openModel, &QAction::triggered, window, [=] {
        const QString folder = QFileDialog::getExistingDirectory(window, tr("Open Model (a GPT-2 folder)"));
        if (folder.isEmpty())
            return;
        flush();
        const CommandOutcome done = openModelFolder(document, folder);
        report(done.message, done.error);
    });
    for (QAction* preset : {actions.presetPrevious, actions.presetInduction}) {
        QObject::connect(preset, &QAction::triggered, window, [=] {
            flush();
            const CommandOutcome done = openTrainedPreset(document, preset->data().toString());
            report(done.message, done.error);
        });
    }
    QObject::connect(actions.articleModel, &QAction::triggered, window, [=] {
        flush();
        const CommandOutcome done = useArticleModel(document);
        report(done.message, done.error);
    });
}
