#include "embeddingimport.h"

#include "core/attention.h"

#include <charconv>
#include <cmath>
#include <string_view>
#include <unordered_set>

namespace attn {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Splits on ASCII whitespace (vector files use spaces; a word itself may hold
// any other byte, including non-ASCII).
std::vector<std::string_view> fields(std::string_view line)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && isSpace(line[i]))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && !isSpace(line[i]))
            ++i;
        if (i > start)
            out.push_back(line.substr(start, i - start));
    }
    return out;
}

bool parseNumber(std::string_view text, double* value)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(*value);
}

bool isWholeNumber(std::string_view text)
{
    if (text.empty())
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

ImportedEmbeddings importEmbeddings(std::istream& in, const std::vector<std::string>& wanted,
                                    const ImportControl& control)
{
    ImportedEmbeddings result;
    const std::unordered_set<std::string> wantedSet(wanted.begin(), wanted.end());
    std::int64_t bytes = 0;
    std::int64_t lastReport = 0;
    std::string line;
    bool sawVector = false;

    while (std::getline(in, line)) {
        bytes += static_cast<std::int64_t>(line.size()) + 1;
        ++result.linesRead;
        if ((result.linesRead & 1023) == 0) {
            if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
                result.cancelled = true;
                return result;
            }
            if (control.progress && bytes - lastReport >= (1 << 20)) {
                control.progress(bytes);
                lastReport = bytes;
            }
        }
        if (line.find_first_not_of(" \t\r\n\v\f") == std::string::npos)
            continue;

        // The word is everything up to the first ASCII space or tab.
        const std::size_t wordEnd = line.find_first_of(" \t");
        const std::string_view word = std::string_view(line).substr(0, wordEnd);
        const std::string_view rest =
            wordEnd == std::string::npos ? std::string_view() : std::string_view(line).substr(wordEnd);

        if (result.linesRead == 1) {
            // word2vec's header: two whole numbers, "count dimension".
            const auto headerFields = fields(line);
            if (headerFields.size() == 2 && isWholeNumber(headerFields[0]) && isWholeNumber(headerFields[1])) {
                int dimension = 0;
                std::from_chars(headerFields[1].data(), headerFields[1].data() + headerFields[1].size(), dimension);
                result.dimension = dimension;
                continue;
            }
        }

        const bool isWanted = wantedSet.count(std::string(word)) > 0;
        if (sawVector && !isWanted)
            continue; // the common case in a large file: skip without parsing numbers

        const auto numbers = fields(rest);
        std::vector<double> vector;
        vector.reserve(numbers.size());
        bool ok = !numbers.empty();
        for (const std::string_view number : numbers) {
            double value = 0.0;
            if (!parseNumber(number, &value)) {
                ok = false;
                break;
            }
            vector.push_back(value);
        }
        if (ok && result.dimension == 0)
            result.dimension = static_cast<int>(vector.size());
        if (!ok || static_cast<int>(vector.size()) != result.dimension) {
            ++result.malformedLines;
            if (result.firstMalformedLine == 0)
                result.firstMalformedLine = result.linesRead;
            continue;
        }
        sawVector = true;
        if (isWanted && !result.vectors.count(std::string(word)))
            result.vectors.emplace(std::string(word), std::move(vector));
    }
    if (control.progress)
        control.progress(bytes);

    if (!sawVector)
        throw ImportError("The file holds no word vectors: each line should be a word followed by its numbers.");
    if (result.dimension < 1 || result.dimension > Limits::maxDModel)
        throw ImportError("The vectors have " + std::to_string(result.dimension) + " numbers; d_model must be from 1 to "
                          + std::to_string(Limits::maxDModel) + ".");
    for (const std::string& word : wanted) {
        if (!result.vectors.count(word))
            result.missing.push_back(word);
    }
    return result;
}

} // namespace attn
