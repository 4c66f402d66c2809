#include "ui/render/explanation.h"

#include "ui/render/formulatext.h"
#include "ui/render/heatmapscale.h"
#include "ui/render/panelid.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

using attn::PanelAxis;
using attn::PanelId;
using namespace formulatext;

// The words of hover texts and formula lines; the symbols stay as they are.
struct Explanation
{
    Q_DECLARE_TR_FUNCTIONS(Explanation)
};

namespace explanation {

namespace {

// Keys the lesson writes out per formula; a slide shows about a dozen lines anyway.
constexpr int kMaxKeyLines = 24;

const QString kSqrt = QStringLiteral("\u221a");
const QString kDot = QStringLiteral("\u00b7");

std::vector<int> range(int count)
{
    std::vector<int> v(static_cast<std::size_t>(std::max(0, count)));
    for (int i = 0; i < count; ++i)
        v[static_cast<std::size_t>(i)] = i;
    return v;
}

// X is E when there is no positional encoding; the formulas say which.
QString inputLetter(const attn::AttentionConfig& config)
{
    return config.positional ? QStringLiteral("X") : QStringLiteral("E");
}

// " · layer 2" when the result has several layers.
QString layerNoteFor(const attn::AttentionResult& result, int layer)
{
    return result.layers.size() > 1 ? QStringLiteral(" \u00b7 ") + Explanation::tr("layer %1").arg(layer + 1)
                                    : QString();
}

// " · head 2" when there are several heads.
QString headNote(const attn::AttentionConfig& config, int head)
{
    return config.heads > 1 ? QStringLiteral(" \u00b7 ") + Explanation::tr("head %1").arg(head + 1) : QString();
}

// Whether the token's word was given its vector (a preset, an import, an edit).
bool embeddingGiven(const attn::AttentionResult& result, int token)
{
    const int word = result.vocabulary.tokenWord[static_cast<std::size_t>(token)];
    return static_cast<std::size_t>(word) < result.wordIsExplicit.size() &&
           result.wordIsExplicit[static_cast<std::size_t>(word)];
}

// Whether the configuration gives a weight matrix literally.
bool weightsGiven(const attn::AttentionConfig& config, PanelId id)
{
    const std::optional<attn::Matrix>* given = attn::givenMatrix(config, id);
    return given && given->has_value();
}

// x_row · w[:, column] over the layer's input, term by term: "0.47×1 + 0.86×(−2) + …".
QString projectionSum(const attn::LayerResult& layer, const attn::Matrix& w, int row, int column)
{
    const bool integral = isIntegral(w);
    return writtenSum(static_cast<int>(layer.input.cols()),
                      [&](int t) { return factor(layer.input(row, t)) + kTimes + factor(w(t, column), integral); });
}

// q_i · k_j over the dK columns of a head starting at `first`.
QString dotProductSum(const attn::LayerResult& layer, int first, int dK, int i, int j)
{
    return writtenSum(dK,
                      [&](int c) { return factor(layer.q(i, first + c)) + kTimes + factor(layer.k(j, first + c)); });
}

// One term of the weighted sum of values: w_ij × v_j[column].
QString weightedValueTerm(const attn::LayerResult& layer, const attn::Matrix& weights, int i, int j, int column)
{
    return factor(weights(i, j)) + kTimes + factor(layer.v(j, column));
}

// The softmax of a row of scaled scores as the engine computes it: the
// maximum over the keys the query sees, then Σ exp(s − max) over them (masked
// keys are −∞). Re-read from the result so the written-out line adds up.
struct SoftmaxRow
{
    double max = -std::numeric_limits<double>::infinity();
    double total = 0.0;
};

SoftmaxRow softmaxRow(const attn::Vector& scaled)
{
    SoftmaxRow s;
    for (Eigen::Index j = 0; j < scaled.cols(); ++j)
        s.max = std::max(s.max, scaled(j));
    for (Eigen::Index j = 0; j < scaled.cols(); ++j) {
        if (std::isfinite(scaled(j)))
            s.total += std::exp(scaled(j) - s.max);
    }
    return s;
}

// "exp(1.2 − 2.5) / 3.1 = 0.27 / 3.1 = 0.09": one weight worked out.
QString softmaxTerm(const attn::Vector& scaled, const SoftmaxRow& softmax, int j, double weight)
{
    const double s = scaled(j);
    return QStringLiteral("exp(%1 \u2212 %2) / %3 = %4 / %3 = %5")
        .arg(fmt(s), factor(softmax.max), fmt(softmax.total), fmt(std::exp(s - softmax.max)), fmt(weight));
}

// "√3 = 1.73": the value of √d_k.
QString sqrtDk(int dK)
{
    return fmt(std::sqrt(static_cast<double>(dK)));
}

// "[0.47, 0.86, 0.68]" for columns [first, first + count) of a row.
QString vectorText(const attn::Matrix& m, int row, int first, int count)
{
    return QLatin1Char('[') +
           writtenSum(
               count, [&](int c) { return fmt(m(row, first + c)); }, listSeparator()) +
           QLatin1Char(']');
}

QString quotedName(const attn::AttentionResult& result, int index)
{
    return tokenName(result, index, TokenStyle::Quoted);
}

// The head's column range in words, for multi-head configurations.
QString headColumns(const attn::AttentionConfig& config, int head, int dK)
{
    if (config.heads <= 1)
        return {};
    return Explanation::tr("head %1 uses columns %2–%3 (d_k = %4)")
        .arg(head + 1)
        .arg(head * dK)
        .arg((head + 1) * dK - 1)
        .arg(dK);
}

// The keys a formula writes out: all, or the first kMaxKeyLines of many.
int keysWritten(int n)
{
    return std::min(n, kMaxKeyLines);
}

QString moreKeys(int n)
{
    return kEllipsis + QLatin1Char(' ') + Explanation::tr("%n more keys", nullptr, n - keysWritten(n));
}

// "“sat”, “on” … “warm”": the masked keys of a causal row, in one line.
QString maskedKeys(const attn::AttentionResult& result, const std::vector<int>& keys)
{
    if (keys.size() <= 3) {
        QStringList names;
        for (int j : keys)
            names << quotedName(result, j);
        return names.join(QStringLiteral(", "));
    }
    return Explanation::tr("%1, %2 … %3 (%4 keys)")
        .arg(quotedName(result, keys[0]), quotedName(result, keys[1]), quotedName(result, keys.back()))
        .arg(keys.size());
}

// ---- Hover texts: one cell ------------------------------------------------
// Hover texts are Qt rich text: real subscripts, quoted token names (a token
// "i" must not read as the index i), everything the user typed escaped.

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// "q" with subscript "“miss”, 2": q<sub>“miss”, 2</sub>.
QString sub(const QString& base, const QString& subscript)
{
    return base + QStringLiteral("<sub>") + subscript + QStringLiteral("</sub>");
}

// A token as a subscript: “miss”, or “the” [2] for a repeated one.
QString subName(const attn::AttentionResult& result, int index)
{
    return esc(tokenName(result, index, TokenStyle::Quoted));
}

// "W_Q" as W<sub>Q</sub>.
QString richTitle(const QString& title)
{
    const qsizetype underscore = title.indexOf(QLatin1Char('_'));
    return underscore < 0 ? esc(title) : sub(esc(title.left(underscore)), esc(title.mid(underscore + 1)));
}

// "query “miss” (row 1) · key “the” (column 2)" after the panel's name.
QString queryKeyHeading(const QString& what, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                        int head, int row, int column)
{
    // what + head note as one argument: the placeholders are numbered as
    // they always were, so a token holding "%3" reads as it did.
    return Explanation::tr("%1 · query %2 (row %3) · key %4 (column %5)")
        .arg(what + headNote(config, head), esc(quoted(tokenText(result, row))))
        .arg(row)
        .arg(esc(quoted(tokenText(result, column))))
        .arg(column);
}

} // namespace

QString layerNote(const attn::AttentionResult& result, int layer)
{
    return layerNoteFor(result, layer);
}

QString tokenText(const attn::AttentionResult& result, int index)
{
    return boundedFromUtf8(result.tokens[static_cast<std::size_t>(index)]);
}

QString tokenName(const attn::AttentionResult& result, int index, TokenStyle style)
{
    const std::string& token = result.tokens[static_cast<std::size_t>(index)];
    const bool repeated = std::count(result.tokens.begin(), result.tokens.end(), token) > 1;
    if (style == TokenStyle::Quoted) {
        const QString text = quoted(tokenText(result, index));
        return repeated ? QStringLiteral("%1\u2009[%2]").arg(text).arg(index) : text;
    }
    const QString text = tokenText(result, index);
    return repeated ? QStringLiteral("%1[%2]").arg(text).arg(index) : text;
}

QString initName(const attn::AttentionConfig& config)
{
    return QString::fromUtf8(attn::toString(config.init).data(),
                             static_cast<qsizetype>(attn::toString(config.init).size()));
}

QString temperatureText(double t)
{
    return heatmapscale::formatSetting(t, 4);
}

QString panelFormula(const attn::AttentionConfig& config, PanelId id)
{
    const QString x = inputLetter(config);
    const bool oneHead = config.heads == 1;
    if (!config.model.empty()) {
        // A checkpoint: learned embeddings, and a layer whose projections
        // read the layer norm of its input and add a bias.
        switch (id) {
        case PanelId::Embeddings:
            return Explanation::tr("token embeddings (wte)");
        case PanelId::Positional:
            return Explanation::tr("learned position embeddings (wpe)");
        case PanelId::Inputs:
            return Explanation::tr("X = E + PE, the first layer's input");
        case PanelId::WQuery:
        case PanelId::WKey:
        case PanelId::WValue:
            return Explanation::tr("the checkpoint's c_attn");
        case PanelId::Q:
        case PanelId::K:
        case PanelId::V:
            return QStringLiteral("%1 = LN\u2081(h) \u00b7 W_%1 + b_%1").arg(attn::panelTitle(id));
        default:
            break;
        }
    }
    if (!config.trainedTask.empty()) {
        // A model trained in the app: every weight learned on its task.
        switch (id) {
        case PanelId::Embeddings:
            return Explanation::tr("learned token embeddings");
        case PanelId::Positional:
            return Explanation::tr("learned position embeddings");
        case PanelId::Inputs:
            return Explanation::tr("X = E + PE, the first layer's input");
        case PanelId::WQuery:
        case PanelId::WKey:
        case PanelId::WValue:
            return Explanation::tr("learned on %1").arg(QString::fromStdString(config.trainedTask));
        case PanelId::Q:
        case PanelId::K:
        case PanelId::V:
            return Explanation::tr("%1 = h · W_%1, h the layer's input").arg(attn::panelTitle(id));
        default:
            break;
        }
    }
    switch (id) {
    case PanelId::Embeddings:
        return Explanation::tr("one row per token");
    case PanelId::Positional:
        return QStringLiteral("PE[p, 2i] = sin(p / 10000^(2i/d)) \u00b7 PE[p, 2i+1] = cos(\u2026)");
    case PanelId::Inputs:
        return Explanation::tr("X = E + PE (sinusoidal)");
    case PanelId::WQuery:
    case PanelId::WKey:
    case PanelId::WValue:
        return weightsGiven(config, id) ? Explanation::tr("given")
                                        : Explanation::tr("%1, seed %2").arg(initName(config)).arg(config.weightSeed);
    case PanelId::Q:
    case PanelId::K:
    case PanelId::V:
        return QStringLiteral("%1 = %2 \u00b7 W_%1").arg(attn::panelTitle(id), x);
    case PanelId::Scores:
        return oneHead ? QStringLiteral("scores = Q K\u1d40") : QStringLiteral("scores = Q_h K_h\u1d40");
    case PanelId::ScaledScores: {
        QStringList parts;
        if (config.scaled)
            parts << QStringLiteral("\u00f7 \u221ad_k");
        if (config.temperature != 1.0)
            parts << QStringLiteral("\u00f7 T");
        if (parts.isEmpty())
            parts << Explanation::tr("unscaled");
        if (config.causal)
            parts << Explanation::tr("future masked");
        return parts.join(QLatin1Char(' '));
    }
    case PanelId::Weights:
        return QStringLiteral("softmax(row)");
    case PanelId::Output:
        return oneHead ? QStringLiteral("output = weights \u00b7 V")
                       : QStringLiteral("output_h = weights_h \u00b7 V_h");
    }
    return {};
}

} // namespace explanation

