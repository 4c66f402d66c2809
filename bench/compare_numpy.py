#!/usr/bin/env python3
"""Runs attention-bench and the same float64 computation in NumPy in one
invocation, and prints NumPy time / engine time per shape.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/compare_numpy.py build/bench/attention-bench

The NumPy side is the code a student would write (as in the app's exported
script): seed and draw, project, then per head scores, scale, stable softmax
and the weighted sum.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import numpy as np

SHAPES = [(5, 3, 1), (64, 64, 1), (512, 512, 8), (1024, 768, 12), (2048, 768, 12)]


def sentence_of(tokens):
    return " ".join(f"w{(i * 7) % 50}" for i in range(tokens))


def numpy_attention(sentence, d_model, heads):
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


def flops(n, d, h):
    dk = d / h
    return 3 * 2 * n * d * d + h * 2 * (2 * n * n * dk)


def time_numpy(n, d, h, min_time=1.0):
    sentence = sentence_of(n)
    numpy_attention(sentence, d, h)  # warm up
    samples = []
    start = time.perf_counter()
    while time.perf_counter() - start < min_time or len(samples) < 5:
        t0 = time.perf_counter()
        numpy_attention(sentence, d, h)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def time_engine(bench, repetitions, shape):
    n, d, h = shape
    out = subprocess.run(
        [bench, f"--benchmark_filter=^BM_Attention/{n}/{d}/{h}/", "--benchmark_format=json",
         f"--benchmark_repetitions={repetitions}", "--benchmark_report_aggregates_only=true"],
        check=True, capture_output=True, text=True).stdout
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
            return b["real_time"] * scale
    raise RuntimeError(f"no median for {shape} in the benchmark output")


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return ", ".join(f"{i['internal_api']} {i.get('version')} {i.get('architecture')} "
                         f"{i['num_threads']} threads" for i in threadpool_info())
    except ImportError:
        return "threadpoolctl not installed"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", help="path to the attention-bench executable")
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
          f"NumPy {np.__version__}; BLAS: {blas_info()}")
    print("Each row times the engine and then NumPy back to back (medians), so both see the same load.")
    print(f"{'shape n/d_model/heads':>22} {'NumPy ms':>10} {'engine ms':>10} {'ratio':>7} "
          f"{'NumPy GFLOP/s':>14} {'engine GFLOP/s':>15}")
    for n, d, h in SHAPES:
        te = time_engine(args.bench, args.repetitions, (n, d, h))
        tn = time_numpy(n, d, h)
        f = flops(n, d, h)
        print(f"{f'{n}/{d}/{h}':>22} {tn * 1e3:10.3f} {te * 1e3:10.3f} {tn / te:6.2f}x "
              f"{f / tn * 1e-9:14.1f} {f / te * 1e-9:15.1f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
