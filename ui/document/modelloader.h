#pragma once

// Opening a GPT-2 checkpoint folder for the document and the command line:
// the model and its tokenizer, loaded once per folder and shared. A folder
// without tokenizer files uses GPT-2's own vocabulary, which ships with the
// app (resources/gpt2), when the model has GPT-2's 50257 tokens.

#include "core/attention.h"
#include "core/gpt2result.h"

#include <atomic>
#include <memory>
#include <string>

// Throws attn::Gpt2Error or attn::SafetensorsError with one sentence naming
// the file and what is wrong.
std::shared_ptr<const attn::Gpt2Bundle> loadGpt2Bundle(const std::string& folder);

// `config` with the model of `folder` and that model's shape: d_model,
// heads, causal, scaled, positional (its learned position embeddings), what
// the views and exports describe. Reads config.json only; throws
// attn::Gpt2Error.
attn::AttentionConfig withModel(attn::AttentionConfig config, const std::string& folder);

// The result for a configuration with a model: `config.sentence` through the
// model, layer options.stageLayer with its stages. Errors come as
// attn::AttentionError (Kind::Weights for the checkpoint, TooManyTokens for a
// text beyond its context), so callers report them as any other.
// `options` as runGpt2Text takes them (the stage layer, a one-head export's
// scores, a continuation, the earlier result to take positions over from).
attn::AttentionResult computeModelResult(const attn::AttentionConfig& config,
                                         const attn::Gpt2TextOptions& options = {});
