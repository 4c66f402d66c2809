#pragma once

// A sentence for a user that the app can show in another language. Core
// writes it in English (what()); the Qt side looks the English text up in its
// context and puts the arguments in (ui/render/translatedmessage.h). Core has
// no Qt: QT_TRANSLATE_NOOP only marks the text for lupdate, which reads core's
// sources into attnrender's catalogue. The variable parts (numbers, file
// names, words the user typed) are arguments %1, %2, ..., never glued pieces
// of sentence, so a translation can put them where its grammar wants them.

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace attn {

struct Message
{
    const char* context = ""; // a string literal: lupdate's context
    const char* text = "";    // a string literal: the English text with %1..%n
    std::vector<std::string> arguments;
};

// An argument as the English text writes it: strings as they are, whole
// numbers in decimal.
inline std::string messageArgument(std::string text)
{
    return text;
}
inline std::string messageArgument(const char* text)
{
    return text;
}
template <typename Number>
requires std::is_integral_v<Number> std::string messageArgument(Number n)
{
    return std::to_string(n);
}

template <typename... Args> Message makeMessage(const char* context, const char* text, Args&&... args)
{
    return Message{context, text, {messageArgument(std::forward<Args>(args))...}};
}

// `text` with every %1..%99 replaced by its argument in one pass (an
// argument holding "%2" stays as it is); a number without an argument stays.
std::string substituteArguments(std::string_view text, const std::vector<std::string>& arguments);

// The message in English.
std::string englishText(const Message& message);

// An error whose sentence can be translated: what() is the English one,
// message() the parts a translation needs (null for an error built from an
// English string only).
class TranslatableError : public std::runtime_error
{
public:
    explicit TranslatableError(const Message& message);
    explicit TranslatableError(const std::string& english);

    const Message* message() const { return m_message.get(); }

private:
    std::shared_ptr<const Message> m_message; // shared: copying an exception must not throw
};

} // namespace attn
