#include "ui/document/recentfiles.h"

#include <QSettings>

namespace {

const char* const kRecentKey = "session/recent";

} // namespace

QStringList RecentFiles::files()
{
    return QSettings().value(kRecentKey).toStringList();
}

void RecentFiles::add(const QString& path)
{
    QStringList list = files();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > maxFiles)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = files();
    list.removeAll(path);
    QSettings().setValue(kRecentKey, list);
}

void RecentFiles::clear()
{
    QSettings().remove(kRecentKey);
}
