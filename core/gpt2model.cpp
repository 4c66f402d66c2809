#include "gpt2model.h"

#include "core/parallel.h"
#include "core/products.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>

namespace attn {

namespace {

using MatrixFRef = Eigen::Ref<MatrixF, 0, Eigen::OuterStride<>>;
using ConstMatrixFRef = Eigen::Ref<const MatrixF, 0, Eigen::OuterStride<>>;

// ---------------------------------------------------------------- config

// The sentences of this file, translated in the context "Gpt2Error".
template <typename... Args> Message said(const char* text, Args&&... args)
{
    return makeMessage("Gpt2Error", text, std::forward<Args>(args)...);
}

// `sentence`: the whole sentence for this file, with %1 for its path.
std::string readWholeFile(const std::string& path, const char* sentence)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Gpt2Error(said(sentence, path));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw Gpt2Error(said(sentence, path));
    return text.str();
}

int positiveInt(const nlohmann::json& json, const char* key, const std::string& fileName, int maximum,
                bool required = true, int fallback = 0)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) {
        if (required)
            throw Gpt2Error(
                said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration %1 has no %2."), fileName, key));
        return fallback;
    }
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > maximum)
        throw Gpt2Error(
            said(QT_TRANSLATE_NOOP("Gpt2Error",
                                   "The GPT-2 configuration %1 gives %2 as %3, not a whole number from 1 to %4."),
                 fileName, key, it->dump(), maximum));
    return it->get<int>();
}

// ---------------------------------------------------------------- products

// dst (+)= lhs rhs, or lhs rhsᵀ, single-threaded.
void multiplyF(MatrixFRef dst, const ConstMatrixFRef& lhs, const ConstMatrixFRef& rhs, bool transposed, bool accumulate)
{
    const double work = static_cast<double>(dst.rows()) * static_cast<double>(dst.cols()) * lhs.cols();
    if (const SgemmFunction sgemm = work >= 32.0 * 32.0 * 32.0 ? singlePrecisionGemm() : nullptr) {
        sgemm(101, 111, transposed ? 112 : 111, static_cast<int>(dst.rows()), static_cast<int>(dst.cols()),
              static_cast<int>(lhs.cols()), 1.0f, lhs.data(), static_cast<int>(lhs.outerStride()), rhs.data(),
              static_cast<int>(rhs.outerStride()), accumulate ? 1.0f : 0.0f, dst.data(),
              static_cast<int>(dst.outerStride()));
        return;
    }
    if (transposed) {
        if (accumulate)
            dst.noalias() += lhs * rhs.transpose();
        else
            dst.noalias() = lhs * rhs.transpose();
    } else {
        if (accumulate)
            dst.noalias() += lhs * rhs;
        else
            dst.noalias() = lhs * rhs;
    }
}

// gelu_new, 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))), in place on
// `count` numbers: Eigen's vectorised tanh.
void geluInPlace(float* data, Eigen::Index count)
{
    Eigen::Map<Eigen::Array<float, 1, Eigen::Dynamic>> x(data, count);
    constexpr float c = 0.7978845608028654f; // sqrt(2 / pi)
    x = 0.5f * x * (1.0f + (c * (x + 0.044715f * x.cube())).tanh());
}

// p[0 .. count) = softmax(s[0 .. count) * scale), the numerically stable
// way (the largest scaled score subtracted first), vectorised; p may be s.
void softmaxRow(const float* s, float* p, Eigen::Index count, float scale)
{
    const Eigen::Map<const Eigen::ArrayXf> scores(s, count);
    Eigen::Map<Eigen::ArrayXf> weights(p, count);
    // Rounding is monotonic, so the largest score gives the largest scaled one.
    const float highest = scores.maxCoeff() * scale;
    weights = (scores * scale - highest).exp();
    weights *= 1.0f / weights.sum();
}

enum class Epilogue { None, Gelu };

// Whether every one of `count` numbers is finite: over every core for a
// large tensor, whose mapped pages are then read in on all of them at once.
bool allFinite(const float* data, Eigen::Index count)
{
    constexpr Eigen::Index chunk = Eigen::Index(1) << 20;
    std::atomic<bool> finite = true;
    parallelFor(static_cast<int>((count + chunk - 1) / chunk), [&](int c0, int c1) {
        const Eigen::Index begin = c0 * chunk;
        const Eigen::Index end = std::min(count, c1 * chunk);
        if (!Eigen::Map<const Eigen::ArrayXf>(data + begin, end - begin).allFinite())
            finite = false;
    });
    return finite;
}

// dst = lhs w + b (then GELU), or with `residual` dst += lhs w + b. Split over
// threads by rows, or for up to a few hundred rows (typing) by output
// columns, so that each thread reads and packs only its part of w.
void linear(MatrixFRef dst, const ConstMatrixFRef& lhs, const Gpt2Matrix& weight, const VectorF& b, bool residual,
            Epilogue epilogue, int threads)
{
    const Gpt2Matrix::View w = weight.view();
    const auto rows = static_cast<int>(lhs.rows());
    const auto cols = static_cast<int>(w.cols());
    // The bias, then GELU, on whole row spans.
    const auto finish = [&](int r0, int r1, int c0, int c1) {
        const auto bias = b.middleCols(c0, c1 - c0).array();
        for (int r = r0; r < r1; ++r) {
            float* x = dst.data() + static_cast<Eigen::Index>(r) * dst.outerStride() + c0;
            Eigen::Map<Eigen::Array<float, 1, Eigen::Dynamic>>(x, c1 - c0) += bias;
            if (epilogue == Epilogue::Gelu)
                geluInPlace(x, c1 - c0);
        }
    };
    if (rows >= 128 * threads) {
        parallelFor(
            rows,
            [&](int r0, int r1) {
                multiplyF(dst.middleRows(r0, r1 - r0), lhs.middleRows(r0, r1 - r0), w, false, residual);
                finish(r0, r1, 0, cols);
            },
            threads);
    } else {
        parallelFor(
            cols,
            [&](int c0, int c1) {
                multiplyF(dst.middleCols(c0, c1 - c0), lhs, w.middleCols(c0, c1 - c0), false, residual);
                finish(0, rows, c0, c1);
            },
            threads);
    }
}

