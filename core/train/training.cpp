#include "training.h"

#include "core/parallel.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace attn::train {

namespace {

// Chunks a batch is split into; each chunk's gradient is summed on its own
// and the chunks are then added in order, so the threads never change a bit.
constexpr int kChunks = 4;

// The example sequence of every task comes from this seed.
constexpr std::uint64_t kExampleSeed = 20240607;

TrainOptions withSizes(const std::string& task, int layers, int heads, int dModel, int vocab, int length, int steps,
                       double lr, int batch)
{
    TrainOptions o;
    o.task = task;
    o.layers = layers;
    o.heads = heads;
    o.dModel = dModel;
    o.vocab = vocab;
    o.length = length;
    o.steps = steps;
    o.learningRate = lr;
    o.batch = batch;
    return o;
}

// The titles, explanations and metrics are English; the window shows them
// translated in the context "TrainingTask" (attnrender's catalogue).
std::vector<TaskInfo> makeTasks()
{
    std::vector<TaskInfo> list;
    list.push_back(
        {"previous", QT_TRANSLATE_NOOP("TrainingTask", "Previous token"),
         QT_TRANSLATE_NOOP(
             "TrainingTask",
             "Each position must output the token just before it. The token itself carries no clue, so a "
             "head has to learn to find the previous position from the position embeddings alone: its query "
             "at position i must match the key of position i - 1 best, which draws a bright line just below "
             "the diagonal of its weights. The value then copies that token's embedding into the residual "
             "stream, where the unembedding reads it out."),
         QT_TRANSLATE_NOOP("TrainingTask", "Share of positions 2 .. n whose prediction is the token before them."),
         true, 1, withSizes("previous", 1, 2, 16, 8, 8, 300, 1e-2, 32)});
    list.push_back(
        {"reverse", QT_TRANSLATE_NOOP("TrainingTask", "Reverse"),
         QT_TRANSLATE_NOOP(
             "TrainingTask",
             "Position i must output the token at position n - 1 - i, so the whole sequence reads backwards. "
             "Attention sees every position (no causal mask), and a head has to learn a purely positional "
             "pattern: query i matches key n - 1 - i, an anti-diagonal in its weights, and its value copies "
             "that token across."),
         QT_TRANSLATE_NOOP("TrainingTask",
                           "Share of all positions whose prediction is the token mirrored about the middle."),
         false, 1, withSizes("reverse", 1, 2, 16, 8, 8, 600, 1e-2, 32)});
    list.push_back(
        {"sort", QT_TRANSLATE_NOOP("TrainingTask", "Sort"),
         QT_TRANSLATE_NOOP(
             "TrainingTask",
             "The sequence holds distinct numbers, a separator \"|\", and then the same numbers in increasing "
             "order, predicted one at a time. At the separator the model must output the smallest number, "
             "and after each sorted number the next larger one. A head has to learn to compare numbers: its "
             "query from the current number must score the numbers just above it highest and those below it "
             "low, so its weight lands on the next number in order."),
         QT_TRANSLATE_NOOP(
             "TrainingTask",
             "Share of the sorted half's numbers predicted correctly (the separator predicts the first)."),
         true, 1, withSizes("sort", 1, 2, 32, 12, 11, 1500, 5e-3, 32)});
    list.push_back(
        {"induction", QT_TRANSLATE_NOOP("TrainingTask", "Induction"),
         QT_TRANSLATE_NOOP(
             "TrainingTask",
             "A few filler tokens are followed by a random run of distinct tokens, and the run is then "
             "repeated. In the repeat the next token can be read off the first copy: find where the current "
             "token occurred before and output the token that came after it. That takes two heads in two "
             "layers: a layer-1 head that looks at the previous position and writes \"my predecessor was A\" "
             "into each position, and a layer-2 induction head whose query \"I am A\" matches those keys, "
             "so it attends to the token after the earlier A and copies it."),
         QT_TRANSLATE_NOOP(
             "TrainingTask",
             "Share of the repeat's positions (but its last) whose prediction is the next token of the repeat."),
         true, 2, withSizes("induction", 2, 2, 16, 16, 16, 1000, 5e-3, 32)});
    return list;
}

// A refused option, translated in the context "TrainingError".
template <typename... Args> TrainingError optionsError(const char* sentence, Args&&... args)
{
    return TrainingError(TrainingError::Kind::Options,
                         makeMessage("TrainingError", sentence, std::forward<Args>(args)...));
}

// m distinct tokens from [0, range), in random order (a partial Fisher-Yates shuffle).
std::vector<int> distinctTokens(int m, int range, Rng& rng)
{
    std::vector<int> pool(static_cast<std::size_t>(range));
    std::iota(pool.begin(), pool.end(), 0);
    for (int i = 0; i < m; ++i) {
        const int j = i + static_cast<int>(rng.below(static_cast<std::uint64_t>(range - i)));
        std::swap(pool[static_cast<std::size_t>(i)], pool[static_cast<std::size_t>(j)]);
    }
    pool.resize(static_cast<std::size_t>(m));
    return pool;
}

int inductionMinRun(int length)
{
    return std::max(2, length / 4);
}

bool allFinite(const ModelParams& p)
{
    bool finite = true;
    p.forEach([&](const std::string&, const Matrix& m) { finite = finite && m.allFinite(); });
    return finite;
}

void adamUpdate(Matrix& param, const Matrix& grad, Matrix& m, Matrix& v, const TrainOptions& o, double bias1,
                double bias2)
{
    for (Eigen::Index i = 0; i < param.size(); ++i) {
        const double g = grad.data()[i];
        m.data()[i] = o.beta1 * m.data()[i] + (1.0 - o.beta1) * g;
        v.data()[i] = o.beta2 * v.data()[i] + (1.0 - o.beta2) * g * g;
        const double mHat = m.data()[i] / bias1;
        const double vHat = v.data()[i] / bias2;
        param.data()[i] -= o.learningRate * mHat / (std::sqrt(vHat) + o.epsilon);
    }
}

std::vector<std::vector<Matrix>> weightsOf(const ForwardCache& cache)
{
    std::vector<std::vector<Matrix>> w;
    for (const LayerCache& layer : cache.layers)
        w.push_back(layer.weights);
    return w;
}

} // namespace