using namespace explanation;

std::vector<double> rowEntropies(const attn::Matrix& weights)
{
    std::vector<double> entropies(static_cast<std::size_t>(weights.rows()), 0.0);
    for (Eigen::Index r = 0; r < weights.rows(); ++r) {
        double h = 0.0;
        for (Eigen::Index c = 0; c < weights.cols(); ++c) {
            const double w = weights(r, c);
            if (w > 0.0) // 0 ln 0 = 0: masked keys add nothing
                h -= w * std::log(w);
        }
        entropies[static_cast<std::size_t>(r)] = h;
    }
    return entropies;
}

QString cellToolTip(const attn::AttentionConfig& config, const attn::AttentionResult& result, PanelId id, int layer,
                    int head, int row, int column)
{
    if (result.layers.empty())
        return {};
    const attn::Matrix& m = attn::panelMatrix(result, id, layer, head);
    if (row < 0 || column < 0 || row >= m.rows() || column >= m.cols())
        return {};
    const int l = std::clamp(layer, 0, static_cast<int>(result.layers.size()) - 1);
    const attn::LayerResult& L = result.layers[static_cast<std::size_t>(l)];
    const double value = m(row, column);
    const int dK = std::max(1, L.dK);
    const int h = std::clamp(head, 0, std::max(0, config.heads - 1));
    const QString x = inputLetter(config).toLower();
    const QString title = attn::panelTitle(id);
    const QString rowName = subName(result, row);
    const QString columnText = QString::number(column);
    const QString dk = sub(QStringLiteral("d"), QStringLiteral("k"));
    QStringList lines;

    switch (id) {
    case PanelId::Embeddings:
        lines << Explanation::tr("E · token %1 (row %2) · dimension %3")
                     .arg(esc(quoted(tokenText(result, row))))
                     .arg(row)
                     .arg(column);
        lines << sub(QStringLiteral("e"), rowName + QStringLiteral(", ") + columnText) + QStringLiteral(" = ") +
                     fmt(value);
        lines << (embeddingGiven(result, row)
                      ? Explanation::tr("given literally")
                      : Explanation::tr("np.random.rand, embedding seed %1").arg(config.embeddingSeed));
        break;
    case PanelId::Positional: {
        lines << Explanation::tr("PE · position %1 (token %2) · dimension %3")
                     .arg(row)
                     .arg(esc(quoted(tokenText(result, row))))
                     .arg(column);
        const int i2 = column - column % 2; // 2i: the pair of dimensions sharing a frequency
        lines << sub(QStringLiteral("pe"), rowName + QStringLiteral(", %1").arg(column)) +
                     QStringLiteral(" = %1(%2 / 10000<sup>%3/%4</sup>) = %5")
                         .arg(column % 2 == 0 ? QStringLiteral("sin") : QStringLiteral("cos"))
                         .arg(row)
                         .arg(i2)
                         .arg(config.dModel)
                         .arg(fmt(value));
        break;
    }
    case PanelId::Inputs: {
        lines << Explanation::tr("X · token %1 (row %2) · dimension %3")
                     .arg(esc(quoted(tokenText(result, row))))
                     .arg(row)
                     .arg(column);
        const double e = result.embeddings(row, column);
        const double pe = result.positional.size() > 0 ? result.positional(row, column) : 0.0;
        lines << sub(QStringLiteral("x"), rowName + QStringLiteral(", ") + columnText) +
                     QStringLiteral(" = e + pe = %1 + %2 = %3").arg(fmt(e), factor(pe), fmt(value));
        break;
    }
    case PanelId::WQuery:
    case PanelId::WKey:
    case PanelId::WValue:
        lines << Explanation::tr("%1 · row %2 · column %3").arg(richTitle(title)).arg(row).arg(column);
        if (config.heads > 1)
            lines << Explanation::tr("column %1 feeds head %2").arg(column).arg(column / dK + 1);
        lines << QStringLiteral("%1[%2, %3] = %4")
                     .arg(richTitle(title))
                     .arg(row)
                     .arg(column)
                     .arg(factor(value, isIntegral(m)));
        if (!config.model.empty())
            lines << Explanation::tr("from the checkpoint's c_attn (layer %1)").arg(l + 1);
        else if (!config.trainedTask.empty())
            lines << Explanation::tr("learned on %1").arg(esc(QString::fromStdString(config.trainedTask)));
        else
            lines << (weightsGiven(config, id)
                          ? Explanation::tr("given literally")
                          : Explanation::tr("%1 init, weight seed %2").arg(initName(config)).arg(config.weightSeed));
        break;
    case PanelId::Q:
    case PanelId::K:
    case PanelId::V: {
        const attn::Matrix& w = id == PanelId::Q ? L.wQuery : id == PanelId::K ? L.wKey : L.wValue;
        const attn::Vector& bias = id == PanelId::Q ? L.bQuery : id == PanelId::K ? L.bKey : L.bValue;
        lines << Explanation::tr("%1 · token %2 (row %3) · column %4%5")
                     .arg(title, esc(quoted(tokenText(result, row))))
                     .arg(row)
                     .arg(column)
                     .arg(config.heads > 1
                              ? QStringLiteral(" \u00b7 ") + Explanation::tr("head %1").arg(column / dK + 1)
                              : QString());
        // A checkpoint's projections add a bias (GPT-2's c_attn): its term
        // closes the sum, so the written line adds up to the cell.
        const bool biased = bias.size() > column;
        lines << sub(title.toLower(), rowName + QStringLiteral(", ") + columnText) + QStringLiteral(" = ") +
                     sub(x, rowName) + QStringLiteral(" \u00b7 ") + sub(QStringLiteral("W"), title) +
                     QStringLiteral("[:, %1]").arg(column) +
                     (biased
                          ? QStringLiteral(" + ") + sub(QStringLiteral("b"), title) + QStringLiteral("[%1]").arg(column)
                          : QString());
        lines << QStringLiteral("= %1%2 = %3")
                     .arg(projectionSum(L, w, row, column),
                          biased ? QStringLiteral(" + ") + factor(bias(column)) : QString(), fmt(value));
        break;
    }
    case PanelId::Scores:
        lines << queryKeyHeading(Explanation::tr("scores"), config, result, h, row, column);
        lines << sub(QStringLiteral("q"), rowName) + QStringLiteral(" \u00b7 ") +
                     sub(QStringLiteral("k"), subName(result, column)) +
                     QStringLiteral(" = %1 = %2").arg(dotProductSum(L, h * dK, dK, row, column), fmt(value));
        if (config.causal && column > row)
            lines << Explanation::tr("masked in the next step: key comes after the query");
        break;
    case PanelId::ScaledScores: {
        lines << queryKeyHeading(Explanation::tr("scaled scores"), config, result, h, row, column);
        if (value == -std::numeric_limits<double>::infinity()) {
            lines << Explanation::tr(
                         "masked (causal): key %1 comes after query %2, so the score is %3 and its weight 0")
                         .arg(esc(quoted(tokenText(result, column))), esc(quoted(tokenText(result, row))), fmt(value));
            break;
        }
        const double score = attn::scoresRow(L, h, row)(column);
        QString symbolic = sub(QStringLiteral("s"), rowName + QStringLiteral(", ") + subName(result, column));
        QString numeric = factor(score);
        if (config.scaled) {
            symbolic += QStringLiteral(" \u00f7 \u221a") + dk;
            numeric += QStringLiteral(" \u00f7 ") + kSqrt + QString::number(dK);
        }
        if (config.temperature != 1.0 || !config.scaled) {
            symbolic += QStringLiteral(" \u00f7 ") + Explanation::tr("temperature");
            numeric += QStringLiteral(" \u00f7 %1").arg(heatmapscale::formatSetting(config.temperature));
        }
        lines << QStringLiteral("%1 = %2 = %3").arg(symbolic, numeric, fmt(value));
        if (config.scaled)
            lines << QStringLiteral("\u221a%1 = \u221a%2 = %3").arg(dk).arg(dK).arg(sqrtDk(dK));
        break;
    }
    case PanelId::Weights: {
        lines << queryKeyHeading(Explanation::tr("attention weight"), config, result, h, row, column);
        const attn::Vector s = attn::scaledScoresRow(L, h, row, config);
        if (s(column) == -std::numeric_limits<double>::infinity()) {
            lines << Explanation::tr("masked (causal): key comes after the query, weight = %1").arg(fmt(value));
            break;
        }
        const QString sj = sub(QStringLiteral("s"), rowName + QStringLiteral(", j"));
        const QString max = sub(QStringLiteral("max"), rowName);
        const QString sij = sub(QStringLiteral("s"), rowName + QStringLiteral(", ") + subName(result, column));
        lines << sub(QStringLiteral("w"), rowName + QStringLiteral(", ") + subName(result, column)) +
                     QStringLiteral(" = exp(%1 \u2212 %2) / %3 exp(%4 \u2212 %2)")
                         .arg(sij, max, sub(QStringLiteral("\u03a3"), QStringLiteral("j")), sj);
        lines << QStringLiteral("= ") + softmaxTerm(s, softmaxRow(s), column, value);
        break;
    }
    case PanelId::Output: {
        const int oh = column / dK;
        const attn::Matrix& w =
            L.heads[static_cast<std::size_t>(std::min<int>(oh, static_cast<int>(L.heads.size()) - 1))].weights;
        lines << Explanation::tr("output · token %1 (row %2) · column %3%4")
                     .arg(esc(quoted(tokenText(result, row))))
                     .arg(row)
                     .arg(column)
                     .arg(config.heads > 1 ? QStringLiteral(" \u00b7 ") + Explanation::tr("head %1").arg(oh + 1)
                                           : QString());
        // Masked keys have weight exactly 0; they are left out of the sum.
        std::vector<int> keys;
        const int n = static_cast<int>(w.cols());
        for (int j = 0; j < n; ++j) {
            if (!(config.causal && j > row))
                keys.push_back(j);
        }
        const QString sum = writtenSum(keys, [&](int j) { return weightedValueTerm(L, w, row, j, column); });
        lines << sub(QStringLiteral("output"), rowName + QStringLiteral(", ") + columnText) + QStringLiteral(" = ") +
                     sub(QStringLiteral("\u03a3"), QStringLiteral("j")) + QLatin1Char(' ') +
                     sub(QStringLiteral("w"), rowName + QStringLiteral(", j")) + QStringLiteral(" \u00b7 ") +
                     sub(QStringLiteral("v"), QStringLiteral("j, ") + columnText);
        lines << QStringLiteral("= %1 = %2").arg(sum, fmt(value));
        break;
    }
    }
    // The panels of a layer say which layer, when there are several.
    if (!attn::panelInfo(id).matrix && !lines.isEmpty())
        lines.front() += layerNoteFor(result, l);
    return lines.join(QStringLiteral("<br>"));
}