// Row r of `in` normalised to mean 0 and variance 1 (biased), then scaled and shifted.
void normaliseRow(MatrixF& out, const ConstMatrixFRef& in, const VectorF& weight, const VectorF& bias, double eps,
                  Eigen::Index r)
{
    const Eigen::Index d = in.cols();
    double mean = 0.0;
    for (Eigen::Index c = 0; c < d; ++c)
        mean += in(r, c);
    mean /= static_cast<double>(d);
    double variance = 0.0;
    for (Eigen::Index c = 0; c < d; ++c) {
        const double centred = in(r, c) - mean;
        variance += centred * centred;
    }
    variance /= static_cast<double>(d);
    const double scale = 1.0 / std::sqrt(variance + eps);
    for (Eigen::Index c = 0; c < d; ++c)
        out(r, c) = static_cast<float>((in(r, c) - mean) * scale) * weight[c] + bias[c];
}

// Each row normalised (normaliseRow), the rows shared out over `threads`.
void layerNorm(MatrixF& out, const ConstMatrixFRef& in, const VectorF& weight, const VectorF& bias, double eps,
               int threads)
{
    out.resize(in.rows(), in.cols());
    // Fewer than 128 rows are not worth a thread.
    parallelFor(
        static_cast<int>(in.rows()),
        [&](int r0, int r1) {
            for (Eigen::Index r = r0; r < r1; ++r)
                normaliseRow(out, in, weight, bias, eps, r);
        },
        in.rows() >= 128 ? threads : 1);
}

void checkCancel(const std::atomic<bool>* cancel)
{
    if (cancel && cancel->load(std::memory_order_relaxed))
        throw Cancelled();
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string out = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + "]";
}

} // namespace

// ---------------------------------------------------------------- config

Gpt2Config parseGpt2Config(std::string_view text, const std::string& fileName)
{
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw Gpt2Error(
            said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration %1 is not valid JSON."), fileName));
    }
    if (!json.is_object())
        throw Gpt2Error(
            said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration %1 is not a JSON object."), fileName));
    if (const auto type = json.find("model_type"); type != json.end()) {
        if (!type->is_string() || type->get<std::string>() != "gpt2")
            throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The configuration %1 is for a model of type %2, "
                                                                "not a GPT-2 model (\"gpt2\")."),
                                 fileName, type->dump()));
    }
    if (const auto act = json.find("activation_function"); act != json.end()) {
        if (!act->is_string() || (*act != "gelu_new" && *act != "gelu_pytorch_tanh"))
            throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration %1 asks for the activation "
                                                                "%2, but only GPT-2's gelu_new is computed."),
                                 fileName, act->dump()));
    }
    if (const auto scale = json.find("scale_attn_weights"); scale != json.end() && *scale == false)
        throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration %1 turns off the scaling of "
                                                            "attention scores, which GPT-2 always applies."),
                             fileName));
    if (const auto byLayer = json.find("scale_attn_by_inverse_layer_idx"); byLayer != json.end() && *byLayer == true)
        throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration %1 scales attention by the "
                                                            "inverse layer index, which GPT-2 does not."),
                             fileName));

    Gpt2Config config;
    config.nLayer = positiveInt(json, "n_layer", fileName, 1000);
    config.nHead = positiveInt(json, "n_head", fileName, 4096);
    config.nEmbd = positiveInt(json, "n_embd", fileName, 65536);
    const int nCtx = positiveInt(json, "n_ctx", fileName, 1 << 20, false);
    config.nCtx = positiveInt(json, "n_positions", fileName, 1 << 20, nCtx == 0, nCtx);
    config.vocabSize = positiveInt(json, "vocab_size", fileName, 1 << 24);
    if (const auto eps = json.find("layer_norm_epsilon"); eps != json.end()) {
        if (!eps->is_number() || !(eps->get<double>() > 0.0) || !(eps->get<double>() < 1.0))
            throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration %1 gives layer_norm_epsilon "
                                                                "as %2, not a number between 0 and 1."),
                                 fileName, eps->dump()));
        config.layerNormEpsilon = eps->get<double>();
    }
    if (config.nEmbd % config.nHead != 0)
        throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration %1 splits n_embd %2 over %3 "
                                                            "heads, which does not divide it."),
                             fileName, config.nEmbd, config.nHead));
    return config;
}

