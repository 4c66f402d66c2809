// Speed of one training step (batch forward, hand-written backward, Adam) at
// each task's default sizes, on one and on two threads.
// bench/training_compare_torch.py runs this beside the same step in PyTorch.

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

} // namespace

BENCHMARK_CAPTURE(trainingStep, previous, std::string("previous"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainingStep, reverse, std::string("reverse"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainingStep, sort, std::string("sort"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainingStep, induction, std::string("induction"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
