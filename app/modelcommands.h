#pragma once

// File > Open Model…, File > Open Preset, File > Article's Model and View >
// Train: switching the document between a GPT-2 checkpoint, a trained model
// and the article's model, one undoable step each way.

#include <QString>

#include <functional>
#include <memory>

class AttentionDocument;
namespace attn::train {
struct TrainedModel;
}
struct WindowActions;
class QWidget;

struct CommandOutcome
{
    QString message; // for the status bar, or the error to show
    bool error = false;
};

// Checks the folder's config.json (the weights load in the background,
// where any other fault shows as the document's error).
CommandOutcome openModelFolder(AttentionDocument* document, const QString& folder);
CommandOutcome useArticleModel(AttentionDocument* document);
// A model the project trained and ships: "previous" or "induction".
CommandOutcome openTrainedPreset(AttentionDocument* document, const QString& name);

// What View > Train's Show in Figure does: the model as trained so far
// into the document, one undoable step.
CommandOutcome showTrainedModel(AttentionDocument* document, std::shared_ptr<const attn::train::TrainedModel> model);

// Wires those actions (and adds the Train dock to a QMainWindow): Open Model asks for a folder; `flush` commits any
// edit in progress first; `report` shows the outcome.
void connectModelActions(const WindowActions& actions, QWidget* window, AttentionDocument* document,
                         std::function<void()> flush, std::function<void(const QString&, bool)> report);
