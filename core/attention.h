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
#include "core/tokenizer.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attn {

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

    // Embeddings given literally (a preset, an import, an edit), by word.
    std::map<std::string, std::vector<double>> explicitEmbeddings;
    // Weight matrices given literally (edited cells); each d_model x d_model.
    std::optional<Matrix> wQuery;
    std::optional<Matrix> wKey;
    std::optional<Matrix> wValue;

    bool operator==(const AttentionConfig&) const = default;
};

// A configuration the engine refuses, with a sentence a user understands.
class AttentionError : public std::runtime_error
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

    AttentionError(Kind kind, const std::string& message);
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

struct HeadResult
{
    Matrix scores;       // Q_h K_h^T
    Matrix scaledScores; // scores / sqrt(d_k) / temperature; -inf where masked
    Matrix weights;      // row-wise softmax of scaledScores
    Matrix output;       // weights V_h
};

struct AttentionResult
{
    std::vector<std::string> tokens;
    Vocabulary vocabulary;
    std::vector<bool> wordIsExplicit; // per vocabulary word: given literally
    int dK = 0;

    Matrix embeddings; // E, n x d_model
    Matrix positional; // PE, n x d_model; empty when positional encoding is off
    Matrix inputs;     // X = E (+ PE)
    Matrix wQuery;
    Matrix wKey;
    Matrix wValue;
    Matrix q;
    Matrix k;
    Matrix v;
    std::vector<HeadResult> heads;
    Matrix output; // the heads' outputs side by side, n x d_model
};

// Thrown by computeAttention when its cancel flag is set: the result is not
// wanted any more (the window is closing).
class Cancelled : public std::exception
{
public:
    const char* what() const noexcept override { return "The computation was cancelled."; }
};

// Bytes the result of n tokens, d_model d and h heads occupies: per head the
// n x n scores, scaled scores and weights, plus the n x d and d x d stages.
std::uint64_t resultBytes(std::uint64_t tokens, std::uint64_t dModel, std::uint64_t heads);

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

// Validates, then computes every stage. Like validateConfig and
// recomputeAfterScores, throws AttentionError (never std::bad_alloc) when
// memory runs out, and Kind::Overflow when a stage would hold an infinity or
// NaN (every number of a result is finite but the masked scaled scores,
// which are -inf). With `cancel`, it checks the flag between rows and heads
// and throws Cancelled once it is set.
AttentionResult computeAttention(const AttentionConfig& config, const std::atomic<bool>* cancel = nullptr);

// True when `to` differs from `from` only in what acts on the raw scores
// (temperature, causal mask, scaling): the draws, projections and scores of
// a result for `from` are then those of `to`.
bool differsOnlyAfterScores(const AttentionConfig& from, const AttentionConfig& to);

// computeAttention(config) from a result whose configuration differs only
// after the scores (see above): the shared stages and raw scores are copied,
// the scaled scores, weights and outputs computed again. The same numbers, bit
// for bit, in a fraction of the time: what a temperature drag needs.
AttentionResult recomputeAfterScores(const AttentionResult& previous, const AttentionConfig& config,
                                     const std::atomic<bool>* cancel = nullptr);

// Sinusoidal positional encoding (Vaswani et al.), n x d.
Matrix positionalEncoding(int n, int d);

// Row-wise softmax with the row maximum subtracted first. A row of -inf
// only cannot occur (the diagonal is never masked).
Matrix softmaxRows(const Matrix& scores);

} // namespace attn