TrainingError::TrainingError(Kind kind, const std::string& message)
    : TranslatableError(message)
    , m_kind(kind)
{
}

TrainingError::TrainingError(Kind kind, const Message& message)
    : TranslatableError(message)
    , m_kind(kind)
{
}

const std::vector<TaskInfo>& tasks()
{
    static const std::vector<TaskInfo> list = makeTasks();
    return list;
}

const TaskInfo& taskInfo(const std::string& name)
{
    for (const TaskInfo& t : tasks())
        if (t.name == name)
            return t;
    throw TrainingError(TrainingError::Kind::UnknownTask,
                        makeMessage("TrainingError",
                                    QT_TRANSLATE_NOOP("TrainingError", "Unknown task \"%1\"; the tasks are previous, "
                                                                       "reverse, sort and induction."),
                                    name));
}

TrainOptions defaultOptions(const std::string& task)
{
    return taskInfo(task).defaults;
}

void validateOptions(const TrainOptions& o)
{
    const TaskInfo& task = taskInfo(o.task);
    // `sentence`: the whole sentence for this option, %1 its least value, %2 the one given.
    const auto atLeast = [&](int value, int minimum, const char* sentence) {
        if (value < minimum)
            throw optionsError(sentence, minimum, value, o.task);
    };
    atLeast(o.steps, 1, QT_TRANSLATE_NOOP("TrainingError", "The number of steps must be at least %1, not %2."));
    atLeast(o.batch, 1, QT_TRANSLATE_NOOP("TrainingError", "The batch size must be at least %1, not %2."));
    atLeast(o.heads, 1, QT_TRANSLATE_NOOP("TrainingError", "The number of heads must be at least %1, not %2."));
    atLeast(o.dModel, 1, QT_TRANSLATE_NOOP("TrainingError", "d_model must be at least %1, not %2."));
    atLeast(o.snapshotEvery, 1,
            QT_TRANSLATE_NOOP("TrainingError", "The snapshot interval must be at least %1, not %2."));
    atLeast(o.threads, 1, QT_TRANSLATE_NOOP("TrainingError", "The number of threads must be at least %1, not %2."));
    atLeast(o.mlpWidth, 0, QT_TRANSLATE_NOOP("TrainingError", "The MLP width must be at least %1, not %2."));
    if (o.layers < task.minLayers || o.layers > 4)
        throw optionsError(QT_TRANSLATE_NOOP("TrainingError", "The %1 task needs %2 to 4 layers, not %3."), o.task,
                           task.minLayers, o.layers);
    if (o.dModel > 512 || o.vocab > 4096 || o.length > 512 || o.batch > 4096 || o.heads > 64)
        throw optionsError(QT_TRANSLATE_NOOP("TrainingError",
                                             "These sizes are larger than a small training model takes (d_model 512, "
                                             "vocabulary 4096, length 512, batch 4096, 64 heads at most)."));
    if (o.dModel % o.heads != 0)
        throw optionsError(QT_TRANSLATE_NOOP("TrainingError",
                                             "d_model %1 cannot be split into %2 heads: the number of heads must "
                                             "divide d_model."),
                           o.dModel, o.heads);
    if (!(o.learningRate > 0) || !std::isfinite(o.learningRate))
        throw optionsError(QT_TRANSLATE_NOOP("TrainingError", "The learning rate must be a positive number."));
    if (!(o.beta1 >= 0 && o.beta1 < 1) || !(o.beta2 >= 0 && o.beta2 < 1) || !(o.epsilon > 0) ||
        !std::isfinite(o.epsilon))
        throw optionsError(QT_TRANSLATE_NOOP(
            "TrainingError", "Adam's beta1 and beta2 must lie in [0, 1) and its epsilon must be positive."));
    if (o.task == "previous" || o.task == "reverse") {
        atLeast(o.length, 2,
                QT_TRANSLATE_NOOP("TrainingError", "The sequence length of the %3 task must be at least %1, not %2."));
        atLeast(o.vocab, 2,
                QT_TRANSLATE_NOOP("TrainingError", "The vocabulary of the %3 task must be at least %1, not %2."));
    } else if (o.task == "sort") {
        if (o.length < 3 || o.length % 2 == 0)
            throw optionsError(QT_TRANSLATE_NOOP("TrainingError", "The sort task needs an odd length of at least 3 "
                                                                  "(numbers, separator, sorted numbers), not %1."),
                               o.length);
        const int m = (o.length - 1) / 2;
        if (o.vocab < m + 1)
            throw optionsError(QT_TRANSLATE_NOOP("TrainingError",
                                                 "The sort task at length %1 needs a vocabulary of at least %2 (%3 "
                                                 "distinct numbers and the separator), not %4."),
                               o.length, m + 1, m, o.vocab);
    } else if (o.task == "induction") {
        atLeast(o.length, 4,
                QT_TRANSLATE_NOOP("TrainingError", "The sequence length of the %3 task must be at least %1, not %2."));
        if (o.vocab < o.length / 2 + 1)
            throw optionsError(QT_TRANSLATE_NOOP("TrainingError",
                                                 "The induction task at length %1 needs a vocabulary of at least %2 "
                                                 "(a run of distinct tokens and other filler tokens), not %3."),
                               o.length, o.length / 2 + 1, o.vocab);
    }
}

