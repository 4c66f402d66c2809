#!/usr/bin/env python3
"""Runs attention-bench, the same float64 computation in NumPy and in PyTorch,
interleaved in one invocation, and prints NumPy time / engine time and
PyTorch time / engine time per shape.

    /usr/bin/python3 bench/compare_numpy.py build/bench/attention-bench

Every side gets OpenBLAS's proper kernels for this processor: OpenBLAS picks
its kernels (its "core") once, when it loads, from OPENBLAS_CORETYPE or its own
table of processors, which may not know this one. So NumPy and PyTorch each run
in a fresh process, once with OpenBLAS's own choice (OPENBLAS_CORETYPE unset)
and once with the core the processor's vector units call for, and the faster
counts. The engine chooses for itself (core/products.h) and runs with
OPENBLAS_CORETYPE unset. NumPy and PyTorch use as many threads as there are
cores (OpenBLAS's threads; PyTorch's intra-op threads too).

Each round measures the engine and then each library back to back for one
shape, so that every ratio compares times taken under the same load; the
table gives the median ratio over the rounds and its range.

The NumPy side is the code a student would write (as in the app's exported
script): seed and draw, project, then per head scores, scale, stable softmax
and the weighted sum, keeping every stage as the engine does. The PyTorch side
is the same with torch tensors and torch.softmax.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

SHAPES = [(5, 3, 1), (64, 64, 1), (512, 512, 8), (1024, 768, 12), (2048, 768, 12)]
TARGETS = {(1024, 768, 12): (2.5, 2.0), (2048, 768, 12): (2.0, 2.0)}  # (NumPy, PyTorch)


def sentence_of(tokens, text=None):
    """50 words coming back, as BM_Attention; text "distinct": every token its own word
    (BM_AttentionDistinct); else a file's path: its first words (BM_AttentionText)."""
    if text is None or text == "distinct":
        return " ".join(f"w{i if text else (i * 7) % 50}" for i in range(tokens))
    with open(text, encoding="utf-8") as f:
        words = f.read().split()
    if len(words) < tokens:
        raise SystemExit(f"error: {text} has {len(words)} words, fewer than {tokens}")
    return " ".join(words[:tokens])


def numpy_attention(np, sentence, d_model, heads):
    tokens = sentence.split()
    vocabulary = list(dict.fromkeys(tokens))
    np.random.seed(0)
    embedding = {word: np.random.rand(d_model) for word in vocabulary}
    X = np.array([embedding[t] for t in tokens])
    np.random.seed(42)
    W_query = np.random.randn(d_model, d_model) / np.sqrt(d_model)
    W_key = np.random.randn(d_model, d_model) / np.sqrt(d_model)
    W_value = np.random.randn(d_model, d_model) / np.sqrt(d_model)
    Q, K, V = X @ W_query, X @ W_key, X @ W_value
    d_k = d_model // heads
    weights, outputs, scores_all, scaled_all = [], [], [], []
    for h in range(heads):
        cols = slice(h * d_k, (h + 1) * d_k)
        scores = Q[:, cols] @ K[:, cols].T
        scaled = scores / np.sqrt(d_k)
        exps = np.exp(scaled - scaled.max(axis=1, keepdims=True))
        w = exps / exps.sum(axis=1, keepdims=True)
        scores_all.append(scores)
        scaled_all.append(scaled)
        weights.append(w)
        outputs.append(w @ V[:, cols])
    return np.hstack(outputs)


def torch_attention(torch, sentence, d_model, heads):
    tokens = sentence.split()
    vocabulary = list(dict.fromkeys(tokens))
    torch.manual_seed(0)
    embedding = {word: torch.rand(d_model, dtype=torch.float64) for word in vocabulary}
    X = torch.stack([embedding[t] for t in tokens])
    torch.manual_seed(42)
    scale = d_model ** 0.5
    W_query = torch.randn(d_model, d_model, dtype=torch.float64) / scale
    W_key = torch.randn(d_model, d_model, dtype=torch.float64) / scale
    W_value = torch.randn(d_model, d_model, dtype=torch.float64) / scale
    Q, K, V = X @ W_query, X @ W_key, X @ W_value
    d_k = d_model // heads
    weights, outputs, scores_all, scaled_all = [], [], [], []
    for h in range(heads):
        cols = slice(h * d_k, (h + 1) * d_k)
        scores = Q[:, cols] @ K[:, cols].T
        scaled = scores / d_k ** 0.5
        w = torch.softmax(scaled, dim=1)
        scores_all.append(scores)
        scaled_all.append(scaled)
        weights.append(w)
        outputs.append(w @ V[:, cols])
    return torch.hstack(outputs)


