#include "ui/render/translatedmessage.h"

#include <QCoreApplication>

namespace attn::ui {

QString translatedMessage(const attn::Message& message)
{
    const QString text = QCoreApplication::translate(message.context, message.text);
    // The same one-pass substitution as core's English text, so an argument
    // holding "%2" is never read as a placeholder.
    return QString::fromStdString(attn::substituteArguments(text.toStdString(), message.arguments));
}

QString translatedMessage(const std::exception& error)
{
    if (const auto* translatable = dynamic_cast<const attn::TranslatableError*>(&error);
        translatable && translatable->message())
        return translatedMessage(*translatable->message());
    return QString::fromUtf8(error.what());
}

} // namespace attn::ui