ModelShape shapeFor(const TrainOptions& o)
{
    ModelShape s;
    s.vocab = o.vocab;
    s.length = o.length;
    s.dModel = o.dModel;
    s.heads = o.heads;
    s.layers = o.layers;
    s.causal = taskInfo(o.task).causal;
    s.mlp = o.mlp;
    s.mlpWidth = o.mlp ? (o.mlpWidth > 0 ? o.mlpWidth : 4 * o.dModel) : 0;
    return s;
}

Example generateExample(const TrainOptions& o, Rng& rng)
{
    const int n = o.length;
    Example e;
    e.tokens.assign(static_cast<std::size_t>(n), 0);
    e.targets.assign(static_cast<std::size_t>(n), -1);
    const auto at = [](std::vector<int>& v, int i) -> int& { return v[static_cast<std::size_t>(i)]; };
    if (o.task == "previous" || o.task == "reverse") {
        for (int i = 0; i < n; ++i)
            at(e.tokens, i) = static_cast<int>(rng.below(static_cast<std::uint64_t>(o.vocab)));
        for (int i = 0; i < n; ++i) {
            if (o.task == "previous" && i > 0)
                at(e.targets, i) = at(e.tokens, i - 1);
            else if (o.task == "reverse")
                at(e.targets, i) = at(e.tokens, n - 1 - i);
        }
    } else if (o.task == "sort") {
        const int m = (n - 1) / 2;
        std::vector<int> values = distinctTokens(m, o.vocab - 1, rng);
        for (int i = 0; i < m; ++i)
            at(e.tokens, i) = values[static_cast<std::size_t>(i)];
        at(e.tokens, m) = o.vocab - 1;
        std::sort(values.begin(), values.end());
        for (int i = 0; i < m; ++i)
            at(e.tokens, m + 1 + i) = values[static_cast<std::size_t>(i)];
        for (int i = m; i < n - 1; ++i)
            at(e.targets, i) = at(e.tokens, i + 1);
    } else if (o.task == "induction") {
        const int minRun = inductionMinRun(n);
        const int maxRun = n / 2;
        const int m = minRun + static_cast<int>(rng.below(static_cast<std::uint64_t>(maxRun - minRun + 1)));
        const int prefix = n - 2 * m;
        // The run's tokens are distinct and the filler avoids them, so each
        // run token occurs exactly twice and the next token is unambiguous.
        const std::vector<int> perm = distinctTokens(o.vocab, o.vocab, rng);
        const std::vector<int> run(perm.begin(), perm.begin() + m);
        const int others = o.vocab - m;
        for (int i = 0; i < prefix; ++i)
            at(e.tokens, i) = perm[static_cast<std::size_t>(m) + rng.below(static_cast<std::uint64_t>(others))];
        for (int i = 0; i < m; ++i) {
            at(e.tokens, prefix + i) = run[static_cast<std::size_t>(i)];
            at(e.tokens, prefix + m + i) = run[static_cast<std::size_t>(i)];
        }
        for (int i = prefix + m; i < n - 1; ++i)
            at(e.targets, i) = at(e.tokens, i + 1);
    } else {
        taskInfo(o.task); // throws
    }
    return e;
}

