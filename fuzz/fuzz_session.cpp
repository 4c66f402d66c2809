// Any file opened as a session: refused with a message, or accepted as a
// configuration the engine takes; a small accepted one is computed too, and
// saving it again reads back equal.

#include "core/attention.h"
#include "ui/document/session.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const auto session = sessionFromJson(bytes, QStringLiteral("fuzz.attn"), &error);
    if (!session) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    const auto again = sessionFromJson(sessionToJson(*session), QStringLiteral("again.attn"), &error);
    if (!again || !(*again == *session))
        std::abort();
    const std::size_t tokens = attn::splitTokens(session->config.sentence).size();
    if (tokens * static_cast<std::size_t>(session->config.dModel) <= 4096 && tokens <= 64)
        attn::computeAttention(session->config);
    return 0;
}
