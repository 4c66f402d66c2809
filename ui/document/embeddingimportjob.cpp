#include "ui/document/embeddingimportjob.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>

#include <fstream>
#include <new>

EmbeddingImportJob::EmbeddingImportJob(const QString& path, std::vector<std::string> wanted, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_wanted(std::move(wanted))
    , m_totalBytes(QFileInfo(path).size())
{
}

EmbeddingImportJob::~EmbeddingImportJob()
{
    m_cancel = true;
    if (m_thread.joinable())
        m_thread.join();
    // Deliveries still queued die with this QObject.
}

void EmbeddingImportJob::start()
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this] { run(); });
}

void EmbeddingImportJob::cancel()
{
    m_cancel = true;
}

void EmbeddingImportJob::run()
{
    attn::ImportedEmbeddings result;
    QString error;
    // A large buffer: the reader is bound by the disk, not by parsing.
    std::vector<char> buffer(1 << 20);
    std::ifstream in;
    in.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    in.open(QFile::encodeName(m_path).toStdString(), std::ios::binary);
    if (!in) {
        error =
            tr("Cannot read \"%1\": the file does not exist or is not readable.").arg(QDir::toNativeSeparators(m_path));
    } else {
        attn::ImportControl control;
        control.cancel = &m_cancel;
        control.progress = [this](std::int64_t bytes) {
            QMetaObject::invokeMethod(
                this, [this, bytes] { emit progress(bytes, m_totalBytes); }, Qt::QueuedConnection);
        };
        try {
            result = attn::importEmbeddings(in, m_wanted, control);
            if (in.bad() && !result.cancelled)
                error = tr("Reading \"%1\" failed midway.").arg(QDir::toNativeSeparators(m_path));
        } catch (const attn::ImportError& e) {
            error =
                tr("Cannot import \"%1\": %2").arg(QDir::toNativeSeparators(m_path), QString::fromStdString(e.what()));
        } catch (const std::bad_alloc&) {
            error = tr("Not enough memory to import \"%1\".").arg(QDir::toNativeSeparators(m_path));
        }
    }
    QMetaObject::invokeMethod(
        this, [this, result = std::move(result), error] { emit finished(result, error); }, Qt::QueuedConnection);
}
