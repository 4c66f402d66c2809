// attention-train-preset: regenerates the shipped trained presets, or trains
// one task and reports how it went.
//
//   attention-train-preset OUTDIR               writes OUTDIR/previous.json and OUTDIR/induction.json
//   attention-train-preset OUTDIR previous      writes only that preset
//   attention-train-preset --train TASK [--seed S] [--threads N] [--steps N] [--lr X] [--layers N]
//          [--heads N] [--d-model N] [--vocab N] [--length N] [--batch N] [--mlp] [--out FILE]
//                                              trains TASK, prints loss and accuracy as it goes
//
// The shipped presets are resources/presets/{previous,induction}.json:
//   build/core/attention-train-preset resources/presets

#include "core/train/modelfile.h"
#include "core/train/training.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

int usage()
{
    std::fprintf(stderr, "usage: attention-train-preset OUTDIR [previous|induction ...]\n"
                         "       attention-train-preset --train TASK [--seed S] [--threads N] [--steps N] [--lr X]\n"
                         "              [--layers N] [--heads N] [--d-model N] [--vocab N] [--length N] [--batch N]\n"
                         "              [--mlp] [--out FILE]\n");
    return 2;
}

int trainOne(const std::vector<std::string>& args)
{
    using namespace attn::train;
    TrainOptions o = defaultOptions(args.at(1));
    std::uint64_t seed = 1;
    std::string out;
    for (std::size_t i = 2; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--mlp") {
            o.mlp = true;
            continue;
        }
        if (i + 1 >= args.size())
            return usage();
        const std::string& v = args[++i];
        if (a == "--seed")
            seed = std::stoull(v);
        else if (a == "--threads")
            o.threads = std::stoi(v);
        else if (a == "--steps")
            o.steps = std::stoi(v);
        else if (a == "--lr")
            o.learningRate = std::stod(v);
        else if (a == "--layers")
            o.layers = std::stoi(v);
        else if (a == "--heads")
            o.heads = std::stoi(v);
        else if (a == "--d-model")
            o.dModel = std::stoi(v);
        else if (a == "--vocab")
            o.vocab = std::stoi(v);
        else if (a == "--length")
            o.length = std::stoi(v);
        else if (a == "--batch")
            o.batch = std::stoi(v);
        else if (a == "--out")
            out = v;
        else
            return usage();
    }
    const auto start = std::chrono::steady_clock::now();
    Trainer t(o, seed);
    const int every = std::max(1, o.steps / 20);
    t.run(nullptr, [&](const StepResult& r) {
        if (r.step % every == 0 || r.step == o.steps) {
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::printf("step %5d  loss %.4f  accuracy %.3f  %.2f s\n", r.step, r.loss, r.accuracy, s);
        }
    });
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const TrainedModel m = t.model();
    std::printf("trained in %.2f s; held-out accuracy %.4f\n", s, evaluate(m, 500, 12345));
    if (!out.empty())
        saveModel(m, out);
    return 0;
}

} // namespace

int main(int argc, char** argv)
try {
    using namespace attn::train;
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty())
        return usage();
    if (args[0] == "--train")
        return args.size() >= 2 ? trainOne(args) : usage();
    if (args[0].rfind("--", 0) == 0)
        return usage();
    std::vector<std::string> names(args.begin() + 1, args.end());
    if (names.empty())
        names = presetNames();
    for (const std::string& name : names) {
        const TrainedModel m = trainPreset(name);
        const std::string path = args[0] + "/" + name + ".json";
        saveModel(m, path);
        std::printf("%s: %d steps, held-out accuracy %.4f -> %s\n", name.c_str(), m.steps, evaluate(m, 500, 12345),
                    path.c_str());
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "attention-train-preset: %s\n", e.what());
    return 1;
}
