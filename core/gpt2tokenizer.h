#pragma once

// GPT-2's byte-level BPE tokenizer, id for id: the text's UTF-8 bytes are
// split by GPT-2's pre-tokenizer pattern
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// (matched by hand over code points; \s is Unicode's White_Space), each piece's
// bytes are written in the byte-to-character alphabet, and merged pair by
// pair in the merges' rank order. Loads vocab.json + merges.txt,
// encoder.json + vocab.bpe (the same data), or tokenizer.json.

#include "core/gpt2error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attn {

// One token of an encoded text, for display.
struct Gpt2TokenPiece
{
    int id = 0;
    std::string bytes; // what the token stands for: raw bytes, perhaps part of a character
    bool whole = true; // bytes are whole UTF-8 characters
    // bytes when whole; else its valid characters with every other byte
    // written \xNN (e.g. "\xe6\x97" for two thirds of a CJK character).
    std::string text;
};

// True when `bytes` is valid UTF-8 that ends on a character boundary.
bool isWholeUtf8(std::string_view bytes);

// The pre-tokenizer's pieces of (sanitized) UTF-8 text, in order; their
// concatenation is the text.
std::vector<std::string> gpt2PreTokenize(std::string_view text);

class Gpt2Tokenizer
{
public:
    // vocab.json (or encoder.json) and merges.txt (or vocab.bpe).
    static Gpt2Tokenizer fromFiles(const std::string& vocabPath, const std::string& mergesPath);
    // tokenizer.json: model.vocab and model.merges ("a b" strings or [a, b] pairs).
    static Gpt2Tokenizer fromTokenizerJson(const std::string& path);
    // A model folder: tokenizer.json, else vocab.json + merges.txt, else
    // encoder.json + vocab.bpe.
    static Gpt2Tokenizer fromFolder(const std::string& folder);
    // The same from text in memory; the names stand for the files in errors.
    static Gpt2Tokenizer fromData(std::string_view vocabJson, std::string_view merges,
                                  const std::string& vocabName = "vocab.json",
                                  const std::string& mergesName = "merges.txt");
    static Gpt2Tokenizer fromTokenizerJsonData(std::string_view json, const std::string& name = "tokenizer.json");

    // Invalid UTF-8 is first repaired (U+FFFD), as Python's decode("utf-8", "replace").
    std::vector<int> encode(std::string_view text) const;
    // The ids' bytes, concatenated: UTF-8 when the ids are whole characters.
    // Throws Gpt2Error for an id outside the vocabulary.
    std::string decode(const std::vector<int>& ids) const;
    std::vector<Gpt2TokenPiece> pieces(const std::vector<int>& ids) const;
    // One id's bytes.
    const std::string& tokenBytes(int id) const;
    // A token's id from its vocabulary spelling ("Ġworld"), if it has one.
    std::optional<int> tokenId(std::string_view spelling) const;
    // Its vocabulary spelling.
    const std::string& spelling(int id) const;
    // One above the largest id.
    int vocabularySize() const;
    // <|endoftext|>'s id, if the vocabulary has it.
    std::optional<int> endOfText() const;

    struct Data;  // the vocabulary and merges, shared by copies
    struct Cache; // pieces already merged, shared by copies

private:
    explicit Gpt2Tokenizer(std::shared_ptr<const Data> data);
    void encodePiece(std::string_view piece, std::vector<int>& out) const;

    std::shared_ptr<const Data> m_data;
    std::shared_ptr<Cache> m_cache;
};

} // namespace attn
