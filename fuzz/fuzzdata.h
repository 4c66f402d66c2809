#pragma once

// Reads a fuzz input as a sequence of choices. Past the end every read gives
// zero, so any input, however short, decodes to something; doubles come raw
// from 8 bytes or from a table of the values that break arithmetic, so NaN,
// infinities, denormals and the largest doubles all occur.

#include <QGuiApplication>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

// A violated invariant: say which, then abort so the fuzzer keeps the input.
#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);                         \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace fuzzdata {

// Painting needs a QGuiApplication; one is made on the first call and lives
// as long as the process. Qt's warnings (painting on a null image is one
// that is expected here) are dropped; a fatal message aborts.
inline void ensureGuiApplication()
{
    static const bool ready = [] {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString&) {
            if (type == QtFatalMsg)
                std::abort();
        });
        static int argc = 1;
        static char name[] = "fuzz";
        static char* argv[] = {name, nullptr};
        new QGuiApplication(argc, argv);
        return true;
    }();
    (void)ready;
}

class Reader
{
public:
    Reader(const std::uint8_t* data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {
    }

    bool atEnd() const { return m_at >= m_size; }
    std::size_t remaining() const { return m_size - m_at; }

    std::uint8_t byte() { return m_at < m_size ? m_data[m_at++] : 0; }
    bool flag() { return (byte() & 1) != 0; }

    std::uint32_t u32()
    {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | byte();
        return v;
    }

    // An integer in [low, high].
    int intIn(int low, int high)
    {
        const auto span = static_cast<std::uint32_t>(high - low) + 1;
        const std::uint32_t raw = span <= 256 ? byte() : u32();
        return low + static_cast<int>(raw % span);
    }

    double rawDouble()
    {
        std::uint64_t bits = 0;
        for (int i = 0; i < 8; ++i)
            bits = (bits << 8) | byte();
        double v;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }

    // One byte picks a special value, a small number, or 8 raw bytes.
    double value()
    {
        constexpr double inf = std::numeric_limits<double>::infinity();
        static const std::array<double, 16> specials = {
            std::numeric_limits<double>::quiet_NaN(),
            inf,
            -inf,
            std::numeric_limits<double>::denorm_min(),
            -std::numeric_limits<double>::denorm_min(),
            std::numeric_limits<double>::max(),
            -std::numeric_limits<double>::max(),
            1e308,
            -1e308,
            1.5e308,
            -1.5e308,
            std::numeric_limits<double>::min(),
            0.0,
            -0.0,
            1e-300,
            -std::numeric_limits<double>::quiet_NaN(),
        };
        const std::uint8_t kind = byte();
        if (kind < 64)
            return specials[kind % specials.size()];
        if (kind < 160)
            return (static_cast<int>(kind) - 112) / 8.0; // -6 .. 6 in eighths
        return rawDouble();
    }

    // Up to maxBytes raw bytes (length first), possibly invalid UTF-8.
    std::string bytes(std::size_t maxBytes)
    {
        const std::size_t length = std::min<std::size_t>({byte(), maxBytes, remaining()});
        std::string out(reinterpret_cast<const char*>(m_data + m_at), length);
        m_at += length;
        return out;
    }

    // Text of the kinds that break text layout: raw bytes, long runs of odd
    // characters (combining marks, right-to-left, emoji sequences, wide
    // scripts, controls, XML and CSV specials), or nothing.
    QString text(std::size_t maxBytes = 48)
    {
        static const std::array<QString, 14> pieces = {
            QStringLiteral("a\u0301\u0302\u0303\u0304\u0305"),                         // stacked combining marks
            QStringLiteral("\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"), // Hebrew, Arabic
            QStringLiteral("\U0001F469\u200D\U0001F469\u200D\U0001F467\uFE0F"),        // emoji ZWJ sequence
            QStringLiteral("\u6f22\u5b57\u304b\u306a\ud55c\uad6d\uc5b4"),              // CJK
            QStringLiteral("\u202e\u200b\u2066\u00ad\ufeff"),                          // bidi override, zero width
            QStringLiteral("<&>\"'"),
            QStringLiteral("=,\"\n\r\t+-@"),
            QStringLiteral("\x01\x02\x1b\x7f"),
            QStringLiteral("\ufffe\uffff\U0010FFFF"),
            QStringLiteral("W"),
            QStringLiteral("\u0bb8\u0bcd\u0bb0\u0bc0"), // Tamil conjunct
            QStringLiteral("\u2581\u2588\U0001D54F"),
            QStringLiteral("-1e308"),
            QStringLiteral(" "),
        };
        const std::uint8_t kind = byte();
        if (kind < 128)
            return QString::fromUtf8(bytes(maxBytes));
        if (kind < 224) {
            QString out;
            const int count = 1 + byte() % 80; // up to a few hundred characters
            const QString& piece = pieces[byte() % pieces.size()];
            for (int i = 0; i < count; ++i)
                out += piece;
            return out;
        }
        return {};
    }

    QStringList texts(int count)
    {
        QStringList out;
        for (int i = 0; i < count; ++i)
            out << text();
        return out;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

} // namespace fuzzdata
