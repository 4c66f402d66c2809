#include "savefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace {

QString describe(const QString& path, const QString& reason)
{
    return QCoreApplication::translate("SaveFile", "Cannot write \"%1\": %2.")
        .arg(QDir::toNativeSeparators(path), reason);
}

enum class TargetKind { Missing, Regular, Folder, Special };

// stat(), not QFileInfo: QFileInfo::isFile() says nothing of devices, pipes
// and sockets, which must be written in place and never replaced.
TargetKind targetKind(const QString& path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return TargetKind::Missing;
    if (S_ISDIR(status.st_mode))
        return TargetKind::Folder;
    return S_ISREG(status.st_mode) ? TargetKind::Regular : TargetKind::Special;
}

// The same file whatever the spelling: links and "." or ".." resolved.
QString identity(const QString& path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName();
}

} // namespace

QString writeFailureReason(const QIODevice& device, int savedErrno)
{
    switch (savedErrno) {
    case ENOSPC:
        return QCoreApplication::translate("SaveFile", "the disk is full");
    case EDQUOT:
        return QCoreApplication::translate("SaveFile", "the disk quota is used up");
    case EFBIG:
        return QCoreApplication::translate("SaveFile", "the file is larger than this file system allows");
    case EROFS:
        return QCoreApplication::translate("SaveFile", "the file system is read-only");
    case 0:
        break;
    default:
        return QString::fromLocal8Bit(std::strerror(savedErrno)).toLower();
    }
    const QString reason = device.errorString();
    if (reason.isEmpty() || reason.contains(QLatin1String("unknown error"), Qt::CaseInsensitive))
        return QCoreApplication::translate("SaveFile", "the system reported a write error");
    return reason.toLower();
}

DeviceStreamBuffer::DeviceStreamBuffer(QIODevice& device)
    : m_device(device)
    , m_buffer(1 << 16)
{
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
}

DeviceStreamBuffer::~DeviceStreamBuffer()
{
    flushBuffer();
}

bool DeviceStreamBuffer::flushBuffer()
{
    const qint64 pending = pptr() - pbase();
    if (pending > 0 && !m_failed && m_device.write(pbase(), pending) != pending)
        m_failed = true;
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    return !m_failed;
}

DeviceStreamBuffer::int_type DeviceStreamBuffer::overflow(int_type ch)
{
    if (!flushBuffer())
        return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
    }
    return traits_type::not_eof(ch);
}

int DeviceStreamBuffer::sync()
{
    return flushBuffer() ? 0 : -1;
}

struct FileGroup::Staged
{
    QString path;
    std::unique_ptr<QSaveFile> replacement; // a regular or new target
    std::unique_ptr<QTemporaryFile> spool;  // a device or pipe, written in place on commit
};

FileGroup::FileGroup() = default;

FileGroup::~FileGroup()
{
    for (const auto& file : m_files) {
        if (file->replacement)
            file->replacement->cancelWriting();
    }
}

bool FileGroup::check(const QString& path, QString* error) const
{
    if (path.isEmpty()) {
        *error = QCoreApplication::translate("SaveFile", "Cannot write a file with no name.");
        return false;
    }
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        *error = describe(path, QCoreApplication::translate("SaveFile", "the folder does not exist"));
        return false;
    }
    if (targetKind(path) == TargetKind::Folder) {
        *error = describe(path, QCoreApplication::translate("SaveFile", "it is a folder"));
        return false;
    }
    const QString key = identity(path);
    for (const QString& other : m_reserved) {
        if (other == key) {
            *error = describe(path, QCoreApplication::translate(
                                        "SaveFile", "another output of this run is written to the same file"));
            return false;
        }
    }
    return true;
}

bool FileGroup::reserve(const QString& path, QString* error)
{
    if (!check(path, error))
        return false;
    m_reserved.push_back(identity(path));
    return true;
}

