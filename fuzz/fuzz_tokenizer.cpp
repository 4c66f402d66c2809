// Any bytes: sanitizing gives valid UTF-8 that sanitizes to itself, and the
// tokens are non-empty and hold no whitespace.

#include "core/tokenizer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string clean = attn::sanitizeUtf8(text);
    if (attn::sanitizeUtf8(clean) != clean)
        std::abort();
    const auto tokens = attn::splitTokens(text);
    for (const std::string& token : tokens) {
        if (token.empty() || attn::splitTokens(token).size() != 1)
            std::abort();
    }
    const attn::Vocabulary vocabulary = attn::buildVocabulary(tokens);
    if (vocabulary.tokenWord.size() != tokens.size() || vocabulary.words.size() > tokens.size())
        std::abort();
    return 0;
}
