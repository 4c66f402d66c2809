#include "gpt2tokenizer.h"

#include "core/gpt2unicodetable.h"
#include "core/tokenizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <mutex>
#include <queue>
#include <sstream>
#include <unordered_map>

namespace attn {

namespace {

// ---------------------------------------------------------------- code points

template <std::size_t N> bool inRanges(const unicode::CodePointRange (&ranges)[N], char32_t cp)
{
    const auto* it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                                      [](char32_t value, const unicode::CodePointRange& r) { return value < r.first; });
    return it != std::begin(ranges) && cp <= std::prev(it)->last;
}

bool isLetter(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return inRanges(unicode::kLetters, cp);
}

bool isNumber(char32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return inRanges(unicode::kNumbers, cp);
}

// Unicode's White_Space property: what \s matches.
bool isSpace(char32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

bool isOther(char32_t cp)
{
    return !isSpace(cp) && !isLetter(cp) && !isNumber(cp);
}

// Valid UTF-8 to code points, with each one's byte offset (and the end's).
void decodeValidUtf8(std::string_view text, std::vector<char32_t>& cps, std::vector<std::size_t>& offsets)
{
    cps.clear();
    offsets.clear();
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t cp = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
        for (int k = 1; k < length && i + static_cast<std::size_t>(k) < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        cps.push_back(cp);
        offsets.push_back(i);
        i += static_cast<std::size_t>(length);
    }
    offsets.push_back(text.size());
}

// ---------------------------------------------------------------- bytes as characters

// GPT-2's byte-to-character map: the printable Latin-1 bytes stand for
// themselves, the other 68 for U+0100 onwards, in byte order.
struct ByteAlphabet
{
    std::array<char32_t, 256> character{};
    std::unordered_map<char32_t, unsigned char> byte;

    ByteAlphabet()
    {
        char32_t next = 256;
        for (int b = 0; b < 256; ++b) {
            const bool printable = (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            character[static_cast<std::size_t>(b)] = printable ? static_cast<char32_t>(b) : next++;
            byte[character[static_cast<std::size_t>(b)]] = static_cast<unsigned char>(b);
        }
    }
};

const ByteAlphabet& alphabet()
{
    static const ByteAlphabet instance;
    return instance;
}

std::string bytesAsSpelling(std::string_view bytes)
{
    std::string out;
    for (const char c : bytes)
        appendUtf8(out, alphabet().character[static_cast<unsigned char>(c)]);
    return out;
}

// A vocabulary spelling's bytes; characters outside the alphabet (an added
// token's) stand for their own UTF-8.
std::string spellingAsBytes(std::string_view spelling)
{
    const std::string clean = sanitizeUtf8(spelling);
    std::vector<char32_t> cps;
    std::vector<std::size_t> offsets;
    decodeValidUtf8(clean, cps, offsets);
    std::string out;
    for (const char32_t cp : cps) {
        const auto it = alphabet().byte.find(cp);
        if (it != alphabet().byte.end())
            out.push_back(static_cast<char>(it->second));
        else
            appendUtf8(out, cp);
    }
    return out;
}

// `sentence`: the whole sentence for this file, with %1 for its path.
std::string readFile(const std::string& path, const char* sentence)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (in)
        text << in.rdbuf();
    if (!in || in.bad())
        throw Gpt2Error(makeMessage("Gpt2Error", sentence, path));
    return text.str();
}

bool fileExists(const std::string& path)
{
    return std::ifstream(path).good();
}

std::uint64_t pairKey(int left, int right)
{
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) | static_cast<std::uint32_t>(right);
}

constexpr int kMaxVocabulary = 1 << 24;

} // namespace

// ---------------------------------------------------------------- pre-tokenizer

