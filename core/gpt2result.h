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
};

// The text's ids, the forward pass and the result: layer `stageLayer`
// (clamped) keeps its stages; every other layer its heads' weights only.
// With `generate` > 0 the text is first continued greedily by that many
// tokens, and the result covers the continued text. Throws Gpt2Error for a
// text that is empty or longer than the model's context.
// With `scoresHead` >= 0 only that head of the stage layer keeps its scores
// (a one-head export); the others' are computed again from Q and K when
// needed (headScores).
Gpt2Run runGpt2Text(const Gpt2Bundle& bundle, const std::string& text, int stageLayer, int generate = 0,
                    const std::atomic<bool>* cancel = nullptr, int scoresHead = -1);

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