Gpt2Config loadGpt2Config(const std::string& path)
{
    return parseGpt2Config(
        readWholeFile(path, QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration %1 cannot be read.")), path);
}

// ---------------------------------------------------------------- weights

Gpt2Model Gpt2Model::load(const std::string& folder)
{
    return load(folder + "/config.json", folder + "/model.safetensors");
}

Gpt2Model Gpt2Model::load(const std::string& configPath, const std::string& safetensorsPath)
{
    return load(loadGpt2Config(configPath), safetensorsPath);
}

Gpt2Model Gpt2Model::load(const Gpt2Config& config, const std::string& safetensorsPath)
{
    return fromSafetensors(config, std::make_shared<const SafetensorsFile>(SafetensorsFile::open(safetensorsPath)));
}

Gpt2Matrix::Gpt2Matrix(MatrixF owned)
    : m_owned(std::make_shared<const MatrixF>(std::move(owned)))
    , m_data(m_owned->data())
    , m_rows(m_owned->rows())
    , m_cols(m_owned->cols())
{
}

Gpt2Matrix Gpt2Matrix::viewOf(const float* data, Eigen::Index rows, Eigen::Index cols)
{
    Gpt2Matrix m;
    m.m_data = data;
    m.m_rows = rows;
    m.m_cols = cols;
    return m;
}

Gpt2Model Gpt2Model::fromSafetensors(const Gpt2Config& config, std::shared_ptr<const SafetensorsFile> shared)
{
    const SafetensorsFile& file = *shared;
    const std::int64_t d = config.nEmbd;
    const auto find = [&](const std::string& name) -> const TensorInfo* {
        if (const TensorInfo* tensor = file.find(name))
            return tensor;
        return file.find("transformer." + name);
    };
    const auto tensor = [&](const std::string& name, std::vector<std::int64_t> shape) -> const TensorInfo& {
        const TensorInfo* info = find(name);
        if (!info)
            throw Gpt2Error(
                said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 checkpoint %1 has no tensor %2."), file.name(), name));
        if (info->shape != shape)
            throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 checkpoint %1 gives %2 the shape %3, "
                                                                "but the configuration needs %4."),
                                 file.name(), info->name, info->shapeText(), shapeText(shape)));
        if (!isFloatingPoint(info->dtype))
            throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 checkpoint %1 stores %2 as %3, not as "
                                                                "F32, F16, BF16 or F64."),
                                 file.name(), info->name, std::string(toString(info->dtype))));
        return *info;
    };
    const auto finite = [&](const float* data, Eigen::Index size, const TensorInfo& info) {
        if (!allFinite(data, size))
            throw Gpt2Error(said(
                QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 checkpoint %1 holds an infinite or undefined number in %2."),
                file.name(), info.name));
    };
    const auto matrix = [&](const std::string& name, std::int64_t rows, std::int64_t cols) -> Gpt2Matrix {
        const TensorInfo& info = tensor(name, {rows, cols});
        // F32 in the host's byte order, aligned for float: read in place.
        const std::byte* bytes = file.bytes(info).data();
        if (std::endian::native == std::endian::little && info.dtype == TensorDType::F32 &&
            reinterpret_cast<std::uintptr_t>(bytes) % alignof(float) == 0) {
            const auto* data = reinterpret_cast<const float*>(bytes);
            finite(data, rows * cols, info);
            return Gpt2Matrix::viewOf(data, rows, cols);
        }
        MatrixF m(rows, cols);
        file.readFloats(info, m.data());
        finite(m.data(), m.size(), info);
        return m;
    };
    const auto vector = [&](const std::string& name, std::int64_t size) {
        const TensorInfo& info = tensor(name, {size});
        VectorF v(size);
        file.readFloats(info, v.data());
        finite(v.data(), v.size(), info);
        return v;
    };

    Gpt2Weights w;
    w.wte = matrix("wte.weight", config.vocabSize, d);
    w.wpe = matrix("wpe.weight", config.nCtx, d);
    for (int i = 0; i < config.nLayer; ++i) {
        const std::string p = "h." + std::to_string(i) + ".";
        Gpt2Block block;
        block.ln1Weight = vector(p + "ln_1.weight", d);
        block.ln1Bias = vector(p + "ln_1.bias", d);
        block.attnWeight = matrix(p + "attn.c_attn.weight", d, 3 * d);
        block.attnBias = vector(p + "attn.c_attn.bias", 3 * d);
        block.attnProjWeight = matrix(p + "attn.c_proj.weight", d, d);
        block.attnProjBias = vector(p + "attn.c_proj.bias", d);
        block.ln2Weight = vector(p + "ln_2.weight", d);
        block.ln2Bias = vector(p + "ln_2.bias", d);
        block.fcWeight = matrix(p + "mlp.c_fc.weight", d, 4 * d);
        block.fcBias = vector(p + "mlp.c_fc.bias", 4 * d);
        block.mlpProjWeight = matrix(p + "mlp.c_proj.weight", 4 * d, d);
        block.mlpProjBias = vector(p + "mlp.c_proj.bias", d);
        w.blocks.push_back(std::move(block));
    }
    w.lnFWeight = vector("ln_f.weight", d);
    w.lnFBias = vector("ln_f.bias", d);
    if (file.find("lm_head.weight")) {
        Gpt2Matrix head = matrix("lm_head.weight", config.vocabSize, d);
        // A tied head saved anyway is not used twice.
        if (head.view() != w.wte.view())
            w.lmHead = std::move(head);
    }
    w.file = std::move(shared);
    return Gpt2Model(config, std::move(w));
}

Gpt2Model::Gpt2Model(Gpt2Config config, Gpt2Weights weights)
    : m_config(config)
    , m_weights(std::move(weights))
{
    const Eigen::Index d = m_config.nEmbd;
    if (m_config.nLayer < 1 || m_config.nHead < 1 || d < 1 || m_config.nCtx < 1 || m_config.vocabSize < 1 ||
        d % m_config.nHead != 0)
        throw Gpt2Error(makeMessage(
            "Gpt2Error", QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 configuration is not valid: every size must be "
                                                        "positive and the heads must divide n_embd.")));
    const auto check = [](bool ok, const std::string& name) {
        if (!ok)
            throw Gpt2Error(makeMessage(
                "Gpt2Error",
                QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 weight %1 does not have the shape the configuration needs."),
                name));
    };
    const Gpt2Weights& w = m_weights;
    check(w.wte.rows() == m_config.vocabSize && w.wte.cols() == d, "wte.weight");
    check(w.wpe.rows() == m_config.nCtx && w.wpe.cols() == d, "wpe.weight");
    check(static_cast<int>(w.blocks.size()) == m_config.nLayer, "h (the number of blocks)");
    for (std::size_t i = 0; i < w.blocks.size(); ++i) {
        const Gpt2Block& b = w.blocks[i];
        const std::string p = "h." + std::to_string(i) + ".";
        check(b.ln1Weight.size() == d && b.ln1Bias.size() == d, p + "ln_1");
        check(b.attnWeight.rows() == d && b.attnWeight.cols() == 3 * d && b.attnBias.size() == 3 * d,
              p + "attn.c_attn");
        check(b.attnProjWeight.rows() == d && b.attnProjWeight.cols() == d && b.attnProjBias.size() == d,
              p + "attn.c_proj");
        check(b.ln2Weight.size() == d && b.ln2Bias.size() == d, p + "ln_2");
        check(b.fcWeight.rows() == d && b.fcWeight.cols() == 4 * d && b.fcBias.size() == 4 * d, p + "mlp.c_fc");
        check(b.mlpProjWeight.rows() == 4 * d && b.mlpProjWeight.cols() == d && b.mlpProjBias.size() == d,
              p + "mlp.c_proj");
    }
    check(w.lnFWeight.size() == d && w.lnFBias.size() == d, "ln_f");
    check(w.lmHead.size() == 0 || (w.lmHead.rows() == m_config.vocabSize && w.lmHead.cols() == d), "lm_head.weight");
}

