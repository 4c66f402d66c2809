#!/usr/bin/env python3
"""GPT-2's byte-level BPE in plain Python, for tst_gpt2tokenizer.

usage: gpt2_tokenizer_reference.py encoder.json vocab.bpe < texts.json
Reads a JSON list of texts and prints a JSON list of their token ids. The
pre-tokenizer is GPT-2's pattern run by Python's own regular expression engine,
with \\p{L} and \\p{N} spelled out as character classes from unicodedata and \\s
as Unicode's White_Space characters (Python's re has no \\p{...}).
"""
import json
import re
import sys
import unicodedata

WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
              "\u2028\u2029\u202f\u205f\u3000"


def char_class(prefix):
    parts = []
    start = None
    for cp in range(0x110001):
        inside = cp < 0x110000 and unicodedata.category(chr(cp)).startswith(prefix)
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(cp - 1)) if cp - 1 > start else ""))
            start = None
    return "".join(parts)


L = char_class("L")
N = char_class("N")
S = "".join(re.escape(c) for c in WHITE_SPACE)
PATTERN = re.compile(
    rf"'s|'t|'re|'ve|'m|'ll|'d| ?[{L}]+| ?[{N}]+| ?[^{S}{L}{N}]+|[{S}]+(?![^{S}])|[{S}]+")


def byte_alphabet():
    printable = list(range(0x21, 0x7F)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    table = {}
    extra = 0
    for b in range(256):
        if b in printable:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table


encoder = json.load(open(sys.argv[1], encoding="utf-8"))
lines = open(sys.argv[2], encoding="utf-8").read().split("\n")[1:]
ranks = {tuple(line.split(" ")): i for i, line in enumerate(lines) if line}
alphabet = byte_alphabet()


def bpe(token):
    word = list(token)
    while len(word) > 1:
        pairs = set(zip(word, word[1:]))
        best = min(pairs, key=lambda p: ranks.get(p, float("inf")))
        if best not in ranks:
            break
        merged = []
        i = 0
        while i < len(word):
            if i + 1 < len(word) and word[i] == best[0] and word[i + 1] == best[1]:
                merged.append(word[i] + word[i + 1])
                i += 2
            else:
                merged.append(word[i])
                i += 1
        word = merged
    return word


def encode(text):
    ids = []
    for piece in PATTERN.findall(text):
        spelled = "".join(alphabet[b] for b in piece.encode("utf-8"))
        ids.extend(encoder[t] for t in bpe(spelled))
    return ids


texts = json.load(sys.stdin)
print(json.dumps([encode(t) for t in texts]))
