#pragma once

#include "core/message.h"

namespace attn {

// A configuration, checkpoint, tokenizer file or request the GPT-2 code
// refuses: one sentence naming the file (where there is one) and what is
// wrong. Safetensors files themselves are refused with SafetensorsError.
// Translatable in the context "Gpt2Error".
class Gpt2Error : public TranslatableError
{
public:
    using TranslatableError::TranslatableError;
};

} // namespace attn
