// GPT-2's tokenizer on any bytes. The first byte chooses: encode the rest with
// GPT-2's real vocabulary, or read the rest as vocab.json and merges.txt
// (split at the first NUL byte) or as tokenizer.json. Loading either gives a
// tokenizer or a Gpt2Error; encoding always decodes back to the repaired text,
// and the pre-tokenizer's pieces always add up to it.

#include "core/gpt2tokenizer.h"
#include "core/tokenizer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

const attn::Gpt2Tokenizer& gpt2()
{
    static const attn::Gpt2Tokenizer tokenizer = attn::Gpt2Tokenizer::fromFolder(AV_GPT2_RESOURCES);
    return tokenizer;
}

void checkRoundTrip(const attn::Gpt2Tokenizer& tokenizer, std::string_view text)
{
    const std::string clean = attn::sanitizeUtf8(text);
    const std::vector<int> ids = tokenizer.encode(text);
    if (tokenizer.decode(ids) != clean)
        std::abort();
    std::string joined;
    for (const attn::Gpt2TokenPiece& piece : tokenizer.pieces(ids)) {
        if (piece.whole != attn::isWholeUtf8(piece.bytes) || (piece.whole && piece.text != piece.bytes))
            std::abort();
        joined += piece.bytes;
    }
    if (joined != clean)
        std::abort();
    joined.clear();
    for (const std::string& piece : attn::gpt2PreTokenize(text)) {
        if (piece.empty())
            std::abort();
        joined += piece;
    }
    if (joined != clean)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    const int mode = data[0] % 3;
    if (mode == 0) {
        checkRoundTrip(gpt2(), rest);
        return 0;
    }
    std::optional<attn::Gpt2Tokenizer> tokenizer;
    try {
        if (mode == 1) {
            const std::size_t split = rest.find('\0');
            const std::string_view vocab = rest.substr(0, split);
            const std::string_view merges =
                split == std::string_view::npos ? std::string_view() : rest.substr(split + 1);
            tokenizer = attn::Gpt2Tokenizer::fromData(vocab, merges);
        } else {
            tokenizer = attn::Gpt2Tokenizer::fromTokenizerJsonData(rest);
        }
    } catch (const attn::Gpt2Error&) {
        return 0;
    }
    checkRoundTrip(*tokenizer, rest);
    checkRoundTrip(*tokenizer, "Hello world, 漢字 123 's  \n");
    return 0;
}
