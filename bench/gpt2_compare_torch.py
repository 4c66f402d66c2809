#!/usr/bin/env python3
"""A GPT-2 checkpoint in the app beside PyTorch's eager forward pass, in one run.

    /usr/bin/python3 bench/gpt2_compare_torch.py build            # gpt2's shape
    /usr/bin/python3 bench/gpt2_compare_torch.py build --shape large
    /usr/bin/python3 bench/gpt2_compare_torch.py build --model ~/models/gpt2

Without --model it writes a checkpoint of the shape asked for (random weights
with GPT-2's initial spread, float32 safetensors, GPT-2's vocabulary size so
the app's own tokenizer applies) into a temporary folder and deletes it after.

What it measures, each side in fresh processes, interleaved over --rounds:
  - the app, whole process: attention-visualizer --model --sentence (1024
    tokens) --layer 1 --head 1 --export-image, from start to the PNG on disk:
    loading, the forward pass with every layer's and head's weights, the result
    and the figure; its wall time and peak resident memory;
  - the forward pass alone (gpt2-bench BM_Gpt2Forward/1024) and a word typed at
    the end of a 64-token text until every layer x head is on screen
    (BM_Gpt2TypeWord/64);
  - PyTorch (Debian's python3-torch, float32, as many threads as cores): the
    same forward written with torch operations (the layers of Hugging Face's
    GPT2LMHeadModel: ln_1, causal attention keeping every head's weights,
    c_proj, ln_2, the MLP with gelu_new, ln_f, the logits of every position),
    timed after a warm-up; and its whole process (import, load, one forward).
    PyTorch runs once with OpenBLAS's own choice of kernels and once with the
    core the processor's vector units call for; the faster counts.

The issue's targets: the app's whole process at 1024 tokens at least 2x
faster than PyTorch's forward; a typed word at 64 tokens within 150 ms; peak
memory at 1024 tokens within 1.6 GB for gpt2 and 8 GB for gpt2-large.
"""

import argparse
import json
import os
import resource
import statistics
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_numpy import cpu_name, fitting_core  # noqa: E402  (the same CPU facts as the NumPy comparison)

SHAPES = {"small": (12, 12, 768), "medium": (24, 16, 1024), "large": (36, 20, 1280)}
VOCAB, CONTEXT = 50257, 1024
WORDS = ["the", "of", "and", "to", "a", "in", "is", "that", "for", "it",
         "was", "on", "with", "as", "he", "be", "at", "by", "this", "had"]  # as gpt2_bench.cpp


def text_of(tokens):
    return "The" + "".join(" " + WORDS[(i * 7) % 20] for i in range(1, tokens))


def ids_of(tokens, encoder):
    return [encoder["The"]] + [encoder["\u0120" + WORDS[(i * 7) % 20]] for i in range(1, tokens)]


def write_checkpoint(folder, layers, heads, d):
    import numpy as np
    rng = np.random.default_rng(0)

    def normal(shape, std=0.02):
        return (rng.standard_normal(shape, dtype=np.float32) * np.float32(std))

    specs = [("wte.weight", (VOCAB, d)), ("wpe.weight", (CONTEXT, d))]
    for i in range(layers):
        p = f"h.{i}."
        specs += [(p + "ln_1.weight", (d,)), (p + "ln_1.bias", (d,)), (p + "attn.c_attn.weight", (d, 3 * d)),
                  (p + "attn.c_attn.bias", (3 * d,)), (p + "attn.c_proj.weight", (d, d)),
                  (p + "attn.c_proj.bias", (d,)), (p + "ln_2.weight", (d,)), (p + "ln_2.bias", (d,)),
                  (p + "mlp.c_fc.weight", (d, 4 * d)), (p + "mlp.c_fc.bias", (4 * d,)),
                  (p + "mlp.c_proj.weight", (4 * d, d)), (p + "mlp.c_proj.bias", (d,))]
    specs += [("ln_f.weight", (d,)), ("ln_f.bias", (d,))]
    header, offset = {"__metadata__": {"format": "pt"}}, 0
    for name, shape in specs:
        size = 4 * int(np.prod(shape))
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + size]}
        offset += size
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "model.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for name, shape in specs:
            if name.endswith(("ln_1.weight", "ln_2.weight", "ln_f.weight")):
                array = np.ones(shape, dtype=np.float32)
            elif name.endswith(".bias"):
                array = np.zeros(shape, dtype=np.float32)
            else:
                array = normal(shape, 0.01 if name == "wpe.weight" else 0.02)
            f.write(array.astype("<f4").tobytes())
    config = {"model_type": "gpt2", "n_layer": layers, "n_head": heads, "n_embd": d, "n_positions": CONTEXT,
              "n_ctx": CONTEXT, "vocab_size": VOCAB, "layer_norm_epsilon": 1e-5,
              "activation_function": "gelu_new"}
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f)


