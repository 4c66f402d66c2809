// Speed of one training step (batch forward, hand-written backward, Adam) at
// each task's default sizes, on one and on two threads, and a whole training
// of each task's defaults on two threads with the accuracy it reaches on
// fresh sequences (the target: the task's accuracy within 60 s).
// bench/training_compare_torch.py runs the steps beside the same step in PyTorch.

#include "core/train/training.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

void trainingStep(benchmark::State& state, const std::string& task)
{
    attn::train::TrainOptions options = attn::train::defaultOptions(task);
    options.threads = static_cast<int>(state.range(0));
    // Enough steps that the benchmark never runs out of them.
    options.steps = 1 << 30;
    attn::train::Trainer trainer(options, 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(trainer.step());
    state.counters["sequences/s"] =
        benchmark::Counter(static_cast<double>(options.batch), benchmark::Counter::kIsIterationInvariantRate);
}

// The task's defaults from seed 5 to the last step, then held-out accuracy
// on 300 fresh sequences (not timed).
void trainToTarget(benchmark::State& state, const std::string& task)
{
    attn::train::TrainOptions options = attn::train::defaultOptions(task);
    options.threads = 2;
    double accuracy = 0;
    for (auto _ : state) {
        attn::train::Trainer trainer(options, 5);
        trainer.run();
        state.PauseTiming();
        accuracy = attn::train::evaluate(trainer.model(), 300, 99);
        state.ResumeTiming();
    }
    state.counters["steps"] = options.steps;
    state.counters["held_out_accuracy"] = accuracy;
}

} // namespace

BENCHMARK_CAPTURE(trainToTarget, previous, std::string("previous"))->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK_CAPTURE(trainToTarget, reverse, std::string("reverse"))->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK_CAPTURE(trainToTarget, sort, std::string("sort"))->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK_CAPTURE(trainToTarget, induction, std::string("induction"))->Unit(benchmark::kSecond)->Iterations(1);

BENCHMARK_CAPTURE(trainingStep, previous, std::string("previous"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainingStep, reverse, std::string("reverse"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainingStep, sort, std::string("sort"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainingStep, induction, std::string("induction"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
