#include "model.h"

#include <cmath>
#include <limits>

namespace attn::train {

namespace {

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

// The products, each a loop in one fixed order. The innermost loop runs
// along a row of the result, so the compiler may vectorise it without
// changing any sum's order.

// C = A B (or C += A B with accumulate)
void mul(const Matrix& a, const Matrix& b, Matrix& c, bool accumulate = false)
{
    const Eigen::Index n = a.rows(), inner = a.cols(), m = b.cols();
    if (!accumulate) {
        c.resize(n, m);
        c.setZero();
    }
    for (Eigen::Index i = 0; i < n; ++i) {
        double* out = c.data() + i * m;
        for (Eigen::Index k = 0; k < inner; ++k) {
            const double s = a(i, k);
            const double* row = b.data() + k * m;
            for (Eigen::Index j = 0; j < m; ++j)
                out[j] += s * row[j];
        }
    }
}

// C += A^T B
void mulTransposedLeftAdd(const Matrix& a, const Matrix& b, Matrix& c)
{
    const Eigen::Index rows = a.rows(), n = a.cols(), m = b.cols();
    for (Eigen::Index k = 0; k < rows; ++k) {
        const double* brow = b.data() + k * m;
        for (Eigen::Index i = 0; i < n; ++i) {
            const double s = a(k, i);
            double* out = c.data() + i * m;
            for (Eigen::Index j = 0; j < m; ++j)
                out[j] += s * brow[j];
        }
    }
}

Matrix transposed(const Matrix& a)
{
    Matrix t(a.cols(), a.rows());
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < a.cols(); ++j)
            t(j, i) = a(i, j);
    return t;
}

// C = A B^T (or +=)
void mulTransposedRight(const Matrix& a, const Matrix& b, Matrix& c, bool accumulate = false)
{
    mul(a, transposed(b), c, accumulate);
}

// Column sums of A added to the 1 x m row c.
void addColumnSums(const Matrix& a, Matrix& c)
{
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < a.cols(); ++j)
            c(0, j) += a(i, j);
}

void addRowVector(Matrix& a, const Matrix& row)
{
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < a.cols(); ++j)
            a(i, j) += row(0, j);
}

void addInPlace(Matrix& a, const Matrix& b)
{
    for (Eigen::Index i = 0; i < a.size(); ++i)
        a.data()[i] += b.data()[i];
}

constexpr double kGeluC = 0.7978845608028654; // sqrt(2 / pi)
constexpr double kGeluA = 0.044715;

double gelu(double u)
{
    const double t = std::tanh(kGeluC * (u + kGeluA * u * u * u));
    return 0.5 * u * (1.0 + t);
}

double geluDerivative(double u)
{
    const double t = std::tanh(kGeluC * (u + kGeluA * u * u * u));
    return 0.5 * (1.0 + t) + 0.5 * u * (1.0 - t * t) * kGeluC * (1.0 + 3.0 * kGeluA * u * u);
}

Matrix headColumns(const Matrix& m, int head, int dK)
{
    Matrix out(m.rows(), dK);
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (int j = 0; j < dK; ++j)
            out(i, j) = m(i, head * dK + j);
    return out;
}

void setHeadColumns(Matrix& m, const Matrix& part, int head, int dK)
{
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (int j = 0; j < dK; ++j)
            m(i, head * dK + j) = part(i, j);
}

Matrix uniformMatrix(Eigen::Index rows, Eigen::Index cols, double bound, Rng& rng)
{
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = (2.0 * rng.uniform() - 1.0) * bound;
    return m;
}

} // namespace

Rng::Rng(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t state = seed ^ (stream * 0xd1342543de82ef95ULL);
    for (auto& s : m_s)
        s = splitmix64(state);
}

std::uint64_t Rng::next()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

std::uint64_t Rng::below(std::uint64_t n)
{
    // Reject the top partial block so every residue is equally likely.
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t x = next();
    while (x >= limit)
        x = next();
    return x % n;
}

double Rng::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

