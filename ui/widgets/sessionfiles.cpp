#include "ui/widgets/sessionfiles.h"

#include "ui/document/attentiondocument.h"
#include "ui/document/autosavestore.h"
#include "ui/document/recentfiles.h"
#include "ui/widgets/filedialogs.h"
#include "ui/widgets/messagebar.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTimer>

namespace {

// Unsaved work is copied at least this often, and soon after typing stops.
constexpr int kAutosaveIntervalMs = 60 * 1000;
constexpr int kAutosaveIdleMs = 5 * 1000;

} // namespace

SessionFiles::SessionFiles(AttentionDocument* document, FileDialogs* dialogs, Hooks hooks, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_dialogs(dialogs)
    , m_hooks(std::move(hooks))
    , m_autosave(std::make_unique<AutosaveStore>())
{
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(kAutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &SessionFiles::writeAutosave);
    m_autosaveTimer->start();
    m_idleAutosaveTimer = new QTimer(this);
    m_idleAutosaveTimer->setSingleShot(true);
    m_idleAutosaveTimer->setInterval(kAutosaveIdleMs);
    connect(m_idleAutosaveTimer, &QTimer::timeout, this, &SessionFiles::writeAutosave);
    connect(m_document, &AttentionDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            m_autosave->remove(); // back to what is on disk: nothing to recover
    });
}

SessionFiles::~SessionFiles() = default;

void SessionFiles::setCurrentFile(const QString& path)
{
    m_currentFile = path;
    emit currentFileChanged(path);
}

bool SessionFiles::isModified() const
{
    return m_document->isModified();
}

bool SessionFiles::open(const QString& path, QString* error, QStringList* notes)
{
    QStringList adjusted;
    const auto session = loadSession(path, error, &adjusted);
    if (!session)
        return false;
    m_hooks.apply(*session, false);
    setCurrentFile(QFileInfo(path).absoluteFilePath());
    RecentFiles::add(m_currentFile);
    if (notes)
        *notes = adjusted;
    emit opened(adjusted);
    return true;
}

bool SessionFiles::saveTo(const QString& path, QString* error)
{
    m_hooks.flushEdits();
    if (!saveSession(path, m_hooks.current(), error))
        return false;
    setCurrentFile(QFileInfo(path).absoluteFilePath());
    RecentFiles::add(m_currentFile);
    m_document->markSaved();
    m_autosave->remove();
    return true;
}

bool SessionFiles::save()
{
    if (m_currentFile.isEmpty())
        return saveAs();
    return saveAndReport(m_currentFile);
}

