#include "embeddingimport.h"

#include "core/attention.h"

#include <charconv>
#include <cmath>
#include <optional>
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

// How many fields `rest` has when every one of them is made of the
// characters of a finite decimal number; 0 when any is not. Cheaper than
// parsing, for the lines of words nobody asked for: they only vote on the
// dimension.
std::size_t countNumberLikeFields(std::string_view rest)
{
    std::size_t count = 0;
    bool inField = false;
    for (const char c : rest) {
        if (isSpace(c)) {
            inField = false;
            continue;
        }
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
            return 0;
        if (!inField)
            ++count;
        inField = true;
    }
    return count;
}

// The d of a word2vec header "count d", or nothing when `line` is not one.
std::optional<std::string_view> headerDimension(std::string_view line)
{
    // Called for the first line only, so splitting all of it costs nothing.
    const std::vector<std::string_view> found = fields(line);
    if (found.size() != 2 || !isWholeNumber(found[0]) || !isWholeNumber(found[1]))
        return std::nullopt;
    return found[1];
}

// The state of one read, fed a line at a time. The dimension is only known
// at the end (the header's, or else the most common count of numbers), so
// each wanted word keeps its first vector of every count seen; those are
// the only numbers held.
class LineReader
{
public:
    LineReader(const std::vector<std::string>& wanted, std::int64_t maxKeptNumbers)
        : m_wanted(wanted.begin(), wanted.end())
        , m_maxKept(maxKeptNumbers)
    {
    }

    void skipOverlong()
    {
        ++m_result.linesRead;
        ++m_result.overlongLines;
        notAVector();
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

        if (m_result.linesRead == 1) {
            if (const auto dimension = headerDimension(line)) {
                m_header = std::string(*dimension);
                return;
            }
        }

        // The word is everything up to the first ASCII space or tab.
        const std::size_t wordEnd = line.find_first_of(" \t");
        const std::string_view word = line.substr(0, wordEnd);
        const std::string_view rest = wordEnd == std::string_view::npos ? std::string_view() : line.substr(wordEnd);

        if (!m_wanted.count(std::string(word))) {
            // The common case in a large file: counted, not parsed.
            if (const std::size_t count = countNumberLikeFields(rest))
                tally(count);
            else
                notAVector();
            return;
        }

        const auto numbers = fields(rest);
        std::vector<double> vector;
        vector.reserve(numbers.size());
        for (const std::string_view number : numbers) {
            double value = 0.0;
            if (!parseNumber(number, &value)) {
                notAVector();
                return;
            }
            vector.push_back(value);
        }
        if (vector.empty()) {
            notAVector();
            return;
        }
        tally(vector.size());
        keep(word, std::move(vector));
    }

    // The vectors of the file's dimension, or ImportError.
    ImportedEmbeddings finish(const std::vector<std::string>& wanted)
    {
        if (m_tallies.empty())
            throw ImportError(
                makeMessage("ImportError", QT_TRANSLATE_NOOP("ImportError", "The file holds no word vectors: "
                                                                            "each line should be a word "
                                                                            "followed by its numbers.")));
        std::size_t mostCommon = 0;
        const Tally* best = nullptr;
        for (const auto& [count, tally] : m_tallies) {
            // On a tie the count seen first wins, as a reader of the file would guess.
            if (!best || tally.lines > best->lines ||
                (tally.lines == best->lines && tally.firstLine < best->firstLine)) {
                mostCommon = count;
                best = &tally;
            }
        }

        std::size_t dimension = mostCommon;
        if (m_header) {
            std::size_t stated = 0;
            const auto [end, ec] = std::from_chars(m_header->data(), m_header->data() + m_header->size(), stated);
            if (ec != std::errc() || !m_tallies.count(stated))
                throw ImportError(
                    makeMessage("ImportError",
                                QT_TRANSLATE_NOOP("ImportError", "The header says %1 numbers per word, but "
                                                                 "the lines have %2: correct or delete the "
                                                                 "first line."),
                                *m_header, mostCommon));
            dimension = stated;
        }
        if (dimension < 1 || dimension > static_cast<std::size_t>(Limits::maxDModel))
            throw ImportError(makeMessage(
                "ImportError",
                QT_TRANSLATE_NOOP("ImportError", "The vectors have %1 numbers; d_model must be from 1 to %2."),
                dimension, Limits::maxDModel));
        if (m_dropped.count(dimension))
            throw ImportError(
                makeMessage("ImportError",
                            QT_TRANSLATE_NOOP("ImportError", "The lines disagree too often on how many numbers a word "
                                                             "has (%1 different counts) to be read in one pass; most "
                                                             "have %2: remove the others."),
                            m_tallies.size(), dimension));

        m_result.dimension = static_cast<int>(dimension);
        if (const auto kept = m_candidates.find(dimension); kept != m_candidates.end())
            m_result.vectors = std::move(kept->second);
        for (const auto& [count, tally] : m_tallies) {
            if (count != dimension)
                skipped(tally.lines, tally.firstLine);
        }
        for (const std::string& word : wanted) {
            if (!m_result.vectors.count(word))
                m_result.missing.push_back(word);
        }
        return std::move(m_result);
    }

