#include "session.h"

#include "ui/document/presets.h"
#include "ui/document/savefile.h"
#include "ui/render/colormap.h"
#include "ui/render/translatedmessage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

#include <sys/stat.h>

namespace {

const QString kFormatName = QStringLiteral("attention-visualizer-session");

QString fail(const QString& fileName, const QString& problem)
{
    return QCoreApplication::translate("Session", "Cannot open \"%1\": %2")
        .arg(QDir::toNativeSeparators(fileName), problem);
}

} // namespace

QByteArray sessionToJson(const Session& session)
{
    QJsonObject view{
        {"selected_token", session.selectedToken},
        {"layer", session.layer},
        {"head", session.head},
        {"colormap", session.colorMap},
        {"weights_scale", weightsScaleName(session.weightsScale)},
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

namespace {

// Python-style repr of a JSON number for messages: 1e+20, 2147483648, 2.5.
QString numberText(double number)
{
    return QString::number(number, 'g', 17);
}

bool looksTruncated(const QByteArray& json, const QJsonParseError& parseError)
{
    // An error at the very end of a file that does not end in a closing
    // bracket: the file stops in the middle of the data. A complete file with
    // a mistake near its end (a trailing comma) is merely invalid.
    const QByteArray trimmed = json.trimmed();
    return parseError.offset >= trimmed.size() - 1 && !trimmed.endsWith('}') && !trimmed.endsWith(']');
}

} // namespace

std::optional<Session> sessionFromJson(const QByteArray& json, const QString& fileName, QString* error,
                                       QStringList* notes)
{
    if (json.trimmed().isEmpty()) {
        *error = fail(fileName, QCoreApplication::translate("Session", "the file is empty."));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = fail(fileName, looksTruncated(json, parseError)
                                    ? QCoreApplication::translate(
                                          "Session", "the file is truncated (it ends in the middle of the data).")
                                    : QCoreApplication::translate("Session", "it is not valid JSON (%1 at byte %2).")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value("format").toString() != kFormatName) {
        *error = fail(fileName, QCoreApplication::translate("Session", "it is not an Attention Visualizer session."));
        return std::nullopt;
    }
    const QJsonValue version = root.value("version");
    const double versionNumber = version.toDouble(std::nan(""));
    if (!version.isDouble() || !(versionNumber >= 1) || versionNumber != std::floor(versionNumber)) {
        *error = fail(fileName, QCoreApplication::translate("Session", "\"version\" must be a whole number from 1."));
        return std::nullopt;
    }
    // Compared as a double: a version past int's range must not wrap to 0.
    if (versionNumber > Session::kFormatVersion) {
        *error = fail(fileName, QCoreApplication::translate(
                                    "Session", "it was saved by a newer version of Attention Visualizer (format %1; "
                                               "this version reads format %2). Update the app to open it.")
                                    .arg(numberText(versionNumber))
                                    .arg(Session::kFormatVersion));
        return std::nullopt;
    }
    if (!root.value("config").isObject()) {
        *error = fail(fileName, QCoreApplication::translate("Session", "\"config\" is missing or not an object."));
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
        *error = fail(fileName, attn::ui::translatedMessage(e));
        return std::nullopt;
    }

    // The view is how the session was being looked at, not what it computes:
    // a value that does not fit falls back to its default with a note.
    const auto note = [&](const QString& text) {
        if (notes)
            notes->append(text);
    };
    const QJsonValue viewValue = root.value("view");
    if (!viewValue.isUndefined() && !viewValue.isObject())
        note(QCoreApplication::translate("Session", "\"view\" is not an object; the view starts from its defaults."));
    const QJsonObject view = viewValue.toObject();
    const int tokenCount = static_cast<int>(attn::countTokens(session.config.sentence, attn::Limits::maxTokens));
    const auto readInt = [&](const char* key, int low, int high, int fallback, const QString& what) {
        const QJsonValue value = view.value(QLatin1String(key));
        if (value.isUndefined())
            return fallback;
        const double number = value.toDouble(std::nan(""));
        if (value.isDouble() && number == std::floor(number) && number >= low && number <= high)
            return static_cast<int>(number);
        note(QCoreApplication::translate("Session", "\"%1\" is %2, but %3; it is reset.")
                 .arg(QLatin1String(key),
                      value.isDouble() ? numberText(number)
                                       : QCoreApplication::translate("Session", "not a whole number"),
                      what));
        return fallback;
    };
    session.selectedToken = readInt(
        "selected_token", -1, tokenCount - 1, -1,
        tokenCount == 1 ? QCoreApplication::translate("Session", "the sentence has 1 token")
                        : QCoreApplication::translate("Session", "the sentence has %n tokens", nullptr, tokenCount));
    // The article's model has one attention layer.
    session.layer =
        readInt("layer", 0, 0, 0, QCoreApplication::translate("Session", "the model has 1 layer (numbered from 0)"));
    session.head =
        readInt("head", 0, session.config.heads - 1, 0,
                session.config.heads == 1
                    ? QCoreApplication::translate("Session", "the configuration has 1 head (numbered from 0)")
                    : QCoreApplication::translate("Session", "the configuration has %n heads (numbered from 0)",
                                                  nullptr, session.config.heads));
    session.lessonStep =
        readInt("lesson_step", 0, 11, 0, QCoreApplication::translate("Session", "the lesson steps are 0 to 11"));
    if (view.contains("colormap")) {
        const QJsonValue colorMap = view.value("colormap");
        if (colorMap.isString() && ColorMap::sequentialNames().contains(colorMap.toString()))
            session.colorMap = colorMap.toString();
        else
            note(QCoreApplication::translate("Session", "The colour map \"%1\" is unknown; %2 is shown instead.")
                     .arg(colorMap.isString() ? colorMap.toString()
                                              : QCoreApplication::translate("Session", "(not text)"),
                          session.colorMap));
    }
    if (view.contains("weights_scale")) {
        const QJsonValue scale = view.value("weights_scale");
        if (const auto known = weightsScaleFromName(scale.toString()); scale.isString() && known)
            session.weightsScale = *known;
        else
            note(QCoreApplication::translate("Session",
                                             "The weights scale \"%1\" is unknown (%2); 0 to 1 is shown instead.")
                     .arg(scale.isString() ? scale.toString() : QCoreApplication::translate("Session", "(not text)"),
                          weightsScaleNames().join(QStringLiteral(", "))));
    }
    return session;
}

std::optional<Session> loadSession(const QString& path, QString* error, QStringList* notes)
{
    // A device, pipe or socket could block on open or never end; its size
    // says nothing. Only regular files are sessions.
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) == 0 && !S_ISREG(status.st_mode)) {
        *error = fail(path, S_ISDIR(status.st_mode)
                                ? QCoreApplication::translate("Session", "it is a folder.")
                                : QCoreApplication::translate("Session", "it is not a regular file (a device, pipe or "
                                                                         "socket), so it cannot be a session."));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = fail(path, file.errorString().toLower() + '.');
        return std::nullopt;
    }
    // Read one byte past the limit instead of trusting the reported size.
    const QByteArray json = file.read(kMaxSessionBytes + 1);
    if (json.size() > kMaxSessionBytes) {
        *error = fail(
            path, QCoreApplication::translate("Session", "the file is larger than any session can be (%1 MB at most).")
                      .arg(kMaxSessionBytes / (1024 * 1024)));
        return std::nullopt;
    }
    if (file.error() != QFileDevice::NoError) {
        *error = fail(path, file.errorString().toLower() + '.');
        return std::nullopt;
    }
    return sessionFromJson(json, path, error, notes);
}

bool saveSession(const QString& path, const Session& session, QString* error)
{
    return saveFileAtomically(path, sessionToJson(session), error);
}
