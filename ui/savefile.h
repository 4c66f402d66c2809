#pragma once

// Every file the app writes goes through here: QSaveFile writes a temporary
// beside the target and renames it on commit, so a failure or a kill midway
// leaves the previous file untouched and never a half-written one.

#include <QByteArray>
#include <QString>

#include <functional>
#include <ostream>
#include <streambuf>
#include <vector>

class QIODevice;

// Text written by `write` into a std::ostream, streamed straight into the
// file (never held in memory as a whole) and committed atomically.
bool saveTextAtomically(const QString& path, const std::function<void(std::ostream&)>& write, QString* error);

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

// Writes `contents` to `path` atomically. On failure returns false, sets
// *error to a sentence naming the file and the reason, and leaves no file.
bool saveFileAtomically(const QString& path, const QByteArray& contents, QString* error);

// The same for content produced by a writer into the open device; the writer
// returns false (with *error set) to abandon the file.
bool saveFileAtomically(const QString& path, const std::function<bool(QIODevice&, QString*)>& writer, QString* error);
