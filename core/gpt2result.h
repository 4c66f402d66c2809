#pragma once

// A GPT-2 checkpoint's attention over a text as the app's result: every
// layer and head with its weights (the model view, the head view), the
// stages of one layer in full (the stage figure, hover and lesson), and what
// the model predicts next.

#include "core/attention.h"
#include "core/gpt2model.h"
#include "core/gpt2tokenizer.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace attn {

// A loaded checkpoint with its tokenizer: shared, never changed.
struct Gpt2Bundle
{
    std::string folder;
    Gpt2Model model;
    Gpt2Tokenizer tokenizer;
};

struct Gpt2Run
{
    AttentionResult result;
    std::vector<int> ids;
    std::vector<TokenScore> next; // the 10 most likely next tokens, at temperature 1
    std::vector<int> generated;   // with `generate`: the new ids only
    int reused = 0;               // positions taken over from options.previous
};

struct Gpt2TextOptions
{
    int stageLayer = 0; // clamped to the layers: this one keeps its stages, the others their weights
    int generate = 0;   // > 0: the text is first continued greedily by this many tokens
    // >= 0: only that head of the stage layer keeps its scores (a one-head
    // export); the others' are computed again from Q and K when needed.
    int scoresHead = -1;
    const std::atomic<bool>* cancel = nullptr;
    // Keeps every layer's and head's weights (the model view, the head view,
    // the JSON export). Without, only the stage layer's are kept: the others'
    // are computed (each layer's output needs them) and dropped, and their
    // heads' weights are empty (what a figure or lesson of one layer reads).
    bool everyLayer = true;
    // Keeps every layer's keys and values in the result (keysValues), so that
    // a later text beginning with the same tokens is computed from them.
    bool reusable = false;
    // A reusable earlier result: when it comes from the same model with the
    // same stage layer, the positions both texts begin with are taken over
    // (typing at the end computes only the new tokens). Any other is ignored.
    const AttentionResult* previous = nullptr;
};

// The text's ids, the forward pass and the result. With `generate` the
// result covers the continued text. Throws Gpt2Error for a text that is
// empty or longer than the model's context.
// A reusable result keeps the bundle alive (so typing never loads it again).
Gpt2Run runGpt2Text(const std::shared_ptr<const Gpt2Bundle>& bundle, const std::string& text,
                    const Gpt2TextOptions& options = {});

// The probabilities of result.nextTokens at `temperature` (> 0): the softmax
// of every token's logit / temperature, so they are the shown tokens' share
// of all. Empty for a result without next tokens; throws Gpt2Error for a
// temperature that is not above 0.
std::vector<double> nextTokenProbabilitiesAt(const AttentionResult& result, double temperature);
// One of result.nextTokens drawn with those probabilities (renormalised over
// them) from `seed`, the same seed giving the same token: its index, or -1
// without next tokens.
int sampleAmongNextTokens(const AttentionResult& result, double temperature, std::uint64_t seed);

// "GPT-2 (12 layers x 12 heads, d_model 768)".
std::string describeGpt2(const Gpt2Config& config);

} // namespace attn