Example fixedExample(const TrainOptions& o)
{
    Rng rng(kExampleSeed, 7);
    return generateExample(o, rng);
}

std::string tokenLabel(const TrainOptions& o, int token)
{
    if (o.task == "sort" && token == o.vocab - 1)
        return "|";
    return std::to_string(token);
}

Trainer::Trainer(const TrainOptions& options, std::uint64_t seed)
    : m_options(options)
    , m_seed(seed)
    , m_data(seed, 2)
{
    validateOptions(options);
    m_shape = shapeFor(options);
    Rng init(seed, 1);
    m_params = initParams(m_shape, init);
    m_grad = zeroParams(m_shape);
    m_adamM = zeroParams(m_shape);
    m_adamV = zeroParams(m_shape);
    snapshot();
}

void Trainer::snapshot()
{
    AttentionSnapshot s;
    s.step = m_step;
    s.weights = weightsOf(forward(m_shape, m_params, fixedExample(m_options).tokens));
    m_snapshots.push_back(std::move(s));
}

StepResult Trainer::step()
{
    if (m_failed)
        throw TrainingError(
            TrainingError::Kind::Diverged,
            makeMessage("TrainingError",
                        QT_TRANSLATE_NOOP("TrainingError", "Training stopped at step %1 because the loss became "
                                                           "infinite or undefined; lower the learning rate."),
                        m_step + 1));
    if (done())
        throw TrainingError(TrainingError::Kind::Finished,
                            makeMessage("TrainingError",
                                        QT_TRANSLATE_NOOP("TrainingError", "Training has already taken its %1 steps."),
                                        m_options.steps));
    std::vector<Example> batch;
    batch.reserve(static_cast<std::size_t>(m_options.batch));
    for (int i = 0; i < m_options.batch; ++i)
        batch.push_back(generateExample(m_options, m_data));
    int scored = 0;
    for (const Example& e : batch)
        for (int t : e.targets)
            scored += t >= 0 ? 1 : 0;
    const double scale = 1.0 / scored;

    const int chunks = std::min(kChunks, m_options.batch);
    std::vector<ModelParams> chunkGrad(static_cast<std::size_t>(chunks));
    std::vector<LossStats> chunkStats(static_cast<std::size_t>(chunks));
    parallelFor(
        chunks,
        [&](int begin, int end) {
            for (int c = begin; c < end; ++c) {
                ModelParams& g = chunkGrad[static_cast<std::size_t>(c)];
                g = zeroParams(m_shape);
                LossStats& stats = chunkStats[static_cast<std::size_t>(c)];
                const int from = c * m_options.batch / chunks;
                const int to = (c + 1) * m_options.batch / chunks;
                for (int i = from; i < to; ++i) {
                    const LossStats s =
                        lossAndGradient(m_shape, m_params, batch[static_cast<std::size_t>(i)], scale, &g);
                    stats.lossSum += s.lossSum;
                    stats.scored += s.scored;
                    stats.correct += s.correct;
                }
            }
        },
        m_options.threads);
    m_grad = std::move(chunkGrad[0]);
    LossStats total = chunkStats[0];
    for (int c = 1; c < chunks; ++c) {
        addParams(m_grad, chunkGrad[static_cast<std::size_t>(c)]);
        total.lossSum += chunkStats[static_cast<std::size_t>(c)].lossSum;
        total.scored += chunkStats[static_cast<std::size_t>(c)].scored;
        total.correct += chunkStats[static_cast<std::size_t>(c)].correct;
    }
    StepResult result;
    result.step = m_step + 1;
    result.loss = total.lossSum / total.scored;
    result.accuracy = static_cast<double>(total.correct) / total.scored;
    if (!std::isfinite(result.loss) || !allFinite(m_grad)) {
        m_failed = true;
        throw TrainingError(
            TrainingError::Kind::Diverged,
            makeMessage(
                "TrainingError",
                QT_TRANSLATE_NOOP(
                    "TrainingError",
                    "Training diverged at step %1: the loss became infinite or undefined; lower the learning rate."),
                result.step));
    }

    m_beta1Power *= m_options.beta1;
    m_beta2Power *= m_options.beta2;
    const double bias1 = 1.0 - m_beta1Power;
    const double bias2 = 1.0 - m_beta2Power;
    std::vector<Matrix*> grads, ms, vs;
    m_grad.forEach([&](const std::string&, Matrix& m) { grads.push_back(&m); });
    m_adamM.forEach([&](const std::string&, Matrix& m) { ms.push_back(&m); });
    m_adamV.forEach([&](const std::string&, Matrix& m) { vs.push_back(&m); });
    std::size_t index = 0;
    m_params.forEach([&](const std::string&, Matrix& p) {
        adamUpdate(p, *grads[index], *ms[index], *vs[index], m_options, bias1, bias2);
        ++index;
    });
    if (!allFinite(m_params)) {
        m_failed = true;
        throw TrainingError(
            TrainingError::Kind::Diverged,
            makeMessage(
                "TrainingError",
                QT_TRANSLATE_NOOP(
                    "TrainingError",
                    "Training diverged at step %1: a weight became infinite or undefined; lower the learning rate."),
                result.step));
    }
    ++m_step;
    m_loss.push_back(result.loss);
    m_accuracy.push_back(result.accuracy);
    if (m_step % m_options.snapshotEvery == 0 || done())
        snapshot();
    return result;
}

