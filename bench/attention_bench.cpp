// Speed of what the app does for one input: the engine run that produces
// every displayed stage. bench/compare_numpy.py runs this beside NumPy.

#include "core/attention.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

std::string sentenceOf(int tokens)
{
    // A vocabulary of 50 words, so repeated words share embeddings as in text.
    std::string sentence;
    for (int i = 0; i < tokens; ++i)
        sentence += "w" + std::to_string((i * 7) % 50) + ' ';
    return sentence;
}

attn::AttentionConfig benchConfig(int tokens, int dModel, int heads)
{
    attn::AttentionConfig config;
    config.explicitEmbeddings.clear();
    config.sentence = sentenceOf(tokens);
    config.dModel = dModel;
    config.heads = heads;
    config.init = attn::WeightInit::Normal;
    return config;
}

double flopsOf(int n, int d, int h)
{
    const double dk = double(d) / h;
    return 3.0 * 2.0 * n * double(d) * d + h * 2.0 * (2.0 * n * double(n) * dk);
}

void BM_Attention(benchmark::State& state)
{
    const int n = int(state.range(0));
    const int d = int(state.range(1));
    const int h = int(state.range(2));
    const attn::AttentionConfig config = benchConfig(n, d, h);
    for (auto _ : state) {
        attn::AttentionResult result = attn::computeAttention(config);
        benchmark::DoNotOptimize(result.output.data());
    }
    state.counters["GFLOP/s"] =
        benchmark::Counter(flopsOf(n, d, h) * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

} // namespace

BENCHMARK(BM_Attention)
    ->Args({5, 3, 1})
    ->Args({64, 64, 1})
    ->Args({512, 512, 8})
    ->Args({1024, 768, 12})
    ->Args({2048, 768, 12})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
