#pragma once

// Turning a sentence into tokens exactly as Python's str.split() does, so that
// an exported NumPy script that calls sentence.split() sees the same tokens.
// Input is UTF-8; invalid bytes are replaced by U+FFFD the way Python's
// bytes.decode("utf-8", "replace") does (one replacement per maximal invalid
// subpart), so no input can make tokenizing fail.

#include <string>
#include <string_view>
#include <vector>

namespace attn {

// Valid UTF-8 with every invalid sequence replaced by U+FFFD.
std::string sanitizeUtf8(std::string_view text);

// Appends the UTF-8 encoding of one code point (at most U+10FFFF).
void appendUtf8(std::string& out, char32_t cp);

// True for the code points Python's str.isspace() accepts.
bool isPythonWhitespace(char32_t codePoint);

// str.split(): runs of whitespace separate, leading/trailing whitespace is dropped.
std::vector<std::string> splitTokens(std::string_view text);

// splitTokens(text).size(), without building the tokens; counting stops at
// stopAfter + 1, so a huge text is refused as soon as it is over a limit.
std::size_t countTokens(std::string_view text, std::size_t stopAfter = static_cast<std::size_t>(-1));

// The distinct tokens in order of first appearance, and for each token the
// index of its word in that list.
struct Vocabulary
{
    std::vector<std::string> words;
    std::vector<int> tokenWord;
};

Vocabulary buildVocabulary(const std::vector<std::string>& tokens);

} // namespace attn
