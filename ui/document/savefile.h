#pragma once

// Every file the app writes goes through here. A regular file (or a new one)
// is written to a temporary beside it and renamed into place on commit, so a
// failure or a kill midway leaves the previous file untouched and never a
// half-written one. A target that is not a regular file (a device such as
// /dev/stdout, a pipe) is never replaced: it is written in place, and only
// once everything else has been written.

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <ostream>
#include <streambuf>
#include <vector>

class QIODevice;

// A std::ostream onto a QIODevice, so the engine's text exports stream
// straight into a file instead of building the whole text in memory first.
class DeviceStreamBuffer : public std::streambuf
{
public:
    explicit DeviceStreamBuffer(QIODevice& device);
    ~DeviceStreamBuffer() override;
    bool failed() const { return m_failed; }

protected:
    int_type overflow(int_type ch) override;
    int sync() override;

private:
    bool flushBuffer();

    QIODevice& m_device;
    std::vector<char> m_buffer;
    bool m_failed = false;
};

using FileWriter = std::function<bool(QIODevice&, QString*)>;

// Files written together, all or none: add() writes each to a staging file
// (nothing the user has is touched yet), commit() puts them all in place.
// Destroying the group before commit() leaves every target as it was. The
// same target twice is refused.
class FileGroup
{
public:
    FileGroup();
    ~FileGroup();
    FileGroup(const FileGroup&) = delete;
    FileGroup& operator=(const FileGroup&) = delete;

    // Cheap checks that need no content: the folder exists, the target is
    // not a folder, and no other file of this group has the same target.
    // Returns false with *error set.
    bool check(const QString& path, QString* error) const;
    // Reserves a target that check() accepted, so that a later check() or
    // add() of the same file is refused before any work is done for it.
    bool reserve(const QString& path, QString* error);

    bool add(const QString& path, const FileWriter& writer, QString* error);
    bool add(const QString& path, const QByteArray& contents, QString* error);
    bool addText(const QString& path, const std::function<void(std::ostream&)>& write, QString* error);

    // Writes the in-place targets first (the ones that can fail halfway),
    // then renames the staged files into place.
    bool commit(QString* error);

private:
    struct Staged;
    std::vector<std::unique_ptr<Staged>> m_files;
    std::vector<QString> m_reserved;
};

// One file on its own: a group of one, committed at once.
bool saveFileAtomically(const QString& path, const QByteArray& contents, QString* error);
bool saveFileAtomically(const QString& path, const FileWriter& writer, QString* error);
// Text written by `write` into a std::ostream, streamed straight into the
// file (never held in memory as a whole).
bool saveTextAtomically(const QString& path, const std::function<void(std::ostream&)>& write, QString* error);

// Writes into `group` when one is given, else on its own.
bool saveInto(FileGroup* group, const QString& path, const QByteArray& contents, QString* error);
bool saveTextInto(FileGroup* group, const QString& path, const std::function<void(std::ostream&)>& write,
                  QString* error);

// The sentence for a failed write: the system's reason, never "unknown error".
QString writeFailureReason(const QIODevice& device, int savedErrno);
