"""PyTorch reference for tst_training: rebuilds the attention model of
core/train/model.h from the weights it is given, computes the batch loss with
autograd in float64 and prints the loss and every parameter's gradient.

Input (the JSON file named by argv[1]): a list of cases, each
  {"shape": {"vocab", "length", "d_model", "heads", "layers", "causal", "mlp"},
   "weights": {name: [[...], ...]}, "batch": [{"tokens": [...], "targets": [...]}]}
with targets -1 where a position is not scored. Output on stdout: a list of
  {"loss": float, "grads": {name: [[...], ...]}}
"""

import json
import math
import sys

import torch
import torch.nn.functional as F


def case_loss(shape, weights, batch):
    d = shape["d_model"]
    heads = shape["heads"]
    dk = d // heads
    total = torch.zeros((), dtype=torch.float64)
    scored = 0
    for example in batch:
        tokens = torch.tensor(example["tokens"], dtype=torch.long)
        targets = torch.tensor(example["targets"], dtype=torch.long)
        n = tokens.shape[0]
        x = weights["token_embedding"][tokens] + weights["position_embedding"][:n]
        for layer in range(shape["layers"]):
            p = "layers.%d." % layer
            q = x @ weights[p + "w_query"]
            k = x @ weights[p + "w_key"]
            v = x @ weights[p + "w_value"]
            outputs = []
            for h in range(heads):
                cols = slice(h * dk, (h + 1) * dk)
                s = (q[:, cols] @ k[:, cols].T) / math.sqrt(dk)
                if shape["causal"]:
                    above = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
                    s = s.masked_fill(above, float("-inf"))
                outputs.append(torch.softmax(s, dim=-1) @ v[:, cols])
            x = x + torch.cat(outputs, dim=1) @ weights[p + "w_out"]
            if shape["mlp"]:
                hidden = F.gelu(x @ weights[p + "mlp_w1"] + weights[p + "mlp_b1"], approximate="tanh")
                x = x + hidden @ weights[p + "mlp_w2"] + weights[p + "mlp_b2"]
        logits = x @ weights["unembedding"] + weights["unembedding_bias"]
        mask = targets >= 0
        total = total + F.cross_entropy(logits[mask], targets[mask], reduction="sum")
        scored += int(mask.sum())
    return total / scored


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    results = []
    for case in cases:
        weights = {
            name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
            for name, value in case["weights"].items()
        }
        loss = case_loss(case["shape"], weights, case["batch"])
        loss.backward()
        results.append(
            {"loss": loss.item(), "grads": {name: w.grad.tolist() for name, w in weights.items()}}
        )
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
