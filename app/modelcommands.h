#pragma once

// File > Open Model… and File > Article's Model: switching the document
// between a GPT-2 checkpoint and the article's model, one undoable step each
// way. The sentence stays.

#include <QString>

#include <functional>

class AttentionDocument;
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

// Wires the two actions: Open Model asks for a folder; `flush` commits any
// edit in progress first; `report` shows the outcome.
void connectModelActions(const WindowActions& actions, QWidget* window, AttentionDocument* document,
                         std::function<void()> flush, std::function<void(const QString&, bool)> report);