QString entropyToolTip(const attn::AttentionConfig& config, const attn::AttentionResult& result, int layer, int head,
                       int row)
{
    if (result.layers.empty())
        return {};
    const int l = std::clamp(layer, 0, static_cast<int>(result.layers.size()) - 1);
    const attn::LayerResult& L = result.layers[static_cast<std::size_t>(l)];
    const int h = std::clamp(head, 0, std::max(0, static_cast<int>(L.heads.size()) - 1));
    const attn::Matrix& w = L.heads[static_cast<std::size_t>(h)].weights;
    if (row < 0 || row >= w.rows())
        return {};
    const double entropy = rowEntropies(w.row(row))[0];
    const int n = static_cast<int>(w.cols());
    // With the causal mask, query i sees keys 0..i only.
    const int keys = config.causal ? std::min(n, row + 1) : n;
    const QString sum = writtenSum(range(keys), [&](int j) {
        const double v = w(row, j);
        return v > 0 ? QStringLiteral("%1 ln %1").arg(fmt(v)) : QStringLiteral("0");
    });
    const QString rowName = subName(result, row);
    const QString wij = sub(QStringLiteral("w"), rowName + QStringLiteral(", j"));
    QStringList lines;
    lines << Explanation::tr("entropy of the attention of query %1 (row %2)%3")
                 .arg(esc(quoted(tokenText(result, row))))
                 .arg(row)
                 .arg(layerNoteFor(result, l) + headNote(config, h));
    lines << sub(QStringLiteral("H"), rowName) +
                 QStringLiteral(" = \u2212%1 %2 ln %2 = \u2212(%3) = %4 nats")
                     .arg(sub(QStringLiteral("\u03a3"), QStringLiteral("j")), wij, sum, fmt(entropy));
    lines << Explanation::tr("0 = all weight on one key; ln %1 = %2 = spread evenly over the %1 keys it sees")
                 .arg(keys)
                 .arg(fmt(std::log(static_cast<double>(keys))));
    lines << Explanation::tr("larger scores (no √%1 scaling, a lower temperature) make it smaller")
                 .arg(sub(QStringLiteral("d"), QStringLiteral("k")));
    return lines.join(QStringLiteral("<br>"));
}

