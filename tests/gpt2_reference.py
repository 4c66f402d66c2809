#!/usr/bin/env python3
"""A tiny random GPT-2 checkpoint and its float64 forward pass, for tst_gpt2.

Writes <out>/config.json and <out>/model.safetensors (the safetensors layout
written here byte by byte, no package), then prints one JSON object: every
layer's and head's attention weights, the stage matrices of the layers asked
for (with the block around attention: residual stream, c_proj, ln_2, MLP),
the last token's final residual and ln_f output, and the next token's logits
and probabilities. The forward pass reads the
weights back as stored (after rounding to F16 or BF16), in float64.
"""
import argparse
import json
import math
import os
import struct

import numpy as np

p = argparse.ArgumentParser()
p.add_argument("--out", required=True)
p.add_argument("--dtype", default="F32", choices=["F32", "F16", "BF16", "F64"])
p.add_argument("--prefix", action="store_true", help="names start with transformer.")
p.add_argument("--lm-head", action="store_true", help="store an untied lm_head.weight")
p.add_argument("--buffers", action="store_true", help="store attn.bias and attn.masked_bias too")
p.add_argument("--seed", type=int, default=0)
p.add_argument("--layers", type=int, default=2)
p.add_argument("--heads", type=int, default=4)
p.add_argument("--embd", type=int, default=16)
p.add_argument("--positions", type=int, default=24)
p.add_argument("--vocab", type=int, default=40)
p.add_argument("--ids", default="")
p.add_argument("--scale", type=float, default=1.0, help="multiply every weight's spread (0.05: GPT-2's own)")
p.add_argument("--stage-layers", default="")
p.add_argument("--drop", default="", help="leave this tensor out")
p.add_argument("--transpose", default="", help="store this matrix transposed")
args = p.parse_args()

rng = np.random.default_rng(args.seed)
L, H, D, P, V = args.layers, args.heads, args.embd, args.positions, args.vocab


def normal(shape, std):
    return (rng.standard_normal(shape) * std * args.scale).astype(np.float32)


tensors = {}  # name -> float32 array, as the model computes with
tensors["wte.weight"] = normal((V, D), 1.0)
tensors["wpe.weight"] = normal((P, D), 0.5)
for i in range(L):
    h = f"h.{i}."
    tensors[h + "ln_1.weight"] = (1.0 + normal((D,), 0.2)).astype(np.float32)
    tensors[h + "ln_1.bias"] = normal((D,), 0.1)
    tensors[h + "attn.c_attn.weight"] = normal((D, 3 * D), 0.6)
    tensors[h + "attn.c_attn.bias"] = normal((3 * D,), 0.2)
    tensors[h + "attn.c_proj.weight"] = normal((D, D), 0.3)
    tensors[h + "attn.c_proj.bias"] = normal((D,), 0.1)
    tensors[h + "ln_2.weight"] = (1.0 + normal((D,), 0.2)).astype(np.float32)
    tensors[h + "ln_2.bias"] = normal((D,), 0.1)
    tensors[h + "mlp.c_fc.weight"] = normal((D, 4 * D), 0.4)
    tensors[h + "mlp.c_fc.bias"] = normal((4 * D,), 0.2)
    tensors[h + "mlp.c_proj.weight"] = normal((4 * D, D), 0.2)
    tensors[h + "mlp.c_proj.bias"] = normal((D,), 0.1)
tensors["ln_f.weight"] = (1.0 + normal((D,), 0.2)).astype(np.float32)
tensors["ln_f.bias"] = normal((D,), 0.1)
if args.lm_head:
    tensors["lm_head.weight"] = normal((V, D), 1.0)


def encode(array):
    """The stored bytes, and the values as the reader must see them."""
    if args.dtype == "F32":
        return array.astype("<f4").tobytes(), array.astype(np.float64)
    if args.dtype == "F64":
        return array.astype("<f8").tobytes(), array.astype(np.float64)
    if args.dtype == "F16":
        half = array.astype("<f2")
        return half.tobytes(), half.astype(np.float64)
    bits = array.astype(np.float32).view(np.uint32).astype(np.uint64)
    rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype("<u2")
    back = (rounded.astype(np.uint32) << 16).view(np.float32)
    return rounded.tobytes(), back.astype(np.float64)


stored = {}
weights = {}
for name, array in tensors.items():
    data, values = encode(array)
    weights[name] = values
    shape = list(array.shape)
    if name == args.transpose:
        data, _ = encode(np.ascontiguousarray(array.T))
        shape = shape[::-1]
    if name == args.drop:
        continue
    stored[name] = (args.dtype, shape, data)