# ---------------------------------------------------------------- PyTorch

def torch_worker(folder, tokens, repeats):
    started = time.perf_counter()
    import numpy as np
    import torch
    torch.set_num_threads(os.cpu_count())
    config = json.load(open(os.path.join(folder, "config.json")))
    path = os.path.join(folder, "model.safetensors")
    with open(path, "rb") as f:
        length = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(length))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + length)
    w = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        w[name.replace("transformer.", "")] = torch.from_numpy(
            np.array(data[begin:end].view(np.float32).reshape(info["shape"])))
    layers, heads, d = config["n_layer"], config["n_head"], config["n_embd"]
    dk = d // heads
    encoder = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources",
                                          "gpt2", "encoder.json")))
    ids = torch.tensor(ids_of(tokens, encoder))
    n = len(ids)
    ln = torch.nn.functional.layer_norm
    gelu = torch.nn.functional.gelu

    def forward():
        with torch.no_grad():
            x = w["wte.weight"][ids] + w["wpe.weight"][:n]
            mask = torch.triu(torch.ones(n, n, dtype=torch.bool), 1)
            attentions = []
            for i in range(layers):
                p = f"h.{i}."
                a = ln(x, (d,), w[p + "ln_1.weight"], w[p + "ln_1.bias"], 1e-5)
                q, k, v = torch.addmm(w[p + "attn.c_attn.bias"], a, w[p + "attn.c_attn.weight"]).split(d, 1)
                q, k, v = (t.view(n, heads, dk).transpose(0, 1) for t in (q, k, v))
                scores = torch.matmul(q, k.transpose(-1, -2)) / (dk ** 0.5)
                weights = torch.softmax(scores.masked_fill(mask, float("-inf")), -1)
                attentions.append(weights)
                o = torch.matmul(weights, v).transpose(0, 1).reshape(n, d)
                x = x + torch.addmm(w[p + "attn.c_proj.bias"], o, w[p + "attn.c_proj.weight"])
                m = ln(x, (d,), w[p + "ln_2.weight"], w[p + "ln_2.bias"], 1e-5)
                m = gelu(torch.addmm(w[p + "mlp.c_fc.bias"], m, w[p + "mlp.c_fc.weight"]), approximate="tanh")
                x = x + torch.addmm(w[p + "mlp.c_proj.bias"], m, w[p + "mlp.c_proj.weight"])
            h = ln(x, (d,), w["ln_f.weight"], w["ln_f.bias"], 1e-5)
            return attentions, h @ w.get("lm_head.weight", w["wte.weight"]).T

    forward()
    whole = time.perf_counter() - started
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        forward()
        samples.append(time.perf_counter() - t0)
    import ctypes
    try:
        lib = ctypes.CDLL("libopenblas.so.0")
        lib.openblas_get_corename.restype = ctypes.c_char_p
        core = lib.openblas_get_corename().decode()
    except (OSError, AttributeError):
        core = "?"
    print(json.dumps({"forward": statistics.median(samples), "whole": whole, "core": core,
                      "version": torch.__version__, "threads": torch.get_num_threads()}))


def env_with_core(core):
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    if core:
        env["OPENBLAS_CORETYPE"] = core
    env["OPENBLAS_NUM_THREADS"] = env["OMP_NUM_THREADS"] = str(os.cpu_count())
    return env


