#pragma once

// The words of a text cut into BPE pieces (GPT-2's tokens), for the views
// that show a word's attention instead of its pieces'. A word starts at the
// first piece, at a piece that starts with white space, and at a piece of
// punctuation, and after a piece that ends in white space or punctuation;
// " jump" + "ed" is one word, " fox" + "," two.

#include "core/matrix.h"

#include <string>
#include <vector>

namespace attn {

struct WordGroups
{
    std::vector<int> wordOf;        // per piece: its word
    std::vector<int> firstPiece;    // per word: its first piece
    std::vector<std::string> words; // per word: its pieces joined
    int count() const { return static_cast<int>(words.size()); }
};

WordGroups groupPieces(const std::vector<std::string>& pieces);

// A piece-by-piece attention matrix (rows the queries, each summing to 1) as
// word by word: a word's row is the mean of its pieces' rows, and its column
// the sum of its pieces' columns, so each row still sums to 1.
Matrix groupWeights(const Matrix& weights, const WordGroups& groups);

} // namespace attn
