#include "session.h"

#include "ui/presets.h"
#include "ui/savefile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {

const QString kFormatName = QStringLiteral("attention-visualizer-session");

QString fail(const QString& fileName, const QString& problem)
{
    return QStringLiteral("Cannot open \"%1\": %2").arg(QDir::toNativeSeparators(fileName), problem);
}

} // namespace

QByteArray sessionToJson(const Session& session)
{
    QJsonObject view{
        {"selected_token", session.selectedToken},
        {"head", session.head},
        {"colormap", session.colormap},
        {"lesson_step", session.lessonStep},
    };
    QJsonObject root{
        {"format", kFormatName},
        {"version", Session::kFormatVersion},
        {"config", configToJson(session.config)},
        {"view", view},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Session> sessionFromJson(const QByteArray& json, const QString& fileName, QString* error)
{
    if (json.trimmed().isEmpty()) {
        *error = fail(fileName, QStringLiteral("the file is empty."));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const bool truncated = parseError.offset >= json.size() - 1;
        *error = fail(fileName, truncated ? QStringLiteral("the file is truncated (it ends in the middle of the data).")
                                          : QStringLiteral("it is not valid JSON (%1 at byte %2).")
                                                .arg(parseError.errorString())
                                                .arg(parseError.offset));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value("format").toString() != kFormatName) {
        *error = fail(fileName, QStringLiteral("it is not an Attention Visualizer session."));
        return std::nullopt;
    }
    const QJsonValue version = root.value("version");
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != std::floor(version.toDouble())) {
        *error = fail(fileName, QStringLiteral("\"version\" must be a whole number from 1."));
        return std::nullopt;
    }
    if (version.toInt() > Session::kFormatVersion) {
        *error = fail(fileName, QStringLiteral("it was saved by a newer version of Attention Visualizer (format %1; "
                                               "this version reads format %2). Update the app to open it.")
                                    .arg(version.toInt())
                                    .arg(Session::kFormatVersion));
        return std::nullopt;
    }
    if (!root.value("config").isObject()) {
        *error = fail(fileName, QStringLiteral("\"config\" is missing or not an object."));
        return std::nullopt;
    }

    Session session;
    attn::AttentionConfig base;
    base.explicitEmbeddings.clear();
    QString configError;
    const auto config = configFromJson(root.value("config").toObject(), base, &configError);
    if (!config) {
        *error = fail(fileName, configError);
        return std::nullopt;
    }
    session.config = *config;
    try {
        attn::validateConfig(session.config);
    } catch (const attn::AttentionError& e) {
        *error = fail(fileName, QString::fromStdString(e.what()));
        return std::nullopt;
    }

    const QJsonValue viewValue = root.value("view");
    if (!viewValue.isUndefined() && !viewValue.isObject()) {
        *error = fail(fileName, QStringLiteral("\"view\" must be an object."));
        return std::nullopt;
    }
    const QJsonObject view = viewValue.toObject();
    const auto readInt = [&](const char* key, int low, int high, int* out) {
        const QJsonValue value = view.value(key);
        if (value.isUndefined())
            return true;
        const double number = value.toDouble(-1e300);
        if (!value.isDouble() || number != std::floor(number) || number < low || number > high) {
            *error = fail(fileName, QStringLiteral("\"%1\" must be a whole number from %2 to %3.")
                                        .arg(QLatin1String(key))
                                        .arg(low)
                                        .arg(high));
            return false;
        }
        *out = static_cast<int>(number);
        return true;
    };
    if (!readInt("selected_token", -1, attn::Limits::maxTokens - 1, &session.selectedToken)
        || !readInt("head", 0, session.config.heads - 1, &session.head)
        || !readInt("lesson_step", 0, 7, &session.lessonStep))
        return std::nullopt;
    if (view.contains("colormap")) {
        if (!view.value("colormap").isString()) {
            *error = fail(fileName, QStringLiteral("\"colormap\" must be text."));
            return std::nullopt;
        }
        session.colormap = view.value("colormap").toString();
    }
    return session;
}

std::optional<Session> loadSession(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = fail(path, file.errorString().toLower() + '.');
        return std::nullopt;
    }
    constexpr qint64 kMaxSize = 256 * 1024 * 1024;
    if (file.size() > kMaxSize) {
        *error = fail(path, QStringLiteral("the file is larger than any session can be."));
        return std::nullopt;
    }
    return sessionFromJson(file.readAll(), path, error);
}

bool saveSession(const QString& path, const Session& session, QString* error)
{
    return saveFileAtomically(path, sessionToJson(session), error);
}