bool Trainer::run(const std::atomic<bool>* cancel, const std::function<void(const StepResult&)>& onStep)
{
    while (!done()) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        const StepResult r = step();
        if (onStep)
            onStep(r);
    }
    return true;
}

TrainedModel Trainer::model() const
{
    TrainedModel m;
    m.options = m_options;
    m.seed = m_seed;
    m.steps = m_step;
    m.shape = m_shape;
    m.params = m_params;
    m.loss = m_loss;
    m.accuracy = m_accuracy;
    return m;
}

std::vector<std::vector<Matrix>> attentionWeights(const TrainedModel& model, const std::vector<int>& tokens)
{
    return weightsOf(forward(model.shape, model.params, tokens));
}

std::vector<int> predict(const TrainedModel& model, const std::vector<int>& tokens)
{
    const ForwardCache cache = forward(model.shape, model.params, tokens);
    std::vector<int> out;
    for (Eigen::Index i = 0; i < cache.logits.rows(); ++i) {
        Eigen::Index best = 0;
        cache.logits.row(i).maxCoeff(&best);
        out.push_back(static_cast<int>(best));
    }
    return out;
}

double evaluate(const TrainedModel& model, int sequences, std::uint64_t seed)
{
    Rng rng(seed, 3);
    long correct = 0, scored = 0;
    for (int s = 0; s < sequences; ++s) {
        const Example e = generateExample(model.options, rng);
        const std::vector<int> p = predict(model, e.tokens);
        for (std::size_t i = 0; i < e.targets.size(); ++i) {
            if (e.targets[i] < 0)
                continue;
            ++scored;
            correct += p[i] == e.targets[i] ? 1 : 0;
        }
    }
    return scored ? static_cast<double>(correct) / static_cast<double>(scored) : 0.0;
}

