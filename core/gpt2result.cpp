#include "core/gpt2result.h"

#include <algorithm>
#include <random>

namespace attn {

namespace {

MatrixF topLeftF(const Matrix& m, Eigen::Index rows, Eigen::Index cols)
{
    return m.topLeftCorner(rows, cols).cast<float>();
}

// What `previous` lends a pass over `ids` (Gpt2TextOptions::previous): the
// positions both begin with, but never the last, whose logits are wanted.
// Its float64 copies of float32 numbers give those numbers back exactly.
bool prefixFrom(const AttentionResult* previous, const Gpt2Model& model, const std::vector<int>& ids, int stage,
                int scoresHead, bool keepAttention, Gpt2Prefix& prefix)
{
    if (!previous || !previous->keysValues || !keepAttention)
        return false;
    const Gpt2KeysValues& kv = *previous->keysValues;
    const Gpt2Config& config = model.config();
    if (kv.model.get() != &model || kv.stageLayer != stage || (kv.scoresHead >= 0 && kv.scoresHead != scoresHead) ||
        previous->layers.size() != static_cast<std::size_t>(config.nLayer))
        return false;
    const auto shared = std::mismatch(ids.begin(), ids.end(), kv.ids.begin(), kv.ids.end()).first - ids.begin();
    const Eigen::Index p = std::min<Eigen::Index>(shared, static_cast<Eigen::Index>(ids.size()) - 1);
    const LayerResult& staged = previous->layers[static_cast<std::size_t>(stage)];
    if (p < 1 || !staged.block || staged.heads.size() != static_cast<std::size_t>(config.nHead))
        return false;
    const Eigen::Index d = config.nEmbd;
    const BlockResult& block = *staged.block;
    Gpt2LayerStages& s = prefix.stages.emplace_back();
    s.layer = stage;
    s.residualIn = topLeftF(block.residualIn, p, d);
    s.input = topLeftF(staged.input, p, d);
    s.q = topLeftF(staged.q, p, d);
    s.output = topLeftF(staged.output, p, d);
    s.attention = topLeftF(block.attention, p, d);
    s.residualMid = topLeftF(block.residualMid, p, d);
    s.mlpInput = topLeftF(block.mlpInput, p, d);
    s.mlpPreActivation = topLeftF(block.mlpPreActivation, p, 4 * d);
    s.mlpHidden = topLeftF(block.mlpHidden, p, 4 * d);
    s.mlp = topLeftF(block.mlp, p, d);
    s.residualOut = topLeftF(block.residualOut, p, d);
    for (const HeadResult& head : staged.heads) {
        Gpt2HeadStages& h = s.heads.emplace_back();
        if (head.hasScores())
            h.scores = topLeftF(head.scores, p, p);
        h.weights = topLeftF(head.weights, p, p);
        h.output = topLeftF(head.output, p, head.output.cols());
    }
    for (int l = 0; l < config.nLayer; ++l) {
        const LayerResult& layer = previous->layers[static_cast<std::size_t>(l)];
        if (layer.heads.size() != static_cast<std::size_t>(config.nHead))
            return false;
        for (int h = 0; h < config.nHead; ++h) {
            const MatrixF* weights = l == stage ? &s.heads[static_cast<std::size_t>(h)].weights
                                                : &layer.heads[static_cast<std::size_t>(h)].weights32;
            if (weights->rows() < p) // a result that kept one layer only
                return false;
            prefix.weights.push_back(weights);
        }
    }
    prefix.length = static_cast<int>(p);
    prefix.keysValues = &kv;
    return true;
}

} // namespace

Gpt2Run runGpt2Text(const std::shared_ptr<const Gpt2Bundle>& shared, const std::string& text,
                    const Gpt2TextOptions& textOptions)
{
    const Gpt2Bundle& bundle = *shared;
    const Gpt2Config& config = bundle.model.config();
    Gpt2Run run;
    run.ids = bundle.tokenizer.encode(text);
    if (run.ids.empty())
        throw Gpt2Error(makeMessage(
            "Gpt2Error", QT_TRANSLATE_NOOP("Gpt2Error", "The text has no tokens: type at least one character.")));
    if (static_cast<int>(run.ids.size()) > config.nCtx)
        throw Gpt2Error(makeMessage(
            "Gpt2Error", QT_TRANSLATE_NOOP("Gpt2Error", "The text is %1 tokens long; this model reads at most %2."),
            run.ids.size(), config.nCtx));
    if (textOptions.generate > 0) {
        GenerationOptions options;
        options.count = textOptions.generate;
        options.greedy = true;
        options.cancel = textOptions.cancel;
        run.generated = generateGpt2(bundle.model, run.ids, options);
        run.ids.insert(run.ids.end(), run.generated.begin(), run.generated.end());
    }
    const int stage = std::clamp(textOptions.stageLayer, 0, config.nLayer - 1);
    Gpt2ForwardOptions options;
    options.stageLayers = {stage};
    options.stageScoresHead = textOptions.scoresHead < 0 ? -1 : std::min(textOptions.scoresHead, config.nHead - 1);
    options.keepAttention = textOptions.everyLayer;
    options.cancel = textOptions.cancel;
    options.keepKeysValues = textOptions.reusable;
    Gpt2Prefix prefix;
    if (prefixFrom(textOptions.previous, bundle.model, run.ids, stage, options.stageScoresHead, options.keepAttention,
                   prefix))
        options.prefix = &prefix;
    Gpt2Forward forward = runGpt2(bundle.model, run.ids, options);
    run.reused = forward.reused;
    if (textOptions.reusable) {
        auto kept = std::make_shared<Gpt2KeysValues>();
        kept->model = std::shared_ptr<const Gpt2Model>(shared, &shared->model);
        kept->ids = run.ids;
        kept->layers = std::move(forward.keysValues);
        kept->stageLayer = stage;
        kept->scoresHead = options.stageScoresHead;
        kept->reused = forward.reused;
        run.result.keysValues = std::move(kept);
    }

    std::vector<std::string> tokens;
    for (const Gpt2TokenPiece& piece : bundle.tokenizer.pieces(run.ids))
        tokens.push_back(piece.text);
    AttentionResult staged = toAttentionResult(forward, tokens);
    run.result.tokens = std::move(staged.tokens);
    run.result.vocabulary = std::move(staged.vocabulary);
    run.result.wordIsExplicit = std::move(staged.wordIsExplicit);
    run.result.embeddings = std::move(staged.embeddings);
    run.result.positional = std::move(staged.positional);
    run.result.inputs = std::move(staged.inputs);
    // Every layer: the staged one whole, the others their weights only, kept
    // in float32 as computed (a float64 copy of gpt2's 144 heads at 1024
    // tokens would be 1.2 GB).
    for (int l = 0; l < config.nLayer; ++l) {
        if (l == stage) {
            run.result.layers.push_back(std::move(staged.layers.front()));
            continue;
        }
        LayerResult& layer = run.result.layers.emplace_back();
        layer.dK = config.headDim();
        layer.heads.resize(static_cast<std::size_t>(config.nHead));
        for (int h = 0; h < config.nHead && textOptions.everyLayer; ++h)
            layer.heads[static_cast<std::size_t>(h)].weights32 = std::move(
                forward.attentionWeights[static_cast<std::size_t>(l) * static_cast<std::size_t>(config.nHead) +
                                         static_cast<std::size_t>(h)]);
    }
    run.next = topTokens(forward.logits, 10);
    run.result.modelName = describeGpt2(config);
    run.result.tokenIds = run.ids;
    run.result.generatedIds = run.generated;
    for (const TokenScore& next : run.next) {
        const Gpt2TokenPiece piece = bundle.tokenizer.pieces({next.id}).front();
        run.result.nextTokens.push_back({next.id, piece.text, next.probability, next.logit, piece.bytes, piece.whole});
    }
    run.result.nextLogits.assign(forward.logits.data(), forward.logits.data() + forward.logits.size());
    UnembeddingResult& unembedding = run.result.unembedding.emplace();
    unembedding.residual = forward.finalResidual.cast<double>();
    unembedding.lnF = {bundle.model.weights().lnFWeight.cast<double>(), bundle.model.weights().lnFBias.cast<double>(),
                       config.layerNormEpsilon};
    unembedding.normed = forward.finalNormed.cast<double>();
    const Gpt2Matrix::View output = bundle.model.outputEmbedding();
    unembedding.nextEmbeddings.resize(static_cast<Eigen::Index>(run.next.size()), output.cols());
    for (std::size_t t = 0; t < run.next.size(); ++t)
        unembedding.nextEmbeddings.row(static_cast<Eigen::Index>(t)) = output.row(run.next[t].id).cast<double>();
    return run;
}

std::vector<double> nextTokenProbabilitiesAt(const AttentionResult& result, double temperature)
{
    if (result.nextLogits.empty())
        return {};
    const Eigen::Map<const VectorF> logits(result.nextLogits.data(),
                                           static_cast<Eigen::Index>(result.nextLogits.size()));
    const std::vector<double> all = nextTokenProbabilities(logits, temperature);
    std::vector<double> shown;
    for (const AttentionResult::NextToken& next : result.nextTokens)
        shown.push_back(all.at(static_cast<std::size_t>(next.id)));
    return shown;
}

int sampleAmongNextTokens(const AttentionResult& result, double temperature, std::uint64_t seed)
{
    const std::vector<double> p = nextTokenProbabilitiesAt(result, temperature);
    if (p.empty())
        return -1;
    double total = 0.0;
    for (const double value : p)
        total += value;
    std::mt19937_64 generator(seed);
    // A uniform double in [0, total) from the top 53 bits.
    const double u = static_cast<double>(generator() >> 11) * 0x1.0p-53 * total;
    double cumulative = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        cumulative += p[i];
        if (u < cumulative)
            return static_cast<int>(i);
    }
    return static_cast<int>(p.size()) - 1;
}

std::string describeGpt2(const Gpt2Config& config)
{
    return "GPT-2 (" + std::to_string(config.nLayer) + " layers x " + std::to_string(config.nHead) +
           " heads, d_model " + std::to_string(config.nEmbd) + ")";
}

} // namespace attn
