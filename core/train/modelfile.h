#pragma once

// A trained model as JSON text: the task and its options, the seed, the
// steps taken, every weight matrix and the loss and accuracy of each step.
// Numbers are written as the shortest decimal that reads back as the same
// double, so a model round-trips bit for bit. Layout:
//   { "format": "attention-visualizer-trained-model", "version": 1,
//     "task": "previous", "seed": 1, "steps": 300,
//     "options": { "layers": 1, "heads": 2, "d_model": 16, ... },
//     "weights": { "token_embedding": [[...], ...], "layers.0.w_query": ..., ... },
//     "loss": [...], "accuracy": [...] }

#include "core/train/training.h"

#include <string>

namespace attn::train {

std::string toJson(const TrainedModel& model);
// Throws TrainingError(File) with a sentence when the text is not a model
// file this version reads, or its options or weights do not fit together.
TrainedModel fromJson(const std::string& text);

void saveModel(const TrainedModel& model, const std::string& path);
TrainedModel loadModel(const std::string& path);

} // namespace attn::train
