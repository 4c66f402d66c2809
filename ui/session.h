#pragma once

// A saved session (.attn): everything needed to reopen exactly what the user
// had, as versioned JSON. Reading never trusts the file: every malformed,
// truncated, wrongly typed or newer-version file is refused with a sentence
// naming the file and the problem. Writing is atomic.

#include "core/attention.h"

#include <QByteArray>
#include <QString>

#include <optional>

struct Session
{
    static constexpr int kFormatVersion = 1;

    attn::AttentionConfig config;
    int selectedToken = -1; // query token highlighted; -1: none
    int head = 0;           // zero-based
    QString colormap = QStringLiteral("viridis");
    int lessonStep = 0; // 0: not in a lesson

    bool operator==(const Session&) const = default;
};

QByteArray sessionToJson(const Session& session);

// Parses session JSON; `fileName` only names the file in error messages.
std::optional<Session> sessionFromJson(const QByteArray& json, const QString& fileName, QString* error);

std::optional<Session> loadSession(const QString& path, QString* error);
bool saveSession(const QString& path, const Session& session, QString* error);
