#pragma once

// The models the project trained and ships (resources/presets/previous.json,
// induction.json; core/train/): a configuration that names one, and its
// attention on its task's example sequence as the document's result.

#include "core/attention.h"
#include "core/train/training.h"

#include <QString>
#include <QStringList>

#include <string>

// "previous", "induction".
QStringList trainedPresetNames();
bool isTrainedPreset(const QString& name);

// Throws attn::train::TrainingError(File) when the preset is not in the build.
attn::train::TrainedModel loadTrainedPreset(const std::string& name);

// The settings that show a preset: its sizes, its example as the sentence,
// and trainedTask naming it (what sessions save).
attn::AttentionConfig trainedPresetConfig(const std::string& name);

// What a model trained in the app shows: the stages of `text` (its task's
// tokens separated by spaces, "3 1 4 1"; empty: the task's example), named
// in the figure's title, with `layer` the layer whose stages are shown.
// Throws attn::train::TrainingError(Options) with a sentence when the text
// is not a sequence the model reads.
attn::AttentionResult trainedModelResult(const attn::train::TrainedModel& model, int layer,
                                         const std::string& text = {});

// One sentence on what the preset's heads learned.
QString trainedPresetSummary(const std::string& name);
