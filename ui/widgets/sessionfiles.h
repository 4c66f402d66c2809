#pragma once

// The file side of the one session a window edits: which .attn file it is,
// opening and saving it (with the question before unsaved work is replaced),
// the Open Recent list, and the autosave copy kept while work is unsaved,
// offered back after a crash. The window supplies what a session is now and
// how to show one (Hooks); everything about files happens here.
//
// Invariants: unsaved work is never replaced or lost silently: every path
// that would replace it asks first (maybeSave), and while it is unsaved a
// copy is written at least every minute and soon after typing stops; a clean
// save, a discard or a clean exit removes the copy. Failures never block:
// they come out as message(…, true) for a bar the window shows.

#include "ui/document/session.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class AttentionDocument;
class AutosaveStore;
class FileDialogs;
class MessageBar;
class QMenu;
class QTimer;

class SessionFiles : public QObject
{
    Q_OBJECT

public:
    struct Hooks
    {
        std::function<Session()> current; // what would be saved now
        // Shows a session; asEdit: a recovery (undoable, and unsaved).
        std::function<void(const Session& session, bool asEdit)> apply;
        std::function<void()> flushEdits; // records typing still waiting for its pause
    };

    SessionFiles(AttentionDocument* document, FileDialogs* dialogs, Hooks hooks, QObject* parent = nullptr);
    ~SessionFiles() override;

    // The session file being edited; empty: untitled.
    QString currentFile() const { return m_currentFile; }
    void setCurrentFile(const QString& path);
    bool isModified() const;

    // Opens without asking about unsaved changes (openInteractively asks
    // first); on failure nothing changes. What the file asked for that was
    // adjusted is in *notes.
    bool open(const QString& path, QString* error, QStringList* notes = nullptr);
    // Save As without a dialog: writes, then edits that file from now on.
    bool saveTo(const QString& path, QString* error);
    // File > Save / Save As, and the question before replacing unsaved work;
    // false when the user cancelled or saving failed (the failure is shown).
    bool save();
    bool saveAs();
    bool saveAndReport(const QString& path);
    bool maybeSave();
    // Whether the last maybeSave() went on because the user chose Discard.
    bool discardedChanges() const { return m_discarded; }
    // The session as its file holds it now; nothing when untitled or unreadable.
    std::optional<Session> savedSession() const;
    void openInteractively();
    void openRecent(const QString& path);
    QStringList recentFiles() const;
    void fillRecentMenu(QMenu* menu);

    static QString autosavePath();
    bool writeAutosave();
    // Shows the crash's copy, if one waits, on `bar` with Recover / Discard.
    void offerRecovery(MessageBar* bar);
    void recoverAutosave();
    void discardAutosave();
    // Writes a copy soon (the user just changed something).
    void scheduleAutosave();
    // A clean exit: no copy is left and none is written any more.
    void close();

signals:
    void currentFileChanged(const QString& path);
    // For the window's message bar (stays until dismissed) or, when not an
    // error, its status bar.
    void message(const QString& text, bool isError);
    // The file opened, with adjustments to show (empty: none).
    void opened(const QStringList& notes);

private:
    void openAndReport(const QString& path);

    AttentionDocument* m_document;
    FileDialogs* m_dialogs;
    Hooks m_hooks;
    QString m_currentFile;
    bool m_discarded = false;
    std::unique_ptr<AutosaveStore> m_autosave;
    MessageBar* m_recoveryBar = nullptr;
    QTimer* m_autosaveTimer = nullptr;
    QTimer* m_idleAutosaveTimer = nullptr;
};
