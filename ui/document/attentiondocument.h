#pragma once

#include "core/attention.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

class QUndoStack;

// The one document of a session: it owns the configuration the user asked
// for and the latest result that computed without error, and is the only
// place that runs the engine. Views observe its signals and never compute.
//
// Invariants: config() is always the newest request, even an invalid one;
// result() and resultConfig() always belong together and change only as a
// pair (on resultChanged), so a view never shows numbers under the wrong
// settings. Computation runs on one worker thread that always takes the
// newest pending request, so rapid changes coalesce; a result whose request
// was superseded before it arrived is dropped (generation counter). An error
// never clears the last good result. All signals are emitted on the thread
// the document lives in (the GUI thread).
//
// User edits go through edit(), which records them on the document's undo
// stack; undo and redo set the configuration back the same way, so every
// view follows through configChanged. The document is modified exactly when
// its configuration differs from the one last saved or loaded (markSaved(),
// reset()), so toggling a setting twice or undoing back is unmodified.
class AttentionDocument : public QObject
{
    Q_OBJECT

public:
    explicit AttentionDocument(QObject* parent = nullptr);
    ~AttentionDocument() override;

    const attn::AttentionConfig& config() const { return m_config; }
    // The latest good result and the configuration it was computed from;
    // null before the first success.
    std::shared_ptr<const attn::AttentionResult> result() const { return m_result; }
    const attn::AttentionConfig& resultConfig() const { return m_resultConfig; }

    // Empty when the newest request is fine (or still computing).
    QString errorText() const { return m_errorText; }
    // What the error is about, so a view can point at the offending control.
    std::optional<attn::AttentionError::Kind> errorKind() const { return m_errorKind; }

    bool isBusy() const { return m_busy; }

    // Validates at once (cheap) and, if valid, computes in the background.
    // Setting the configuration it already has does nothing.
    void setConfig(const attn::AttentionConfig& config);

    // A user's edit: applied like setConfig() and recorded for undo. With no
    // `text` the change is named after the one setting it changes, and a
    // burst of edits to the same continuous setting (typing the sentence,
    // dragging the temperature, spinning a seed) becomes one undo step; an
    // edit with its own `text` (reseed, import, cell edit) is always a step
    // of its own. Nothing is recorded when the configuration is unchanged.
    void edit(const attn::AttentionConfig& config, const QString& text = QString());

    // A fresh start (new, open, launch): no undo history, unmodified.
    void reset(const attn::AttentionConfig& config);

    QUndoStack* undoStack() const { return m_undoStack; }
    bool isModified() const { return m_modified; }
    // The current state is what is on disk now; also ends a merge burst, so
    // an edit after saving is never folded into the saved step.
    void markSaved();

    // Edits closer together than this merge (default 1.5 s).
    void setMergeWindow(int milliseconds) { m_mergeWindowMs = milliseconds; }
    int mergeWindow() const { return m_mergeWindowMs; }

    // The clock the merge window is measured with: milliseconds on any scale
    // that never goes back. The default is monotonic (QElapsedTimer); a test
    // sets its own and steps it instead of sleeping. Set it before the edits
    // it should measure; an empty function restores the default.
    using Clock = std::function<qint64()>;
    void setClock(Clock millisecondsNow);
    // The head on screen. A long input's result keeps the raw and scaled
    // scores of that head only (attn::scoresToKeep); showing another one
    // computes its scores in the background (a new result, same numbers).
    void setShownHead(int layer, int head);

signals:
    void configChanged();
    void resultChanged();
    void errorChanged(const QString& error); // empty: cleared
    void busyChanged(bool busy);
    void modifiedChanged(bool modified);

private:
    struct Request
    {
        std::uint64_t generation = 0;
        attn::AttentionConfig config;
        // The result on screen when the request was made: when the request
        // changes only what acts on the scores, the worker starts from it.
        std::shared_ptr<const attn::AttentionResult> base;
        attn::AttentionConfig baseConfig;
        int shownLayer = 0;
        int shownHead = 0;
    };
    void enqueue(const attn::AttentionConfig& config);

    void workerLoop();
    void deliver(std::uint64_t generation, const attn::AttentionConfig& config,
                 std::shared_ptr<const attn::AttentionResult> result, const QString& error,
                 std::optional<attn::AttentionError::Kind> errorKind);
    void setError(const QString& text, std::optional<attn::AttentionError::Kind> kind);
    void setBusy(bool busy);
    void updateModified();

    QUndoStack* m_undoStack = nullptr;
    int m_mergeWindowMs = 1500;
    Clock m_clock;
    std::uint64_t m_mergeEpoch = 0; // bumped by markSaved() and reset(): no merge across
    attn::AttentionConfig m_savedConfig;
    bool m_modified = false;

    attn::AttentionConfig m_config;
    bool m_hasConfig = false;
    std::shared_ptr<const attn::AttentionResult> m_result;
    attn::AttentionConfig m_resultConfig;
    int m_shownLayer = 0;
    int m_shownHead = 0;
    QString m_errorText;
    std::optional<attn::AttentionError::Kind> m_errorKind;
    bool m_busy = false;
    std::uint64_t m_generation = 0; // GUI thread only: the newest request

    // Shared with the worker, guarded by m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Request> m_pending;
    bool m_stopping = false;
    std::atomic<bool> m_cancel = false; // set once, when the document goes: the engine stops at its next check
    std::thread m_worker;
};
