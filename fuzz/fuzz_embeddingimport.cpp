// Any file: the importer either throws ImportError or returns vectors of the
// one dimension it reports, within the engine's limits.

#include "core/embeddingimport.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        const attn::ImportedEmbeddings result = attn::importEmbeddings(in, {"the", "cat", "a", "\xc3\xa9", "1"});
        if (result.dimension < 1 || result.dimension > 1024)
            std::abort();
        for (const auto& [word, vector] : result.vectors) {
            if (static_cast<int>(vector.size()) != result.dimension)
                std::abort();
        }
        if (result.vectors.size() + result.missing.size() != 5)
            std::abort();
    } catch (const attn::ImportError&) {
    }
    return 0;
}
