#pragma once

#include "core/embeddingimport.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <istream>
#include <string>
#include <thread>
#include <vector>

// One "Import embeddings" run: streams a GloVe / word2vec text file through
// attn::importEmbeddings on a thread of its own, so a file of hundreds of
// megabytes never freezes the window, and reports progress by bytes.
//
// Invariants: progress() and finished() are emitted on the thread the job
// lives in (the GUI thread), finished() exactly once per start(), whatever
// the reader throws; only regular files are opened (a pipe or a device
// could block or never end); cancel()
// is safe at any time and the result then says cancelled. Destroying the
// job cancels it and waits for the reader, which stops within
// attn::ImportLimits::blockBytes (64 KiB) of reading, however long the lines.
class EmbeddingImportJob : public QObject
{
    Q_OBJECT

public:
    // What reads the stream: attn::importEmbeddings, or a stand-in in tests.
    using Reader = std::function<attn::ImportedEmbeddings(std::istream&, const std::vector<std::string>&,
                                                          const attn::ImportControl&)>;

    EmbeddingImportJob(const QString& path, std::vector<std::string> wanted, QObject* parent = nullptr);
    void setReader(Reader reader) { m_reader = std::move(reader); }
    ~EmbeddingImportJob() override;

    QString path() const { return m_path; }
    const std::vector<std::string>& wanted() const { return m_wanted; }
    qint64 totalBytes() const { return m_totalBytes; }

    void start();
    void cancel();

signals:
    void progress(qint64 bytesRead, qint64 totalBytes);
    // `error` is empty on success (including a cancelled run: see result.cancelled).
    void finished(const attn::ImportedEmbeddings& result, const QString& error);

private:
    void run();

    QString m_path;
    std::vector<std::string> m_wanted;
    Reader m_reader = [](std::istream& in, const std::vector<std::string>& wanted, const attn::ImportControl& control) {
        return attn::importEmbeddings(in, wanted, control);
    };
    qint64 m_totalBytes = 0;
    std::atomic<bool> m_cancel = false;
    std::thread m_thread;
};
