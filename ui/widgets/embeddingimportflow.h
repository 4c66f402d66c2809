#pragma once

// File > Import Embeddings from the moment a file is chosen to the message
// that says what changed: reads the file on a background job (with progress
// and Cancel in a small widget the window puts in its status bar), then
// applies the vectors to the document as one undoable edit and says which
// words were found, which stay random and which lines were skipped.
//
// Invariants: at most one import runs at a time; nothing changes before the
// file is read in full; when the sentence gained words while the file was
// read, nothing changes until the user chooses Import Again or Apply Anyway
// on the message bar, nor when the file has none of the sentence's words
// (Apply Anyway); the message about an applied import goes when the import
// is undone; finished() comes exactly once per import started.

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace attn {
struct ImportedEmbeddings;
}
class AttentionDocument;
class EmbeddingImportJob;
class MessageBar;
class QLabel;
class QProgressBar;
class QWidget;

class EmbeddingImportFlow : public QObject
{
    Q_OBJECT

public:
    // `flushEdits` records typing that still waits for its pause, so the
    // import reads for the sentence on screen. The progress widget is
    // parented to `parent`'s window widget by the caller (progressWidget()).
    EmbeddingImportFlow(AttentionDocument* document, MessageBar* bar, std::function<void()> flushEdits,
                        QWidget* parent);
    ~EmbeddingImportFlow() override;

    // Progress and Cancel, hidden while nothing is read ("importProgress").
    QWidget* progressWidget() const { return m_progress; }

    void importFrom(const QString& path);
    void cancel();
    bool isImporting() const { return m_job != nullptr; }
    // The sentence's words the last applied import did not find.
    QStringList missingWords() const { return m_missingWords; }
    // The embeddings were replaced otherwise (reseeded, a preset): no word is missing.
    void forgetMissingWords() { m_missingWords.clear(); }

signals:
    void runningChanged(bool running);
    void finished(bool applied);
    void statusMessage(const QString& text);

private:
    void showProgress(qint64 bytesRead, qint64 totalBytes);
    void finish(const attn::ImportedEmbeddings& result, const QString& error);
    void apply(const attn::ImportedEmbeddings& result, const QString& path);
    void showError(const QString& text);

    AttentionDocument* m_document;
    MessageBar* m_bar;
    std::function<void()> m_flushEdits;
    std::unique_ptr<EmbeddingImportJob> m_job;
    QStringList m_missingWords;
    int m_appliedStep = -1; // the undo index of the applied import its message is about
    QString m_appliedText;
    QWidget* m_progress = nullptr;
    QLabel* m_label = nullptr;
    QProgressBar* m_progressBar = nullptr;
};
