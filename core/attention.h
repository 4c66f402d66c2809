#pragma once

// The self-attention computation the app teaches, from a sentence and a few
// settings to every intermediate matrix. Everything is float64 and drawn from
// NumPy's legacy generator in a fixed order, so each result can be re-run by a
// short NumPy script (see exporters.h):
//   1. np.random.seed(embedding_seed); np.random.rand(d_model) per vocabulary word
//   2. np.random.seed(weight_seed); W_query, W_key, W_value by the chosen init.
// Vectors or matrices given literally replace their drawn values after the
// draws, so giving one never shifts the stream for the others.

#include "core/matrix.h"
#include "core/message.h"
#include "core/tokenizer.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attn {

namespace train {
struct TrainedModel;
}

enum class WeightInit {
    RandInt, // np.random.randint(3, size=(d, d)), the article's
    Uniform, // np.random.rand(d, d)
    Normal,  // np.random.randn(d, d) / sqrt(d)
};

std::string_view toString(WeightInit init);
std::optional<WeightInit> weightInitFromString(std::string_view name);

struct Limits
{
    static constexpr int maxTokens = 4096;
    // The sentence's length in bytes of UTF-8: far above 4096 ordinary
    // words, far below what would make splitting or drawing it slow.
    static constexpr std::size_t maxSentenceBytes = 1 << 20;
    static constexpr int maxDModel = 1024;
    static constexpr std::int64_t maxSeed = 4294967295LL; // 2^32 - 1
};

struct AttentionConfig
{
    std::string sentence = "i miss the old kanye";
    int dModel = 3;
    int heads = 1;
    WeightInit init = WeightInit::RandInt;
    std::int64_t weightSeed = 42;
    std::int64_t embeddingSeed = 0;
    bool causal = false;
    bool scaled = true;
    double temperature = 1.0;
    bool positional = false;
    // A GPT-2 checkpoint folder whose attention is shown instead of the
    // article's model (core/gpt2result.h); empty: the article's model, and
    // then everything above but the sentence does not apply.
    std::string model;
    // The task of a model trained in the app (core/train/), shown with its
    // learned weights; empty otherwise.
    std::string trainedTask;
    // That model's weights when it was trained in the app (View > Train,
    // --train); null with trainedTask set: the shipped preset of that name.
    std::shared_ptr<const train::TrainedModel> trainedModel;

    // Embeddings given literally (a preset, an import, an edit), by word.
    std::map<std::string, std::vector<double>> explicitEmbeddings;
    // Weight matrices given literally (edited cells); each d_model x d_model.
    std::optional<Matrix> wQuery;
    std::optional<Matrix> wKey;
    std::optional<Matrix> wValue;

    // The article's own model: neither a checkpoint nor a trained model,
    // so the seeds, init and shape above apply.
    bool isArticleModel() const { return model.empty() && trainedTask.empty(); }

    bool operator==(const AttentionConfig&) const = default;
};

// A configuration the engine refuses, with a sentence a user understands
// (translatable: its context is "AttentionError").
class AttentionError : public TranslatableError
{
public:
    enum class Kind {
        NoTokens,
        TooManyTokens,
        DModel,
        Heads,
        Temperature,
        Seed,
        Embedding,
        Weights,
        TooLarge, // the result would not fit in this computer's memory
        Overflow, // a stage exceeds float64's range: the numbers cannot be computed
    };

    AttentionError(Kind kind, const Message& message);
    AttentionError(Kind kind, const std::string& message);
    // Another error's sentence, still translatable when it was.
    AttentionError(Kind kind, const TranslatableError& cause);
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// One attention head of a layer: what it computes from its d_k columns of
// the layer's Q, K and V. Every matrix is n x n but the output, n x d_k.
struct HeadResult
{
    Matrix scores;       // Q_h K_h^T; empty when the result keeps only another head's (ScoresKept)
    Matrix scaledScores; // scores / sqrt(d_k) / temperature; -inf where masked; empty like scores
    Matrix weights;      // row-wise softmax of scaledScores
    Matrix output;       // weights V_h
    // A checkpoint's layers other than the staged one keep only their
    // weights, in float32 as the forward pass computed them; `weights` is
    // then empty. weight() and weightsInDouble() read whichever is kept.
    MatrixF weights32;

    bool hasScores() const { return scores.size() != 0; }
    double weight(Eigen::Index i, Eigen::Index j) const
    {
        return weights.size() != 0 ? weights(i, j) : static_cast<double>(weights32(i, j));
    }
    Eigen::Index weightRows() const { return weights.size() != 0 ? weights.rows() : weights32.rows(); }
    Matrix weightsInDouble() const { return weights.size() != 0 ? weights : Matrix(weights32.cast<double>()); }
};

// Which heads of a result keep their raw and scaled scores. Every head keeps
// its weights and output (the views show them all); the n x n scores of the
// others are computed again from Q and K when needed (headScores), which
// divides a long input's memory by about three.
struct ScoresKept
{
    int layer = -1; // -1: every layer's heads
    int head = -1;  // -1: every head of those layers

