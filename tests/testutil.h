#pragma once

// Small helpers shared by the tests: fixture loading, matrix comparison,
// and waiting on a document without a wall clock.

#include "core/attention.h"
#include "core/matrix.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/presets.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <QSignalSpy>
#include <QString>
#include <QtTest>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>

namespace testutil {

// Lets the process map only `headroom` more bytes while it lives, so that a
// large allocation fails for certain (Linux counts every mapping against
// RLIMIT_AS). Address and leak sanitizers reserve terabytes up front and must
// not run under it: see underSanitizer().
class AddressSpaceLimit
{
public:
    explicit AddressSpaceLimit(qint64 headroom)
    {
        getrlimit(RLIMIT_AS, &m_saved);
        long pages = 0;
        if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
            if (std::fscanf(statm, "%ld", &pages) != 1)
                pages = 0;
            std::fclose(statm);
        }
        rlimit limited = m_saved;
        const auto pageSize = static_cast<rlim_t>(sysconf(_SC_PAGESIZE));
        limited.rlim_cur = static_cast<rlim_t>(pages) * pageSize + static_cast<rlim_t>(headroom);
        m_active = pages > 0 && setrlimit(RLIMIT_AS, &limited) == 0;
    }
    ~AddressSpaceLimit() { setrlimit(RLIMIT_AS, &m_saved); }
    AddressSpaceLimit(const AddressSpaceLimit&) = delete;
    AddressSpaceLimit& operator=(const AddressSpaceLimit&) = delete;
    bool active() const { return m_active; }

private:
    rlimit m_saved{};
    bool m_active = false;
};

constexpr bool underSanitizer()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

// The article preset; a missing preset ends the test run.
inline attn::AttentionConfig articleConfig()
{
    QString error;
    const auto config = loadPreset(QStringLiteral("article"), &error);
    if (!config)
        qFatal("article preset: %s", qPrintable(error));
    return *config;
}

// "w0 w7 w14 ...": `tokens` words drawn from a vocabulary of `words`, which
// come back (every token a word of its own when `words` is 0).
inline std::string wordsSentence(int tokens, int words)
{
    std::string sentence;
    for (int i = 0; i < tokens; ++i)
        sentence += (i ? " w" : "w") + std::to_string(words > 0 ? (i * 7) % words : i);
    return sentence;
}

inline QJsonObject loadFixture(const QString& name)
{
    QFile file(QStringLiteral(AV_TEST_DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(name));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// A JSON array of rows; null reads as -infinity (a masked score).
inline attn::Matrix matrixFromJson(const QJsonValue& value)
{
    const QJsonArray rows = value.toArray();
    const qsizetype cols = rows.isEmpty() ? 0 : rows.first().toArray().size();
    attn::Matrix m(rows.size(), cols);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonArray row = rows[r].toArray();
        for (qsizetype c = 0; c < cols; ++c)
            m(r, c) = row[c].isNull() ? -std::numeric_limits<double>::infinity() : row[c].toDouble();
    }
    return m;
}

// Largest absolute difference; infinities must sit in the same cells.
inline double maxAbsDifference(const attn::Matrix& a, const attn::Matrix& b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return std::numeric_limits<double>::infinity();
    double worst = 0.0;
    for (Eigen::Index r = 0; r < a.rows(); ++r) {
        for (Eigen::Index c = 0; c < a.cols(); ++c) {
            if (std::isinf(a(r, c)) || std::isinf(b(r, c))) {
                if (a(r, c) != b(r, c))
                    return std::numeric_limits<double>::infinity();
                continue;
            }
            worst = std::max(worst, std::abs(a(r, c) - b(r, c)));
        }
    }
    return worst;
}

// A result of two layers, built by hand (the engine computes the article's
// one): the layer of `config`, then the layer the same sentence gets from
// other weights and other embeddings, so that every matrix of layer 1, its
// input included, differs from layer 0's. E, PE and X stay those of `config`.
inline std::shared_ptr<const attn::AttentionResult> twoLayerResult(const attn::AttentionConfig& config)
{
    attn::AttentionResult result = attn::computeAttention(config);
    attn::AttentionConfig other = config;
    other.weightSeed = config.weightSeed + 1;
    other.embeddingSeed = config.embeddingSeed + 1;
    other.explicitEmbeddings.clear();
    other.wQuery.reset();
    other.wKey.reset();
    other.wValue.reset();
    result.layers.push_back(attn::computeAttention(other).layers.front());
    return std::make_shared<const attn::AttentionResult>(std::move(result));
}

// A tiny random GPT-2 checkpoint in `folder`, written by
// tests/gpt2_reference.py with GPT-2's vocabulary size (so the vocabulary that
// ships with the app tokenizes for it) and `arguments` (--positions, --layers,
// --heads, --embd, --ids, ...). Returns what the script prints, its own
// float64 forward pass of --ids as JSON; nothing when it failed, with its
// error output in `error`.
inline std::optional<QByteArray> writeGpt2Checkpoint(const QString& folder, const QStringList& arguments,
                                                     QString* error = nullptr)
{
    QProcess python;
    python.start(QStringLiteral(AV_PYTHON),
                 QStringList{QStringLiteral(AV_TEST_DATA_DIR "/../gpt2_reference.py"), QStringLiteral("--out"), folder,
                             QStringLiteral("--vocab"), QStringLiteral("50257")} +
                     arguments);
    if (!python.waitForFinished(120000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        if (error)
            *error = QString::fromLocal8Bit(python.readAllStandardError());
        return std::nullopt;
    }
    return python.readAllStandardOutput();
}

// Turns the event loop until the document has no request pending or running,
// that is until it delivered the newest request's result or error: returns as
// soon as busyChanged(false) came. Idle already: returns at once. False only
// when `timeoutMs` passed first, which means a hang, not a slow machine.
inline bool waitForIdle(AttentionDocument* document, int timeoutMs = 10000)
{
    QSignalSpy busy(document, &AttentionDocument::busyChanged);
    const QDeadlineTimer deadline(timeoutMs);
    while (document->isBusy()) {
        const qint64 left = deadline.remainingTime();
        if (left <= 0 || !busy.wait(static_cast<int>(left)))
            return !document->isBusy();
    }
    return true;
}

// The document's merge-window clock, moved only by the test: whether two edits
// merge depends on advance() between them, never on the machine's speed. The
// document may outlive this object (the clock then stands still).
class ManualClock
{
public:
    explicit ManualClock(AttentionDocument* document)
    {
        document->setClock([now = m_now] { return *now; });
    }
    void advance(qint64 milliseconds) { *m_now += milliseconds; }
    qint64 now() const { return *m_now; }

private:
    std::shared_ptr<qint64> m_now = std::make_shared<qint64>(0);
};

} // namespace testutil