bool SessionFiles::saveAndReport(const QString& path)
{
    QString error;
    if (!saveTo(path, &error)) {
        emit message(error, true);
        return false;
    }
    emit message(tr("Saved the session to %1.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

bool SessionFiles::saveAs()
{
    const QString suggestion = m_currentFile.isEmpty()
                                   ? FileDialogs::suggestExportPath(QStringLiteral("attention.attn"))
                                   : QFileInfo(m_currentFile).absoluteFilePath();
    const QString path = m_dialogs->askSavePath(tr("Save Session"), suggestion, tr("Attention sessions (*.attn)"),
                                                QStringLiteral("attn"));
    return !path.isEmpty() && saveAndReport(path);
}

bool SessionFiles::maybeSave()
{
    m_discarded = false;
    m_hooks.flushEdits();
    if (!isModified())
        return true;
    const QString name = m_currentFile.isEmpty() ? tr("the untitled session")
                                                 : QStringLiteral("\"%1\"").arg(QFileInfo(m_currentFile).fileName());
    switch (m_dialogs->askToSave(tr("Save the changes to %1 first?").arg(name))) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        m_discarded = true;
        return true;
    default:
        return false;
    }
}

std::optional<Session> SessionFiles::savedSession() const
{
    if (m_currentFile.isEmpty())
        return std::nullopt;
    QString ignored;
    return loadSession(m_currentFile, &ignored);
}

void SessionFiles::openInteractively()
{
    if (!maybeSave())
        return;
    const QString path = m_dialogs->askOpenPath(tr("Open Session"), FileDialogs::sessionFolderKey,
                                                tr("Attention sessions (*.attn);;All files (*)"));
    if (path.isEmpty())
        return;
    openAndReport(path);
}

void SessionFiles::openAndReport(const QString& path)
{
    QString error;
    if (open(path, &error))
        emit message(tr("Opened %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        emit message(error, true);
}

void SessionFiles::openRecent(const QString& path)
{
    if (!QFileInfo::exists(path)) {
        RecentFiles::remove(path);
        emit message(
            tr("\"%1\" no longer exists, so it was removed from Open Recent.").arg(QDir::toNativeSeparators(path)),
            true);
        return;
    }
    if (!maybeSave())
        return;
    openAndReport(path);
}

QStringList SessionFiles::recentFiles() const
{
    return RecentFiles::files();
}

void SessionFiles::fillRecentMenu(QMenu* menu)
{
    menu->clear();
    const QStringList files = RecentFiles::files();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files.at(i);
        QAction* action = menu->addAction(
            QStringLiteral("&%1  %2").arg(i + 1).arg(QFileInfo(path).fileName().replace('&', QStringLiteral("&&"))));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openRecent(path); });
    }
    if (files.isEmpty()) {
        menu->addAction(tr("No Recent Sessions"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    connect(menu->addAction(tr("&Clear List")), &QAction::triggered, this, [] { RecentFiles::clear(); });
}

QString SessionFiles::autosavePath()
{
    return AutosaveStore::path();
}

bool SessionFiles::writeAutosave()
{
    if (!m_autosave->canWrite() || !isModified())
        return false;
    m_hooks.flushEdits();
    QString error;
    if (!m_autosave->write(m_hooks.current(), m_currentFile, &error)) {
        emit message(tr("Could not keep a copy of the unsaved changes: %1").arg(error), false);
        return false;
    }
    return true;
}

void SessionFiles::scheduleAutosave()
{
    m_idleAutosaveTimer->start();
}

void SessionFiles::offerRecovery(MessageBar* bar)
{
    m_recoveryBar = bar;
    if (!m_autosave->recoveryPending())
        return;
    const QString of = m_autosave->pendingOf();
    const QString when = QLocale().toString(m_autosave->pendingSavedAt(), QLocale::ShortFormat);
    bar->showMessage(MessageBar::Kind::Warning,
                     of.isEmpty()
                         ? tr("Attention Visualizer did not close properly. Unsaved changes were kept (%1).").arg(when)
                         : tr("Attention Visualizer did not close properly. Unsaved changes to \"%1\" were kept (%2).")
                               .arg(QFileInfo(of).fileName(), when));
    connect(bar->addButton(tr("Recover"), QStringLiteral("recoverButton")), &QPushButton::clicked, this,
            &SessionFiles::recoverAutosave);
    connect(bar->addButton(tr("Discard"), QStringLiteral("discardRecoveryButton")), &QPushButton::clicked, this,
            &SessionFiles::discardAutosave);
}

void SessionFiles::recoverAutosave()
{
    if (!m_autosave->recoveryPending())
        return;
    const QString of = m_autosave->pendingOf();
    if (m_recoveryBar)
        m_recoveryBar->hide();
    QString error;
    const auto session = m_autosave->recover(&error);
    if (!session) {
        emit message(tr("The unsaved changes could not be recovered. %1").arg(error), true);
        return;
    }
    m_hooks.apply(*session, true);
    setCurrentFile(QFileInfo::exists(of) ? of : QString());
    writeAutosave(); // the copy now belongs to this window
    emit message(tr("Recovered the unsaved changes; save them to keep them."), false);
}

void SessionFiles::discardAutosave()
{
    if (!m_autosave->recoveryPending())
        return;
    if (m_recoveryBar)
        m_recoveryBar->hide();
    m_autosave->discard();
    writeAutosave(); // any work done meanwhile
}

void SessionFiles::close()
{
    m_autosave->remove(); // a clean exit: nothing to recover
    m_autosaveTimer->stop();
    m_idleAutosaveTimer->stop();
    m_autosave->release(); // nor anything more to autosave from this window
}
