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

bool saveFileAtomically(const QString& path, const std::function<bool(QIODevice&, QString*)>& writer,
                        QString* error)
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