    ImportedEmbeddings& result() { return m_result; }

private:
    struct Tally
    {
        std::int64_t lines = 0;
        std::int64_t firstLine = 0;
    };

    void tally(std::size_t count)
    {
        Tally& tally = m_tallies[count];
        if (tally.lines++ == 0)
            tally.firstLine = m_result.linesRead;
    }

    void notAVector() { skipped(1, m_result.linesRead); }

    void skipped(std::int64_t lines, std::int64_t firstLine)
    {
        m_result.malformedLines += lines;
        if (m_result.firstMalformedLine == 0 || firstLine < m_result.firstMalformedLine)
            m_result.firstMalformedLine = firstLine;
    }

    bool fewerLines(std::size_t a, std::size_t b) const
    {
        const Tally& ta = m_tallies.at(a);
        const Tally& tb = m_tallies.at(b);
        return ta.lines < tb.lines || (ta.lines == tb.lines && ta.firstLine > tb.firstLine);
    }

    // A word's first vector of each count is kept. Past the budget, the
    // vectors of the count with the fewest lines so far go, for good: a count
    // that rare is almost never the file's dimension, and if it becomes it,
    // finish() says so rather than return a partial set.
    void keep(std::string_view word, std::vector<double> vector)
    {
        const std::size_t count = vector.size();
        if (count > static_cast<std::size_t>(Limits::maxDModel) || m_dropped.count(count))
            return;
        if (const auto kept = m_candidates.find(count);
            kept != m_candidates.end() && kept->second.count(std::string(word)))
            return;
        while (m_kept + static_cast<std::int64_t>(count) > m_maxKept) {
            std::size_t rarest = count;
            for (const auto& entry : m_candidates) {
                if (fewerLines(entry.first, rarest))
                    rarest = entry.first;
            }
            m_dropped.insert(rarest);
            if (const auto dropped = m_candidates.find(rarest); dropped != m_candidates.end()) {
                m_kept -= static_cast<std::int64_t>(dropped->second.size() * rarest);
                m_candidates.erase(dropped);
            }
            if (rarest == count)
                return;
        }
        m_kept += static_cast<std::int64_t>(count);
        m_candidates[count].emplace(std::string(word), std::move(vector));
    }

    const std::unordered_set<std::string> m_wanted;
    const std::int64_t m_maxKept;
    ImportedEmbeddings m_result;
    std::optional<std::string> m_header;    // the d of "count d", as written
    std::map<std::size_t, Tally> m_tallies; // by count of numbers, for every line that looks like a vector
    std::map<std::size_t, std::map<std::string, std::vector<double>>> m_candidates;
    std::set<std::size_t> m_dropped;
    std::int64_t m_kept = 0; // numbers in m_candidates
};

} // namespace

ImportedEmbeddings importEmbeddings(std::istream& in, const std::vector<std::string>& wanted,
                                    const ImportControl& control)
{
    LineReader reader(wanted, control.maxKeptNumbers);
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

    return reader.finish(wanted);
}

} // namespace attn