// ---- The lesson's formula lines --------------------------------------------

namespace {

QStringList tokenLines(const attn::AttentionResult& result, int i)
{
    const int n = static_cast<int>(result.tokens.size());
    QStringList lines;
    lines << QStringLiteral("tokens = sentence.split()");
    lines << QStringLiteral("= [%1]").arg(writtenSum(
        n, [&](int t) { return quoted(tokenText(result, t)); }, QStringLiteral(", ")));
    const int words = static_cast<int>(result.vocabulary.words.size());
    // English's own singular and plural as two sources (each a numerus
    // entry for the languages with other rules).
    //: Two counts: the tokens, then the vocabulary's words.
    lines << Explanation::tr("%1, %2").arg(n == 1 ? Explanation::tr("%n token", nullptr, n)
                                                  : Explanation::tr("%n tokens", nullptr, n),
                                           words == 1 ? Explanation::tr("%n vocabulary word", nullptr, words)
                                                      : Explanation::tr("%n vocabulary words", nullptr, words));
    const int word = result.vocabulary.tokenWord[static_cast<std::size_t>(i)];
    int uses = 0;
    for (int w : result.vocabulary.tokenWord)
        uses += w == word ? 1 : 0;
    lines << Explanation::tr("query token %1 %2 → vocabulary entry %3%4")
                 .arg(i)
                 .arg(quotedName(result, i))
                 .arg(word)
                 .arg(uses > 1 ? QLatin1Char(' ') + Explanation::tr("(shared by %1 tokens)").arg(uses) : QString());
    return lines;
}

QStringList embeddingLines(const attn::AttentionConfig& config, const attn::AttentionResult& result, int i)
{
    const int d = static_cast<int>(result.embeddings.cols());
    QStringList lines;
    lines << (config.positional ? QStringLiteral("x_i = e_i + pe_i") : Explanation::tr("x_i = e_i (row i of E)"));
    lines << QStringLiteral("i = %1, d_model = %2").arg(quotedName(result, i)).arg(d);
    lines << QStringLiteral("e_i = %1").arg(vectorText(result.embeddings, i, 0, d));
    if (config.positional) {
        lines << QStringLiteral("pe_i = %1").arg(vectorText(result.positional, i, 0, d));
        lines << QStringLiteral("x_i = %1").arg(vectorText(result.inputs, i, 0, d));
    }
    lines << (embeddingGiven(result, i)
                  ? Explanation::tr("(the preset gives this vector)")
                  : Explanation::tr("(drawn at random, embedding seed %1)").arg(config.embeddingSeed));
    return lines;
}

QStringList projectionLines(const attn::AttentionConfig& config, const attn::AttentionResult& result,
                            const attn::LayerResult& layer, int i, int head)
{
    const int dK = layer.dK;
    const int first = head * dK;
    QStringList lines;
    lines << QStringLiteral("q_i = x_i%1W_Q   k_i = x_i%1W_K   v_i = x_i%1W_V").arg(kDot);
    lines << QStringLiteral("i = %1").arg(quotedName(result, i));
    const QString columns = headColumns(config, head, dK);
    if (!columns.isEmpty())
        lines << columns;
    lines << QStringLiteral("q_i = %1").arg(vectorText(layer.q, i, first, dK));
    lines << QStringLiteral("k_i = %1").arg(vectorText(layer.k, i, first, dK));
    lines << QStringLiteral("v_i = %1").arg(vectorText(layer.v, i, first, dK));
    // One number worked out in full: the query's first column of this head.
    lines << Explanation::tr("q_i[%1] = x_i %2 column %1 of W_Q").arg(first).arg(kDot);
    lines << QStringLiteral("= %1 = %2").arg(projectionSum(layer, layer.wQuery, i, first), fmt(layer.q(i, first)));
    return lines;
}

QStringList scoreLines(const attn::AttentionConfig& config, const attn::AttentionResult& result,
                       const attn::LayerResult& layer, int i, int head)
{
    const int n = static_cast<int>(result.tokens.size());
    const int dK = layer.dK;
    const int first = head * dK;
    const attn::Vector scores = attn::scoresRow(layer, head, i);
    QStringList lines;
    lines << QStringLiteral("score(i, j) = q_i %1 k_j").arg(kDot);
    const QString columns = headColumns(config, head, dK);
    if (!columns.isEmpty())
        lines << columns;
    for (int j = 0; j < keysWritten(n); ++j) {
        lines << QStringLiteral("score(%1, %2) = %3 = %4")
                     .arg(quotedName(result, i), quotedName(result, j), dotProductSum(layer, first, dK, i, j),
                          fmt(scores(j)));
    }
    if (n > keysWritten(n))
        lines << moreKeys(n);
    return lines;
}

QStringList scalingLines(const attn::AttentionConfig& config, const attn::AttentionResult& result,
                         const attn::LayerResult& layer, int i, int head)
{
    const int n = static_cast<int>(result.tokens.size());
    const attn::Vector scores = attn::scoresRow(layer, head, i);
    const attn::Vector scaled = attn::scaledScoresRow(layer, head, i, config);
    const QString root = kSqrt + QString::number(layer.dK);
    const bool tempered = config.temperature != 1.0;
    QString divisor;
    if (config.scaled)
        divisor += QStringLiteral(" \u00f7 ") + root;
    if (tempered)
        divisor += QStringLiteral(" \u00f7 ") + temperatureText(config.temperature);

    QStringList lines;
    QString general = QStringLiteral("scaled(i, j) = score(i, j)");
    if (config.scaled)
        general += QStringLiteral(" \u00f7 \u221ad_k");
    if (tempered)
        general += QStringLiteral(" \u00f7 T");
    if (!config.scaled && !tempered)
        general += QStringLiteral("   ") + Explanation::tr("(scaling off)");
    lines << general;
    QStringList facts;
    if (config.scaled)
        facts << QStringLiteral("d_k = %1, %2 = %3").arg(layer.dK).arg(root, sqrtDk(layer.dK));
    if (tempered)
        facts << QStringLiteral("T = %1").arg(temperatureText(config.temperature));
    if (config.causal)
        facts << Explanation::tr("causal: keys after the query → −∞");
    if (!facts.isEmpty())
        lines << facts.join(QStringLiteral(";  "));
    std::vector<int> masked;
    for (int j = 0; j < n; ++j) {
        const double s = scaled(j);
        if (std::isinf(s) && s < 0) {
            masked.push_back(j);
            continue;
        }
        if (j < keysWritten(n))
            lines << QStringLiteral("%1: %2%3 = %4").arg(quotedName(result, j), fmt(scores(j)), divisor, fmt(s));
    }
    if (n > keysWritten(n))
        lines << moreKeys(n);
    if (!masked.empty())
        lines << Explanation::tr("%1: after the query, masked = −∞").arg(maskedKeys(result, masked));
    return lines;
}

QStringList softmaxLines(const attn::AttentionConfig& config, const attn::AttentionResult& result,
                         const attn::LayerResult& layer, int i, int head)
{
    const int n = static_cast<int>(result.tokens.size());
    const attn::HeadResult& h = layer.heads[static_cast<std::size_t>(head)];
    // The weights themselves come from the result.
    const attn::Vector scaled = attn::scaledScoresRow(layer, head, i, config);
    const SoftmaxRow softmax = softmaxRow(scaled);

    QStringList lines;
    lines << QStringLiteral("w(i, j) = exp(s_j \u2212 max) / \u03a3 exp(s_j \u2212 max)   (softmax)");
    lines << Explanation::tr("row of %1: max = %2, Σ exp(s − max) = %3")
                 .arg(quotedName(result, i), fmt(softmax.max), fmt(softmax.total));
    double weightSum = 0.0;
    std::vector<int> masked;
    for (int j = 0; j < n; ++j) {
        const double s = scaled(j);
        const double w = h.weights(i, j);
        weightSum += w;
        if (std::isinf(s) && s < 0) {
            masked.push_back(j);
            continue;
        }
        if (j < keysWritten(n))
            lines << QStringLiteral("w(%1, %2) = %3")
                         .arg(quotedName(result, i), quotedName(result, j), softmaxTerm(scaled, softmax, j, w));
    }
    if (n > keysWritten(n))
        lines << moreKeys(n);
    if (!masked.empty())
        lines << QStringLiteral("%1: exp(\u2212\u221e) = 0").arg(maskedKeys(result, masked));
    lines << Explanation::tr("the weights add up to %1").arg(fmt(weightSum));
    return lines;
}

// "out(“i”) = [head 1 | head 2]", "= [4.08, 3.55, 6.04 | 3.94, 3.55, 4.04]":
// the heads' outputs side by side, from the layer's output.
QStringList concatenationLines(const attn::AttentionResult& result, const attn::LayerResult& layer, int i)
{
    const int heads = static_cast<int>(layer.heads.size());
    const int dK = layer.dK;
    const QString bar = QStringLiteral(" | ");
    const QString names = writtenSum(
        heads, [](int h) { return Explanation::tr("head %1").arg(h + 1); }, bar, 4);
    const QString values = writtenSum(
        heads,
        [&](int h) {
            return writtenSum(
                dK, [&](int c) { return fmt(layer.output(i, h * dK + c)); }, listSeparator());
        },
        bar, 4);
    return {QStringLiteral("out(%1) = [%2]").arg(quotedName(result, i), names), QStringLiteral("= [%1]").arg(values)};
}

QStringList weightedSumLines(const attn::AttentionConfig& config, const attn::AttentionResult& result,
                             const attn::LayerResult& layer, int i, int head)
{
    const int n = static_cast<int>(result.tokens.size());
    const int dK = layer.dK;
    const int first = head * dK;
    const attn::HeadResult& h = layer.heads[static_cast<std::size_t>(head)];
    QStringList lines;
    lines << QStringLiteral("out_i = \u03a3_j w_ij %1 v_j").arg(kDot);
    const QString columns = headColumns(config, head, dK);
    if (!columns.isEmpty())
        lines << columns;
    // Written as a column sum: each value vector scaled by its weight.
    for (int j = 0; j < keysWritten(n); ++j) {
        lines << QStringLiteral("%1 %2 %3 %4   v(%5)")
                     .arg(j == 0 ? QStringLiteral("\u2007\u2007") : QStringLiteral("+"), fmt(h.weights(i, j)), kTimes,
                          vectorText(layer.v, j, first, dK), quotedName(result, j));
    }
    if (n > keysWritten(n))
        lines << QStringLiteral("+ ") + moreKeys(n);
    // With several heads this head's sum is only its share of out_i: its d_k
    // columns.
    const QString name = quotedName(result, i);
    if (config.heads > 1) {
        lines << QStringLiteral("= %1").arg(vectorText(h.output, i, 0, dK));
        lines << Explanation::tr("= head %1’s share of out(%2): its columns %3–%4")
                     .arg(head + 1)
                     .arg(name)
                     .arg(first)
                     .arg(first + dK - 1);
    } else {
        lines << QStringLiteral("= %1 = out(%2)").arg(vectorText(h.output, i, 0, dK), name);
    }
    // One number added up in full: the first column of the output.
    lines << QStringLiteral("out_i[%1] = %2 = %3")
                 .arg(first)
                 .arg(writtenSum(
                          n, [&](int j) { return weightedValueTerm(layer, h.weights, i, j, first); },
                          QStringLiteral(" + "), 4),
                      fmt(h.output(i, 0)));
    if (config.heads > 1)
        lines << concatenationLines(result, layer, i);
    return lines;
}

// ---- The block around a checkpoint's attention (steps 8 to 11) ------------

struct RowMoments
{
    double mean = 0.0;
    double variance = 0.0;
};

// The mean and biased variance of a row, as a layer norm takes them.
RowMoments rowMoments(const attn::Matrix& m, int row)
{
    RowMoments r;
    const Eigen::Index d = m.cols();
    r.mean = m.row(row).mean();
    r.variance = (m.row(row).array() - r.mean).square().sum() / static_cast<double>(std::max<Eigen::Index>(1, d));
    return r;
}

// "μ = 0.12, σ² = 0.80": the row's moments.
QString momentsLine(const QString& what, const RowMoments& moments)
{
    return QStringLiteral("%1: \u03bc = %2, \u03c3\u00b2 = %3").arg(what, fmt(moments.mean), fmt(moments.variance));
}

// "(1.23 − 0.12) / √(0.80 + 1e-05) · 1.02 + 0.01 = 1.35": one dimension of a layer norm.
QString layerNormTerm(double x, const RowMoments& moments, const attn::LayerNormParams& ln, int c, double result)
{
    return QStringLiteral("(%1 \u2212 %2) / \u221a(%3 + %4) \u00b7 %5 + %6 = %7")
        .arg(fmt(x), factor(moments.mean), fmt(moments.variance), heatmapscale::formatSetting(ln.epsilon, 3),
             factor(ln.weight(c)), factor(ln.bias(c)), fmt(result));
}

QStringList layerNormLines(const attn::AttentionResult& result, const attn::LayerResult& layer, int i)
{
    const attn::BlockResult& block = *layer.block;
    const int d = static_cast<int>(block.residualIn.cols());
    const RowMoments moments = rowMoments(block.residualIn, i);
    QStringList lines;
    lines << QStringLiteral(
        "LN\u2081(x)_c = (x_c \u2212 \u03bc) / \u221a(\u03c3\u00b2 + \u03b5) \u00b7 \u03b3_c + \u03b2_c");
    lines << QStringLiteral("i = %1, d_model = %2").arg(quotedName(result, i)).arg(d);
    lines << QStringLiteral("x_i = %1").arg(vectorText(block.residualIn, i, 0, d));
    lines << momentsLine(Explanation::tr("over the %1 numbers of x_i").arg(d), moments);
    lines << QStringLiteral("LN\u2081(x_i)_0 = %1")
                 .arg(layerNormTerm(block.residualIn(i, 0), moments, block.ln1, 0, layer.input(i, 0)));
    lines << QStringLiteral("LN\u2081(x_i) = %1").arg(vectorText(layer.input, i, 0, d));
    lines << Explanation::tr("(the row step 3 multiplies by W_Q, W_K and W_V)");
    return lines;
}

QStringList residualLines(const attn::AttentionResult& result, const attn::LayerResult& layer, int i)
{
    const attn::BlockResult& block = *layer.block;
    const int d = static_cast<int>(block.residualIn.cols());
    QStringList lines;
    lines << QStringLiteral("x\u2032 = x + (out %1 W_O + b_O)").arg(kDot);
    lines << Explanation::tr("i = %1, out_i: the heads side by side (step 7)").arg(quotedName(result, i));
    lines << Explanation::tr("a_i[0] = out_i %1 column 0 of W_O + b_O[0]").arg(kDot);
    lines << QStringLiteral("= %1 + %2 = %3")
                 .arg(writtenSum(d,
                                 [&](int t) { return factor(layer.output(i, t)) + kTimes + factor(block.wOut(t, 0)); }),
                      factor(block.bOut(0)), fmt(block.attention(i, 0)));
    lines << QStringLiteral("a_i = %1").arg(vectorText(block.attention, i, 0, d));
    lines << QStringLiteral("x\u2032_i[0] = x_i[0] + a_i[0] = %1 + %2 = %3")
                 .arg(fmt(block.residualIn(i, 0)), factor(block.attention(i, 0)), fmt(block.residualMid(i, 0)));
    lines << QStringLiteral("x\u2032_i = %1").arg(vectorText(block.residualMid, i, 0, d));
    return lines;
}

QStringList mlpLines(const attn::AttentionResult& result, const attn::LayerResult& layer, int i)
{
    const attn::BlockResult& block = *layer.block;
    const int d = static_cast<int>(block.residualMid.cols());
    const int hidden = static_cast<int>(block.mlpHidden.cols());
    const RowMoments moments = rowMoments(block.residualMid, i);
    // The hidden unit this token drives hardest.
    int u = 0;
    block.mlpHidden.row(i).cwiseAbs().maxCoeff(&u);
    const double a = block.mlpPreActivation(i, u);
    const double inner = 0.7978845608028654 * (a + 0.044715 * a * a * a);
    QStringList lines;
    lines << QStringLiteral("x\u2033 = x\u2032 + gelu(LN\u2082(x\u2032) %1 W_fc + b_fc) %1 W_proj + b_proj").arg(kDot);
    lines << Explanation::tr("i = %1, %2 → %3 → %2 numbers").arg(quotedName(result, i)).arg(d).arg(hidden);
    lines << momentsLine(QStringLiteral("LN\u2082 of x\u2032_i"), moments);
    lines << QStringLiteral("LN\u2082(x\u2032_i)_0 = %1")
                 .arg(layerNormTerm(block.residualMid(i, 0), moments, block.ln2, 0, block.mlpInput(i, 0)));
    lines << QStringLiteral("gelu(a) = \u00bd a (1 + tanh(\u221a(2/\u03c0) (a + 0.044715 a\u00b3)))");
    lines << Explanation::tr("strongest unit %1: a = %2, gelu = ½ %3 %4 (1 + tanh(%5)) = %6")
                 .arg(u)
                 .arg(fmt(a), kDot, factor(a), fmt(inner), fmt(block.mlpHidden(i, u)));
    lines << QStringLiteral("m_i = h_i %1 W_proj + b_proj = %2").arg(kDot, vectorText(block.mlp, i, 0, d));
    lines << QStringLiteral("x\u2033_i[0] = x\u2032_i[0] + m_i[0] = %1 + %2 = %3")
                 .arg(fmt(block.residualMid(i, 0)), factor(block.mlp(i, 0)), fmt(block.residualOut(i, 0)));
    return lines;
}

// How many next tokens step 11 writes out.
constexpr int kNextTokenLines = 5;

QStringList logitLines(const attn::AttentionResult& result, int layer)
{
    QStringList lines;
    lines << QStringLiteral("p = softmax(LN_f(x_last) %1 W_teᵀ)").arg(kDot);
    if (!result.unembedding || result.nextTokens.empty())
        return lines;
    const attn::UnembeddingResult& u = *result.unembedding;
    const int n = static_cast<int>(result.tokens.size());
    const int d = static_cast<int>(u.residual.cols());
    const int layers = static_cast<int>(result.layers.size());
    lines << (layer + 1 < layers ? Explanation::tr("last token %1, after all %2 layers (this is layer %3)")
                                       .arg(quotedName(result, n - 1))
                                       .arg(layers)
                                       .arg(layer + 1)
                                 : Explanation::tr("last token %1, after the last layer (%2)")
                                       .arg(quotedName(result, n - 1))
                                       .arg(layers));
    const attn::Matrix residual = u.residual;
    const RowMoments moments = rowMoments(residual, 0);
    lines << momentsLine(Explanation::tr("LN_f of x_last"), moments);
    lines << QStringLiteral("h_0 = %1").arg(layerNormTerm(residual(0, 0), moments, u.lnF, 0, u.normed(0)));
    const attn::AttentionResult::NextToken& best = result.nextTokens.front();
    const QString bestName = quoted(boundedFromUtf8(best.text));
    lines << QStringLiteral("logit(%1) = h %2 w_%1 = %3 = %4")
                 .arg(bestName, kDot,
                      writtenSum(d,
                                 [&](int t) { return factor(u.normed(t)) + kTimes + factor(u.nextEmbeddings(0, t)); }),
                      fmt(best.logit));
    // The softmax over every token of the vocabulary.
    double highest = -std::numeric_limits<double>::infinity();
    for (const float l : result.nextLogits)
        highest = std::max(highest, static_cast<double>(l));
    double total = 0.0;
    for (const float l : result.nextLogits)
        total += std::exp(static_cast<double>(l) - highest);
    lines << Explanation::tr("over all %1 tokens: max = %2, Σ exp(l − max) = %3")
                 .arg(result.nextLogits.size())
                 .arg(fmt(highest), fmt(total));
    const int shown = std::min<int>(kNextTokenLines, static_cast<int>(result.nextTokens.size()));
    for (int t = 0; t < shown; ++t) {
        const attn::AttentionResult::NextToken& next = result.nextTokens[static_cast<std::size_t>(t)];
        lines << QStringLiteral("p(%1) = exp(%2 \u2212 %3) / %4 = %5")
                     .arg(quoted(boundedFromUtf8(next.text)), fmt(next.logit), factor(highest), fmt(total),
                          fmt(next.probability));
    }
    return lines;
}

} // namespace

