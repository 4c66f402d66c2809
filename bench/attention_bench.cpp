// Speed of what the app does for one input: the engine run that produces
// every displayed stage. bench/compare_numpy.py runs this beside NumPy.

#include "core/attention.h"
#include "core/memory.h"
#include "core/parallel.h"
#include "core/products.h"
#include "core/softmaxkernel.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/exportfiles.h"
#include "ui/render/figure.h"
#include "ui/render/figureexport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

// A vocabulary of 50 words, so repeated words share embeddings as in text
// (the engine computes a repeated word's rows once); with `distinct`, every
// token is a word of its own: nothing repeats, the engine's slowest case.
std::string sentenceOf(int tokens, bool distinct = false)
{
    std::string sentence;
    for (int i = 0; i < tokens; ++i)
        sentence += "w" + std::to_string(distinct ? i : (i * 7) % 50) + ' ';
    return sentence;
}

// The first `tokens` words of the file AV_BENCH_TEXT (a real text: some
// words come back, most do not); empty when it is not set or too short.
std::string textOf(int tokens)
{
    QFile file(qEnvironmentVariable("AV_BENCH_TEXT"));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    const QStringList words =
        QString::fromUtf8(file.readAll()).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (words.size() < tokens)
        return {};
    return words.mid(0, tokens).join(QLatin1Char(' ')).toStdString();
}

