#include "core/message.h"

namespace attn {

std::string substituteArguments(std::string_view text, const std::vector<std::string>& arguments)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            std::size_t end = i + 2;
            std::size_t number = static_cast<std::size_t>(text[i + 1] - '0');
            if (end < text.size() && text[end] >= '0' && text[end] <= '9' &&
                number * 10 + static_cast<std::size_t>(text[end] - '0') <= arguments.size()) {
                number = number * 10 + static_cast<std::size_t>(text[end] - '0');
                ++end;
            }
            if (number <= arguments.size()) {
                out += arguments[number - 1];
                i = end - 1;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string englishText(const Message& message)
{
    return substituteArguments(message.text, message.arguments);
}

TranslatableError::TranslatableError(const Message& message)
    : std::runtime_error(englishText(message))
    , m_message(std::make_shared<const Message>(message))
{
}

TranslatableError::TranslatableError(const std::string& english)
    : std::runtime_error(english)
{
}

} // namespace attn
