#pragma once

#include "ui/document/session.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;

// The copy of unsaved work kept for a crash: one file per user in the app's
// data folder, which only the window holding its lock writes (a second window
// of the same user neither writes it nor offers to recover a copy that is
// still in use).
//
// Invariants: a copy found at start-up (the last run crashed) is pending
// until recover() or discard(); while it is pending nothing writes or
// removes the file, so starting up can never lose it.
class AutosaveStore
{
public:
    AutosaveStore();
    ~AutosaveStore();

    static QString path();

    bool ownsFile() const { return m_lock != nullptr; }
    bool recoveryPending() const { return m_recoveryPending; }
    // Whether write() and remove() may touch the file now: this window owns
    // it and no crash's copy waits for an answer.
    bool canWrite() const { return ownsFile() && !recoveryPending(); }
    // The session file the pending copy was edited from (empty: untitled),
    // and when it was written.
    QString pendingOf() const;
    QDateTime pendingSavedAt() const;

    // Keeps `session` (edited from `of`, empty when untitled); false with
    // *error when writing failed, or false without one when !canWrite().
    bool write(const Session& session, const QString& of, QString* error);
    // Removes the copy: nothing unsaved is left.
    void remove();

    // The pending copy, which is no longer pending; nullopt with *error when
    // it cannot be read (it is removed then).
    std::optional<Session> recover(QString* error);
    void discard();

    // From now on this window keeps no copy (it is closing).
    void release();

private:
    std::unique_ptr<QLockFile> m_lock; // null: another window owns the autosave
    bool m_recoveryPending = false;
};
