#pragma once

// Training the small attention models of model.h on toy tasks, one Adam step
// at a time, and handing a trained model to the app as an AttentionResult.
//
//   attn::train::Trainer t(attn::train::defaultOptions("previous"), 1);
//   while (!t.done()) t.step();                   // or t.run(&cancelFlag)
//   attn::AttentionResult r = attn::train::toAttentionResult(t.model());
//
// The data of each step is drawn from the seed with model.h's Rng, the
// gradient of a batch is summed in a fixed order whatever the number of
// threads, so the same options and seed give the same model bit for bit.

#include "core/attention.h"
#include "core/matrix.h"
#include "core/train/model.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace attn::train {

struct TrainOptions
{
    std::string task = "previous";
    int layers = 1;
    int heads = 2;
    int dModel = 16;
    int vocab = 8;  // the model's vocabulary, a separator included where the task has one
    int length = 8; // tokens per sequence
    int steps = 300;
    double learningRate = 1e-2;
    int batch = 32; // sequences per step
    bool mlp = false;
    int mlpWidth = 0;       // hidden units per MLP; 0: 4 d_model
    int snapshotEvery = 25; // steps between snapshots of the example's attention
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
    // Threads that share a step's batch. The result does not depend on it.
    int threads = 1;

    bool operator==(const TrainOptions&) const = default;
};

class TrainingError : public TranslatableError
{
public:
    enum class Kind {
        UnknownTask,
        Options,  // a size or setting the task cannot take
        Diverged, // the loss became infinite or NaN
        Finished, // step() after the last step
        File,     // a model file that cannot be read
    };
    TrainingError(Kind kind, const std::string& message);
    TrainingError(Kind kind, const Message& message);
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

struct TaskInfo
{
    std::string name;        // "previous", "reverse", "sort", "induction"
    std::string title;       // "Previous token"
    std::string explanation; // what a head must learn, one paragraph
    std::string metric;      // how accuracy is counted
    bool causal = true;
    int minLayers = 1;
    TrainOptions defaults;
};

const std::vector<TaskInfo>& tasks();
// Throws TrainingError(UnknownTask).
const TaskInfo& taskInfo(const std::string& name);
TrainOptions defaultOptions(const std::string& task);

// Throws TrainingError(UnknownTask or Options) with one sentence naming the
// first setting the task cannot take.
void validateOptions(const TrainOptions& options);

ModelShape shapeFor(const TrainOptions& options);

// One random sequence of the task, drawn from `rng`.
Example generateExample(const TrainOptions& options, Rng& rng);
// The task's example sequence at these sizes: always the same one.
Example fixedExample(const TrainOptions& options);
// How a token is written: "0", "1", ... and "|" for the sort separator.
std::string tokenLabel(const TrainOptions& options, int token);

struct StepResult
{
    int step = 0; // 1 for the first step
    double loss = 0;
    double accuracy = 0; // on the step's batch, before its update
};

// The attention of the fixed example after `step` steps (0: at
// initialisation): weights[layer][head], each n x n.
struct AttentionSnapshot
{
    int step = 0;
    std::vector<std::vector<Matrix>> weights;
};

struct TrainedModel
{
    TrainOptions options;
    std::uint64_t seed = 0;
    int steps = 0; // steps taken
    ModelShape shape;
    ModelParams params;
    std::vector<double> loss; // per step
    std::vector<double> accuracy;
};

class Trainer
{
public:
    // Validates the options (TrainingError) and initialises the model from the seed.
    Trainer(const TrainOptions& options, std::uint64_t seed);

    // One Adam step on a fresh batch. Throws TrainingError(Diverged) when the
    // loss is not finite (the trainer then refuses further steps) and
    // TrainingError(Finished) once options.steps steps are done.
    StepResult step();
    // Steps until done or until *cancel is set (checked before each step).
    // Returns true when all steps are done.
    bool run(const std::atomic<bool>* cancel = nullptr, const std::function<void(const StepResult&)>& onStep = {});

    bool done() const { return m_step >= m_options.steps; }
    int stepsDone() const { return m_step; }
    const TrainOptions& options() const { return m_options; }
    std::uint64_t seed() const { return m_seed; }
    const ModelShape& shape() const { return m_shape; }
    const ModelParams& params() const { return m_params; }
    const std::vector<double>& lossHistory() const { return m_loss; }
    const std::vector<double>& accuracyHistory() const { return m_accuracy; }
    // Taken at step 0, every options.snapshotEvery steps and after the last step.
    const std::vector<AttentionSnapshot>& snapshots() const { return m_snapshots; }
    // dL/dparameter of the last step's batch (all zero before the first step):
    // gradients().layers[l].wQuery is dL/dW_Q of layer l, and so on.
    const ModelParams& gradients() const { return m_grad; }
    TrainedModel model() const;

private:
    void snapshot();

    TrainOptions m_options;
    std::uint64_t m_seed;
    ModelShape m_shape;
    Rng m_data;
    ModelParams m_params;
    ModelParams m_grad;
    ModelParams m_adamM;
    ModelParams m_adamV;
    double m_beta1Power = 1;
    double m_beta2Power = 1;
    int m_step = 0;
    bool m_failed = false;
    std::vector<double> m_loss;
    std::vector<double> m_accuracy;
    std::vector<AttentionSnapshot> m_snapshots;
};

// The attention weights of a token sequence: [layer][head], each n x n.
std::vector<std::vector<Matrix>> attentionWeights(const TrainedModel& model, const std::vector<int>& tokens);
// The model's prediction (largest logit) at every position.
std::vector<int> predict(const TrainedModel& model, const std::vector<int>& tokens);
// Accuracy on `sequences` fresh sequences drawn from `seed`.
double evaluate(const TrainedModel& model, int sequences, std::uint64_t seed);

// What a head's weights (n x n, rows the queries) do, as the mean over the
// queries that can do it: the weight one token back (rows 1 .. n-1), and the
// weight on the token after the latest earlier copy of the query's own
// token (queries with such a copy; 0 when none has one).
double previousTokenScore(const Matrix& weights);
double inductionScore(const Matrix& weights, const std::vector<int>& tokens);

// Every stage of the model on `tokens` as the app's structures: tokens as
// labels, E = W_E rows, PE = the learned position rows, X = E + PE, and per
// layer its input, W_Q, W_K, W_V, Q, K, V and each head's raw scores,
// scores / sqrt(d_k) (-inf where masked), weights and output; a layer's
// output is its heads' outputs side by side (before W_O and the residual).
AttentionResult toAttentionResult(const TrainedModel& model, const std::vector<int>& tokens);
AttentionResult toAttentionResult(const TrainedModel& model); // the fixed example
// The settings the app needs to read that result (d_model, heads, causal,
// scaled, temperature 1, the tokens as the sentence, layer 1's weights).
AttentionConfig displayConfig(const TrainedModel& model, const std::vector<int>& tokens);

// The shipped presets ("previous", "induction"): fixed options and seed.
std::vector<std::string> presetNames();
TrainOptions presetOptions(const std::string& name);
std::uint64_t presetSeed(const std::string& name);
// Trains a preset from scratch (the same bits as the shipped file).
TrainedModel trainPreset(const std::string& name, const std::atomic<bool>* cancel = nullptr);

} // namespace attn::train