if args.buffers:
    for i in range(L):
        mask = np.tril(np.ones((P, P), dtype=np.float32)).reshape(1, 1, P, P)
        stored[f"h.{i}.attn.bias"] = ("F32", [1, 1, P, P], mask.astype("<f4").tobytes())
        stored[f"h.{i}.attn.masked_bias"] = ("F32", [], np.array(-1e4, dtype="<f4").tobytes())

header = {"__metadata__": {"format": "pt"}}
blob = b""
for name in sorted(stored):
    dtype, shape, data = stored[name]
    key = ("transformer." + name) if args.prefix and name != "lm_head.weight" else name
    header[key] = {"dtype": dtype, "shape": shape, "data_offsets": [len(blob), len(blob) + len(data)]}
    blob += data
header_bytes = json.dumps(header).encode()
header_bytes += b" " * (-len(header_bytes) % 8)
os.makedirs(args.out, exist_ok=True)
with open(os.path.join(args.out, "model.safetensors"), "wb") as f:
    f.write(struct.pack("<Q", len(header_bytes)))
    f.write(header_bytes)
    f.write(blob)
config = {"model_type": "gpt2", "n_layer": L, "n_head": H, "n_embd": D, "n_positions": P, "n_ctx": P,
          "vocab_size": V, "layer_norm_epsilon": 1e-5, "activation_function": "gelu_new"}
with open(os.path.join(args.out, "config.json"), "w") as f:
    json.dump(config, f)

# ---------------------------------------------------------------- forward, float64
ids = [int(t) for t in args.ids.split(",") if t] or [int(t) for t in rng.integers(0, V, size=11)]
stage_layers = [int(t) for t in args.stage_layers.split(",") if t]
n = len(ids)
dk = D // H
eps = 1e-5


def layer_norm(x, w, b):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def gelu_new(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def rows(m):
    return [[None if math.isinf(v) else float(v) for v in row] for row in m]


x = weights["wte.weight"][ids] + weights["wpe.weight"][:n]
attention = []
stages = {}
mask = np.triu(np.ones((n, n), dtype=bool), k=1)
for i in range(L):
    h = f"h.{i}."
    a = layer_norm(x, weights[h + "ln_1.weight"], weights[h + "ln_1.bias"])
    qkv = a @ weights[h + "attn.c_attn.weight"] + weights[h + "attn.c_attn.bias"]
    q, k, v = qkv[:, :D], qkv[:, D:2 * D], qkv[:, 2 * D:]
    merged = np.zeros((n, D))
    layer_heads = []
    heads_out = []
    for j in range(H):
        cols = slice(j * dk, (j + 1) * dk)
        scores = q[:, cols] @ k[:, cols].T
        scaled = scores / math.sqrt(dk)
        scaled = np.where(mask, -np.inf, scaled)
        e = np.exp(scaled - scaled.max(axis=1, keepdims=True))
        w = e / e.sum(axis=1, keepdims=True)
        o = w @ v[:, cols]
        merged[:, cols] = o
        layer_heads.append(rows(w))
        heads_out.append({"scores": rows(scores), "scaled": rows(scaled), "weights": rows(w), "output": rows(o)})
    attention.append(layer_heads)
    residual_in = x
    projected = merged @ weights[h + "attn.c_proj.weight"] + weights[h + "attn.c_proj.bias"]
    x = x + projected
    residual_mid = x
    mlp_input = layer_norm(x, weights[h + "ln_2.weight"], weights[h + "ln_2.bias"])
    pre = mlp_input @ weights[h + "mlp.c_fc.weight"] + weights[h + "mlp.c_fc.bias"]
    m = gelu_new(pre)
    mlp = m @ weights[h + "mlp.c_proj.weight"] + weights[h + "mlp.c_proj.bias"]
    x = x + mlp
    if i in stage_layers:
        # The block around attention: the residual stream in, c_proj's output,
        # the stream after it, ln_2, the MLP's pre-activation, hidden and output
        # rows, and the layer's output.
        block = {"residual_in": rows(residual_in), "attention": rows(projected), "residual_mid": rows(residual_mid),
                 "mlp_input": rows(mlp_input), "mlp_pre": rows(pre), "mlp_hidden": rows(m), "mlp": rows(mlp),
                 "residual_out": rows(x)}
        stages[str(i)] = {"input": rows(a), "q": rows(q), "k": rows(k), "v": rows(v), "heads": heads_out,
                          "output": rows(merged), "block": block}
last = layer_norm(x[-1], weights["ln_f.weight"], weights["ln_f.bias"])
head = weights["lm_head.weight"] if args.lm_head else weights["wte.weight"]
logits = head @ last
probabilities = np.exp(logits - logits.max())
probabilities /= probabilities.sum()
print(json.dumps({"ids": ids, "attention": attention, "stages": stages, "logits": logits.tolist(),
                  "probabilities": probabilities.tolist(),
                  "final": {"residual": x[-1].tolist(), "normed": last.tolist()}}))
