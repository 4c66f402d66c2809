#pragma once

#include <QString>
#include <QStringList>

// File > Open Recent's list: the sessions last opened or saved, newest
// first, kept in the user's settings so every window and every run shares it.
class RecentFiles
{
public:
    static constexpr int maxFiles = 8;

    static QStringList files();
    // Moves `path` to the top; the oldest falls off past maxFiles.
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
};