Gpt2Matrix::View Gpt2Model::outputEmbedding() const
{
    return m_weights.lmHead.size() > 0 ? m_weights.lmHead.view() : m_weights.wte.view();
}

// ---------------------------------------------------------------- forward

const MatrixF& Gpt2Forward::attention(int layer, int head) const
{
    return attentionWeights.at(static_cast<std::size_t>(layer) * static_cast<std::size_t>(heads) +
                               static_cast<std::size_t>(head));
}

const Gpt2LayerStages* Gpt2Forward::stagesOf(int layer) const
{
    for (const Gpt2LayerStages& stage : stages) {
        if (stage.layer == layer)
            return &stage;
    }
    return nullptr;
}

namespace {

// The positions options.prefix covers, after checking that it fits the ids,
// the model and the options.
Eigen::Index prefixLength(const Gpt2Model& model, const std::vector<int>& ids, const Gpt2ForwardOptions& options)
{
    const Gpt2Prefix* prefix = options.prefix;
    if (!prefix || prefix->length == 0)
        return 0;
    const auto require = [](bool ok, const char* what) {
        if (!ok)
            throw std::invalid_argument(std::string("runGpt2: the prefix ") + what + ".");
    };
    const Gpt2Config& config = model.config();
    const Eigen::Index p = prefix->length;
    const Eigen::Index d = config.nEmbd;
    const auto heads = static_cast<std::size_t>(config.nHead);
    require(p > 0 && p < static_cast<Eigen::Index>(ids.size()), "must leave at least one position to compute");
    const Gpt2KeysValues* kv = prefix->keysValues;
    require(kv && kv->model.get() == &model, "must come from a pass of the same model");
    require(static_cast<Eigen::Index>(kv->ids.size()) >= p && std::equal(ids.begin(), ids.begin() + p, kv->ids.begin()),
            "must cover positions with the same ids");
    require(kv->layers.size() == static_cast<std::size_t>(config.nLayer), "needs every layer's keys and values");
    for (const MatrixF& layer : kv->layers)
        require(layer.rows() >= p && layer.cols() == 2 * d, "has keys and values of the wrong shape");
    if (options.keepAttention) {
        require(prefix->weights.size() == static_cast<std::size_t>(config.nLayer) * heads,
                "needs every head's weights");
        for (const MatrixF* weights : prefix->weights)
            require(weights && weights->rows() >= p && weights->cols() >= p, "has weights of the wrong shape");
    }
    require(prefix->stages.size() == options.stageLayers.size(), "needs every stage layer's matrices");
    for (std::size_t i = 0; i < prefix->stages.size(); ++i) {
        const Gpt2LayerStages& stage = prefix->stages[i];
        require(stage.layer == options.stageLayers[i], "has another stage layer's matrices");
        for (const MatrixF* m :
             {&stage.residualIn, &stage.input, &stage.q, &stage.output, &stage.attention, &stage.residualMid,
              &stage.mlpInput, &stage.mlpPreActivation, &stage.mlpHidden, &stage.mlp, &stage.residualOut})
            require(m->rows() >= p, "has stage matrices with too few rows");
        require(stage.heads.size() == heads, "needs every head of a stage layer");
        for (std::size_t h = 0; h < heads; ++h) {
            const Gpt2HeadStages& head = stage.heads[h];
            require(head.output.rows() >= p, "has head outputs with too few rows");
            if (options.stageScoresHead < 0 || options.stageScoresHead == static_cast<int>(h))
                require(head.scores.rows() >= p && head.scores.cols() >= p, "needs the kept heads' scores");
            if (!options.keepAttention)
                require(head.weights.rows() >= p && head.weights.cols() >= p, "needs the stage heads' weights");
        }
    }
    return p;
}

// The first `rows` rows of `earlier` (none without it) above `fresh`.
MatrixF stacked(const MatrixF* earlier, Eigen::Index rows, const MatrixF& fresh)
{
    if (!earlier || rows == 0)
        return fresh;
    MatrixF out(rows + fresh.rows(), fresh.cols());
    out.topRows(rows) = earlier->topRows(rows);
    out.bottomRows(fresh.rows()) = fresh;
    return out;
}

} // namespace