    bool keeps(int l, int h) const { return (layer < 0 || layer == l) && (head < 0 || head == h); }
    bool keepsAll() const { return layer < 0 && head < 0; }
    bool operator==(const ScoresKept&) const = default;
};

// Every head's scores while that costs little (up to kKeepAllScoresBytes),
// otherwise those of the head on screen only.
inline constexpr std::uint64_t kKeepAllScoresBytes = std::uint64_t(384) << 20;
ScoresKept scoresToKeep(std::uint64_t tokens, std::uint64_t heads, int layer, int head);

// A layer norm's parameters: y = (x - mean) / sqrt(variance + epsilon) * weight + bias,
// the mean and (biased) variance over each row.
struct LayerNormParams
{
    Vector weight; // gamma
    Vector bias;   // beta
    double epsilon = 1e-5;
};

// The transformer block around a checkpoint's attention (GPT-2): what comes
// before the layer's input and after its output. Every matrix is n x d_model
// but the MLP's hidden ones, n x 4 d_model.
struct BlockResult
{
    Matrix residualIn;       // the residual stream entering the layer; input = ln_1(residualIn)
    LayerNormParams ln1;     // ln_1
    Matrix wOut;             // c_proj: d_model x d_model
    Vector bOut;             // its bias
    Matrix attention;        // output W_O + b_O: what attention adds to the stream
    Matrix residualMid;      // residualIn + attention
    LayerNormParams ln2;     // ln_2
    Matrix mlpInput;         // ln_2(residualMid)
    Matrix mlpPreActivation; // mlpInput W_fc + b_fc, n x 4 d_model
    Matrix mlpHidden;        // gelu_new of it
    Matrix mlp;              // mlpHidden W_proj + b_proj: what the MLP adds
    Matrix residualOut;      // residualMid + mlp: the layer's output
};

// After a checkpoint's last layer, for its last token: the final layer norm
// and the logits of the next token (result.nextTokens).
struct UnembeddingResult
{
    Vector residual;       // the last layer's output for the last token, d_model
    LayerNormParams lnF;   // ln_f
    Vector normed;         // ln_f(residual): the logits are normed times the output embedding's rows
    Matrix nextEmbeddings; // row t: the output embedding of nextTokens[t], d_model
};

// One attention layer: its input, its projections and its heads. The
// article's model has one layer, whose input is X; in a stack, a layer's
// input is what the layers below made of X. Everything is held by value: the
// n x d_model input costs little beside the heads' n x n matrices, and a
// value keeps a result self-contained (copied, edited and compared without
// sharing storage with another result).
struct LayerResult
{
    Matrix input;  // n x d_model: X for the first layer
    Matrix wQuery; // W_Q, d_model x d_model
    Matrix wKey;   // W_K
    Matrix wValue; // W_V
    Matrix q;      // input W_Q, n x d_model; head h owns columns [h d_k, (h+1) d_k)
    Matrix k;      // input W_K
    Matrix v;      // input W_V
    int dK = 0;    // d_model / heads: the columns each head works on
    std::vector<HeadResult> heads;
    Matrix output; // the heads' outputs side by side, n x d_model
    // Biases added to the projections (GPT-2's c_attn): q = input W_Q + bQuery. Empty: none.
    Vector bQuery;
    Vector bKey;
    Vector bValue;
    // A checkpoint's layer with its stages: the block around attention. Empty
    // for the article's model and models trained in the app.
    std::optional<BlockResult> block;
};

// Everything a computation shows: what all layers share (the tokens, the
// embeddings and the inputs X), then the stack of layers, first to last. The
// article's model computes exactly one layer; every layer has the same
// number of heads.
struct Gpt2KeysValues; // core/gpt2model.h

struct AttentionResult
{
    std::vector<std::string> tokens;
    Vocabulary vocabulary;
    std::vector<bool> wordIsExplicit; // per vocabulary word: given literally

    Matrix embeddings; // E, n x d_model
    Matrix positional; // PE, n x d_model; empty when positional encoding is off
    Matrix inputs;     // X = E (+ PE), the first layer's input
    std::vector<LayerResult> layers;

    // A checkpoint's result (AttentionConfig::model): its name, the token
    // ids, and the most likely next tokens after the last one.
    struct NextToken
    {
        int id = 0;
        std::string text; // readable: bytes that are not whole characters as \xNN
        double probability = 0.0;
        double logit = 0.0;
        std::string bytes; // what the token stands for
        bool whole = true; // bytes are whole UTF-8 characters
    };
    std::string modelName;
    std::vector<int> tokenIds;
    std::vector<NextToken> nextTokens;
    std::vector<int> generatedIds; // the continuation asked for, the new ids only
    // Every token's logit after the last position, for the probabilities of
    // nextTokens at another temperature.
    std::vector<float> nextLogits;
    // A checkpoint's final layer norm and unembedding; empty otherwise.
    std::optional<UnembeddingResult> unembedding;
    // A checkpoint's keys and values of every layer, when kept so that a text
    // that begins with the same tokens computes only its new positions
    // (runGpt2Text); null otherwise.
    std::shared_ptr<const Gpt2KeysValues> keysValues;

