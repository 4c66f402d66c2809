// Any argument list (NUL-separated): parsing succeeds with a configuration
// the engine validates, or fails with a one-line message.

#include "app/commandline.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QStringList arguments{QStringLiteral("attention-visualizer")};
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    for (const QByteArray& part : bytes.split('\0'))
        arguments << QString::fromUtf8(part);
    // Never read a session file from the fuzzer's working directory.
    for (const QString& argument : arguments) {
        if (!argument.startsWith('-') && argument != arguments.first())
            return 0;
    }
    const ParseOutcome outcome = parseCommandLine(arguments);
    if (!outcome.error.isEmpty()) {
        if (outcome.error.contains('\n'))
            std::abort();
        return 0;
    }
    if (!outcome.options.showHelp && !outcome.options.showVersion) {
        try {
            attn::validateConfig(outcome.options.config);
        } catch (const attn::AttentionError&) {
            std::abort();
        }
    }
    return 0;
}