Gpt2Forward runGpt2(const Gpt2Model& model, const std::vector<int>& ids, const Gpt2ForwardOptions& options)
{
    const Gpt2Config& config = model.config();
    const Gpt2Weights& w = model.weights();
    const auto n = static_cast<Eigen::Index>(ids.size());
    const Eigen::Index d = config.nEmbd;
    const int dk = config.headDim();
    const int heads = config.nHead;
    const int threads = options.threads > 0 ? options.threads : workerCount();
    if (ids.empty())
        throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "There is no token to run GPT-2 on.")));
    if (n > config.nCtx)
        throw Gpt2Error(
            said(QT_TRANSLATE_NOOP("Gpt2Error",
                                   "The text is %1 tokens long, more than the %2 tokens GPT-2 can read at once."),
                 n, config.nCtx));
    for (const int id : ids) {
        if (id < 0 || id >= config.vocabSize)
            throw Gpt2Error(
                said(QT_TRANSLATE_NOOP("Gpt2Error", "The token id %1 is not in GPT-2's vocabulary of %2 tokens."), id,
                     config.vocabSize));
    }
    for (const int layer : options.stageLayers) {
        if (layer < 0 || layer >= config.nLayer)
            throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "GPT-2 has no layer %1: its layers are 0 to %2."),
                                 layer, config.nLayer - 1));
    }
    // Positions 0 .. p-1 are taken over; rows p .. n-1 (m of them) are computed.
    const Eigen::Index p = prefixLength(model, ids, options);
    const Eigen::Index m = n - p;

    Gpt2Forward out;
    out.ids = ids;
    out.layers = config.nLayer;
    out.heads = heads;
    out.reused = static_cast<int>(p);
    out.tokenEmbeddings.resize(n, d);
    for (Eigen::Index i = 0; i < n; ++i)
        out.tokenEmbeddings.row(i) = w.wte.view().row(ids[static_cast<std::size_t>(i)]);
    out.positionEmbeddings = w.wpe.view().topRows(n);
    if (options.keepAttention)
        out.attentionWeights.resize(static_cast<std::size_t>(config.nLayer) * static_cast<std::size_t>(heads));
    if (options.keepKeysValues)
        out.keysValues.resize(static_cast<std::size_t>(config.nLayer));

    // The residual stream, ln's output, the MLP's hidden rows and the heads'
    // outputs of the computed positions; Q | K | V of every position.
    MatrixF x = (out.tokenEmbeddings + out.positionEmbeddings).bottomRows(m);
    MatrixF normed;
    MatrixF qkv(n, 3 * d);
    MatrixF merged(m, d);
    MatrixF hidden(m, 4 * d);
    const float scale = 1.0f / std::sqrt(static_cast<float>(dk));
    constexpr Eigen::Index rowBlock = 64;

    for (int layer = 0; layer < config.nLayer; ++layer) {
        checkCancel(options.cancel);
        const Gpt2Block& block = w.blocks[static_cast<std::size_t>(layer)];
        const auto stageAt = std::find(options.stageLayers.begin(), options.stageLayers.end(), layer);
        const bool staged = stageAt != options.stageLayers.end();
        Gpt2LayerStages* stages = nullptr;
        // The stage matrices of the positions taken over.
        const Gpt2LayerStages* earlier = nullptr;
        if (staged) {
            stages = &out.stages.emplace_back();
            stages->layer = layer;
            stages->heads.resize(static_cast<std::size_t>(heads));
            if (p > 0)
                earlier = &options.prefix->stages[static_cast<std::size_t>(stageAt - options.stageLayers.begin())];
        }
        // A stage matrix: the earlier positions' rows above the computed ones.
        const auto keep = [&](MatrixF Gpt2LayerStages::*member, const MatrixF& fresh) {
            stages->*member = stacked(earlier ? &(earlier->*member) : nullptr, p, fresh);
        };

        if (stages)
            keep(&Gpt2LayerStages::residualIn, x);
        layerNorm(normed, x, block.ln1Weight, block.ln1Bias, config.layerNormEpsilon, threads);
        if (p > 0) {
            qkv.topRows(p).rightCols(2 * d) =
                options.prefix->keysValues->layers[static_cast<std::size_t>(layer)].topRows(p);
            if (earlier)
                qkv.topRows(p).leftCols(d) = earlier->q.topRows(p);
        }
        linear(qkv.bottomRows(m), normed, block.attnWeight, block.attnBias, false, Epilogue::None, threads);

        parallelFor(
            heads,
            [&](int h0, int h1) {
                MatrixF scores(n, n);
                MatrixF local;
                for (int h = h0; h < h1; ++h) {
                    checkCancel(options.cancel);
                    const auto index =
                        static_cast<std::size_t>(layer) * static_cast<std::size_t>(heads) + static_cast<std::size_t>(h);
                    const auto q = qkv.middleCols(h * dk, dk);
                    const auto k = qkv.middleCols(d + h * dk, dk);
                    const auto v = qkv.middleCols(2 * d + h * dk, dk);
                    const bool keepScores = staged && (options.stageScoresHead < 0 || options.stageScoresHead == h);
                    MatrixF& kept = options.keepAttention ? out.attentionWeights[index] : local;
                    // The earlier positions' rows, taken over, and zeros where no
                    // row is computed (above the diagonal): each number written once.
                    const MatrixF* before = p == 0                  ? nullptr
                                            : options.keepAttention ? options.prefix->weights[index]
                                            : earlier ? &earlier->heads[static_cast<std::size_t>(h)].weights
                                                      : nullptr;
                    kept.resize(n, n);
                    if (before) {
                        kept.topLeftCorner(p, p) = before->topLeftCorner(p, p);
                        kept.topRightCorner(p, m).setZero();
                        kept.bottomRows(m).setZero();
                    } else {
                        kept.setZero();
                    }
                    float* weightData = kept.data();
                    Eigen::Map<MatrixF> weights(weightData, n, n);
                    // The figure's scores of an earlier row reach the new keys too.
                    if (p > 0 && keepScores) {
                        scores.topLeftCorner(p, p) =
                            earlier->heads[static_cast<std::size_t>(h)].scores.topLeftCorner(p, p);
                        multiplyF(scores.topRightCorner(p, m), q.topRows(p), k.bottomRows(m), true, false);
                    }
                    for (Eigen::Index r0 = p; r0 < n; r0 += rowBlock) {
                        const Eigen::Index rows = std::min(rowBlock, n - r0);
                        // Causal: row i sees columns 0..i, so a block of rows needs
                        // only the columns up to its last row (all, for the figure).
                        const Eigen::Index cols = staged ? n : r0 + rows;
                        multiplyF(scores.block(r0, 0, rows, cols), q.middleRows(r0, rows), k.topRows(cols), true,
                                  false);
                        for (Eigen::Index i = r0; i < r0 + rows; ++i)
                            softmaxRow(scores.data() + i * n, weightData + i * n, i + 1, scale);
                        multiplyF(merged.block(r0 - p, h * dk, rows, dk), weights.block(r0, 0, rows, r0 + rows),
                                  v.topRows(r0 + rows), false, false);
                    }
                    if (stages) {
                        Gpt2HeadStages& head = stages->heads[static_cast<std::size_t>(h)];
                        if (keepScores)
                            head.scores = scores;
                        // Kept once: in attentionWeights when every head's are kept.
                        if (!options.keepAttention)
                            head.weights = weights;
                        head.output = stacked(earlier ? &earlier->heads[static_cast<std::size_t>(h)].output : nullptr,
                                              p, merged.middleCols(h * dk, dk));
                    }
                }
            },
            threads);
        if (options.keepKeysValues)
            out.keysValues[static_cast<std::size_t>(layer)] = qkv.rightCols(2 * d);

        if (!stages) {
            linear(x, merged, block.attnProjWeight, block.attnProjBias, true, Epilogue::None, threads);
            layerNorm(normed, x, block.ln2Weight, block.ln2Bias, config.layerNormEpsilon, threads);
            linear(hidden, normed, block.fcWeight, block.fcBias, false, Epilogue::Gelu, threads);
            linear(x, hidden, block.mlpProjWeight, block.mlpProjBias, true, Epilogue::None, threads);
            continue;
        }
        keep(&Gpt2LayerStages::input, normed);
        stages->wQuery = block.attnWeight.view().middleCols(0, d);
        stages->wKey = block.attnWeight.view().middleCols(d, d);
        stages->wValue = block.attnWeight.view().middleCols(2 * d, d);
        stages->bQuery = block.attnBias.middleCols(0, d);
        stages->bKey = block.attnBias.middleCols(d, d);
        stages->bValue = block.attnBias.middleCols(2 * d, d);
        stages->q = qkv.middleCols(0, d);
        stages->k = qkv.middleCols(d, d);
        stages->v = qkv.middleCols(2 * d, d);
        keep(&Gpt2LayerStages::output, merged);

        // A stage layer keeps the block's intermediates. The residual stream
        // is updated as in every other layer, so its numbers do not depend on
        // which layers keep stages; what c_proj and the MLP add is computed once
        // more on its own.
        stages->ln1Weight = block.ln1Weight;
        stages->ln1Bias = block.ln1Bias;
        stages->attnProjWeight = block.attnProjWeight.view();
        stages->attnProjBias = block.attnProjBias;
        stages->ln2Weight = block.ln2Weight;
        stages->ln2Bias = block.ln2Bias;
        MatrixF added(m, d);
        linear(added, merged, block.attnProjWeight, block.attnProjBias, false, Epilogue::None, threads);
        keep(&Gpt2LayerStages::attention, added);
        linear(x, merged, block.attnProjWeight, block.attnProjBias, true, Epilogue::None, threads);
        keep(&Gpt2LayerStages::residualMid, x);
        layerNorm(normed, x, block.ln2Weight, block.ln2Bias, config.layerNormEpsilon, threads);
        keep(&Gpt2LayerStages::mlpInput, normed);
        // GELU applied after the bias, as the fused epilogue does: the same numbers.
        linear(hidden, normed, block.fcWeight, block.fcBias, false, Epilogue::None, threads);
        keep(&Gpt2LayerStages::mlpPreActivation, hidden);
        geluInPlace(hidden.data(), hidden.size());
        keep(&Gpt2LayerStages::mlpHidden, hidden);
        linear(added, hidden, block.mlpProjWeight, block.mlpProjBias, false, Epilogue::None, threads);
        keep(&Gpt2LayerStages::mlp, added);
        linear(x, hidden, block.mlpProjWeight, block.mlpProjBias, true, Epilogue::None, threads);
        keep(&Gpt2LayerStages::residualOut, x);
    }
    checkCancel(options.cancel);
    if (!x.allFinite())
        throw Gpt2Error(said(QT_TRANSLATE_NOOP(
            "Gpt2Error", "The model's numbers grow past float32's range on this text: its weights cannot be right.")));

    MatrixF last;
    layerNorm(last, x.bottomRows(1), w.lnFWeight, w.lnFBias, config.layerNormEpsilon, threads);
    out.finalResidual = x.bottomRows(1);
    out.finalNormed = last;
    out.layerNormEpsilon = config.layerNormEpsilon;
    const Gpt2Matrix::View head = model.outputEmbedding();
    out.logits.resize(config.vocabSize);
    Eigen::Map<MatrixF> logits(out.logits.data(), 1, config.vocabSize);
    parallelFor(
        config.vocabSize,
        [&](int c0, int c1) {
            multiplyF(logits.middleCols(c0, c1 - c0), last, head.middleRows(c0, c1 - c0), true, false);
        },
        threads);
    return out;
}