def run_measured(command, env):
    """Wall time, peak resident memory (bytes) and stdout of a child process."""
    t0 = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = child.communicate()
    seconds = time.perf_counter() - t0
    if child.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {err.strip()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # the largest child so far
    return seconds, peak, out


def peak_of(command, env):
    """Peak resident memory of one run, read by /usr/bin/time (GNU time) when there."""
    if os.path.exists("/usr/bin/time"):
        out = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, env=env, capture_output=True, text=True)
        if out.returncode == 0:
            return int(out.stderr.strip().splitlines()[-1]) * 1024
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", nargs="?", help="the build folder (app/attention-visualizer, bench/gpt2-bench)")
    parser.add_argument("--model", help="a GPT-2 checkpoint folder; default: a random one of --shape")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="small")
    parser.add_argument("--tokens", type=int, default=1024)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workdir", default=tempfile.gettempdir(), help="where the random checkpoint goes")
    parser.add_argument("--torch-worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.torch_worker:
        torch_worker(args.torch_worker[0], int(args.torch_worker[1]), 3)
        return 0
    if not args.build:
        parser.error("the build folder is required")
    app = os.path.join(args.build, "app", "attention-visualizer")
    bench = os.path.join(args.build, "bench", "gpt2-bench")

    made = None
    folder = args.model
    if not folder:
        made = tempfile.TemporaryDirectory(prefix="gpt2-bench-", dir=args.workdir)
        folder = made.name
        layers, heads, d = SHAPES[args.shape]
        print(f"writing a random checkpoint of gpt2-{args.shape}'s shape ({layers} layers x {heads} heads, "
              f"d_model {d}) to {folder}", flush=True)
        write_checkpoint(folder, layers, heads, d)
    config = json.load(open(os.path.join(folder, "config.json")))
    large = config["n_layer"] * config["n_head"] > 144
    memory_target = 8e9 if large else 1.6e9

    fit = fitting_core()
    cores = [None] + ([fit] if fit else [])
    print(f"CPU: {cpu_name()}, {os.cpu_count()} cores; {config['n_layer']} layers x {config['n_head']} heads, "
          f"d_model {config['n_embd']}; {args.tokens} tokens")
    engine_whole, engine_peak, torch_forward, torch_whole, torch_peak = [], [], [], [], []
    forward_ms, typing_ms, products, torch_info = [], [], "?", {}
    with tempfile.TemporaryDirectory() as out:
        png = os.path.join(out, "head.png")
        command = [app, "--model", folder, "--sentence", text_of(args.tokens), "--layer", "1", "--head", "1",
                   "--export-image", png]
        for _ in range(args.rounds):
            seconds, _, _ = run_measured(command, env_with_core(None))
            if not os.path.exists(png):
                raise RuntimeError("the app wrote no PNG")
            os.remove(png)
            engine_whole.append(seconds)
            engine_peak.append(peak_of(command, env_with_core(None)) or 0)
            report = json.loads(run_measured(
                [bench, "--model", folder, f"--benchmark_filter=BM_Gpt2(Forward/{args.tokens}|TypeWord/64)",
                 "--benchmark_format=json"], env_with_core(None))[2])
            products = report["context"].get("matrix products", "?")
            for b in report["benchmarks"]:
                scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
                (forward_ms if "Forward" in b["name"] else typing_ms).append(b["real_time"] * scale)
            best = None
            for core in cores:
                worker = [sys.executable, os.path.abspath(__file__), "--torch-worker", folder, str(args.tokens)]
                _, _, text = run_measured(worker, env_with_core(core))
                r = json.loads(text.strip().splitlines()[-1])
                torch_info.setdefault(r["core"], []).append(r["forward"])
                if best is None or r["forward"] < best["forward"]:
                    best, best_core = r, core
            torch_forward.append(best["forward"])
            torch_whole.append(best["whole"])
            torch_peak.append(peak_of([sys.executable, os.path.abspath(__file__), "--torch-worker", folder,
                                       str(args.tokens)], env_with_core(best_core)) or 0)
    if made:
        made.cleanup()

    median = statistics.median
    ratio = [t / e for t, e in zip(torch_forward, engine_whole)]
    print(f"the app, whole process to a PNG of one head: {median(engine_whole):.2f} s "
          f"[{min(engine_whole):.2f}-{max(engine_whole):.2f}], peak {max(engine_peak) / 1e9:.2f} GB "
          f"({'ok' if max(engine_peak) <= memory_target else 'MISS'}, <= {memory_target / 1e9:.1f} GB)")
    print(f"the app's forward alone (gpt2-bench): {median(forward_ms):.0f} ms; matrix products: {products}")
    print(f"PyTorch {best['version']} float32, {best['threads']} threads, forward: {median(torch_forward):.2f} s; "
          f"whole process (import, load, one forward): {median(torch_whole):.2f} s; "
          f"peak {max(torch_peak) / 1e9:.2f} GB")
    print("  PyTorch forward per OpenBLAS core tried: " +
          ", ".join(f"{core} {median(v):.2f} s" for core, v in torch_info.items()))
    print(f"PyTorch forward / the app's whole process: {median(ratio):.2f}x [{min(ratio):.2f}-{max(ratio):.2f}] "
          f"({'ok' if median(ratio) >= 2 else 'MISS'}, >= 2); "
          f"PyTorch forward / the app's forward: {median(torch_forward) * 1e3 / median(forward_ms):.2f}x")
    if typing_ms:
        print(f"a word typed at 64 tokens to all {config['n_layer'] * config['n_head']} heads on screen: "
              f"{median(typing_ms):.0f} ms ({'ok' if median(typing_ms) <= 150 else 'MISS'}, <= 150 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