void ModelParams::forEach(const std::function<void(const std::string&, Matrix&)>& f)
{
    f("token_embedding", tokenEmbedding);
    f("position_embedding", positionEmbedding);
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const std::string p = "layers." + std::to_string(l) + ".";
        LayerParams& layer = layers[l];
        f(p + "w_query", layer.wQuery);
        f(p + "w_key", layer.wKey);
        f(p + "w_value", layer.wValue);
        f(p + "w_out", layer.wOut);
        if (layer.w1.size() != 0) {
            f(p + "mlp_w1", layer.w1);
            f(p + "mlp_b1", layer.b1);
            f(p + "mlp_w2", layer.w2);
            f(p + "mlp_b2", layer.b2);
        }
    }
    f("unembedding", unembedding);
    f("unembedding_bias", unembeddingBias);
}

void ModelParams::forEach(const std::function<void(const std::string&, const Matrix&)>& f) const
{
    const_cast<ModelParams*>(this)->forEach([&](const std::string& name, Matrix& m) { f(name, m); });
}

std::size_t ModelParams::count() const
{
    std::size_t total = 0;
    forEach([&](const std::string&, const Matrix& m) { total += static_cast<std::size_t>(m.size()); });
    return total;
}

ModelParams zeroParams(const ModelShape& shape)
{
    const int d = shape.dModel;
    ModelParams p;
    p.tokenEmbedding = Matrix::Zero(shape.vocab, d);
    p.positionEmbedding = Matrix::Zero(shape.length, d);
    p.layers.resize(static_cast<std::size_t>(shape.layers));
    for (LayerParams& layer : p.layers) {
        layer.wQuery = Matrix::Zero(d, d);
        layer.wKey = Matrix::Zero(d, d);
        layer.wValue = Matrix::Zero(d, d);
        layer.wOut = Matrix::Zero(d, d);
        if (shape.mlp) {
            layer.w1 = Matrix::Zero(d, shape.mlpWidth);
            layer.b1 = Matrix::Zero(1, shape.mlpWidth);
            layer.w2 = Matrix::Zero(shape.mlpWidth, d);
            layer.b2 = Matrix::Zero(1, d);
        }
    }
    p.unembedding = Matrix::Zero(d, shape.vocab);
    p.unembeddingBias = Matrix::Zero(1, shape.vocab);
    return p;
}

ModelParams initParams(const ModelShape& shape, Rng& rng)
{
    const int d = shape.dModel;
    const double projection = 1.0 / std::sqrt(static_cast<double>(d));
    ModelParams p = zeroParams(shape);
    p.tokenEmbedding = uniformMatrix(shape.vocab, d, 1.0, rng);
    p.positionEmbedding = uniformMatrix(shape.length, d, 1.0, rng);
    for (LayerParams& layer : p.layers) {
        layer.wQuery = uniformMatrix(d, d, projection, rng);
        layer.wKey = uniformMatrix(d, d, projection, rng);
        layer.wValue = uniformMatrix(d, d, projection, rng);
        layer.wOut = uniformMatrix(d, d, projection, rng);
        if (shape.mlp) {
            layer.w1 = uniformMatrix(d, shape.mlpWidth, projection, rng);
            layer.w2 = uniformMatrix(shape.mlpWidth, d, 1.0 / std::sqrt(static_cast<double>(shape.mlpWidth)), rng);
        }
    }
    p.unembedding = uniformMatrix(d, shape.vocab, projection, rng);
    return p;
}

Matrix headRawScores(const LayerCache& layer, int head, int dK)
{
    const Eigen::Index n = layer.q.rows();
    Matrix s(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            double dot = 0;
            for (int c = 0; c < dK; ++c)
                dot += layer.q(i, head * dK + c) * layer.k(j, head * dK + c);
            s(i, j) = dot;
        }
    }
    return s;
}

Matrix headScaledScores(const LayerCache& layer, int head, int dK, bool causal)
{
    Matrix s = headRawScores(layer, head, dK);
    const double sqrtDk = std::sqrt(static_cast<double>(dK));
    for (Eigen::Index i = 0; i < s.rows(); ++i)
        for (Eigen::Index j = 0; j < s.cols(); ++j)
            s(i, j) = causal && j > i ? -std::numeric_limits<double>::infinity() : s(i, j) / sqrtDk;
    return s;
}

