#include "savefile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace {

QString describe(const QString& path, const QString& reason)
{
    return QStringLiteral("Cannot write \"%1\": %2.").arg(QDir::toNativeSeparators(path), reason);
}

} // namespace

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
    if (pending > 0 && m_device.write(pbase(), pending) != pending)
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

bool saveFileAtomically(const QString& path, const std::function<bool(QIODevice&, QString*)>& writer, QString* error)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        *error = describe(path, QStringLiteral("the folder does not exist"));
        return false;
    }
    if (info.isDir()) {
        *error = describe(path, QStringLiteral("it is a folder"));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = describe(path, file.errorString().toLower());
        return false;
    }
    QString writerError;
    if (!writer(file, &writerError)) {
        file.cancelWriting();
        *error = describe(path, writerError.isEmpty() ? QStringLiteral("the export failed") : writerError);
        return false;
    }
    if (!file.commit()) {
        *error = describe(path, file.errorString().toLower());
        return false;
    }
    return true;
}

bool saveFileAtomically(const QString& path, const QByteArray& contents, QString* error)
{
    return saveFileAtomically(
        path,
        [&contents](QIODevice& device, QString* writeError) {
            if (device.write(contents) != contents.size()) {
                *writeError = device.errorString().toLower();
                return false;
            }
            return true;
        },
        error);
}

bool saveTextAtomically(const QString& path, const std::function<void(std::ostream&)>& write, QString* error)
{
    return saveFileAtomically(
        path,
        [&](QIODevice& device, QString* writeError) {
            DeviceStreamBuffer buffer(device);
            std::ostream out(&buffer);
            write(out);
            out.flush();
            if (buffer.failed() || !out) {
                *writeError = device.errorString().toLower();
                return false;
            }
            return true;
        },
        error);
}
