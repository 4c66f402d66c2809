#include "core/wordgroups.h"

#include <cctype>

namespace attn {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// ASCII punctuation; an apostrophe continues a word ("don" + "'t").
bool isPunctuation(char c)
{
    return c != '\'' && std::ispunct(static_cast<unsigned char>(c)) != 0;
}

} // namespace

WordGroups groupPieces(const std::vector<std::string>& pieces)
{
    WordGroups groups;
    groups.wordOf.reserve(pieces.size());
    bool afterPunctuation = false;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const std::string& piece = pieces[i];
        const char first = piece.empty() ? ' ' : piece.front();
        const bool starts = i == 0 || isSpace(first) || isPunctuation(first) || afterPunctuation;
        if (starts) {
            groups.firstPiece.push_back(static_cast<int>(i));
            groups.words.emplace_back();
        }
        groups.words.back() += piece;
        groups.wordOf.push_back(groups.count() - 1);
        // A piece ending in punctuation or white space ends its word.
        afterPunctuation = !piece.empty() && (isPunctuation(piece.back()) || isSpace(piece.back()));
    }
    return groups;
}

Matrix groupWeights(const Matrix& weights, const WordGroups& groups)
{
    const int words = groups.count();
    Matrix columns = Matrix::Zero(weights.rows(), words);
    for (Eigen::Index c = 0; c < weights.cols() && c < static_cast<Eigen::Index>(groups.wordOf.size()); ++c)
        columns.col(groups.wordOf[static_cast<std::size_t>(c)]) += weights.col(c);
    Matrix grouped = Matrix::Zero(words, words);
    std::vector<int> pieces(static_cast<std::size_t>(words), 0);
    for (Eigen::Index r = 0; r < weights.rows() && r < static_cast<Eigen::Index>(groups.wordOf.size()); ++r) {
        const int word = groups.wordOf[static_cast<std::size_t>(r)];
        grouped.row(word) += columns.row(r);
        ++pieces[static_cast<std::size_t>(word)];
    }
    for (int w = 0; w < words; ++w) {
        if (pieces[static_cast<std::size_t>(w)] > 0)
            grouped.row(w) /= pieces[static_cast<std::size_t>(w)];
    }
    return grouped;
}

} // namespace attn
