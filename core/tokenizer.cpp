#include "tokenizer.h"

#include <unordered_map>

namespace attn {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at text[pos]. On an invalid sequence returns
// U+FFFD and advances past the maximal subpart only (Unicode's recommended
// practice, which CPython follows).
char32_t decodeOne(std::string_view text, std::size_t& pos)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }

    int continuation = 0;
    unsigned char secondLow = 0x80;
    unsigned char secondHigh = 0xBF;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuation = 1;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuation = 2;
        cp = lead & 0x0F;
        if (lead == 0xE0)
            secondLow = 0xA0;
        else if (lead == 0xED)
            secondHigh = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuation = 3;
        cp = lead & 0x07;
        if (lead == 0xF0)
            secondLow = 0x90;
        else if (lead == 0xF4)
            secondHigh = 0x8F;
    } else {
        ++pos;
        return kReplacement;
    }

    std::size_t i = pos + 1;
    for (int k = 0; k < continuation; ++k, ++i) {
        const unsigned char low = (k == 0) ? secondLow : 0x80;
        const unsigned char high = (k == 0) ? secondHigh : 0xBF;
        if (i >= text.size() || byte(i) < low || byte(i) > high) {
            pos = i;
            return kReplacement;
        }
        cp = (cp << 6) | (byte(i) & 0x3F);
    }
    pos = i;
    return cp;
}

} // namespace

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string sanitizeUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = decodeOne(text, pos);
        if (cp == kReplacement && !(pos - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD"))
            appendUtf8(out, kReplacement);
        else
            out.append(text.substr(start, pos - start));
    }
    return out;
}

bool isPythonWhitespace(char32_t cp)
{
    if (cp <= 0x20)
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    switch (cp) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

std::vector<std::string> splitTokens(std::string_view text)
{
    const std::string clean = sanitizeUtf8(text);
    std::vector<std::string> tokens;
    std::string current;
    std::size_t pos = 0;
    while (pos < clean.size()) {
        const std::size_t start = pos;
        const char32_t cp = decodeOne(clean, pos);
        if (isPythonWhitespace(cp)) {
            if (!current.empty())
                tokens.push_back(std::move(current));
            current.clear();
        } else {
            current.append(clean, start, pos - start);
        }
    }
    if (!current.empty())
        tokens.push_back(std::move(current));
    return tokens;
}

std::size_t countTokens(std::string_view text, std::size_t stopAfter)
{
    // Invalid bytes decode to U+FFFD, which is not whitespace, exactly as in
    // splitTokens, so the count agrees without copying the text.
    std::size_t count = 0;
    bool inToken = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (isPythonWhitespace(decodeOne(text, pos))) {
            inToken = false;
        } else if (!inToken) {
            inToken = true;
            if (++count > stopAfter)
                return count;
        }
    }
    return count;
}

Vocabulary buildVocabulary(const std::vector<std::string>& tokens)
{
    Vocabulary vocabulary;
    std::unordered_map<std::string, int> indexOf;
    vocabulary.tokenWord.reserve(tokens.size());
    for (const std::string& token : tokens) {
        auto [it, inserted] = indexOf.try_emplace(token, static_cast<int>(vocabulary.words.size()));
        if (inserted)
            vocabulary.words.push_back(token);
        vocabulary.tokenWord.push_back(it->second);
    }
    return vocabulary;
}

} // namespace attn