AttentionResult toAttentionResult(const TrainedModel& model, const std::vector<int>& tokens)
{
    const int n = static_cast<int>(tokens.size());
    if (n < 1 || n > model.shape.length)
        throw TrainingError(TrainingError::Kind::Options,
                            makeMessage("TrainingError",
                                        QT_TRANSLATE_NOOP("TrainingError", "The model takes 1 to %1 tokens, not %2."),
                                        model.shape.length, n));
    for (int t : tokens)
        if (t < 0 || t >= model.shape.vocab)
            throw TrainingError(
                TrainingError::Kind::Options,
                makeMessage("TrainingError",
                            QT_TRANSLATE_NOOP("TrainingError", "Token %1 is outside the model's vocabulary of %2."), t,
                            model.shape.vocab));
    const ForwardCache cache = forward(model.shape, model.params, tokens);
    const int d = model.shape.dModel;
    const int dK = model.shape.dK();
    AttentionResult r;
    for (int t : tokens)
        r.tokens.push_back(tokenLabel(model.options, t));
    r.vocabulary = buildVocabulary(r.tokens);
    r.wordIsExplicit.assign(r.vocabulary.words.size(), true);
    r.embeddings.resize(n, d);
    r.positional.resize(n, d);
    for (int i = 0; i < n; ++i) {
        r.embeddings.row(i) = model.params.tokenEmbedding.row(tokens[static_cast<std::size_t>(i)]);
        r.positional.row(i) = model.params.positionEmbedding.row(i);
    }
    r.inputs = cache.layers.front().input;
    for (std::size_t l = 0; l < cache.layers.size(); ++l) {
        const LayerCache& c = cache.layers[l];
        LayerResult layer;
        layer.input = c.input;
        layer.wQuery = model.params.layers[l].wQuery;
        layer.wKey = model.params.layers[l].wKey;
        layer.wValue = model.params.layers[l].wValue;
        layer.q = c.q;
        layer.k = c.k;
        layer.v = c.v;
        layer.dK = dK;
        for (int h = 0; h < model.shape.heads; ++h) {
            HeadResult head;
            head.scores = headRawScores(c, h, dK);
            head.scaledScores = headScaledScores(c, h, dK, model.shape.causal);
            head.weights = c.weights[static_cast<std::size_t>(h)];
            head.output = c.z.middleCols(h * dK, dK);
            layer.heads.push_back(std::move(head));
        }
        layer.output = c.z;
        r.layers.push_back(std::move(layer));
    }
    return r;
}

