#include "exporters.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace attn {

namespace {

// A finite number as the shortest text that reads back as the same double
// or float, float-looking so that Python and JSON readers agree on the type.
template <typename T> std::string shortestText(T value)
{
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, end);
    if (text.find_first_of(".eEn") == std::string::npos)
        text += ".0";
    return text;
}

template <typename Derived>
void writeMatrix(std::ostream& out, const Eigen::MatrixBase<Derived>& m, const char* rowIndent)
{
    out << '[';
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        out << (r == 0 ? "" : ",") << '\n' << rowIndent << '[';
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            if (c > 0)
                out << ", ";
            const auto value = m(r, c);
            // JSON has no infinities: a masked score is null, as is any
            // non-finite value (which the engine never produces from finite input).
            if (!std::isfinite(value))
                out << "null";
            else
                out << shortestText(value);
        }
        out << ']';
    }
    out << ']';
}

void writeStrings(std::ostream& out, const std::vector<std::string>& strings)
{
    out << '[';
    for (std::size_t i = 0; i < strings.size(); ++i)
        out << (i == 0 ? "" : ", ") << jsonQuote(strings[i]);
    out << ']';
}

// A Python string literal that survives being pasted into source: quotes,
// backslashes, control characters and every non-space whitespace escaped.
std::string pythonQuote(std::string_view text)
{
    std::string out = "\"";
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto lead = static_cast<unsigned char>(text[pos]);
        std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        length = std::min(length, text.size() - pos);
        char32_t cp = lead;
        if (length == 2)
            cp = lead & 0x1F;
        else if (length == 3)
            cp = lead & 0x0F;
        else if (length == 4)
            cp = lead & 0x07;
        for (std::size_t i = 1; i < length; ++i)
            cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);

        if (cp == '"' || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == ' ' || (cp > 0x20 && cp < 0x7F)) {
            out += static_cast<char>(cp);
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || isPythonWhitespace(cp) || cp == 0xFEFF ||
                   (cp >= 0x200B && cp <= 0x200F)) {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(cp));
            out += buffer;
        } else {
            out.append(text.substr(pos, length));
        }
        pos += length;
    }
    out += '"';
    return out;
}

void writePythonMatrix(std::ostream& out, const Matrix& m, const char* indent)
{
    out << "np.array([";
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        out << '\n' << indent << "    [";
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            out << (c == 0 ? "" : ", ") << formatDouble(m(r, c));
        out << "],";
    }
    out << '\n' << indent << "])";
}

void writePythonVector(std::ostream& out, const std::vector<double>& v)
{
    out << "np.array([";
    for (std::size_t i = 0; i < v.size(); ++i)
        out << (i == 0 ? "" : ", ") << formatDouble(v[i]);
    out << "])";
}

const char* drawCall(WeightInit init)
{
    switch (init) {
    case WeightInit::RandInt:
        return "np.random.randint(3, size=(d_model, d_model))";
    case WeightInit::Uniform:
        return "np.random.rand(d_model, d_model)";
    case WeightInit::Normal:
        return "np.random.randn(d_model, d_model) / np.sqrt(d_model)";
    }
    return "";
}

} // namespace

std::string formatDouble(double value)
{
    if (!std::isfinite(value))
        return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
    return shortestText(value);
}