ForwardCache forward(const ModelShape& shape, const ModelParams& params, const std::vector<int>& tokens)
{
    const int n = static_cast<int>(tokens.size());
    const int d = shape.dModel;
    const int dK = shape.dK();
    ForwardCache cache;
    Matrix x(n, d);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < d; ++j)
            x(i, j) = params.tokenEmbedding(tokens[static_cast<std::size_t>(i)], j) + params.positionEmbedding(i, j);
    cache.layers.resize(params.layers.size());
    for (std::size_t l = 0; l < params.layers.size(); ++l) {
        const LayerParams& p = params.layers[l];
        LayerCache& c = cache.layers[l];
        c.input = x;
        mul(x, p.wQuery, c.q);
        mul(x, p.wKey, c.k);
        mul(x, p.wValue, c.v);
        c.z = Matrix::Zero(n, d);
        c.weights.resize(static_cast<std::size_t>(shape.heads));
        for (int h = 0; h < shape.heads; ++h) {
            Matrix a = headScaledScores(c, h, dK, shape.causal);
            for (int i = 0; i < n; ++i) {
                const int visible = shape.causal ? i + 1 : n;
                double rowMax = a(i, 0);
                for (int j = 1; j < visible; ++j)
                    rowMax = std::max(rowMax, a(i, j));
                double sum = 0;
                for (int j = 0; j < visible; ++j) {
                    a(i, j) = std::exp(a(i, j) - rowMax);
                    sum += a(i, j);
                }
                for (int j = 0; j < n; ++j)
                    a(i, j) = j < visible ? a(i, j) / sum : 0.0;
            }
            Matrix zh;
            mul(a, headColumns(c.v, h, dK), zh);
            setHeadColumns(c.z, zh, h, dK);
            c.weights[static_cast<std::size_t>(h)] = std::move(a);
        }
        c.mid = x;
        mul(c.z, p.wOut, c.mid, true);
        x = c.mid;
        if (shape.mlp) {
            mul(c.mid, p.w1, c.pre);
            addRowVector(c.pre, p.b1);
            c.act.resize(c.pre.rows(), c.pre.cols());
            for (Eigen::Index i = 0; i < c.pre.size(); ++i)
                c.act.data()[i] = gelu(c.pre.data()[i]);
            mul(c.act, p.w2, x, true);
            addRowVector(x, p.b2);
        }
    }
    cache.output = x;
    mul(x, params.unembedding, cache.logits);
    addRowVector(cache.logits, params.unembeddingBias);
    return cache;
}

