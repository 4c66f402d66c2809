#include "modelcommands.h"

#include "app/windowactions.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/modelloader.h"
#include "ui/document/presets.h"
#include "ui/document/trainedpresets.h"
#include "ui/widgets/trainpanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QMainWindow>
#include <QScrollArea>

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

CommandOutcome showTrainedModel(AttentionDocument* document, std::shared_ptr<const attn::train::TrainedModel> model)
{
    if (!model)
        return {tr("There is no trained model to show yet."), true};
    attn::AttentionConfig config = attn::train::displayConfig(*model, attn::train::fixedExample(model->options).tokens);
    config.trainedTask = model->options.task;
    config.trainedModel = model;
    document->edit(config, tr("Show Trained Model"));
    return {tr("The model trained on %1 for %2 steps is in the figure (Ctrl+Z goes back).")
                .arg(QString::fromStdString(model->options.task))
                .arg(model->steps),
            false};
}

namespace {

// View > Train: the training panel in a dock of its own, right of the figure.
void addTrainDock(QMainWindow* window, const WindowActions& actions, AttentionDocument* document,
                  std::function<void()> flush, std::function<void(const QString&, bool)> report)
{
    QAction* action = actions.train;
    QAction* settings = actions.settingsPanel;
    auto* dock = new QDockWidget(tr("Train"), window);
    dock->setObjectName("trainDock");
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* panel = new TrainPanel;
    scroll->setWidget(panel);
    scroll->setMinimumWidth(panel->minimumSizeHint().width() + 24);
    dock->setWidget(scroll);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    // On a screen too narrow for the settings, the figure and training side
    // by side, training puts the settings away (F9 brings them back) and
    // closing it brings them back.
    auto hidSettings = std::make_shared<bool>(false);
    QObject::connect(action, &QAction::toggled, dock, [=](bool on) {
        if (on && window->width() < 1700 && settings->isChecked()) {
            settings->setChecked(false);
            *hidSettings = true;
        } else if (!on && *hidSettings) {
            settings->setChecked(true);
            *hidSettings = false;
        }
        dock->setVisible(on);
        if (on)
            window->resizeDocks({dock}, {std::max(scroll->minimumWidth(), std::min(560, window->width() / 3))},
                                Qt::Horizontal);
    });
    QObject::connect(dock, &QDockWidget::visibilityChanged, action, [=](bool) {
        // Hidden with the window minimised or a tab behind: only the user's close counts.
        if (!window->isMinimized())
            action->setChecked(!dock->isHidden());
    });
    QObject::connect(panel, &TrainPanel::showInFigure, window,
                     [=](std::shared_ptr<const attn::train::TrainedModel> model) {
                         flush();
                         const CommandOutcome done = showTrainedModel(document, std::move(model));
                         report(done.message, done.error);
                     });
}

} // namespace

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
    // Seeds belong to the article's model: a checkpoint or trained model has
    // its own weights, so reseeding would only add an undo step.
    QObject::connect(document, &AttentionDocument::configChanged, window, [=] {
        const bool article = document->config().model.empty() && document->config().trainedTask.empty();
        actions.reseedWeights->setEnabled(article);
        actions.reseedEmbeddings->setEnabled(article);
    });
    if (auto* mainWindow = qobject_cast<QMainWindow*>(window))
        addTrainDock(mainWindow, actions, document, flush, report);
    QObject::connect(actions.articleModel, &QAction::triggered, window, [=] {
        flush();
        const CommandOutcome done = useArticleModel(document);
        report(done.message, done.error);
    });
}