// ---------------------------------------------------------------- the app's result

namespace {

// The scaled scores as the forward pass computed them (float32 scores times
// the float32 scale), -inf above the diagonal.
Matrix scaledScoresOf(const MatrixF& scores, float scale)
{
    constexpr double minusInfinity = -std::numeric_limits<double>::infinity();
    Matrix out(scores.rows(), scores.cols());
    for (Eigen::Index i = 0; i < scores.rows(); ++i) {
        for (Eigen::Index j = 0; j < scores.cols(); ++j)
            out(i, j) = j > i ? minusInfinity : static_cast<double>(scores(i, j) * scale);
    }
    return out;
}

} // namespace

AttentionResult toAttentionResult(const Gpt2Forward& forward, const std::vector<std::string>& tokens)
{
    if (tokens.size() != forward.ids.size())
        throw Gpt2Error(makeMessage("Gpt2Error",
                                    QT_TRANSLATE_NOOP("Gpt2Error", "There are %1 token texts for %2 tokens."),
                                    tokens.size(), forward.ids.size()));
    const auto toDouble = [](const auto& m) -> Matrix { return m.template cast<double>(); };
    AttentionResult result;
    result.tokens = tokens;
    result.vocabulary = buildVocabulary(tokens);
    result.wordIsExplicit.assign(result.vocabulary.words.size(), false);
    result.embeddings = toDouble(forward.tokenEmbeddings);
    result.positional = toDouble(forward.positionEmbeddings);
    result.inputs = result.embeddings + result.positional;
    for (const Gpt2LayerStages& stage : forward.stages) {
        LayerResult layer;
        layer.input = toDouble(stage.input);
        layer.wQuery = toDouble(stage.wQuery);
        layer.wKey = toDouble(stage.wKey);
        layer.wValue = toDouble(stage.wValue);
        layer.q = toDouble(stage.q);
        layer.k = toDouble(stage.k);
        layer.v = toDouble(stage.v);
        layer.dK = stage.heads.empty() ? 0 : static_cast<int>(stage.q.cols()) / static_cast<int>(stage.heads.size());
        const float scale = 1.0f / std::sqrt(static_cast<float>(std::max(1, layer.dK))); // as runGpt2
        layer.heads.resize(stage.heads.size());
        // n x n matrices per head: converted over every core.
        parallelFor(static_cast<int>(stage.heads.size()), [&](int h0, int h1) {
            for (int index = h0; index < h1; ++index) {
                const Gpt2HeadStages& head = stage.heads[static_cast<std::size_t>(index)];
                HeadResult& h = layer.heads[static_cast<std::size_t>(index)];
                if (head.scores.size() != 0) { // else computed again when needed (headScores)
                    h.scores = toDouble(head.scores);
                    h.scaledScores = scaledScoresOf(head.scores, scale);
                }
                h.weights =
                    head.weights.size() != 0 ? toDouble(head.weights) : toDouble(forward.attention(stage.layer, index));
                h.output = toDouble(head.output);
            }
        });
        layer.output = toDouble(stage.output);
        layer.bQuery = stage.bQuery.cast<double>();
        layer.bKey = stage.bKey.cast<double>();
        layer.bValue = stage.bValue.cast<double>();
        BlockResult& block = layer.block.emplace();
        block.residualIn = toDouble(stage.residualIn);
        block.ln1 = {stage.ln1Weight.cast<double>(), stage.ln1Bias.cast<double>(), forward.layerNormEpsilon};
        block.wOut = toDouble(stage.attnProjWeight);
        block.bOut = stage.attnProjBias.cast<double>();
        block.attention = toDouble(stage.attention);
        block.residualMid = toDouble(stage.residualMid);
        block.ln2 = {stage.ln2Weight.cast<double>(), stage.ln2Bias.cast<double>(), forward.layerNormEpsilon};
        block.mlpInput = toDouble(stage.mlpInput);
        block.mlpPreActivation = toDouble(stage.mlpPreActivation);
        block.mlpHidden = toDouble(stage.mlpHidden);
        block.mlp = toDouble(stage.mlp);
        block.residualOut = toDouble(stage.residualOut);
        result.layers.push_back(std::move(layer));
    }
    return result;
}

