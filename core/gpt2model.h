#pragma once

// GPT-2 as Hugging Face stores it: a folder with config.json and
// model.safetensors. Loading checks the configuration and every tensor's
// shape against it; the forward pass (float32) gives every layer's and
// head's attention weights, the stage matrices of the layers asked for, and
// the scores of the next token.

#include "core/attention.h"
#include "core/gpt2error.h"
#include "core/safetensors.h"

#include <Eigen/Core>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attn {

struct Gpt2Config
{
    int nLayer = 12;
    int nHead = 12;
    int nEmbd = 768;
    int nCtx = 1024; // n_positions (or the older n_ctx)
    int vocabSize = 50257;
    double layerNormEpsilon = 1e-5;

    int headDim() const { return nEmbd / nHead; }
    bool operator==(const Gpt2Config&) const = default;
};

// config.json's text; `fileName` names it in errors. Refuses a model_type
// other than "gpt2", missing or non-positive sizes, and heads that do not
// divide n_embd.
Gpt2Config parseGpt2Config(std::string_view json, const std::string& fileName);
Gpt2Config loadGpt2Config(const std::string& path);

// A weight matrix of the model, float32 row-major: a view of the mapped
// checkpoint's own bytes where they are F32 (no copy: loading costs no time
// and no memory), else numbers the model owns (F16, BF16, F64, or built).
class Gpt2Matrix
{
public:
    using View = Eigen::Map<const MatrixF>;

    Gpt2Matrix() = default;
    Gpt2Matrix(MatrixF owned); // NOLINT(google-explicit-constructor): a matrix is a weight
    template <typename Derived>
    Gpt2Matrix(const Eigen::MatrixBase<Derived>& m) // NOLINT(google-explicit-constructor)
        : Gpt2Matrix(MatrixF(m))
    {
    }
    // rows x cols floats at `data`, which must outlive every copy (the model
    // keeps the mapped file: Gpt2Weights::file).
    static Gpt2Matrix viewOf(const float* data, Eigen::Index rows, Eigen::Index cols);

    View view() const { return View(m_data, m_rows, m_cols); }
    Eigen::Index rows() const { return m_rows; }
    Eigen::Index cols() const { return m_cols; }
    Eigen::Index size() const { return m_rows * m_cols; }
    bool isView() const { return m_data && !m_owned; }

private:
    std::shared_ptr<const MatrixF> m_owned;
    const float* m_data = nullptr;
    Eigen::Index m_rows = 0;
    Eigen::Index m_cols = 0;
};

// One transformer block. Conv1D weights are [in, out]: x W + b.
struct Gpt2Block
{
    VectorF ln1Weight, ln1Bias;
    Gpt2Matrix attnWeight;     // D x 3D: W_Q | W_K | W_V side by side
    VectorF attnBias;          // 3D
    Gpt2Matrix attnProjWeight; // D x D
    VectorF attnProjBias;
    VectorF ln2Weight, ln2Bias;
    Gpt2Matrix fcWeight; // D x 4D
    VectorF fcBias;
    Gpt2Matrix mlpProjWeight; // 4D x D
    VectorF mlpProjBias;
};

struct Gpt2Weights
{
    Gpt2Matrix wte; // V x D
    Gpt2Matrix wpe; // P x D
    std::vector<Gpt2Block> blocks;
    VectorF lnFWeight, lnFBias;
    Gpt2Matrix lmHead; // V x D; empty when tied to wte
    // The mapped checkpoint the views point into; null when every matrix is owned.
    std::shared_ptr<const SafetensorsFile> file;
};

class Gpt2Model
{
public:
    // folder/config.json and folder/model.safetensors.
    static Gpt2Model load(const std::string& folder);
    static Gpt2Model load(const std::string& configPath, const std::string& safetensorsPath);
    // With the configuration already read.
    static Gpt2Model load(const Gpt2Config& config, const std::string& safetensorsPath);
    // Tensors named with or without "transformer."; lm_head.weight or tied.
    // F32 tensors are read in place: the model keeps the file mapped.
    static Gpt2Model fromSafetensors(const Gpt2Config& config, std::shared_ptr<const SafetensorsFile> file);
    // Checks every shape against the configuration; throws Gpt2Error.
    Gpt2Model(Gpt2Config config, Gpt2Weights weights);

    const Gpt2Config& config() const { return m_config; }
    const Gpt2Weights& weights() const { return m_weights; }
    // The matrix the logits are h times the transpose of: lm_head or wte.
    Gpt2Matrix::View outputEmbedding() const;

private:
    Gpt2Config m_config;
    Gpt2Weights m_weights;
};

// One head of a layer whose stages were asked for.
struct Gpt2HeadStages
{
    MatrixF scores;  // Q_h K_hᵀ, n x n (0 above the diagonal: never computed); empty: not kept
    MatrixF weights; // row-wise softmax; empty when the forward keeps every head's (attention())
    MatrixF output;  // weights V_h, n x d_k
};

// What the app's stage figure shows for one layer.
struct Gpt2LayerStages
{
    int layer = 0;
    MatrixF input;                // ln_1's output: what the projections see, n x D
    MatrixF wQuery, wKey, wValue; // D x D slices of c_attn's weight
    VectorF bQuery, bKey, bValue; // their biases
    MatrixF q, k, v;              // input W + b, n x D; head h owns columns [h d_k, (h+1) d_k)
    std::vector<Gpt2HeadStages> heads;
    MatrixF output; // the heads' outputs side by side (before c_proj), n x D
    // The block around attention: the residual stream x entering the layer
    // (input = ln_1(x)), c_proj's output and x after it, ln_2's output, the
    // MLP's pre-activation and hidden (gelu_new) rows (n x 4D), its output, and
    // the layer's output; with ln_1's, c_proj's and ln_2's parameters.
    MatrixF residualIn;
    VectorF ln1Weight, ln1Bias;
    MatrixF attnProjWeight;
    VectorF attnProjBias;
    MatrixF attention;
    MatrixF residualMid;
    VectorF ln2Weight, ln2Bias;
    MatrixF mlpInput;
    MatrixF mlpPreActivation;
    MatrixF mlpHidden;
    MatrixF mlp;
    MatrixF residualOut;
};