AttentionResult toAttentionResult(const TrainedModel& model)
{
    return toAttentionResult(model, fixedExample(model.options).tokens);
}

double previousTokenScore(const Matrix& weights)
{
    const Eigen::Index n = std::min(weights.rows(), weights.cols());
    if (n < 2)
        return 0.0;
    double sum = 0.0;
    for (Eigen::Index i = 1; i < n; ++i)
        sum += weights(i, i - 1);
    return sum / static_cast<double>(n - 1);
}

double inductionScore(const Matrix& weights, const std::vector<int>& tokens)
{
    const auto n = std::min<Eigen::Index>({weights.rows(), weights.cols(), static_cast<Eigen::Index>(tokens.size())});
    double sum = 0.0;
    int counted = 0;
    for (Eigen::Index i = 1; i < n; ++i) {
        for (Eigen::Index j = i - 1; j >= 0; --j) {
            if (tokens[static_cast<std::size_t>(j)] == tokens[static_cast<std::size_t>(i)]) {
                sum += weights(i, j + 1); // j + 1 <= i: a causal head can look there
                ++counted;
                break;
            }
        }
    }
    return counted > 0 ? sum / counted : 0.0;
}

AttentionConfig displayConfig(const TrainedModel& model, const std::vector<int>& tokens)
{
    AttentionConfig c;
    c.sentence.clear();
    for (std::size_t i = 0; i < tokens.size(); ++i)
        c.sentence += (i ? " " : "") + tokenLabel(model.options, tokens[i]);
    c.dModel = model.shape.dModel;
    c.heads = model.shape.heads;
    c.causal = model.shape.causal;
    c.scaled = true;
    c.temperature = 1.0;
    c.positional = true;
    c.wQuery = model.params.layers.front().wQuery;
    c.wKey = model.params.layers.front().wKey;
    c.wValue = model.params.layers.front().wValue;
    return c;
}

std::vector<std::string> presetNames()
{
    return {"previous", "induction"};
}

TrainOptions presetOptions(const std::string& name)
{
    if (name != "previous" && name != "induction")
        throw TrainingError(
            TrainingError::Kind::UnknownTask,
            makeMessage("TrainingError",
                        QT_TRANSLATE_NOOP("TrainingError",
                                          "Unknown preset \"%1\"; the trained presets are previous and induction."),
                        name));
    return defaultOptions(name);
}

std::uint64_t presetSeed(const std::string& name)
{
    presetOptions(name);
    return 1;
}

TrainedModel trainPreset(const std::string& name, const std::atomic<bool>* cancel)
{
    Trainer t(presetOptions(name), presetSeed(name));
    t.run(cancel);
    return t.model();
}

} // namespace attn::train
