"""One training step of the small attention models, ours against PyTorch.

Runs build/bench/training-bench (the hand-written float64 step) and the same
step in PyTorch 1.13 (float64, batched over the sequences, autograd and
torch.optim.Adam, 2 threads), at each task's default sizes, and prints the
times and their ratio. Usage:

    /usr/bin/python3 bench/training_compare_torch.py build/bench/training-bench
"""

import json
import math
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

# The tasks' defaults (core/train/training.cpp): layers, heads, d_model,
# vocabulary, length, batch, causal.
DEFAULTS = {
    "previous": (1, 2, 16, 8, 8, 32, True),
    "reverse": (1, 2, 16, 8, 8, 32, False),
    "sort": (1, 2, 32, 12, 11, 32, True),
    "induction": (2, 2, 16, 16, 16, 32, True),
}


def make_model(layers, heads, d, vocab, length):
    def p(*shape):
        return torch.empty(*shape, dtype=torch.float64).uniform_(-1, 1).mul_(1 / math.sqrt(d)).requires_grad_()

    params = {"tok": p(vocab, d), "pos": p(length, d), "unembed": p(d, vocab),
              "bias": torch.zeros(vocab, dtype=torch.float64, requires_grad=True)}
    for l in range(layers):
        for name in ("q", "k", "v", "o"):
            params["%s%d" % (name, l)] = p(d, d)
    return params


def loss_of(params, tokens, targets, layers, heads, d, causal):
    b, n = tokens.shape
    dk = d // heads
    x = params["tok"][tokens] + params["pos"][:n]
    mask = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
    for l in range(layers):
        def split(w):
            return (x @ w).view(b, n, heads, dk).transpose(1, 2)

        q, k, v = split(params["q%d" % l]), split(params["k%d" % l]), split(params["v%d" % l])
        s = q @ k.transpose(-1, -2) / math.sqrt(dk)
        if causal:
            s = s.masked_fill(mask, float("-inf"))
        z = (torch.softmax(s, dim=-1) @ v).transpose(1, 2).reshape(b, n, d)
        x = x + z @ params["o%d" % l]
    logits = x @ params["unembed"] + params["bias"]
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=-1)


def torch_step_seconds(task, repeats=300):
    layers, heads, d, vocab, length, batch, causal = DEFAULTS[task]
    torch.manual_seed(0)
    params = make_model(layers, heads, d, vocab, length)
    opt = torch.optim.Adam(params.values(), lr=1e-3)
    tokens = torch.randint(0, vocab, (batch, length))
    targets = torch.randint(0, vocab, (batch, length))
    targets[:, 0] = -1
    best = float("inf")
    for rep in range(5):
        start = time.perf_counter()
        for _ in range(repeats):
            opt.zero_grad()
            loss_of(params, tokens, targets, layers, heads, d, causal).backward()
            opt.step()
        best = min(best, (time.perf_counter() - start) / repeats)
    return best


def main():
    bench = sys.argv[1] if len(sys.argv) > 1 else "build/bench/training-bench"
    out = subprocess.run([bench, "--benchmark_filter=trainingStep", "--benchmark_format=json",
                          "--benchmark_repetitions=3",
                          "--benchmark_report_aggregates_only=true"],
                         check=True, capture_output=True, text=True).stdout
    ours = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            ours[b["run_name"]] = b["real_time"] * 1e-6  # microseconds
    torch.set_num_threads(2)
    print("%-10s %12s %12s %12s %8s" % ("task", "ours 1 thr", "ours 2 thr", "torch 2 thr", "torch/ours"))
    for task in DEFAULTS:
        one = ours.get("trainingStep/%s/1" % task)
        two = ours.get("trainingStep/%s/2" % task)
        t = torch_step_seconds(task)
        fastest = min(x for x in (one, two) if x)
        print("%-10s %10.3f ms %10.3f ms %10.3f ms %8.2f" % (task, one * 1e3, two * 1e3, t * 1e3, t / fastest))


if __name__ == "__main__":
    main()