    // Layer `index`, clamped to the layers. Needs at least one layer.
    const LayerResult& layer(int index) const;
    // The heads of each layer; 0 without layers.
    int headCount() const;
};
// Thrown by computeAttention when its cancel flag is set: the result is not
// wanted any more (the window is closing).
class Cancelled : public std::exception
{
public:
    const char* what() const noexcept override { return "The computation was cancelled."; }
};

// Bytes the result of n tokens, d_model d, h heads per layer and `layers`
// layers occupies: per head the n x n scores, scaled scores and weights and
// the n x d_k output; per layer its n x d input, Q, K, V and output and its
// three d x d weights; once E, PE and X.
// With `scoresForOneHead`, only one head keeps its scores (ScoresKept), and
// the figure counts the scratch scores of the heads being computed.
std::uint64_t resultBytes(std::uint64_t tokens, std::uint64_t dModel, std::uint64_t heads, std::uint64_t layers = 1,
                          bool scoresForOneHead = false);

// What bounds this process's memory; 0 where unknown.
struct MemoryFacts
{
    std::uint64_t physical = 0;    // RAM
    std::uint64_t available = 0;   // MemAvailable: free now without swapping
    std::uint64_t cgroupLimit = 0; // the tightest memory limit of this process's control groups
    std::uint64_t cgroupUsage = 0; // charged to that group, less reclaimable file cache
};

// Reads /proc/meminfo and the control-group files below `root` ("" on a
// real system; a folder laid out the same way in tests).
MemoryFacts readMemoryFacts(const std::string& root = "");

// The most a result may occupy: 40 % of the memory this process may use
// (RAM, or a container's limit when lower), so that the result on screen and
// the one replacing it fit side by side, and at most 80 % of what is free
// now, so that the refusal comes before the out-of-memory killer does.
std::uint64_t memoryBudget(const MemoryFacts& facts);
std::uint64_t memoryBudget(); // for this process now

// What the engine throws when an allocation fails after all (Kind::TooLarge),
// for callers that report a failed allocation of their own the same way.
AttentionError outOfMemoryError();

// Throws AttentionError for the first limit the configuration breaks. Cheap:
// it allocates nothing proportional to the matrices.
void validateConfig(const AttentionConfig& config);

// Validates, then computes every stage of the article's model: one layer. Like validateConfig and
// recomputeAfterScores, throws AttentionError (never std::bad_alloc) when
// memory runs out, and Kind::Overflow when a stage would hold an infinity or
// NaN (every number of a result is finite but the masked scaled scores,
// which are -inf). With `cancel`, it checks the flag between rows and heads
// and throws Cancelled once it is set.
// `keep` says whose scores the result holds (every head's by default).
AttentionResult computeAttention(const AttentionConfig& config, const std::atomic<bool>* cancel = nullptr,
                                 ScoresKept keep = {});

// True when `to` differs from `from` only in what acts on the raw scores
// (temperature, causal mask, scaling): the draws, projections and scores of
// a result for `from` are then those of `to`, in every layer.
bool differsOnlyAfterScores(const AttentionConfig& from, const AttentionConfig& to);

// computeAttention(config) from a result whose configuration differs only
// after the scores (see above): the shared stages and raw scores are copied,
// the scaled scores, weights and outputs computed again. The same numbers, bit
// for bit, in a fraction of the time: what a temperature drag needs.
AttentionResult recomputeAfterScores(const AttentionResult& previous, const AttentionConfig& config,
                                     const std::atomic<bool>* cancel = nullptr, ScoresKept keep = {});

// One head's raw and scaled scores, as computeAttention computes them (the
// same numbers, bit for bit): the kept ones, or computed again from Q and K.
struct HeadScores
{
    Matrix scores;
    Matrix scaledScores;
};
HeadScores headScores(const LayerResult& layer, int head, const AttentionConfig& config);
// Row `row` of one head's scaled scores: the kept row, or computed from the
// query's row of Q and K (cheap: what a hover needs).
Vector scaledScoresRow(const LayerResult& layer, int head, int row, const AttentionConfig& config);
Vector scoresRow(const LayerResult& layer, int head, int row);

// Sinusoidal positional encoding (Vaswani et al.), n x d.
Matrix positionalEncoding(int n, int d);

// Row-wise softmax with the row maximum subtracted first. A row of -inf
// only cannot occur (the diagonal is never masked).
Matrix softmaxRows(const Matrix& scores);

} // namespace attn