std::vector<std::string> gpt2PreTokenize(std::string_view raw)
{
    const std::string text = sanitizeUtf8(raw);
    std::vector<char32_t> cps;
    std::vector<std::size_t> offsets;
    decodeValidUtf8(text, cps, offsets);
    std::vector<std::string> pieces;
    const std::size_t n = cps.size();
    const auto run = [&](std::size_t from, bool (*test)(char32_t)) {
        while (from < n && test(cps[from]))
            ++from;
        return from;
    };
    for (std::size_t i = 0; i < n;) {
        const char32_t c = cps[i];
        std::size_t end = i;
        const char32_t next = i + 1 < n ? cps[i + 1] : 0;
        if (c == '\'' && (next == 's' || next == 't' || next == 'm' || next == 'd')) {
            end = i + 2;
        } else if (c == '\'' && i + 2 < n &&
                   ((next == 'r' && cps[i + 2] == 'e') || (next == 'v' && cps[i + 2] == 'e') ||
                    (next == 'l' && cps[i + 2] == 'l'))) {
            end = i + 3;
        } else if (isLetter(c) || (c == ' ' && i + 1 < n && isLetter(next))) {
            end = run(c == ' ' ? i + 1 : i, isLetter);
        } else if (isNumber(c) || (c == ' ' && i + 1 < n && isNumber(next))) {
            end = run(c == ' ' ? i + 1 : i, isNumber);
        } else if (isOther(c) || (c == ' ' && i + 1 < n && isOther(next))) {
            end = run(c == ' ' ? i + 1 : i, isOther);
        } else {
            // Whitespace: the run, less its last character when that one
            // leads into a non-space (it joins the next piece), but never empty.
            const std::size_t runEnd = run(i, isSpace);
            end = runEnd == n || runEnd - i == 1 ? runEnd : runEnd - 1;
        }
        pieces.emplace_back(text.substr(offsets[i], offsets[end] - offsets[i]));
        i = end;
    }
    return pieces;
}

bool isWholeUtf8(std::string_view bytes)
{
    return sanitizeUtf8(bytes) == bytes;
}

// ---------------------------------------------------------------- tokenizer

struct Gpt2Tokenizer::Data
{
    std::vector<std::string> spellings; // by id; empty where no token has the id
    std::vector<std::string> bytes;
    std::unordered_map<std::string, int> ids; // spelling -> id
    std::array<int, 256> byteToken{};
    struct Merge
    {
        int rank;
        int merged;
    };
    std::unordered_map<std::uint64_t, Merge> merges;
    std::optional<int> endOfText;
};

struct Gpt2Tokenizer::Cache
{
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<int>> pieces;
};

Gpt2Tokenizer::Gpt2Tokenizer(std::shared_ptr<const Data> data)
    : m_data(std::move(data))
    , m_cache(std::make_shared<Cache>())
{
}

