#include "ui/widgets/filedialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QWidget>

FileDialogs::FileDialogs(QWidget* window)
    : QObject(window)
    , m_window(window)
{
}

QString FileDialogs::rememberedFolder(const char* folderKey)
{
    return QSettings().value(folderKey, QDir::homePath()).toString();
}

QString FileDialogs::suggestExportPath(const QString& name)
{
    return QDir(rememberedFolder(exportFolderKey)).filePath(name);
}

QString FileDialogs::askOpenPath(const QString& title, const char* folderKey, const QString& filter)
{
    const QString directory = rememberedFolder(folderKey);
    const QString path = m_prompts.openFileName ? m_prompts.openFileName(title, directory, filter)
                                                : QFileDialog::getOpenFileName(m_window, title, directory, filter);
    if (!path.isEmpty())
        QSettings().setValue(folderKey, QFileInfo(path).absolutePath());
    return path;
}

QString FileDialogs::askSavePath(const QString& title, const QString& suggestion, const QString& filter,
                                 const QString& suffix)
{
    QString chosenFilter;
    QString path = m_prompts.saveFileName
                       ? m_prompts.saveFileName(title, suggestion, filter)
                       : QFileDialog::getSaveFileName(m_window, title, suggestion, filter, &chosenFilter);
    if (path.isEmpty())
        return path;
    // A name typed without a suffix gets the one of the format chosen in the
    // dialog (PNG, SVG or PDF), else the default.
    if (QFileInfo(path).suffix().isEmpty()) {
        const QString chosen = filterSuffix(chosenFilter);
        path += '.' + (chosen.isEmpty() ? suffix : chosen);
    }
    QSettings().setValue(exportFolderKey, QFileInfo(path).absolutePath());
    return path;
}

QString FileDialogs::filterSuffix(const QString& filter)
{
    static const QRegularExpression pattern(QStringLiteral("\\*\\.([A-Za-z0-9]+)"));
    const QRegularExpressionMatch match = pattern.match(filter);
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

QMessageBox::StandardButton FileDialogs::askToSave(const QString& question)
{
    if (m_prompts.askToSave)
        return m_prompts.askToSave(question);
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"), question,
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setInformativeText(tr("Otherwise they are lost."));
    box.setDefaultButton(QMessageBox::Save);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}
