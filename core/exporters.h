#pragma once

// Text exports of a computation: the JSON document with every stage, and a
// standalone NumPy script that re-draws and recomputes the same numbers step by
// step. Both print doubles in the shortest form that reads back to the same
// bits, so nothing is lost between the app, the file and NumPy.

#include "core/attention.h"

#include <ostream>
#include <string>

namespace attn {

// Shortest decimal text that parses back to exactly `value` (finite values).
std::string formatDouble(double value);

// JSON string literal (quotes included) for UTF-8 text.
std::string jsonQuote(std::string_view text);

// {"format": "attention-visualizer/1", "config": {...}, "tokens": [...], ...}
// Format 1 describes the article's model, one layer, with that layer's stages
// (W_query ... heads, output) at the top level; a result of any other number
// of layers throws std::invalid_argument rather than be written in part.
void writeJson(std::ostream& out, const AttentionConfig& config, const AttentionResult& result);

// What the model export says of a checkpoint.
struct ModelFacts
{
    std::string family = "gpt2";
    int layers = 0;
    int heads = 0;
    int dModel = 0;
    int vocabSize = 0;
    int context = 0;
    // A model trained in the app: its task and curve, written as "training".
    std::string trainingTask;
    std::vector<double> trainingLoss;     // one number per step
    std::vector<double> trainingAccuracy; // on each step's batch
};

// {"format": "attention-visualizer-model/1", "model": {...}, "text", "token_ids",
// "tokens", "layers": [{"heads": [{"weights": n x n}]}] for every layer and
// head, "next_token": [{"id", "token", "probability"}] (the 10 most likely
// after the last token), and "generated_ids" when the text was continued.
void writeModelJson(std::ostream& out, const AttentionConfig& config, const AttentionResult& result,
                    const ModelFacts& model);

// A Python 3 script that needs only NumPy; see the README for what it leaves defined.
void writeNumpyScript(std::ostream& out, const AttentionConfig& config, const AttentionResult& result,
                      const std::string& generator = "Attention Visualizer");

} // namespace attn
