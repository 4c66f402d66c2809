#pragma once

// The pieces of written-out arithmetic that hover texts and lesson slides
// share, so a number or a sum reads the same wherever it appears: two
// decimals with a true minus sign, negative factors in parentheses, long sums
// shortened to their first terms, "…" and the last.

#include "core/matrix.h"

#include <QString>

#include <functional>
#include <string_view>
#include <vector>

namespace formulatext {

// The typographic symbols the written-out arithmetic uses.
inline const QString kMinus = QStringLiteral("\u2212");
inline const QString kTimes = QStringLiteral("\u00d7");
inline const QString kEllipsis = QStringLiteral("\u2026");

constexpr int kDecimals = 2;
// Sums with more terms than this are written as the first few, "…", the last.
constexpr int kMaxTerms = 6;
constexpr int kLeadingTerms = 3;

// A value as the heatmap cells print it (in the default locale's notation).
QString fmt(double value);

// What separates the numbers of a written-out vector: ", ", or "; " where
// the decimal separator is a comma, so "[0,47; 0,86]" stays unambiguous.
QString listSeparator();

// A factor of a written-out product: negatives in parentheses so "×−" never
// appears; whole-number matrices (randint weights) without decimals.
QString factor(double value, bool integral = false);

// True when every finite entry is a whole number of modest size.
bool isIntegral(const attn::Matrix& m);

// "t(0) + t(1) + t(2)" or, past maxTerms, "t(0) + t(1) + t(2) + … + t(n−1)".
QString writtenSum(int count, const std::function<QString(int)>& term, const QString& separator = QStringLiteral(" + "),
                   int maxTerms = kMaxTerms);
// The same over chosen indices (the visible keys of a causal row, say).
QString writtenSum(const std::vector<int>& indices, const std::function<QString(int)>& term);

// “text” in typographic quotes.
QString quoted(const QString& text);

// Labels (tokens, titles) are cut to this many UTF-16 units before any text
// layout, whose time and memory grow with the whole string: a token of
// megabytes then costs what one of a line does. Far more than a label shows
// once elided to its room, so no label that fits is shortened.
constexpr qsizetype kMaxLabelLength = 64;

// text if it has at most maxLength UTF-16 units; else its start, cut where a
// character as the reader sees it ends (never inside a surrogate pair, a
// letter with its combining marks or an emoji sequence), and "…".
QString boundedText(const QString& text, qsizetype maxLength = kMaxLabelLength);
// The same for UTF-8 text (a token), decoding no more of it than is kept.
QString boundedFromUtf8(std::string_view utf8, qsizetype maxLength = kMaxLabelLength);

} // namespace formulatext
