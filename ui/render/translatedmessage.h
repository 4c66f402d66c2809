#pragma once

// Core's sentences for users in the language the app speaks: core writes
// them in English and keeps their parts (core/message.h); here the English
// text is looked up in attnrender's catalogue and the parts are put in.

#include "core/message.h"

#include <QString>

#include <exception>

namespace attn::ui {

// The message translated, its arguments in place (English when no language
// is installed or the catalogue lacks it).
QString translatedMessage(const attn::Message& message);

// The error's sentence translated when it carries one (a TranslatableError
// made from a Message), else its what() as it is.
QString translatedMessage(const std::exception& error);

} // namespace attn::ui
