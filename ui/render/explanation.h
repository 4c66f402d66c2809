#pragma once

// The worked formulas: every computation the app writes out with its numbers,
// for the hover texts of the figure and the formula lines of the lesson. Both
// read the same sums, softmax terms and token names from here, so a number is
// worked out once and reads the same in either place. The typography (numbers,
// factors, shortened sums) is formulatext's.

#include "core/attention.h"
#include "core/panels.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace explanation {

// How a formula names a token.
enum class TokenStyle {
    Subscript, // miss, the[2]: a subscript in q_miss, e_the[2],0 (hover texts)
    Quoted,    // “miss”, “the” [2]: a name in a sentence (lesson)
};

// " · layer 2" for a result of several layers, nothing for the article's one.
QString layerNote(const attn::AttentionResult& result, int layer);

// The token's text, cut as every label is (formulatext::boundedFromUtf8).
QString tokenText(const attn::AttentionResult& result, int index);
// The token's name; a token that occurs more than once gets its position, so
// "the" at 2 and "the" at 5 stay apart.
QString tokenName(const attn::AttentionResult& result, int index, TokenStyle style = TokenStyle::Subscript);

// The weight initialisation by name: "randint", "randn", ...
QString initName(const attn::AttentionConfig& config);
// A temperature as the lesson writes it: at most 4 significant digits.
QString temperatureText(double t);

// The line under a panel's title: "Q = X · W_Q", "randint, seed 42", ...
QString panelFormula(const attn::AttentionConfig& config, attn::PanelId id);

} // namespace explanation

// H_i = -sum_j w_ij ln w_ij (nats, 0 ln 0 = 0) of each row of a weights
// matrix: 0 when a query attends to one key, ln n when it attends evenly.
std::vector<double> rowEntropies(const attn::Matrix& weights);

// The hover text of one cell of layer `layer`, head `head` (both clamped;
// E and X belong to no layer): its row and column names, its value, and how it
// was computed written out with the numbers (masked cells say so). With
// several layers the first line names the layer.
QString cellToolTip(const attn::AttentionConfig& config, const attn::AttentionResult& result, attn::PanelId id,
                    int layer, int head, int row, int column);

// The hover text of a row's entropy bar: the sum written out with the
// weights, the value in nats, and what its bounds mean.
QString entropyToolTip(const attn::AttentionConfig& config, const attn::AttentionResult& result, int layer, int head,
                       int row);

// A lesson step's formula, first the general form, then one line per key (or
// vector) with the query token's real numbers from layer `layer`, head `head`
// of the result (both clamped).
QStringList lessonFormulaLines(const attn::AttentionConfig& config, const attn::AttentionResult& result, int step,
                               int queryToken, int layer, int head);

// How many of the step's last formula lines close it: the slide keeps them
// when it leaves lines in the middle out.
int lessonClosingLines(const attn::AttentionConfig& config, int step);
