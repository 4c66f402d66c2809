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

namespace {

// The state of one read, fed a line at a time.
class LineReader
{
public:
    explicit LineReader(const std::vector<std::string>& wanted)
        : m_wanted(wanted.begin(), wanted.end())
    {
    }

    void skipOverlong()
    {
        ++m_result.linesRead;
        ++m_result.overlongLines;
        skip();
    }

    void read(std::string_view line)
    {
        ++m_result.linesRead;
        // Windows editors save UTF-8 with a byte order mark, which would
        // otherwise become part of the first word.
        if (m_result.linesRead == 1 && line.starts_with("\xEF\xBB\xBF"))
            line.remove_prefix(3);
        if (line.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos)
            return;

        // The word is everything up to the first ASCII space or tab.
        const std::size_t wordEnd = line.find_first_of(" \t");
        const std::string_view word = line.substr(0, wordEnd);
        const std::string_view rest = wordEnd == std::string_view::npos ? std::string_view() : line.substr(wordEnd);

        if (m_result.linesRead == 1) {
            // word2vec's header: two whole numbers, "count dimension".
            const auto headerFields = fields(line);
            if (headerFields.size() == 2 && isWholeNumber(headerFields[0]) && isWholeNumber(headerFields[1])) {
                int dimension = 0;
                std::from_chars(headerFields[1].data(), headerFields[1].data() + headerFields[1].size(), dimension);
                m_result.dimension = dimension;
                return;
            }
        }

        const bool isWanted = m_wanted.count(std::string(word)) > 0;
        if (m_sawVector && !isWanted)
            return; // the common case in a large file: skip without parsing numbers

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
        if (ok && m_result.dimension == 0)
            m_result.dimension = static_cast<int>(vector.size());
        if (!ok || static_cast<int>(vector.size()) != m_result.dimension) {
            skip();
            return;
        }
        m_sawVector = true;
        if (isWanted && !m_result.vectors.count(std::string(word)))
            m_result.vectors.emplace(std::string(word), std::move(vector));
    }

    ImportedEmbeddings& result() { return m_result; }
    bool sawVector() const { return m_sawVector; }

private:
    void skip()
    {
        ++m_result.malformedLines;
        if (m_result.firstMalformedLine == 0)
            m_result.firstMalformedLine = m_result.linesRead;
    }

    const std::unordered_set<std::string> m_wanted;
    ImportedEmbeddings m_result;
    bool m_sawVector = false;
};

} // namespace

ImportedEmbeddings importEmbeddings(std::istream& in, const std::vector<std::string>& wanted,
                                    const ImportControl& control)
{
    LineReader reader(wanted);
    const auto cancelled = [&] { return control.cancel && control.cancel->load(std::memory_order_relaxed); };
    std::vector<char> block(static_cast<std::size_t>(ImportLimits::blockBytes));
    // Reserved once, so a line at the cap never makes the string grow past it.
    std::string line;
    line.reserve(static_cast<std::size_t>(ImportLimits::maxLineBytes));
    bool overlong = false; // the current line passed the cap: its bytes are dropped up to its newline
    std::int64_t bytes = 0;
    std::int64_t lastReport = 0;

    while (in) {
        // Checked per block, not per line, so one endless line cannot delay it.
        if (cancelled()) {
            reader.result().cancelled = true;
            return std::move(reader.result());
        }
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        bytes += static_cast<std::int64_t>(got);
        std::string_view data(block.data(), got);
        while (!data.empty()) {
            const std::size_t newline = data.find('\n');
            const std::string_view piece = data.substr(0, newline);
            if (!overlong) {
                if (line.size() + piece.size() > static_cast<std::size_t>(ImportLimits::maxLineBytes)) {
                    overlong = true;
                    line.clear();
                } else {
                    line.append(piece);
                }
            }
            if (newline == std::string_view::npos)
                break;
            if (overlong)
                reader.skipOverlong();
            else
                reader.read(line);
            line.clear();
            overlong = false;
            data.remove_prefix(newline + 1);
        }
        if (control.progress && bytes - lastReport >= (1 << 20)) {
            control.progress(bytes);
            lastReport = bytes;
        }
    }
    // The last line needs no newline.
    if (overlong)
        reader.skipOverlong();
    else if (!line.empty())
        reader.read(line);
    if (control.progress)
        control.progress(bytes);

    ImportedEmbeddings& result = reader.result();
    if (!reader.sawVector())
        throw ImportError("The file holds no word vectors: each line should be a word followed by its numbers.");
    if (result.dimension < 1 || result.dimension > Limits::maxDModel)
        throw ImportError("The vectors have " + std::to_string(result.dimension) + " numbers; d_model must be from 1 to "
                          + std::to_string(Limits::maxDModel) + ".");
    for (const std::string& word : wanted) {
        if (!result.vectors.count(word))
            result.missing.push_back(word);
    }
    return std::move(result);
}

} // namespace attn
