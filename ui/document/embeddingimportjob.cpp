#include "ui/document/embeddingimportjob.h"

#include "ui/render/translatedmessage.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>

#include <sys/stat.h>

#include <exception>
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
    const QString shown = QDir::toNativeSeparators(m_path);
    // A large buffer: the reader is bound by the disk, not by parsing.
    std::vector<char> buffer(1 << 20);
    std::ifstream in;
    struct stat status;
    const QByteArray native = QFile::encodeName(m_path);
    if (::stat(native.constData(), &status) == 0 && !S_ISREG(status.st_mode)) {
        // Opening a pipe blocks until a writer comes; a device may never end.
        error = S_ISDIR(status.st_mode)
                    ? tr("Cannot import \"%1\": it is a folder.").arg(shown)
                    : tr("Cannot import \"%1\": it is not a regular file (a device, pipe or socket).").arg(shown);
    } else {
        in.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        in.open(native.toStdString(), std::ios::binary);
        if (!in)
            error = tr("Cannot read \"%1\": the file does not exist or is not readable.").arg(shown);
    }
    if (error.isEmpty()) {
        attn::ImportControl control;
        control.cancel = &m_cancel;
        control.progress = [this](std::int64_t bytes) {
            QMetaObject::invokeMethod(
                this, [this, bytes] { emit progress(bytes, m_totalBytes); }, Qt::QueuedConnection);
        };
        // Whatever goes wrong, the window hears of it: an exception that left
        // this thread would end the whole program.
        try {
            result = m_reader(in, m_wanted, control);
            if (in.bad() && !result.cancelled)
                error = tr("Reading \"%1\" failed midway.").arg(shown);
        } catch (const attn::ImportError& e) {
            error = tr("Cannot import \"%1\": %2").arg(shown, attn::ui::translatedMessage(e));
        } catch (const std::bad_alloc&) {
            error = tr("Not enough memory to import \"%1\".").arg(shown);
        } catch (const std::exception& e) {
            error = tr("Importing \"%1\" failed: %2").arg(shown, QString::fromLocal8Bit(e.what()));
        } catch (...) {
            error = tr("Importing \"%1\" failed for an unknown reason.").arg(shown);
        }
        if (!error.isEmpty())
            result = {};
    }
    QMetaObject::invokeMethod(
        this, [this, result = std::move(result), error] { emit finished(result, error); }, Qt::QueuedConnection);
}
