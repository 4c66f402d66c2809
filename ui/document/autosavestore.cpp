#include "ui/document/autosavestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSettings>
#include <QStandardPaths>

namespace {

const char* const kAutosaveFileKey = "session/autosaveOf";

} // namespace

AutosaveStore::AutosaveStore()
{
    const QString dataDir = QFileInfo(path()).absolutePath();
    QDir().mkpath(dataDir);
    m_lock = std::make_unique<QLockFile>(QDir(dataDir).filePath(QStringLiteral("autosave.lock")));
    if (!m_lock->tryLock(0))
        m_lock.reset();
    // Decided before anything is shown, so starting up cannot remove a
    // crash's copy as "nothing unsaved".
    m_recoveryPending = m_lock && QFileInfo::exists(path());
}

AutosaveStore::~AutosaveStore() = default;

QString AutosaveStore::path()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("autosave.attn"));
}

QString AutosaveStore::pendingOf() const
{
    return QSettings().value(kAutosaveFileKey).toString();
}

QDateTime AutosaveStore::pendingSavedAt() const
{
    return QFileInfo(path()).lastModified();
}

bool AutosaveStore::write(const Session& session, const QString& of, QString* error)
{
    if (!canWrite())
        return false;
    if (!saveSession(path(), session, error))
        return false;
    QSettings().setValue(kAutosaveFileKey, of);
    return true;
}

void AutosaveStore::remove()
{
    // While a crash's copy waits for an answer, it is the user's to decide.
    if (!canWrite())
        return;
    QFile::remove(path());
    QSettings().remove(kAutosaveFileKey);
}

std::optional<Session> AutosaveStore::recover(QString* error)
{
    if (!m_recoveryPending)
        return std::nullopt;
    m_recoveryPending = false;
    auto session = loadSession(path(), error);
    if (!session)
        remove();
    return session;
}

void AutosaveStore::discard()
{
    if (!m_recoveryPending)
        return;
    m_recoveryPending = false;
    remove();
}

void AutosaveStore::release()
{
    m_lock.reset();
}
