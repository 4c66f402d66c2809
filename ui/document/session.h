#pragma once

// A saved session (.attn): everything needed to reopen exactly what the user
// had, as versioned JSON. Reading never trusts the file: every malformed,
// truncated, wrongly typed or newer-version file is refused with a sentence
// naming the file and the problem. Writing is atomic.

#include "core/attention.h"
#include "ui/render/weightsscale.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

struct Session
{
    static constexpr int kFormatVersion = 1;

    attn::AttentionConfig config;
    int selectedToken = -1; // query token highlighted; -1: none
    int layer = 0;          // zero-based
    int head = 0;           // zero-based
    QString colorMap = QStringLiteral("viridis");
    WeightsScale weightsScale = WeightsScale::Fixed; // "weights_scale"; absent: fixed 0 to 1
    int lessonStep = 0;                              // 0: not in a lesson

    bool operator==(const Session&) const = default;
};

QByteArray sessionToJson(const Session& session);

// The largest session file read; larger ones are refused unread.
constexpr qint64 kMaxSessionBytes = 256 * 1024 * 1024;

// Parses session JSON; `fileName` only names the file in messages. View
// values that do not fit the configuration (a head it does not have, an
// unknown colour map) are not fatal: they fall back to their defaults, with a
// sentence for each in *notes when given.
std::optional<Session> sessionFromJson(const QByteArray& json, const QString& fileName, QString* error,
                                       QStringList* notes = nullptr);

// Reads regular files only (a device or a pipe could block or never end),
// at most kMaxSessionBytes.
std::optional<Session> loadSession(const QString& path, QString* error, QStringList* notes = nullptr);
bool saveSession(const QString& path, const Session& session, QString* error);