// ---------------------------------------------------------------- next tokens

std::vector<double> nextTokenProbabilities(const VectorF& logits, double temperature)
{
    if (!(temperature > 0.0) || !std::isfinite(temperature))
        throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The temperature must be a number above 0.")));
    std::vector<double> p(static_cast<std::size_t>(logits.size()));
    if (p.empty())
        return p;
    const double highest = logits.maxCoeff();
    double sum = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        p[i] = std::exp((logits[static_cast<Eigen::Index>(i)] - highest) / temperature);
        sum += p[i];
    }
    for (double& value : p)
        value /= sum;
    return p;
}

std::vector<TokenScore> topTokens(const VectorF& logits, int k, double temperature)
{
    const std::vector<double> p = nextTokenProbabilities(logits, temperature);
    std::vector<int> order(p.size());
    std::iota(order.begin(), order.end(), 0);
    const auto count = static_cast<std::size_t>(std::clamp<int>(k, 0, static_cast<int>(p.size())));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                      [&](int a, int b) { return logits[a] != logits[b] ? logits[a] > logits[b] : a < b; });
    std::vector<TokenScore> out;
    for (std::size_t i = 0; i < count; ++i)
        out.push_back({order[i], logits[order[i]], p[static_cast<std::size_t>(order[i])]});
    return out;
}

namespace {

// The keys and values of every layer for the tokens read so far, so that
// each generated token costs one row's pass through the layers, not a pass
// over the whole text.
class CachedGpt2
{
public:
    CachedGpt2(const Gpt2Model& model, int capacity, const std::atomic<bool>* cancel)
        : m_model(model)
        , m_cancel(cancel)
        , m_keys(static_cast<std::size_t>(model.config().nLayer), MatrixF(capacity, model.config().nEmbd))
        , m_values(m_keys)
    {
    }

