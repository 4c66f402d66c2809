#include "core/gpt2result.h"

#include <algorithm>
#include <random>

namespace attn {

Gpt2Run runGpt2Text(const Gpt2Bundle& bundle, const std::string& text, int stageLayer, int generate,
                    const std::atomic<bool>* cancel, int scoresHead)
{
    const Gpt2Config& config = bundle.model.config();
    Gpt2Run run;
    run.ids = bundle.tokenizer.encode(text);
    if (run.ids.empty())
        throw Gpt2Error("The text has no tokens: type at least one character.");
    if (static_cast<int>(run.ids.size()) > config.nCtx)
        throw Gpt2Error("The text is " + std::to_string(run.ids.size()) + " tokens long; this model reads at most " +
                        std::to_string(config.nCtx) + ".");
    if (generate > 0) {
        GenerationOptions options;
        options.count = generate;
        options.greedy = true;
        options.cancel = cancel;
        run.generated = generateGpt2(bundle.model, run.ids, options);
        run.ids.insert(run.ids.end(), run.generated.begin(), run.generated.end());
    }
    const int stage = std::clamp(stageLayer, 0, config.nLayer - 1);
    Gpt2ForwardOptions options;
    options.stageLayers = {stage};
    options.stageScoresHead = scoresHead < 0 ? -1 : std::min(scoresHead, config.nHead - 1);
    options.keepAttention = true;
    options.cancel = cancel;
    Gpt2Forward forward = runGpt2(bundle.model, run.ids, options);

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
        for (int h = 0; h < config.nHead; ++h)
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
    const MatrixF& output = bundle.model.outputEmbedding();
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
