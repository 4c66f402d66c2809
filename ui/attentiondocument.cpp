#include "attentiondocument.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMetaObject>
#include <QThread>

#include <new>

namespace {

const char* const kOutOfMemory = "Not enough memory for this input; try fewer words, fewer heads or a smaller d_model.";

} // namespace

AttentionDocument::AttentionDocument(QObject* parent)
    : QObject(parent)
    , m_worker([this] { workerLoop(); })
{
}

AttentionDocument::~AttentionDocument()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_pending.reset();
    }
    m_wake.notify_all();
    // A computation in flight finishes first; the engine has no cancel point.
    // Its queued delivery dies with this QObject.
    m_worker.join();
}

void AttentionDocument::setConfig(const attn::AttentionConfig& config)
{
    if (m_hasConfig && config == m_config)
        return;
    m_config = config;
    m_hasConfig = true;
    const std::uint64_t generation = ++m_generation;
    emit configChanged();

    try {
        attn::validateConfig(config);
    } catch (const attn::AttentionError& e) {
        // The request still supersedes any computation in flight: its result
        // would show settings the user has already left.
        {
            std::lock_guard lock(m_mutex);
            m_pending.reset();
        }
        setError(QString::fromStdString(e.what()), e.kind());
        setBusy(false);
        return;
    } catch (const std::bad_alloc&) {
        setError(QString::fromUtf8(kOutOfMemory), std::nullopt);
        setBusy(false);
        return;
    }

    if (m_result && config == m_resultConfig) {
        // Back to what is on screen (say, after fixing an error): nothing to
        // compute, and whatever is in flight is for settings already left.
        {
            std::lock_guard lock(m_mutex);
            m_pending.reset();
        }
        setError(QString(), std::nullopt);
        setBusy(false);
        return;
    }

    {
        std::lock_guard lock(m_mutex);
        m_pending = Request{generation, config};
    }
    m_wake.notify_one();
    setError(QString(), std::nullopt);
    setBusy(true);
}

bool AttentionDocument::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_busy) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return true;
}

void AttentionDocument::workerLoop()
{
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || m_pending.has_value(); });
            if (m_stopping)
                return;
            request = std::move(*m_pending);
            m_pending.reset();
        }

        std::shared_ptr<const attn::AttentionResult> result;
        QString error;
        try {
            result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(request.config));
        } catch (const std::bad_alloc&) {
            error = QString::fromUtf8(kOutOfMemory);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
            if (error.isEmpty())
                error = QStringLiteral("The computation failed.");
        }

        QMetaObject::invokeMethod(
            this,
            [this, generation = request.generation, config = std::move(request.config), result = std::move(result),
             error]() mutable { deliver(generation, config, std::move(result), error); },
            Qt::QueuedConnection);
    }
}

void AttentionDocument::deliver(std::uint64_t generation, const attn::AttentionConfig& config,
                                std::shared_ptr<const attn::AttentionResult> result, const QString& error)
{
    if (generation != m_generation)
        return; // superseded; the newer request delivers (or errs) on its own
    setBusy(false);
    if (!result) {
        setError(error, std::nullopt);
        return;
    }
    m_result = std::move(result);
    m_resultConfig = config;
    setError(QString(), std::nullopt);
    emit resultChanged();
}

void AttentionDocument::setError(const QString& text, std::optional<attn::AttentionError::Kind> kind)
{
    m_errorKind = text.isEmpty() ? std::nullopt : kind;
    if (text == m_errorText)
        return;
    m_errorText = text;
    emit errorChanged(m_errorText);
}

void AttentionDocument::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(m_busy);
}
