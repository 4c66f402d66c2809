#pragma once

// Every file the app writes goes through here: QSaveFile writes a temporary
// beside the target and renames it on commit, so a failure or a kill midway
// leaves the previous file untouched and never a half-written one.

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

// Writes `contents` to `path` atomically. On failure returns false, sets
// *error to a sentence naming the file and the reason, and leaves no file.
bool saveFileAtomically(const QString& path, const QByteArray& contents, QString* error);

// The same for content produced by a writer into the open device; the writer
// returns false (with *error set) to abandon the file.
bool saveFileAtomically(const QString& path, const std::function<bool(QIODevice&, QString*)>& writer,
                        QString* error);