LossStats lossAndGradient(const ModelShape& shape, const ModelParams& params, const Example& example, double scale,
                          ModelParams* grad)
{
    const ForwardCache cache = forward(shape, params, example.tokens);
    const int n = static_cast<int>(example.tokens.size());
    const int vocab = shape.vocab;
    LossStats stats;
    Matrix dLogits = Matrix::Zero(n, vocab);
    for (int i = 0; i < n; ++i) {
        const int target = example.targets[static_cast<std::size_t>(i)];
        if (target < 0)
            continue;
        int best = 0;
        double rowMax = cache.logits(i, 0);
        for (int j = 1; j < vocab; ++j) {
            if (cache.logits(i, j) > rowMax) {
                rowMax = cache.logits(i, j);
                best = j;
            }
        }
        double sum = 0;
        for (int j = 0; j < vocab; ++j)
            sum += std::exp(cache.logits(i, j) - rowMax);
        const double logSum = std::log(sum);
        stats.lossSum += logSum - (cache.logits(i, target) - rowMax);
        ++stats.scored;
        stats.correct += best == target ? 1 : 0;
        for (int j = 0; j < vocab; ++j)
            dLogits(i, j) = scale * (std::exp(cache.logits(i, j) - rowMax) / sum - (j == target ? 1.0 : 0.0));
    }
    if (!grad)
        return stats;

    const int d = shape.dModel;
    const int dK = shape.dK();
    const double sqrtDk = std::sqrt(static_cast<double>(dK));
    mulTransposedLeftAdd(cache.output, dLogits, grad->unembedding);
    addColumnSums(dLogits, grad->unembeddingBias);
    Matrix dx;
    mulTransposedRight(dLogits, params.unembedding, dx);

    for (int l = static_cast<int>(params.layers.size()) - 1; l >= 0; --l) {
        const LayerParams& p = params.layers[static_cast<std::size_t>(l)];
        const LayerCache& c = cache.layers[static_cast<std::size_t>(l)];
        LayerParams& g = grad->layers[static_cast<std::size_t>(l)];
        // dx is the gradient of the layer's output; dMid that of x + Z W_O.
        Matrix dMid = dx;
        if (shape.mlp) {
            mulTransposedLeftAdd(c.act, dx, g.w2);
            addColumnSums(dx, g.b2);
            Matrix dPre;
            mulTransposedRight(dx, p.w2, dPre);
            for (Eigen::Index i = 0; i < dPre.size(); ++i)
                dPre.data()[i] *= geluDerivative(c.pre.data()[i]);
            mulTransposedLeftAdd(c.mid, dPre, g.w1);
            addColumnSums(dPre, g.b1);
            mulTransposedRight(dPre, p.w1, dMid, true);
        }
        mulTransposedLeftAdd(c.z, dMid, g.wOut);
        Matrix dZ;
        mulTransposedRight(dMid, p.wOut, dZ);
        Matrix dQ = Matrix::Zero(n, d), dK_ = Matrix::Zero(n, d), dV = Matrix::Zero(n, d);
        for (int h = 0; h < shape.heads; ++h) {
            const Matrix& a = c.weights[static_cast<std::size_t>(h)];
            const Matrix dZh = headColumns(dZ, h, dK);
            Matrix dA;
            mulTransposedRight(dZh, headColumns(c.v, h, dK), dA);
            Matrix dVh = Matrix::Zero(n, dK);
            mulTransposedLeftAdd(a, dZh, dVh);
            // Softmax: dS_ij = A_ij (dA_ij - sum_k A_ik dA_ik); masked cells have A = 0.
            Matrix dS(n, n);
            for (int i = 0; i < n; ++i) {
                double dot = 0;
                for (int j = 0; j < n; ++j)
                    dot += a(i, j) * dA(i, j);
                for (int j = 0; j < n; ++j)
                    dS(i, j) = a(i, j) * (dA(i, j) - dot) / sqrtDk;
            }
            Matrix dQh;
            mul(dS, headColumns(c.k, h, dK), dQh);
            Matrix dKh = Matrix::Zero(n, dK);
            mulTransposedLeftAdd(dS, headColumns(c.q, h, dK), dKh);
            setHeadColumns(dQ, dQh, h, dK);
            setHeadColumns(dK_, dKh, h, dK);
            setHeadColumns(dV, dVh, h, dK);
        }
        mulTransposedLeftAdd(c.input, dQ, g.wQuery);
        mulTransposedLeftAdd(c.input, dK_, g.wKey);
        mulTransposedLeftAdd(c.input, dV, g.wValue);
        dx = dMid;
        mulTransposedRight(dQ, p.wQuery, dx, true);
        mulTransposedRight(dK_, p.wKey, dx, true);
        mulTransposedRight(dV, p.wValue, dx, true);
    }
    for (int i = 0; i < n; ++i) {
        const int token = example.tokens[static_cast<std::size_t>(i)];
        for (int j = 0; j < d; ++j) {
            grad->tokenEmbedding(token, j) += dx(i, j);
            grad->positionEmbedding(i, j) += dx(i, j);
        }
    }
    return stats;
}

LossStats batchLossAndGradient(const ModelShape& shape, const ModelParams& params, const std::vector<Example>& batch,
                               ModelParams* grad)
{
    int scored = 0;
    for (const Example& e : batch)
        for (int t : e.targets)
            scored += t >= 0 ? 1 : 0;
    const double scale = scored > 0 ? 1.0 / scored : 0.0;
    if (grad)
        *grad = zeroParams(shape);
    LossStats total;
    for (const Example& e : batch) {
        const LossStats s = lossAndGradient(shape, params, e, scale, grad);
        total.lossSum += s.lossSum;
        total.scored += s.scored;
        total.correct += s.correct;
    }
    return total;
}

} // namespace attn::train

void attn::train::addParams(ModelParams& into, const ModelParams& from)
{
    std::vector<const Matrix*> sources;
    from.forEach([&](const std::string&, const Matrix& m) { sources.push_back(&m); });
    std::size_t index = 0;
    into.forEach([&](const std::string&, Matrix& m) { addInPlace(m, *sources[index++]); });
}