std::string jsonQuote(std::string_view text)
{
    std::string out = "\"";
    for (const char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (byte < 0x20 || byte == 0x7F) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", byte);
                out += buffer;
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

void writeJson(std::ostream& out, const AttentionConfig& config, const AttentionResult& result)
{
    const char* rowIndent = "    ";
    out << "{\n";
    out << "  \"format\": \"attention-visualizer/1\",\n";
    out << "  \"config\": {\n";
    out << "    \"sentence\": " << jsonQuote(sanitizeUtf8(config.sentence)) << ",\n";
    out << "    \"d_model\": " << config.dModel << ",\n";
    out << "    \"heads\": " << config.heads << ",\n";
    out << "    \"init\": \"" << toString(config.init) << "\",\n";
    out << "    \"weight_seed\": " << config.weightSeed << ",\n";
    out << "    \"embedding_seed\": " << config.embeddingSeed << ",\n";
    out << "    \"causal\": " << (config.causal ? "true" : "false") << ",\n";
    out << "    \"scaled\": " << (config.scaled ? "true" : "false") << ",\n";
    out << "    \"temperature\": " << formatDouble(config.temperature) << ",\n";
    out << "    \"positional\": " << (config.positional ? "true" : "false") << "\n";
    out << "  },\n";
    out << "  \"tokens\": ";
    writeStrings(out, result.tokens);
    out << ",\n  \"vocabulary\": ";
    writeStrings(out, result.vocabulary.words);

    // Format 1 is the article's model: one layer, its stages at the top level.
    if (result.layers.size() != 1)
        throw std::invalid_argument("writeJson: the attention-visualizer/1 format holds exactly one layer");
    const LayerResult& layer = result.layers.front();
    const std::pair<const char*, const Matrix*> stages[] = {
        {"embeddings", &result.embeddings},
        {"inputs", &result.inputs},
        {"W_query", &layer.wQuery},
        {"W_key", &layer.wKey},
        {"W_value", &layer.wValue},
        {"Q", &layer.q},
        {"K", &layer.k},
        {"V", &layer.v},
    };
    for (const auto& [name, matrix] : stages) {
        out << ",\n  \"" << name << "\": ";
        writeMatrix(out, *matrix, rowIndent);
    }

    out << ",\n  \"heads\": [";
    for (std::size_t h = 0; h < layer.heads.size(); ++h) {
        const HeadResult& head = layer.heads[h];
        out << (h == 0 ? "" : ",") << "\n    {\n";
        // A head whose scores the result did not keep has them computed
        // again, one head at a time.
        const HeadScores computed = head.hasScores() ? HeadScores{} : headScores(layer, static_cast<int>(h), config);
        const std::pair<const char*, const Matrix*> parts[] = {
            {"scores", head.hasScores() ? &head.scores : &computed.scores},
            {"scaled_scores", head.hasScores() ? &head.scaledScores : &computed.scaledScores},
            {"weights", &head.weights},
            {"output", &head.output},
        };
        for (std::size_t p = 0; p < 4; ++p) {
            out << "      \"" << parts[p].first << "\": ";
            writeMatrix(out, *parts[p].second, "        ");
            out << (p + 1 < 4 ? ",\n" : "\n");
        }
        out << "    }";
    }
    out << "\n  ],\n  \"output\": ";
    writeMatrix(out, layer.output, rowIndent);
    out << "\n}\n";
}

void writeModelJson(std::ostream& out, const AttentionConfig& config, const AttentionResult& result,
                    const ModelFacts& model)
{
    const auto ids = [&](const std::vector<int>& list) {
        out << '[';
        for (std::size_t i = 0; i < list.size(); ++i)
            out << (i == 0 ? "" : ", ") << list[i];
        out << ']';
    };
    out << "{\n  \"format\": \"attention-visualizer-model/1\",\n  \"model\": {\"family\": " << jsonQuote(model.family)
        << ", \"layers\": " << model.layers << ", \"heads\": " << model.heads << ", \"d_model\": " << model.dModel
        << ", \"vocab_size\": " << model.vocabSize << ", \"context\": " << model.context << "},\n";
    out << "  \"text\": " << jsonQuote(sanitizeUtf8(config.sentence)) << ",\n  \"token_ids\": ";
    ids(result.tokenIds);
    out << ",\n  \"tokens\": ";
    writeStrings(out, result.tokens);
    out << ",\n  \"layers\": [";
    for (std::size_t l = 0; l < result.layers.size(); ++l) {
        out << (l == 0 ? "" : ",") << "\n    {\"heads\": [";
        const LayerResult& layer = result.layers[l];
        for (std::size_t h = 0; h < layer.heads.size(); ++h) {
            out << (h == 0 ? "" : ",") << "\n      {\"weights\": ";
            const HeadResult& head = layer.heads[h];
            if (head.weights.size() != 0)
                writeMatrix(out, head.weights, "        ");
            else
                writeMatrix(out, head.weights32, "        ");
            out << '}';
        }
        out << "\n    ]}";
    }
    out << "\n  ],\n  \"next_token\": [";
    for (std::size_t i = 0; i < result.nextTokens.size(); ++i) {
        const auto& next = result.nextTokens[i];
        out << (i == 0 ? "" : ",") << "\n    {\"id\": " << next.id
            << ", \"token\": " << jsonQuote(sanitizeUtf8(next.text))
            << ", \"probability\": " << formatDouble(next.probability) << '}';
    }
    out << "\n  ]";
    if (!result.generatedIds.empty()) {
        out << ",\n  \"generated_ids\": ";
        ids(result.generatedIds);
    }
    if (!model.trainingTask.empty()) {
        const auto numbers = [&](const std::vector<double>& list) {
            out << '[';
            for (std::size_t i = 0; i < list.size(); ++i)
                out << (i == 0 ? "" : ", ") << formatDouble(list[i]);
            out << ']';
        };
        out << ",\n  \"training\": {\"task\": " << jsonQuote(model.trainingTask)
            << ", \"steps\": " << model.trainingLoss.size() << ",\n    \"loss\": ";
        numbers(model.trainingLoss);
        out << ",\n    \"accuracy\": ";
        numbers(model.trainingAccuracy);
        out << '}';
    }
    out << "\n}\n";
}

void writeNumpyScript(std::ostream& out, const AttentionConfig& config, const AttentionResult& result,
                      const std::string& generator)
{
    const std::string sentence = sanitizeUtf8(config.sentence);
    bool anyExplicit = false;
    bool allExplicit = true;
    for (const bool given : result.wordIsExplicit) {
        anyExplicit = anyExplicit || given;
        allExplicit = allExplicit && given;
    }

    out << "#!/usr/bin/env python3\n";
    out << "\"\"\"Self-attention, step by step, as computed by " << generator << ".\n\n";
    out << "Settings: d_model=" << config.dModel << ", heads=" << config.heads << ", init=" << toString(config.init)
        << ", weight seed=" << config.weightSeed << ", embedding seed=" << config.embeddingSeed << ",\n";
    out << "causal mask " << (config.causal ? "on" : "off") << ", scaling by sqrt(d_k) "
        << (config.scaled ? "on" : "off") << ", temperature=" << formatDouble(config.temperature)
        << ", positional encoding " << (config.positional ? "on" : "off") << ".\n\n";
    out << "Run it with Python 3 and NumPy: python3 this_file.py\n";
    out << "Afterwards X, W_query, W_key, W_value, Q, K, V, weights (one n x n array\n";
    out << "per head) and output hold every stage of the computation.\n";
    out << "\"\"\"\n\n";
    out << "import numpy as np\n\n";

    out << "# 1. Tokens: the sentence split on whitespace, exactly like str.split().\n";
    out << "sentence = " << pythonQuote(sentence) << "\n";
    out << "tokens = sentence.split()\n";
    out << "n = len(tokens)\n";
    out << "# The vocabulary: each distinct word once, in order of first appearance.\n";
    out << "vocabulary = list(dict.fromkeys(tokens))\n\n";
    out << "d_model = " << config.dModel << "  # numbers per embedding\n";
    out << "heads = " << config.heads << "\n";
    out << "d_k = d_model // heads  # columns each head works on\n";
    out << "temperature = " << formatDouble(config.temperature) << "\n\n";

    out << "# 2. Embeddings: one vector of d_model numbers per vocabulary word; a\n";
    out << "#    repeated word reuses its vector.\n";
    if (!allExplicit) {
        out << "np.random.seed(" << config.embeddingSeed << ")\n";
        out << "embedding = {word: np.random.rand(d_model) for word in vocabulary}\n";
    } else {
        out << "embedding = {}\n";
    }
    if (anyExplicit) {
        out << (allExplicit ? "# The vectors are given literally.\n"
                            : "# Some vectors are given literally and replace the drawn ones.\n");
        for (std::size_t w = 0; w < result.vocabulary.words.size(); ++w) {
            if (!result.wordIsExplicit[w])
                continue;
            out << "embedding[" << pythonQuote(result.vocabulary.words[w]) << "] = ";
            writePythonVector(out, config.explicitEmbeddings.at(result.vocabulary.words[w]));
            out << "\n";
        }
    }
    out << "E = np.array([embedding[token] for token in tokens])  # n x d_model\n";
    if (config.positional) {
        out << "# Sinusoidal positional encoding: PE[p, 2i] = sin(p / 10000^(2i/d_model)),\n";
        out << "# PE[p, 2i+1] = cos(p / 10000^(2i/d_model)).\n";
        out << "divisor = np.power(10000.0, (2 * (np.arange(d_model) // 2)) / d_model)\n";
        out << "angles = np.arange(n)[:, None] / divisor\n";
        out << "PE = np.where(np.arange(d_model) % 2 == 0, np.sin(angles), np.cos(angles))\n";
        out << "X = E + PE\n\n";
    } else {
        out << "X = E  # no positional encoding\n\n";
    }

    out << "# 3. Weights: three d_model x d_model matrices, drawn in this order.\n";
    out << "np.random.seed(" << config.weightSeed << ")\n";
    out << "W_query = " << drawCall(config.init) << "\n";
    out << "W_key = " << drawCall(config.init) << "\n";
    out << "W_value = " << drawCall(config.init) << "\n";
    const std::pair<const char*, const std::optional<Matrix>*> edits[] = {
        {"W_query", &config.wQuery}, {"W_key", &config.wKey}, {"W_value", &config.wValue}};
    for (const auto& [name, edited] : edits) {
        if (!edited->has_value())
            continue;
        out << "# " << name << " was edited by hand:\n" << name << " = ";
        writePythonMatrix(out, **edited, "");
        out << "\n";
    }
    out << "\n# 4. Projections: every token's query, key and value.\n";
    out << "Q = X @ W_query\nK = X @ W_key\nV = X @ W_value\n\n";

    out << "weights = []  # one n x n matrix of attention weights per head\n";
    out << "head_outputs = []\n";
    out << "for h in range(heads):\n";
    out << "    cols = slice(h * d_k, (h + 1) * d_k)  # this head's columns\n";
    out << "    # 5. Scores: score[i, j] = q_i . k_j, how well query i matches key j.\n";
    out << "    scores = Q[:, cols] @ K[:, cols].T\n";
    if (config.scaled) {
        out << "    # 6. Scale by sqrt(d_k) so the scores do not grow with the dimension.\n";
        out << "    scaled_scores = scores / np.sqrt(d_k)\n";
    } else {
        out << "    # 6. Scaling by sqrt(d_k) is switched off.\n";
        out << "    scaled_scores = scores.copy()\n";
    }
    if (config.temperature != 1.0)
        out << "    scaled_scores = scaled_scores / temperature\n";
    if (config.causal) {
        out << "    # Causal mask: a token may not look at later tokens.\n";
        out << "    scaled_scores[np.triu(np.ones((n, n), dtype=bool), k=1)] = -np.inf\n";
    }
    out << "    # 7. Softmax along each row, numerically stable: subtract the row maximum.\n";
    out << "    exps = np.exp(scaled_scores - scaled_scores.max(axis=1, keepdims=True))\n";
    out << "    w = exps / exps.sum(axis=1, keepdims=True)\n";
    out << "    weights.append(w)\n";
    out << "    # 8. Each token's output is the weighted sum of the value vectors.\n";
    out << "    head_outputs.append(w @ V[:, cols])\n\n";
    out << "output = np.hstack(head_outputs)  # the heads side by side, n x d_model\n\n";
    out << "if __name__ == \"__main__\":\n";
    out << "    np.set_printoptions(precision=8, suppress=True)\n";
    out << "    print(\"Attention output:\")\n";
    out << "    print(output)\n";
}

} // namespace attn
