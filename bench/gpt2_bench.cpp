// Speed of a GPT-2 checkpoint in the app: loading it, the forward pass with
// every layer's and head's attention weights, the result the views read, and
// a word typed at the end of a 64-token text until all layers x heads are on
// screen. bench/gpt2_compare_torch.py runs this beside PyTorch.
//
//     gpt2-bench --model FOLDER [benchmark flags]

#include "core/gpt2model.h"
#include "core/gpt2result.h"
#include "core/memory.h"
#include "core/products.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/modelloader.h"
#include "ui/document/viewstate.h"
#include "ui/widgets/modeloverview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::string g_folder;

// A text of exactly `tokens` GPT-2 tokens: common words, each one token
// with its leading space.
std::string textOf(const attn::Gpt2Tokenizer& tokenizer, int tokens)
{
    static const char* const words[] = {"the", "of", "and",  "to", "a",  "in", "is", "that", "for",  "it",
                                        "was", "on", "with", "as", "he", "be", "at", "by",   "this", "had"};
    std::string text = "The";
    for (int i = 1; i < tokens; ++i)
        text += std::string(" ") + words[(i * 7) % 20];
    if (static_cast<int>(tokenizer.encode(text).size()) != tokens)
        throw std::runtime_error("the bench text is not " + std::to_string(tokens) + " tokens long");
    return text;
}

const std::shared_ptr<const attn::Gpt2Bundle>& loadedBundle()
{
    static const std::shared_ptr<const attn::Gpt2Bundle> loaded = loadGpt2Bundle(g_folder);
    return loaded;
}

const attn::Gpt2Bundle& bundle()
{
    return *loadedBundle();
}

void BM_Gpt2Load(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(attn::Gpt2Model::load(g_folder));
}

// The forward pass alone: every layer's and head's weights, one layer's stages.
void BM_Gpt2Forward(benchmark::State& state)
{
    const int n = static_cast<int>(state.range(0));
    const std::vector<int> ids = bundle().tokenizer.encode(textOf(bundle().tokenizer, n));
    attn::Gpt2ForwardOptions options;
    options.stageLayers = {0};
    for (auto _ : state)
        benchmark::DoNotOptimize(attn::runGpt2(bundle().model, ids, options));
}

// What the document computes for a text: the ids, the forward pass and the
// result every view reads.
void BM_Gpt2Result(benchmark::State& state)
{
    const int n = static_cast<int>(state.range(0));
    const std::string text = textOf(bundle().tokenizer, n);
    for (auto _ : state)
        benchmark::DoNotOptimize(attn::runGpt2Text(loadedBundle(), text));
}

// Runs the event loop, sleeping between events as the window's does (a
// busy poll would take a core from the computation), until done() or the timeout.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QTimer wake; // so that a wait past the timeout ends
    wake.start(timeoutMs);
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return done();
}

// A word typed at the end of an n-token text, through the window's own path:
// the document's worker computes (the n - 1 positions before the word taken
// over from the result before), the model view draws every layer x head's
// thumbnail off the GUI thread and paints them.
void BM_Gpt2TypeWord(benchmark::State& state)
{
    const int n = static_cast<int>(state.range(0));
    const std::string prefix = textOf(bundle().tokenizer, n - 1);
    attn::AttentionConfig config = withModel(attn::AttentionConfig{}, g_folder);
    config.sentence = prefix + " cat";
    AttentionDocument document;
    document.reset(config);
    ViewState view;
    ModelOverview overview(&view);
    overview.resize(1200, 900);
    if (!waitFor([&] { return !document.isBusy() && document.result(); }, 120000)) {
        state.SkipWithError("the first computation did not finish");
        return;
    }
    int step = 0;
    for (auto _ : state) {
        config.sentence = prefix + (++step % 2 ? " dog" : " cat");
        document.setConfig(config);
        if (!waitFor([&] { return !document.isBusy() && document.resultConfig() == config; }, 60000)) {
            state.SkipWithError("no result for the text");
            return;
        }
        overview.setResult(document.result());
        if (!waitFor([&] { return !overview.isDrawing(); }, 60000)) {
            state.SkipWithError("the thumbnails were not drawn");
            return;
        }
        benchmark::DoNotOptimize(overview.grab());
    }
    state.counters["heads"] = double(document.result()->layers.size()) * document.result()->headCount();
}

} // namespace

BENCHMARK(BM_Gpt2Load)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Gpt2Forward)->Arg(64)->Arg(1024)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Gpt2Result)->Arg(64)->Arg(1024)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Gpt2TypeWord)->Arg(64)->Arg(1024)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv)
{
    attn::keepLargeBlocksForReuse();
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--model") == 0 && i + 1 < argc)
            g_folder = argv[++i];
        else
            rest.push_back(argv[i]);
    }
    if (g_folder.empty()) {
        std::cerr << "gpt2-bench: --model FOLDER is required (a GPT-2 checkpoint folder; "
                     "bench/gpt2_compare_torch.py makes one of GPT-2 small's shape)\n";
        return 2;
    }
    int restCount = static_cast<int>(rest.size());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(restCount, rest.data());
    try {
        bundle();
    } catch (const std::exception& e) {
        std::cerr << "gpt2-bench: " << e.what() << '\n';
        return 2;
    }
    benchmark::Initialize(&restCount, rest.data());
    benchmark::AddCustomContext("matrix products", attn::productBackend());
    benchmark::AddCustomContext("model", attn::describeGpt2(bundle().model.config()));
    if (benchmark::ReportUnrecognizedArguments(restCount, rest.data()))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