int lessonClosingLines(const attn::AttentionConfig& config, int step)
{
    switch (step) {
    case 6:
        return 1; // the weights add up to 1
    case 7:
        return config.heads > 1 ? 5 : 2; // the output, one number of it, the heads side by side
    case 10:
        return 1; // the layer's output
    case 11:
        return kNextTokenLines + 1; // the softmax's sum and the most likely tokens
    default:
        return 0;
    }
}

QStringList lessonFormulaLines(const attn::AttentionConfig& config, const attn::AttentionResult& result, int step,
                               int queryToken, int layer, int head)
{
    const int n = static_cast<int>(result.tokens.size());
    if (n == 0 || result.headCount() == 0)
        return {};
    const int i = std::clamp(queryToken, 0, n - 1);
    const attn::LayerResult& l = result.layer(layer);
    const int h = std::clamp(head, 0, static_cast<int>(l.heads.size()) - 1);
    switch (step) {
    case 1:
        return tokenLines(result, i);
    case 2:
        return embeddingLines(config, result, i);
    case 3:
        return projectionLines(config, result, l, i, h);
    case 4:
        return scoreLines(config, result, l, i, h);
    case 5:
        return scalingLines(config, result, l, i, h);
    case 6:
        return softmaxLines(config, result, l, i, h);
    case 7:
        return weightedSumLines(config, result, l, i, h);
    default:
        break;
    }
    // The block around attention: only a checkpoint's layer has one.
    if (!l.block)
        return {};
    switch (step) {
    case 8:
        return layerNormLines(result, l, i);
    case 9:
        return residualLines(result, l, i);
    case 10:
        return mlpLines(result, l, i);
    case 11:
        return logitLines(result, std::clamp(layer, 0, static_cast<int>(result.layers.size()) - 1));
    default:
        return {};
    }
}