def flops(n, d, h):
    dk = d / h
    return 3 * 2 * n * d * d + h * 2 * (2 * n * n * dk)


def openblas_core():
    """The core of the OpenBLAS this process loaded (the same library object)."""
    import ctypes
    try:
        lib = ctypes.CDLL("libopenblas.so.0")
        lib.openblas_get_corename.restype = ctypes.c_char_p
        lib.openblas_get_config.restype = ctypes.c_char_p
        return lib.openblas_get_corename().decode(), lib.openblas_get_config().decode().split()[1]
    except (OSError, AttributeError, IndexError):
        return "?", "?"


def worker(library, shape, min_time, text):
    """Runs in a child process: times one library at one shape, prints JSON."""
    n, d, h = shape
    sentence = sentence_of(n, text)
    threads = os.cpu_count()
    if library == "numpy":
        import numpy as np
        run = lambda: numpy_attention(np, sentence, d, h)  # noqa: E731
        version = np.__version__
    else:
        import torch
        torch.set_num_threads(threads)
        run = lambda: torch_attention(torch, sentence, d, h)  # noqa: E731
        version = torch.__version__
    run()  # warm up: OpenBLAS's buffers, first-touch of the pages
    samples = []
    start = time.perf_counter()
    while time.perf_counter() - start < min_time or len(samples) < 3:
        t0 = time.perf_counter()
        run()
        samples.append(time.perf_counter() - t0)
    core, blas_version = openblas_core()
    print(json.dumps({"seconds": statistics.median(samples), "core": core, "openblas": blas_version,
                      "version": version, "threads": threads}))


def fitting_core():
    """The OpenBLAS core this processor's vector units call for (as core/products.cpp)."""
    try:
        with open("/proc/cpuinfo") as f:
            flags = next(line for line in f if line.startswith("flags")).split(":", 1)[1].split()
    except (OSError, StopIteration):
        return None
    if all(f in flags for f in ("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl")):
        return "SkylakeX"
    if "avx2" in flags and "fma" in flags:
        return "Haswell"
    if "avx" in flags:
        return "Sandybridge"
    return None


def child_env(core):
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    if core:
        env["OPENBLAS_CORETYPE"] = core
    threads = str(os.cpu_count())
    env["OPENBLAS_NUM_THREADS"] = threads
    env["OMP_NUM_THREADS"] = threads
    return env