bool FileGroup::add(const QString& path, const FileWriter& writer, QString* error)
{
    const QString key = identity(path);
    const bool reserved = std::find(m_reserved.begin(), m_reserved.end(), key) != m_reserved.end();
    if (!reserved && !reserve(path, error))
        return false;

    auto staged = std::make_unique<Staged>();
    staged->path = path;
    QFileDevice* device = nullptr;
    if (targetKind(path) == TargetKind::Special) {
        staged->spool =
            std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/attention-visualizer-XXXXXX"));
        if (!staged->spool->open()) {
            *error = describe(path, QCoreApplication::translate("SaveFile", "no temporary file could be made (%1)")
                                        .arg(staged->spool->errorString().toLower()));
            return false;
        }
        device = staged->spool.get();
    } else {
        staged->replacement = std::make_unique<QSaveFile>(path);
        errno = 0;
        if (!staged->replacement->open(QIODevice::WriteOnly)) {
            *error = describe(path, writeFailureReason(*staged->replacement, errno));
            return false;
        }
        device = staged->replacement.get();
    }
    QString writerError;
    errno = 0;
    bool written = writer(*device, &writerError);
    if (written) {
        errno = 0; // the flush's own reason, not one left by the writer
        written = device->flush();
    }
    if (!written) {
        const int savedErrno = errno;
        if (staged->replacement)
            staged->replacement->cancelWriting();
        *error = describe(path, writerError.isEmpty() ? writeFailureReason(*device, savedErrno) : writerError);
        return false;
    }
    m_files.push_back(std::move(staged));
    return true;
}

bool FileGroup::add(const QString& path, const QByteArray& contents, QString* error)
{
    return add(
        path, [&contents](QIODevice& device, QString*) { return device.write(contents) == contents.size(); }, error);
}

bool FileGroup::addText(const QString& path, const std::function<void(std::ostream&)>& write, QString* error)
{
    return add(
        path,
        [&](QIODevice& device, QString*) {
            DeviceStreamBuffer buffer(device);
            std::ostream out(&buffer);
            write(out);
            out.flush();
            return !buffer.failed() && static_cast<bool>(out);
        },
        error);
}

bool FileGroup::commit(QString* error)
{
    for (const auto& file : m_files) {
        if (!file->spool)
            continue;
        QFile target(file->path);
        errno = 0;
        if (!target.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            *error = describe(file->path, writeFailureReason(target, errno));
            return false;
        }
        file->spool->seek(0);
        QByteArray chunk;
        while (!(chunk = file->spool->read(1 << 20)).isEmpty()) {
            errno = 0;
            if (target.write(chunk) != chunk.size()) {
                *error = describe(file->path, writeFailureReason(target, errno));
                return false;
            }
        }
        file->spool.reset();
    }
    for (const auto& file : m_files) {
        if (!file->replacement)
            continue;
        errno = 0;
        if (!file->replacement->commit()) {
            *error = describe(file->path, writeFailureReason(*file->replacement, errno));
            return false;
        }
        file->replacement.reset();
    }
    m_files.clear();
    m_reserved.clear();
    return true;
}

bool saveFileAtomically(const QString& path, const FileWriter& writer, QString* error)
{
    FileGroup group;
    return group.add(path, writer, error) && group.commit(error);
}

bool saveFileAtomically(const QString& path, const QByteArray& contents, QString* error)
{
    FileGroup group;
    return group.add(path, contents, error) && group.commit(error);
}

bool saveTextAtomically(const QString& path, const std::function<void(std::ostream&)>& write, QString* error)
{
    FileGroup group;
    return group.addText(path, write, error) && group.commit(error);
}

bool saveInto(FileGroup* group, const QString& path, const QByteArray& contents, QString* error)
{
    return group ? group->add(path, contents, error) : saveFileAtomically(path, contents, error);
}

bool saveTextInto(FileGroup* group, const QString& path, const std::function<void(std::ostream&)>& write,
                  QString* error)
{
    return group ? group->addText(path, write, error) : saveTextAtomically(path, write, error);
}
