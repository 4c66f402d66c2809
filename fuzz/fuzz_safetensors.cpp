// Any bytes as a safetensors file: either a SafetensorsError, or a file whose
// every tensor lies inside the data, in bytes that no other tensor shares,
// and reads as floats when its dtype is a floating one. A file that parses
// is also offered as a one-layer GPT-2 checkpoint (d_model 2, one head,
// two positions, a vocabulary of three), which loads or is refused.

#include "core/gpt2model.h"
#include "core/safetensors.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string bytes(reinterpret_cast<const char*>(data), size);
    std::vector<attn::TensorInfo> tensors;
    try {
        attn::SafetensorsFile file = attn::SafetensorsFile::fromBytes(bytes, "fuzz.safetensors");
        std::uint64_t dataSize = 0;
        for (const attn::TensorInfo& tensor : file.tensors()) {
            if (tensor.begin > tensor.end ||
                tensor.end - tensor.begin != tensor.elementCount() * attn::dtypeSize(tensor.dtype))
                std::abort();
            dataSize = std::max(dataSize, tensor.end);
            if (file.bytes(tensor).size() != tensor.end - tensor.begin)
                std::abort();
            if (attn::isFloatingPoint(tensor.dtype) && tensor.elementCount() <= (1u << 20)) {
                const std::vector<float> values = file.floats(tensor);
                if (values.size() != tensor.elementCount())
                    std::abort();
            }
            tensors.push_back(tensor);
        }
        if (dataSize + 8 > size)
            std::abort();
        std::sort(tensors.begin(), tensors.end(),
                  [](const attn::TensorInfo& a, const attn::TensorInfo& b) { return a.begin < b.begin; });
        for (std::size_t i = 1; i < tensors.size(); ++i) {
            if (tensors[i].begin != tensors[i].end && tensors[i - 1].end > tensors[i].begin)
                std::abort();
        }
        attn::Gpt2Config config;
        config.nLayer = 1;
        config.nHead = 1;
        config.nEmbd = 2;
        config.nCtx = 2;
        config.vocabSize = 3;
        try {
            const attn::Gpt2Model model = attn::Gpt2Model::fromSafetensors(
                config, std::make_shared<const attn::SafetensorsFile>(std::move(file)));
            attn::Gpt2ForwardOptions options;
            options.stageLayers = {0};
            options.threads = 1;
            const attn::Gpt2Forward forward = attn::runGpt2(model, {0, 2}, options);
            if (forward.logits.size() != 3 || forward.stages.size() != 1)
                std::abort();
        } catch (const attn::Gpt2Error&) {
        }
    } catch (const attn::SafetensorsError&) {
    }
    return 0;
}