namespace {

using MergePairs = std::vector<std::pair<std::string, std::string>>;

std::unique_ptr<Gpt2Tokenizer::Data> buildData(const nlohmann::json& vocab, const MergePairs& merges,
                                               const std::vector<int>& mergeLines, const std::string& vocabName,
                                               const std::string& mergesName)
{
    auto data = std::make_unique<Gpt2Tokenizer::Data>();
    if (!vocab.is_object())
        throw Gpt2Error(makeMessage(
            "Gpt2Error",
            QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 vocabulary %1 is not a JSON object of tokens and ids."),
            vocabName));
    if (vocab.empty())
        throw Gpt2Error(makeMessage(
            "Gpt2Error", QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 vocabulary %1 holds no token."), vocabName));
    int largest = -1;
    for (const auto& [spelling, id] : vocab.items()) {
        if (!id.is_number_integer() || id.get<std::int64_t>() < 0 || id.get<std::int64_t>() >= kMaxVocabulary)
            throw Gpt2Error(makeMessage(
                "Gpt2Error",
                QT_TRANSLATE_NOOP("Gpt2Error",
                                  "The GPT-2 vocabulary %1 gives a token the id %2, not a whole number from 0 to %3."),
                vocabName, id.dump().substr(0, 40), kMaxVocabulary - 1));
        largest = std::max(largest, id.get<int>());
    }
    data->spellings.resize(static_cast<std::size_t>(largest) + 1);
    data->bytes.resize(static_cast<std::size_t>(largest) + 1);
    std::vector<bool> taken(static_cast<std::size_t>(largest) + 1, false);
    data->ids.reserve(vocab.size());
    data->merges.reserve(merges.size());
    for (const auto& [spelling, value] : vocab.items()) {
        const auto id = static_cast<std::size_t>(value.get<int>());
        if (spelling.empty())
            throw Gpt2Error(makeMessage("Gpt2Error",
                                        QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 vocabulary %1 holds an empty token."),
                                        vocabName));
        if (taken[id])
            throw Gpt2Error(makeMessage(
                "Gpt2Error", QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 vocabulary %1 gives the id %2 to two tokens."),
                vocabName, id));
        taken[id] = true;
        data->spellings[id] = spelling;
        data->bytes[id] = spellingAsBytes(spelling);
        data->ids.emplace(spelling, static_cast<int>(id));
    }
    for (int b = 0; b < 256; ++b) {
        const std::string spelling = bytesAsSpelling(std::string(1, static_cast<char>(b)));
        const auto it = data->ids.find(spelling);
        if (it == data->ids.end())
            throw Gpt2Error(makeMessage(
                "Gpt2Error",
                QT_TRANSLATE_NOOP(
                    "Gpt2Error",
                    "The GPT-2 vocabulary %1 has no token for the byte %2, which every byte-level vocabulary needs."),
                vocabName, b));
        data->byteToken[static_cast<std::size_t>(b)] = it->second;
    }
    for (std::size_t rank = 0; rank < merges.size(); ++rank) {
        const auto& [left, right] = merges[rank];
        const auto l = data->ids.find(left);
        const auto r = data->ids.find(right);
        const auto m = data->ids.find(left + right);
        if (l == data->ids.end() || r == data->ids.end() || m == data->ids.end())
            throw Gpt2Error(
                makeMessage("Gpt2Error",
                            QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 merges %1 merge, on line %2, tokens that are not "
                                                           "both in the vocabulary, or whose merge is not."),
                            mergesName, mergeLines[rank]));
        data->merges.try_emplace(pairKey(l->second, r->second),
                                 Gpt2Tokenizer::Data::Merge{static_cast<int>(rank), m->second});
    }
    if (const auto eot = data->ids.find("<|endoftext|>"); eot != data->ids.end())
        data->endOfText = eot->second;
    return data;
}

// `sentence`: the whole sentence for this file not being JSON, with %1 for its name.
nlohmann::json parseJson(std::string_view text, const std::string& name, const char* sentence)
{
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw Gpt2Error(makeMessage("Gpt2Error", sentence, name));
    }
}

MergePairs parseMerges(std::string_view text, const std::string& name, std::vector<int>& lines)
{
    MergePairs merges;
    int lineNumber = 0;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(at, end - at);
        at = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty() || (lineNumber == 1 && line.starts_with("#version")))
            continue;
        const std::size_t space = line.find(' ');
        if (space == 0 || space == std::string_view::npos || space + 1 == line.size() ||
            line.find(' ', space + 1) != std::string_view::npos)
            throw Gpt2Error(makeMessage(
                "Gpt2Error",
                QT_TRANSLATE_NOOP("Gpt2Error",
                                  "The GPT-2 merges %1 has a line %2 that is not two tokens separated by one space."),
                name, lineNumber));
        merges.emplace_back(std::string(line.substr(0, space)), std::string(line.substr(space + 1)));
        lines.push_back(lineNumber);
    }
    return merges;
}

} // namespace

