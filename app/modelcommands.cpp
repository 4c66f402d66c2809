#include "modelcommands.h"

#include "app/mainwindow.h"
#include "app/windowactions.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/modelloader.h"
#include "ui/document/presets.h"
#include "ui/document/trainedpresets.h"
#include "ui/document/trainingjob.h"
#include "ui/document/viewstate.h"
#include "ui/render/translatedmessage.h"
#include "ui/widgets/nexttokenpanel.h"
#include "ui/widgets/trainpanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QMainWindow>
#include <QScrollArea>

namespace {

// The context of this file's strings in the catalogues.
struct ModelCommands
{
    Q_DECLARE_TR_FUNCTIONS(ModelCommands)
};

} // namespace

CommandOutcome openModelFolder(AttentionDocument* document, const QString& folder)
{
    attn::AttentionConfig config;
    try {
        config = withModel(document->config(), folder.toStdString());
    } catch (const std::exception& e) {
        return {attn::ui::translatedMessage(e), true};
    }
    document->edit(config, ModelCommands::tr("Open Model"));
    return {ModelCommands::tr(
                "Opened the model in %1: every layer and head is in the model view (Ctrl+3); Ctrl+Z goes back.")
                .arg(folder),
            false};
}

CommandOutcome useArticleModel(AttentionDocument* document)
{
    if (document->config().isArticleModel())
        return {ModelCommands::tr("The article's model is already shown."), false};
    QString error;
    auto config = loadPreset(QStringLiteral("article"), &error);
    if (!config)
        return {error, true};
    if (document->config().trainedTask.empty())
        config->sentence = document->config().sentence;
    document->edit(*config, ModelCommands::tr("Article's Model"));
    return {ModelCommands::tr("Back to the article's model (Ctrl+Z reopens the model)."), false};
}

CommandOutcome openTrainedPreset(AttentionDocument* document, const QString& name)
{
    try {
        document->edit(trainedPresetConfig(name.toStdString()), ModelCommands::tr("Open Preset"));
    } catch (const std::exception& e) {
        return {attn::ui::translatedMessage(e), true};
    }
    return {trainedPresetSummary(name.toStdString()) +
                ModelCommands::tr(" Every layer and head is in the model view (Ctrl+3)."),
            false};
}

CommandOutcome showTrainedModel(AttentionDocument* document, std::shared_ptr<const attn::train::TrainedModel> model)
{
    if (!model)
        return {ModelCommands::tr("There is no trained model to show yet."), true};
    attn::AttentionConfig config = attn::train::displayConfig(*model, attn::train::fixedExample(model->options).tokens);
    config.trainedTask = model->options.task;
    config.trainedModel = model;
    document->edit(config, ModelCommands::tr("Show Trained Model"));
    return {ModelCommands::tr("Showing the model trained on %1 (Ctrl+Z goes back).")
                .arg(QString::fromStdString(model->options.task)),
            false};
}