// What a forward pass over a text leaves for the next one over a text that
// begins with the same tokens: every layer's keys and values. Attention is
// causal, so the rows of those positions are the same in both.
struct Gpt2KeysValues
{
    // Whose, kept alive with them: a prefix is taken over only by the same model.
    std::shared_ptr<const Gpt2Model> model;
    std::vector<int> ids;
    std::vector<MatrixF> layers; // per layer n x 2D: K | V (c_attn's last 2D columns)
    int stageLayer = -1;         // the layer whose stages the pass kept
    int scoresHead = -1;         // the one head of it that kept its scores; -1: every head
    int reused = 0;              // the positions that pass took over from an earlier one
};

// The first `length` positions of a forward pass, taken over from an earlier
// pass over a text that begins with the same ids (Gpt2ForwardOptions::prefix).
// Only the positions after them are computed; what every view shows of the
// earlier rows is copied.
struct Gpt2Prefix
{
    int length = 0;
    const Gpt2KeysValues* keysValues = nullptr; // of the earlier pass: at least `length` rows per layer
    // Per layer and head (layer after layer): its earlier weights, at least
    // `length` rows and columns; empty when the pass keeps no attention.
    std::vector<const MatrixF*> weights;
    // Per stage layer, in the order of stageLayers: its earlier matrices, at
    // least `length` rows of each (the heads' scores: at least length x length,
    // where kept; the rest of an earlier row's scores is computed).
    std::vector<Gpt2LayerStages> stages;
};

struct Gpt2ForwardOptions
{
    std::vector<int> stageLayers;              // layers whose stages are kept
    int stageScoresHead = -1;                  // the one head of those whose scores are kept; -1: every head
    bool keepAttention = true;                 // every layer's and head's weights
    int threads = 0;                           // 0: one per core
    const std::atomic<bool>* cancel = nullptr; // checked between layers and heads; throws Cancelled
    bool keepKeysValues = false;               // every layer's keys and values (Gpt2Forward::keysValues)
    const Gpt2Prefix* prefix = nullptr;        // positions taken over from an earlier pass; null: none
};

struct Gpt2Forward
{
    std::vector<int> ids;
    int layers = 0;
    int heads = 0;
    MatrixF tokenEmbeddings;    // wte rows of the ids, n x D
    MatrixF positionEmbeddings; // wpe rows 0 .. n-1
    // Every layer's and head's n x n weights (0 above the diagonal), layer
    // after layer, head after head (empty without keepAttention): see attention().
    std::vector<MatrixF> attentionWeights;
    std::vector<Gpt2LayerStages> stages; // of the layers asked for, in layer order
    VectorF logits;                      // after the last position: the next token's, V
    VectorF finalResidual;               // the last layer's output for the last position, D
    VectorF finalNormed;                 // ln_f of it: the logits are it times the output embedding
    double layerNormEpsilon = 1e-5;
    std::vector<MatrixF> keysValues; // with keepKeysValues: per layer n x 2D, K | V
    int reused = 0;                  // the positions taken over from options.prefix

    int tokenCount() const { return static_cast<int>(ids.size()); }
    const MatrixF& attention(int layer, int head) const;
    const Gpt2LayerStages* stagesOf(int layer) const;
};

// Refuses no ids, an id outside the vocabulary, more ids than the context,
// a stage layer that does not exist, and weights whose numbers overflow
// float32 on the text (Gpt2Error); a prefix that does not fit the ids, the
// model or the options is a programming error (std::invalid_argument).
Gpt2Forward runGpt2(const Gpt2Model& model, const std::vector<int>& ids, const Gpt2ForwardOptions& options = {});

// The stage layers of a forward pass as the app's result (float64 copies), one
// LayerResult per layer with stages, with their biases; `tokens` are the
// tokens' display texts (one per id). E is wte's rows, PE wpe's, X their sum.
AttentionResult toAttentionResult(const Gpt2Forward& forward, const std::vector<std::string>& tokens);

struct TokenScore
{
    int id = 0;
    double logit = 0.0;
    double probability = 0.0; // softmax(logits / temperature)
};

// softmax(logits / temperature), in float64. temperature > 0.
std::vector<double> nextTokenProbabilities(const VectorF& logits, double temperature = 1.0);
// The k most likely next tokens, most likely first (ties: lower id first).
std::vector<TokenScore> topTokens(const VectorF& logits, int k, double temperature = 1.0);

struct GenerationOptions
{
    int count = 20;           // new tokens
    bool greedy = true;       // the most likely token each step; else sampled
    double temperature = 1.0; // for sampling
    int topK = 0;             // sample among the k most likely; 0: all
    std::uint64_t seed = 0;   // the sampler's seed: the same seed, the same text
    const std::atomic<bool>* cancel = nullptr;
};

// The prompt's continuation: `count` new ids (fewer when the context is full).
// Keeps every layer's keys and values, so each new token is one row's pass.
// Refuses a prompt runGpt2 refuses.
std::vector<int> generateGpt2(const Gpt2Model& model, const std::vector<int>& prompt,
                              const GenerationOptions& options = {});

} // namespace attn