Gpt2Tokenizer Gpt2Tokenizer::fromData(std::string_view vocabJson, std::string_view mergesText,
                                      const std::string& vocabName, const std::string& mergesName)
{
    const nlohmann::json vocab =
        parseJson(vocabJson, vocabName, QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 vocabulary %1 is not valid JSON."));
    std::vector<int> lines;
    const MergePairs merges = parseMerges(mergesText, mergesName, lines);
    return Gpt2Tokenizer(buildData(vocab, merges, lines, vocabName, mergesName));
}

Gpt2Tokenizer Gpt2Tokenizer::fromTokenizerJsonData(std::string_view text, const std::string& name)
{
    const nlohmann::json json =
        parseJson(text, name, QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 tokenizer %1 is not valid JSON."));
    const auto fail = [&](const char* sentence, auto&&... args) {
        throw Gpt2Error(makeMessage("Gpt2Error", sentence, name, args...));
    };
    if (!json.is_object())
        fail(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 tokenizer %1 is not a JSON object."));
    const auto model = json.find("model");
    if (model == json.end() || !model->is_object())
        fail(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 tokenizer %1 has no model."));
    if (const auto type = model->find("type"); type != model->end() && *type != "BPE")
        fail(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 tokenizer %1 describes a %2 model, not GPT-2's BPE."),
             type->dump().substr(0, 40));
    const auto vocab = model->find("vocab");
    const auto mergeList = model->find("merges");
    if (vocab == model->end() || mergeList == model->end() || !mergeList->is_array())
        fail(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 tokenizer %1 has no model.vocab and model.merges."));
    MergePairs merges;
    std::vector<int> lines;
    for (const auto& entry : *mergeList) {
        if (entry.is_string()) {
            const std::string& line = entry.get_ref<const std::string&>();
            const std::size_t space = line.find(' ');
            if (space == 0 || space == std::string::npos || space + 1 == line.size() ||
                line.find(' ', space + 1) != std::string::npos)
                fail(QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 tokenizer %1 has a merge (number %2) that is not two "
                                                    "tokens separated by one space."),
                     merges.size() + 1);
            merges.emplace_back(line.substr(0, space), line.substr(space + 1));
        } else if (entry.is_array() && entry.size() == 2 && entry[0].is_string() && entry[1].is_string()) {
            merges.emplace_back(entry[0].get<std::string>(), entry[1].get<std::string>());
        } else {
            fail(QT_TRANSLATE_NOOP("Gpt2Error",
                                   "The GPT-2 tokenizer %1 has a merge (number %2) that is not a pair of tokens."),
                 merges.size() + 1);
        }
        lines.push_back(static_cast<int>(merges.size()));
    }
    return Gpt2Tokenizer(buildData(*vocab, merges, lines, name, name));
}

Gpt2Tokenizer Gpt2Tokenizer::fromFiles(const std::string& vocabPath, const std::string& mergesPath)
{
    const std::string vocab =
        readFile(vocabPath, QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 vocabulary %1 cannot be read."));
    const std::string merges =
        readFile(mergesPath, QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 merges %1 cannot be read."));
    return fromData(vocab, merges, vocabPath, mergesPath);
}

Gpt2Tokenizer Gpt2Tokenizer::fromTokenizerJson(const std::string& path)
{
    return fromTokenizerJsonData(
        readFile(path, QT_TRANSLATE_NOOP("Gpt2Error", "The GPT-2 tokenizer %1 cannot be read.")), path);
}

Gpt2Tokenizer Gpt2Tokenizer::fromFolder(const std::string& folder)
{
    if (fileExists(folder + "/tokenizer.json"))
        return fromTokenizerJson(folder + "/tokenizer.json");
    if (fileExists(folder + "/vocab.json") || fileExists(folder + "/merges.txt"))
        return fromFiles(folder + "/vocab.json", folder + "/merges.txt");
    if (fileExists(folder + "/encoder.json") || fileExists(folder + "/vocab.bpe"))
        return fromFiles(folder + "/encoder.json", folder + "/vocab.bpe");
    throw Gpt2Error(
        makeMessage("Gpt2Error",
                    QT_TRANSLATE_NOOP("Gpt2Error", "The folder %1 holds no GPT-2 tokenizer: neither tokenizer.json, "
                                                   "nor vocab.json and merges.txt, nor encoder.json and vocab.bpe."),
                    folder));
}

void Gpt2Tokenizer::encodePiece(std::string_view piece, std::vector<int>& out) const
{
    constexpr std::size_t cacheablePiece = 64;
    constexpr std::size_t cacheEntries = 1 << 16;
    const bool cacheable = piece.size() <= cacheablePiece;
    if (cacheable) {
        const std::lock_guard lock(m_cache->mutex);
        const auto it = m_cache->pieces.find(std::string(piece));
        if (it != m_cache->pieces.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    // The piece's symbols as a linked list; a heap of the adjacent pairs that
    // have a merge, lowest rank first and, within a rank, leftmost first:
    // merging the leftmost occurrence first is how the rank-by-rank passes
    // of BPE merge overlapping pairs ("aaa" -> "aa" "a").
    const std::size_t n = piece.size();
    std::vector<int> symbol(n);
    std::vector<int> prev(n);
    std::vector<int> next(n);
    for (std::size_t i = 0; i < n; ++i) {
        symbol[i] = m_data->byteToken[static_cast<unsigned char>(piece[i])];
        prev[i] = static_cast<int>(i) - 1;
        next[i] = i + 1 < n ? static_cast<int>(i) + 1 : -1;
    }
    struct Candidate
    {
        int rank;
        int position;
        int left;
        int right;
        bool operator>(const Candidate& o) const { return rank != o.rank ? rank > o.rank : position > o.position; }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> heap;
    const auto consider = [&](int position) {
        if (position < 0 || next[static_cast<std::size_t>(position)] < 0)
            return;
        const int left = symbol[static_cast<std::size_t>(position)];
        const int right = symbol[static_cast<std::size_t>(next[static_cast<std::size_t>(position)])];
        const auto it = m_data->merges.find(pairKey(left, right));
        if (it != m_data->merges.end())
            heap.push({it->second.rank, position, left, right});
    };
    for (std::size_t i = 0; i + 1 < n; ++i)
        consider(static_cast<int>(i));
    std::vector<bool> alive(n, true);
    while (!heap.empty()) {
        const Candidate top = heap.top();
        heap.pop();
        const auto p = static_cast<std::size_t>(top.position);
        const int q = next[p];
        // Stale: a symbol of the pair was merged into another since.
        if (!alive[p] || q < 0 || symbol[p] != top.left || symbol[static_cast<std::size_t>(q)] != top.right)
            continue;
        const auto merge = m_data->merges.find(pairKey(top.left, top.right));
        symbol[p] = merge->second.merged;
        alive[static_cast<std::size_t>(q)] = false;
        next[p] = next[static_cast<std::size_t>(q)];
        if (next[p] >= 0)
            prev[static_cast<std::size_t>(next[p])] = static_cast<int>(p);
        consider(prev[p]);
        consider(static_cast<int>(p));
    }
    std::vector<int> ids;
    for (int i = n > 0 ? 0 : -1; i >= 0; i = next[static_cast<std::size_t>(i)])
        ids.push_back(symbol[static_cast<std::size_t>(i)]);
    out.insert(out.end(), ids.begin(), ids.end());
    if (cacheable) {
        const std::lock_guard lock(m_cache->mutex);
        if (m_cache->pieces.size() >= cacheEntries)
            m_cache->pieces.clear();
        m_cache->pieces.emplace(std::string(piece), std::move(ids));
    }
}

std::vector<int> Gpt2Tokenizer::encode(std::string_view text) const
{
    std::vector<int> ids;
    for (const std::string& piece : gpt2PreTokenize(text))
        encodePiece(piece, ids);
    return ids;
}

const std::string& Gpt2Tokenizer::tokenBytes(int id) const
{
    if (id < 0 || id >= vocabularySize() || m_data->spellings[static_cast<std::size_t>(id)].empty())
        throw Gpt2Error(makeMessage(
            "Gpt2Error", QT_TRANSLATE_NOOP("Gpt2Error", "The token id %1 is not in the GPT-2 vocabulary."), id));
    return m_data->bytes[static_cast<std::size_t>(id)];
}

const std::string& Gpt2Tokenizer::spelling(int id) const
{
    tokenBytes(id); // checks the id
    return m_data->spellings[static_cast<std::size_t>(id)];
}

std::string Gpt2Tokenizer::decode(const std::vector<int>& ids) const
{
    std::string out;
    for (const int id : ids)
        out += tokenBytes(id);
    return out;
}

std::vector<Gpt2TokenPiece> Gpt2Tokenizer::pieces(const std::vector<int>& ids) const
{
    std::vector<Gpt2TokenPiece> out;
    out.reserve(ids.size());
    for (const int id : ids) {
        Gpt2TokenPiece piece;
        piece.id = id;
        piece.bytes = tokenBytes(id);
        piece.whole = isWholeUtf8(piece.bytes);
        if (piece.whole) {
            piece.text = piece.bytes;
        } else {
            // Keep each character that is whole in itself; escape the rest.
            static constexpr char hex[] = "0123456789abcdef";
            const std::string& b = piece.bytes;
            for (std::size_t i = 0; i < b.size();) {
                const auto lead = static_cast<unsigned char>(b[i]);
                const std::size_t length = lead < 0x80                   ? 1
                                           : lead >= 0xC2 && lead < 0xE0 ? 2
                                           : lead >= 0xE0 && lead < 0xF0 ? 3
                                           : lead >= 0xF0 && lead < 0xF5 ? 4
                                                                         : 0;
                if (length > 0 && i + length <= b.size() && isWholeUtf8(std::string_view(b).substr(i, length))) {
                    piece.text += b.substr(i, length);
                    i += length;
                } else {
                    piece.text += "\\x";
                    piece.text += hex[lead >> 4];
                    piece.text += hex[lead & 15];
                    ++i;
                }
            }
        }
        out.push_back(std::move(piece));
    }
    return out;
}

std::optional<int> Gpt2Tokenizer::tokenId(std::string_view spelling) const
{
    const auto it = m_data->ids.find(std::string(spelling));
    if (it == m_data->ids.end())
        return std::nullopt;
    return it->second;
}

int Gpt2Tokenizer::vocabularySize() const
{
    return static_cast<int>(m_data->spellings.size());
}

std::optional<int> Gpt2Tokenizer::endOfText() const
{
    return m_data->endOfText;
}

} // namespace attn