namespace {

// A panel in a dock of its own right of the figure, shown and hidden by a
// checkable action that follows the dock's close button. On a window too
// narrow for the settings, the figure and the panel side by side, the
// settings step aside while a panel is open (F9 brings them back) and return
// when the last one closes.
QDockWidget* addPanelDock(QMainWindow* window, QAction* action, QAction* settings, const QString& title,
                          const char* objectName, QWidget* panel, int preferredWidth)
{
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(QString::fromLatin1(objectName));
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(panel);
    scroll->setMinimumWidth(panel->minimumSizeHint().width() + 24);
    dock->setWidget(scroll);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    // The docks that put the settings away, shared by every panel of the window.
    static const char* const kSetAside = "av_settingsSetAsideBy";
    QObject::connect(action, &QAction::toggled, dock, [=](bool on) {
        const int setAside = window->property(kSetAside).toInt();
        if (on && window->width() < 1700 && (settings->isChecked() || setAside > 0)) {
            settings->setChecked(false);
            window->setProperty(kSetAside, setAside + 1);
            dock->setProperty(kSetAside, true);
        } else if (!on && dock->property(kSetAside).toBool()) {
            dock->setProperty(kSetAside, false);
            window->setProperty(kSetAside, setAside - 1);
            if (setAside == 1)
                settings->setChecked(true);
        }
        dock->setVisible(on);
        if (on)
            window->resizeDocks({dock},
                                {std::max(scroll->minimumWidth(), std::min(preferredWidth, window->width() / 3))},
                                Qt::Horizontal);
    });
    QObject::connect(dock, &QDockWidget::visibilityChanged, action, [=](bool) {
        // Hidden with the window minimised or a tab behind: only the user's close counts.
        if (!window->isMinimized())
            action->setChecked(!dock->isHidden());
    });
    return dock;
}

// View > Train: the training panel.
void addTrainDock(QMainWindow* window, const WindowActions& actions, AttentionDocument* document,
                  std::function<void()> flush, std::function<void(const QString&, bool)> report)
{
    auto* panel = new TrainPanel;
    addPanelDock(window, actions.train, actions.settingsPanel, QCoreApplication::translate("ModelCommands", "Train"),
                 "trainDock", panel, 560);
    // A trained model that came from elsewhere (a session) shows its curve
    // here too, unless the panel holds a training of its own not yet kept.
    QObject::connect(document, &AttentionDocument::configChanged, panel, [=] {
        const auto& model = document->config().trainedModel;
        const auto shown = panel->job()->progress();
        if (model && (!shown || shown->model != model) && panel->holdsNothingUnsaved())
            panel->showModel(model);
    });
    QObject::connect(panel, &TrainPanel::showInFigure, window,
                     [=](std::shared_ptr<const attn::train::TrainedModel> model) {
                         flush();
                         const CommandOutcome done = showTrainedModel(document, std::move(model));
                         report(done.message, done.error);
                     });
}

// View > Next Token: what a checkpoint predicts, and Generate.
void addNextTokenDock(QMainWindow* window, const WindowActions& actions, AttentionDocument* document, ViewState* view,
                      std::function<void()> flush, std::function<void(const QString&, bool)> report)
{
    auto* panel = new NextTokenPanel;
    addPanelDock(window, actions.nextToken, actions.settingsPanel,
                 QCoreApplication::translate("ModelCommands", "Next Token"), "nextTokenDock", panel, 400);
    QObject::connect(document, &AttentionDocument::resultChanged, panel, [=] { panel->setResult(document->result()); });
    QObject::connect(panel, &NextTokenPanel::generateRefused, window,
                     [=](const QString& message) { report(message, true); });
    QObject::connect(panel, &NextTokenPanel::generateRequested, window,
                     [=](const QString& text, const QString& message) {
                         flush();
                         attn::AttentionConfig config = document->config();
                         config.sentence += text.toStdString();
                         document->edit(config, QCoreApplication::translate("ModelCommands", "Generate"));
                         report(message, false);
                         // The new token's row is what it attended to: select it once it is computed.
                         auto once = std::make_shared<QMetaObject::Connection>();
                         *once = QObject::connect(document, &AttentionDocument::resultChanged, window, [=] {
                             QObject::disconnect(*once);
                             if (const auto result = document->result(); result && !result->tokens.empty() && view)
                                 view->setSelection(static_cast<int>(result->tokens.size()) - 1, std::nullopt);
                         });
                     });
}

} // namespace

void connectModelActions(const WindowActions& actions, QWidget* window, AttentionDocument* document,
                         std::function<void()> flush, std::function<void(const QString&, bool)> report)
{
    QObject::connect(actions.openModel, &QAction::triggered, window, [=] {
        const QString folder =
            QFileDialog::getExistingDirectory(window, ModelCommands::tr("Open Model (a GPT-2 folder)"));
        if (folder.isEmpty())
            return;
        flush();
        const CommandOutcome done = openModelFolder(document, folder);
        report(done.message, done.error);
        if (!done.error)
            actions.nextToken->setChecked(true); // what it predicts, beside the figure
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
        const bool article = document->config().isArticleModel();
        actions.reseedWeights->setEnabled(article);
        actions.reseedEmbeddings->setEnabled(article);
    });
    if (auto* mainWindow = qobject_cast<QMainWindow*>(window)) {
        addTrainDock(mainWindow, actions, document, flush, report);
        auto* full = qobject_cast<MainWindow*>(window);
        addNextTokenDock(mainWindow, actions, document, full ? full->viewState() : nullptr, flush, report);
    }
    QObject::connect(actions.articleModel, &QAction::triggered, window, [=] {
        flush();
        const CommandOutcome done = useArticleModel(document);
        report(done.message, done.error);
    });
}
