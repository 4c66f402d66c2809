#pragma once

// A small attention-only transformer, float64, with its gradient written out
// by hand. No layer norm: the models are one or two layers deep and train
// stably with Adam without it.
//
//   x_0     = W_E[token] + W_P[position]                       (n x d)
//   layer l (for l = 0 .. L-1), heads h = 0 .. H-1, d_k = d / H:
//     Q = x W_Q, K = x W_K, V = x W_V                            (n x d)
//     S_h = (Q_h K_h^T) / sqrt(d_k), -inf above the diagonal when causal
//     A_h = softmax_rows(S_h), Z_h = A_h V_h; Z = [Z_0 .. Z_{H-1}]
//     m   = x + Z W_O
//     x'  = m + gelu(m W_1 + b_1) W_2 + b_2    (with the optional MLP; else x' = m)
//   logits = x_L W_U + b_U                                       (n x vocab)
//   loss   = mean over the scored positions of -log softmax(logits)[target]
//
// gelu is the tanh form, 0.5 u (1 + tanh(sqrt(2/pi) (u + 0.044715 u^3))):
// smooth, so finite differences check the MLP's gradient too.
//
// Every product is a plain loop in a fixed order (no Eigen or BLAS kernel,
// whose summation order depends on the processor's vector width), and the
// library is compiled without fused multiply-add contraction, so a training
// run gives the same bits on any x86-64 machine with the same C library.

#include "core/matrix.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace attn::train {

// xoshiro256** seeded through splitmix64: integer arithmetic only, so every
// draw is the same on every platform and compiler.
class Rng
{
public:
    explicit Rng(std::uint64_t seed, std::uint64_t stream = 0);
    std::uint64_t next();
    // Uniform in [0, n), n >= 1, without modulo bias (rejection).
    std::uint64_t below(std::uint64_t n);
    // Uniform in [0, 1) with 53 random bits.
    double uniform();

private:
    std::uint64_t m_s[4];
};

struct ModelShape
{
    int vocab = 0;  // rows of W_E, columns of W_U
    int length = 0; // rows of W_P: the longest sequence
    int dModel = 0;
    int heads = 1;
    int layers = 1;
    bool causal = true;
    bool mlp = false;
    int mlpWidth = 0; // hidden units of each MLP

    int dK() const { return dModel / heads; }
    bool operator==(const ModelShape&) const = default;
};

struct LayerParams
{
    Matrix wQuery; // d x d
    Matrix wKey;   // d x d
    Matrix wValue; // d x d
    Matrix wOut;   // d x d
    Matrix w1;     // d x mlpWidth (empty without MLP)
    Matrix b1;     // 1 x mlpWidth
    Matrix w2;     // mlpWidth x d
    Matrix b2;     // 1 x d
};

struct ModelParams
{
    Matrix tokenEmbedding;    // vocab x d
    Matrix positionEmbedding; // length x d
    std::vector<LayerParams> layers;
    Matrix unembedding;     // d x vocab
    Matrix unembeddingBias; // 1 x vocab

    // Every parameter matrix with its name ("token_embedding",
    // "layers.0.w_query", ...), always in the same order.
    void forEach(const std::function<void(const std::string& name, Matrix& m)>& f);
    void forEach(const std::function<void(const std::string& name, const Matrix& m)>& f) const;
    std::size_t count() const;
};

// into += from, parameter by parameter (the same shapes).
void addParams(ModelParams& into, const ModelParams& from);

// Matrices of the shape's sizes, all zero.
ModelParams zeroParams(const ModelShape& shape);
// Uniform in (-1/sqrt(fan_in), 1/sqrt(fan_in)) for each projection; embeddings
// uniform in (-1, 1); biases zero.
ModelParams initParams(const ModelShape& shape, Rng& rng);

// One training sequence: its tokens and, per position, the token to predict
// there or -1 where nothing is scored.
struct Example
{
    std::vector<int> tokens;
    std::vector<int> targets;
};

struct LayerCache
{
    Matrix input;                // x, n x d
    Matrix q, k, v;              // n x d
    std::vector<Matrix> weights; // A_h per head, n x n
    Matrix z;                    // heads' outputs side by side, n x d
    Matrix mid;                  // x + Z W_O
    Matrix pre;                  // m W_1 + b_1 (MLP only)
    Matrix act;                  // gelu(pre)
};

struct ForwardCache
{
    std::vector<LayerCache> layers;
    Matrix output; // x_L
    Matrix logits; // n x vocab
};

ForwardCache forward(const ModelShape& shape, const ModelParams& params, const std::vector<int>& tokens);

struct LossStats
{
    double lossSum = 0; // sum of -log p(target) over scored positions
    int scored = 0;
    int correct = 0; // scored positions whose largest logit is the target
};

// The loss of one example; with `grad`, adds `scale` times the gradient of
// lossSum to it (scale = 1 / scored positions of the batch gives the mean).
LossStats lossAndGradient(const ModelShape& shape, const ModelParams& params, const Example& example, double scale,
                          ModelParams* grad);

// Mean loss over a batch and, with `grad` (zeroed first), its gradient.
// Examples are accumulated in order, so the sum is the same bits every time.
LossStats batchLossAndGradient(const ModelShape& shape, const ModelParams& params, const std::vector<Example>& batch,
                               ModelParams* grad);

// Raw scores Q_h K_h^T of one head of a cached layer (what the app shows as
// "scores"), and scaled by 1/sqrt(d_k) with -inf where masked.
Matrix headRawScores(const LayerCache& layer, int head, int dK);
Matrix headScaledScores(const LayerCache& layer, int head, int dK, bool causal);

} // namespace attn::train