attn::AttentionConfig benchConfig(int tokens, int dModel, int heads, bool distinct = false)
{
    attn::AttentionConfig config;
    config.explicitEmbeddings.clear();
    config.sentence = sentenceOf(tokens, distinct);
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

// The engine on `config` (its shape the state's n, d_model and heads).
void runAttention(benchmark::State& state, const attn::AttentionConfig& config, bool everyHeadsScores)
{
    const int n = int(state.range(0));
    const int d = int(state.range(1));
    const int h = int(state.range(2));
    const attn::ScoresKept keep =
        everyHeadsScores ? attn::ScoresKept{} : attn::scoresToKeep(std::uint64_t(n), std::uint64_t(h), 0, 0);
    for (auto _ : state) {
        attn::AttentionResult result = attn::computeAttention(config, nullptr, keep);
        benchmark::DoNotOptimize(result.layers.front().output.data());
    }
    state.counters["GFLOP/s"] =
        benchmark::Counter(flopsOf(n, d, h) * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

void attention(benchmark::State& state, bool everyHeadsScores, bool distinct = false)
{
    runAttention(state, benchConfig(int(state.range(0)), int(state.range(1)), int(state.range(2)), distinct),
                 everyHeadsScores);
}

// The whole computation as the window runs it: every head's weights and
// outputs, the scores of the head on screen (scoresToKeep).
void BM_Attention(benchmark::State& state)
{
    attention(state, false);
}

// The same with every token a different word: no row is computed once for
// several tokens.
void BM_AttentionDistinct(benchmark::State& state)
{
    attention(state, false, true);
}

// The same on the first n words of the file AV_BENCH_TEXT (skipped without it).
void BM_AttentionText(benchmark::State& state)
{
    const int n = int(state.range(0));
    attn::AttentionConfig config = benchConfig(n, int(state.range(1)), int(state.range(2)));
    config.sentence = textOf(n);
    if (config.sentence.empty()) {
        state.SkipWithError("AV_BENCH_TEXT does not name a file of that many words");
        return;
    }
    runAttention(state, config, false);
    state.SetLabel(std::to_string(attn::buildVocabulary(attn::splitTokens(config.sentence)).words.size()) +
                   " distinct words");
}

// The same keeping every head's raw and scaled scores too.
void BM_AttentionEveryScore(benchmark::State& state)
{
    attention(state, true);
}

// One projection X W (n x d times d x d) split over the cores by rows, as the
// engine runs it: how close the products come to the machine's peak.
void BM_Projection(benchmark::State& state)
{
    const int n = int(state.range(0));
    const int d = int(state.range(1));
    const attn::Matrix x = attn::Matrix::Random(n, d);
    const attn::Matrix w = attn::Matrix::Random(d, d);
    attn::Matrix out(n, d);
    for (auto _ : state) {
        attn::parallelFor(n, [&](int begin, int end) {
            attn::multiply(out.middleRows(begin, end - begin), x.middleRows(begin, end - begin), w);
        });
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["GFLOP/s"] =
        benchmark::Counter(2.0 * n * double(d) * d * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

// The peak the products can reach here: every core multiplies its own
// n x n matrices (no shared work, no split) on the kernel multiply() runs.
// BM_Projection's GFLOP/s over this one's is how near the engine's split
// products come to the machine's dgemm peak.
void BM_DgemmPeak(benchmark::State& state)
{
    const int n = int(state.range(0));
    const int threads = attn::workerCount();
    std::vector<attn::Matrix> a, b, c;
    for (int t = 0; t < threads; ++t) {
        a.push_back(attn::Matrix::Random(n, n));
        b.push_back(attn::Matrix::Random(n, n));
        c.emplace_back(n, n);
    }
    for (auto _ : state) {
        attn::parallelFor(threads, [&](int begin, int end) {
            for (int t = begin; t < end; ++t)
                attn::multiply(c[std::size_t(t)], a[std::size_t(t)], b[std::size_t(t)]);
        });
        benchmark::DoNotOptimize(c.front().data());
    }
    state.counters["GFLOP/s"] =
        benchmark::Counter(threads * 2.0 * n * double(n) * n * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

// The scale-and-softmax pass alone, on one thread: one head's n x n scores
// (d_k 64) scaled and turned into weights row by row. Variant -1 is Eigen's
// array expressions compiled with this build's flags (SSE2 without
// -march=native), what the engine ran before its own row kernel; 0, 1, 2 the
// kernel's SSE2, AVX2+FMA and AVX-512F variants (core/softmaxkernel.h).
void BM_SoftmaxRows(benchmark::State& state)
{
    const int n = int(state.range(0));
    const int variant = int(state.range(1));
    const attn::Matrix scores = 8.0 * attn::Matrix::Random(n, n);
    attn::Matrix scaled(n, n);
    attn::Matrix weights(n, n);
    const double sqrtDk = 8.0;
    if (variant >= 0 && !attn::softmax::supported(attn::softmax::Variant(variant))) {
        state.SkipWithError("this processor does not run the variant");
        return;
    }
    for (auto _ : state) {
        if (variant < 0) {
            for (int r = 0; r < n; ++r) {
                scaled.row(r) = scores.row(r) / sqrtDk;
                const double rowMax = scaled.row(r).maxCoeff();
                weights.row(r) = (scaled.row(r).array() - rowMax).exp().matrix();
                weights.row(r) /= weights.row(r).sum();
            }
        } else {
            const attn::softmax::Kernels& k = attn::softmax::kernels(attn::softmax::Variant(variant));
            for (int r = 0; r < n; ++r)
                k.scaleSoftmaxRow(scores.row(r).data(), scaled.row(r).data(), weights.row(r).data(), n, n,
                                  attn::softmax::RowScale{true, sqrtDk, 1.0});
        }
        benchmark::DoNotOptimize(weights.data());
    }
    state.SetLabel(variant < 0 ? "Eigen" : attn::softmax::variantName(attn::softmax::Variant(variant)));
    state.SetItemsProcessed(state.iterations() * n * n);
}

// What the window does after an edit at n tokens: compute, then paint the
// whole figure into a 1600 x 1000 view.
void BM_RecomputeAndRender(benchmark::State& state)
{
    const int n = int(state.range(0));
    const attn::AttentionConfig config = benchConfig(n, 64, 4);
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
        FigureSettings settings;
        settings.fitTo = QSizeF(image.size());
        const Figure figure(config, result, settings);
        QPainter painter(&image);
        const double zoom = std::min(image.width() / figure.size().width(), image.height() / figure.size().height());
        painter.scale(zoom, zoom);
        figure.paint(&painter);
        painter.end();
        benchmark::DoNotOptimize(image.bits());
    }
}

// Turns the event loop until the document delivered its newest request, as
// the window's loop does (the result wakes it: no polling, no sleeping), or
// until `timeoutMs` passed. True when idle.
bool waitUntilIdle(AttentionDocument& document, int timeoutMs)
{
    if (!document.isBusy())
        return true;
    QEventLoop loop;
    QObject::connect(&document, &AttentionDocument::busyChanged, &loop, [&loop](bool busy) {
        if (!busy)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !document.isBusy();
}

// The window's own path for one step of a temperature drag at n tokens,
// d_model 768 and 12 heads: the request goes to the document's worker thread
// and the result comes back through the event loop.
void BM_DocumentRecompute(benchmark::State& state)
{
    const int n = int(state.range(0));
    attn::AttentionConfig config = benchConfig(n, 768, 12);
    AttentionDocument document;
    document.reset(config);
    if (!waitUntilIdle(document, 60000) || !document.result()) {
        state.SkipWithError("the first computation did not finish");
        return;
    }
    int step = 0;
    for (auto _ : state) {
        config.temperature = 1.0 + 0.01 * (++step % 50);
        document.setConfig(config);
        if (!waitUntilIdle(document, 60000) || document.resultConfig() != config) {
            state.SkipWithError("no result for the request");
            return;
        }
    }
}

void BM_ExportPng(benchmark::State& state)
{
    const int n = int(state.range(0));
    const attn::AttentionConfig config = benchConfig(n, 64, 4);
    const auto result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
    QTemporaryDir dir;
    const QString path = dir.filePath("figure.png");
    for (auto _ : state) {
        QString error;
        if (!exportFigure(path, config, result, FigureOptions{}, &error))
            state.SkipWithError(qPrintable(error));
    }
}

} // namespace

BENCHMARK(BM_RecomputeAndRender)->Arg(5)->Arg(64)->Arg(512)->Arg(1024)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Projection)->Args({1024, 768})->Args({2048, 768})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SoftmaxRows)
    ->ArgsProduct({{256, 1024}, {-1, 0, 1, 2}})
    ->ArgNames({"n", "variant"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_DgemmPeak)->Arg(1024)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DocumentRecompute)->Arg(512)->Arg(1024)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ExportPng)->Arg(5)->Arg(64)->Arg(512)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK(BM_Attention)
    ->Args({5, 3, 1})
    ->Args({64, 64, 1})
    ->Args({512, 512, 8})
    ->Args({1024, 768, 12})
    ->Args({2048, 768, 12})
    ->Args({4096, 768, 12})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK(BM_AttentionDistinct)
    ->Args({1024, 768, 12})
    ->Args({2048, 768, 12})
    ->Args({4096, 768, 12})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK(BM_AttentionText)->Args({1024, 768, 12})->Args({2048, 768, 12})->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK(BM_AttentionEveryScore)
    ->Args({1024, 768, 12})
    ->Args({2048, 768, 12})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char** argv)
{
    // As the app does before any thread starts (core/memory.h).
    attn::keepLargeBlocksForReuse();
    // Rendering needs a GUI application, never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::AddCustomContext("matrix products", attn::productBackend());
    benchmark::AddCustomContext("softmax rows", attn::softmax::variantName(attn::softmax::dispatched().variant));
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
