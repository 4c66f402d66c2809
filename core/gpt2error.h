#pragma once

#include <stdexcept>

namespace attn {

// A configuration, checkpoint, tokenizer file or request the GPT-2 code
// refuses: one sentence naming the file (where there is one) and what is
// wrong. Safetensors files themselves are refused with SafetensorsError.
class Gpt2Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace attn