def time_library(library, shape, core, min_time, text):
    out = subprocess.run([sys.executable, __file__, "--worker", library, "--shape", ",".join(map(str, shape)),
                          "--min-time", str(min_time)] + (["--text", text] if text else []),
                         env=child_env(core), check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def time_engine(bench, repetitions, shape, text):
    n, d, h = shape
    name = {None: "BM_Attention", "distinct": "BM_AttentionDistinct"}.get(text, "BM_AttentionText")
    env = child_env(None)
    if name == "BM_AttentionText":
        env["AV_BENCH_TEXT"] = os.path.abspath(text)
    out = subprocess.run(
        [bench, f"--benchmark_filter=^{name}/{n}/{d}/{h}/", "--benchmark_format=json",
         f"--benchmark_repetitions={repetitions}", "--benchmark_report_aggregates_only=true"],
        env=env, check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    for b in report["benchmarks"]:
        if b.get("aggregate_name") == "median":
            scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
            return b["real_time"] * scale, report["context"].get("matrix products", "?")
    errors = [b.get("error_message", "") for b in report["benchmarks"] if b.get("error_occurred")]
    raise RuntimeError(f"no median for {shape} in the benchmark output" + (f": {errors[0]}" if errors else ""))


def cpu_name():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", nargs="?", help="path to the attention-bench executable")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per shape")
    parser.add_argument("--repetitions", type=int, default=3, help="engine repetitions per round")
    parser.add_argument("--min-time", type=float, default=0.5, help="seconds each library runs per round")
    parser.add_argument("--shapes", help="n/d_model/heads,... (default: the five of bench/README.md)")
    parser.add_argument("--no-torch", action="store_true", help="NumPy only")
    parser.add_argument("--distinct", action="store_true",
                        help="every token a different word (BM_AttentionDistinct; shapes 1024 and 2048 only)")
    parser.add_argument("--text", help="the first words of this file instead (BM_AttentionText; 1024 and 2048)")
    parser.add_argument("--worker", choices=["numpy", "torch"], help=argparse.SUPPRESS)
    parser.add_argument("--shape", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        worker(args.worker, tuple(int(x) for x in args.shape.split(",")), args.min_time, args.text)
        return 0
    if not args.bench:
        parser.error("the path to attention-bench is required")

    shapes = SHAPES
    if args.shapes:
        shapes = [tuple(int(x) for x in s.split("/")) for s in args.shapes.split(",")]
    libraries = ["numpy"] + ([] if args.no_torch else ["torch"])
    fit = fitting_core()
    cores = [None] + ([fit] if fit else [])  # None: OpenBLAS's own choice

    print(f"CPU: {cpu_name()}, {os.cpu_count()} cores; vector units call for OpenBLAS core {fit or '(none)'}")
    if args.distinct and args.text:
        parser.error("--distinct and --text exclude each other")
    text = "distinct" if args.distinct else args.text
    if text and text != "distinct":
        for n, _, _ in shapes:
            distinct = len(set(sentence_of(n, text).split()))
            print(f"Sentence: the first {n} words of {text} ({distinct} distinct)")
    else:
        print("Sentence: " + ("every token a different word" if text else "50 words coming back (w0 w7 w14 ...)"))
    print("Each round times the engine and then each library back to back; ratios are medians over "
          f"{args.rounds} rounds [min-max].")
    header = f"{'n/d_model/heads':>16} {'engine ms':>10}"
    for lib in libraries:
        header += f" {lib + ' ms':>10} {lib + ' / engine':>22}"
    header += f" {'engine GFLOP/s':>15}"
    print(header)
    seen = {}
    failed = []
    for shape in shapes:
        engine_times, lib_times, ratios = [], {lib: [] for lib in libraries}, {lib: [] for lib in libraries}
        for _ in range(args.rounds):
            te, backend = time_engine(args.bench, args.repetitions, shape, text)
            seen["engine"] = backend
            engine_times.append(te)
            for lib in libraries:
                best = None
                for core in cores:
                    r = time_library(lib, shape, core, args.min_time, text)
                    if best is None or r["seconds"] < best["seconds"]:
                        best = r
                    seen.setdefault(lib, {"version": r["version"], "openblas": r["openblas"],
                                          "threads": r["threads"], "cores": {}})
                    seen[lib]["cores"].setdefault(r["core"], []).append(r["seconds"] / te)
                lib_times[lib].append(best["seconds"])
                ratios[lib].append(best["seconds"] / te)
        te = statistics.median(engine_times)
        line = f"{'/'.join(map(str, shape)):>16} {te * 1e3:10.3f}"
        for i, lib in enumerate(libraries):
            r = ratios[lib]
            target = TARGETS.get(shape, (None, None))[i]
            mark = ""
            if target:
                mark = " ok" if statistics.median(r) >= target else " MISS"
                if mark == " MISS":
                    failed.append(f"{lib} at {'/'.join(map(str, shape))}")
            text = f"{statistics.median(r):.2f}x [{min(r):.2f}-{max(r):.2f}]"
            text += f"{mark}" + (f" (>= {target})" if target else "")
            line += f" {statistics.median(lib_times[lib]) * 1e3:10.3f} {text:>22}"
        line += f" {flops(*shape) / te * 1e-9:15.1f}"  # nominal: the products NumPy computes
        print(line, flush=True)

    print(f"engine matrix products: {seen.get('engine')}")
    for lib in libraries:
        info = seen.get(lib)
        if not info:
            continue
        per_core = ", ".join(f"{core} {statistics.median(v):.2f}x" for core, v in info["cores"].items())
        print(f"{lib} {info['version']} on OpenBLAS {info['openblas']}, {info['threads']} threads; "
              f"median ratio to the engine per OpenBLAS core tried: {per_core}")
    if failed:
        print("targets missed: " + ", ".join(failed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