    // Reads `ids` after those read before; returns the next token's logits.
    VectorF read(const std::vector<int>& ids)
    {
        const Gpt2Config& config = m_model.config();
        const Gpt2Weights& w = m_model.weights();
        const auto m = static_cast<Eigen::Index>(ids.size());
        const Eigen::Index d = config.nEmbd;
        const Eigen::Index past = m_length;
        const Eigen::Index total = past + m;
        const int dk = config.headDim();
        const int threads = workerCount();
        const float scale = 1.0f / std::sqrt(static_cast<float>(dk));
        MatrixF x(m, d);
        for (Eigen::Index i = 0; i < m; ++i)
            x.row(i) = w.wte.view().row(ids[static_cast<std::size_t>(i)]) + w.wpe.view().row(past + i);
        MatrixF normed;
        MatrixF qkv(m, 3 * d);
        MatrixF merged(m, d);
        MatrixF hidden(m, 4 * d);
        for (int layer = 0; layer < config.nLayer; ++layer) {
            checkCancel(m_cancel);
            const Gpt2Block& block = w.blocks[static_cast<std::size_t>(layer)];
            MatrixF& keys = m_keys[static_cast<std::size_t>(layer)];
            MatrixF& values = m_values[static_cast<std::size_t>(layer)];
            layerNorm(normed, x, block.ln1Weight, block.ln1Bias, config.layerNormEpsilon, threads);
            linear(qkv, normed, block.attnWeight, block.attnBias, false, Epilogue::None, threads);
            keys.middleRows(past, m) = qkv.middleCols(d, d);
            values.middleRows(past, m) = qkv.middleCols(2 * d, d);
            parallelFor(
                config.nHead,
                [&](int h0, int h1) {
                    MatrixF scores(m, total);
                    for (int h = h0; h < h1; ++h) {
                        multiplyF(scores, qkv.middleCols(h * dk, dk), keys.block(0, h * dk, total, dk), true, false);
                        for (Eigen::Index i = 0; i < m; ++i) {
                            const Eigen::Index seen = past + i + 1; // causal: keys 0 .. past + i
                            softmaxRow(&scores(i, 0), &scores(i, 0), seen, scale);
                            scores.row(i).tail(total - seen).setZero();
                        }
                        multiplyF(merged.middleCols(h * dk, dk), scores, values.block(0, h * dk, total, dk), false,
                                  false);
                    }
                },
                threads);
            linear(x, merged, block.attnProjWeight, block.attnProjBias, true, Epilogue::None, threads);
            layerNorm(normed, x, block.ln2Weight, block.ln2Bias, config.layerNormEpsilon, threads);
            linear(hidden, normed, block.fcWeight, block.fcBias, false, Epilogue::Gelu, threads);
            linear(x, hidden, block.mlpProjWeight, block.mlpProjBias, true, Epilogue::None, threads);
        }
        m_length = total;
        MatrixF last;
        layerNorm(last, x.bottomRows(1), w.lnFWeight, w.lnFBias, config.layerNormEpsilon, threads);
        const Gpt2Matrix::View head = m_model.outputEmbedding();
        VectorF logits(config.vocabSize);
        Eigen::Map<MatrixF> row(logits.data(), 1, config.vocabSize);
        parallelFor(
            config.vocabSize,
            [&](int c0, int c1) {
                multiplyF(row.middleCols(c0, c1 - c0), last, head.middleRows(c0, c1 - c0), true, false);
            },
            threads);
        return logits;
    }

private:
    const Gpt2Model& m_model;
    const std::atomic<bool>* m_cancel;
    std::vector<MatrixF> m_keys;
    std::vector<MatrixF> m_values;
    Eigen::Index m_length = 0;
};

} // namespace

std::vector<int> generateGpt2(const Gpt2Model& model, const std::vector<int>& prompt, const GenerationOptions& options)
{
    if (!options.greedy && (!(options.temperature > 0.0) || !std::isfinite(options.temperature)))
        throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The temperature must be a number above 0.")));
    if (options.count < 0)
        throw Gpt2Error(said(QT_TRANSLATE_NOOP("Gpt2Error", "The number of tokens to generate must be at least 0.")));
    // Checks the prompt as a forward pass would (empty, too long, unknown ids).
    Gpt2ForwardOptions check;
    check.keepAttention = false;
    if (prompt.empty() || static_cast<int>(prompt.size()) > model.config().nCtx)
        (void)runGpt2(model, prompt, check);
    for (const int id : prompt) {
        if (id < 0 || id >= model.config().vocabSize)
            (void)runGpt2(model, {id}, check);
    }
    const int room = model.config().nCtx - static_cast<int>(prompt.size());
    const int count = std::min(options.count, room);
    std::vector<int> added;
    if (count <= 0)
        return added;
    std::mt19937_64 generator(options.seed);
    // The last new token is never read: the cache needs room for the rest.
    CachedGpt2 cached(model, static_cast<int>(prompt.size()) + count, options.cancel);
    VectorF logits = cached.read(prompt);
    for (int step = 0; step < count; ++step) {
        int next = 0;
        if (options.greedy) {
            logits.maxCoeff(&next);
        } else {
            const int k = options.topK > 0 ? options.topK : static_cast<int>(logits.size());
            const std::vector<TokenScore> candidates = topTokens(logits, k, options.temperature);
            double total = 0.0;
            for (const TokenScore& candidate : candidates)
                total += candidate.probability;
            // A uniform double in [0, 1) from the top 53 bits.
            const double u = static_cast<double>(generator() >> 11) * 0x1.0p-53 * total;
            double cumulative = 0.0;
            next = candidates.back().id;
            for (const TokenScore& candidate : candidates) {
                cumulative += candidate.probability;
                if (u < cumulative) {
                    next = candidate.id;
                    break;
                }
            }
        }
        added.push_back(next);
        if (step + 1 < count)
            logits = cached.read({next});
    }
    return added;
}

} // namespace attn
