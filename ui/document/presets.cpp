#include "presets.h"

#include "core/train/modelfile.h"
#include "ui/document/trainedpresets.h"
#include "ui/render/translatedmessage.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace {

QString presetPath(const QString& name)
{
    return QStringLiteral(":/presets/%1.json").arg(name);
}

bool readInt(const QJsonObject& object, const QString& key, std::int64_t* out, QString* error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::floor(number) != number) {
        *error = QCoreApplication::translate("Presets", "\"%1\" must be a whole number.").arg(key);
        return false;
    }
    if (std::abs(number) > 9.0e15) {
        *error = QCoreApplication::translate("Presets", "\"%1\" is %2, far outside its range.")
                     .arg(key, QString::number(number, 'g', 17));
        return false;
    }
    *out = static_cast<std::int64_t>(number);
    return true;
}

bool readBool(const QJsonObject& object, const QString& key, bool* out, QString* error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isBool()) {
        *error = QCoreApplication::translate("Presets", "\"%1\" must be true or false.").arg(key);
        return false;
    }
    *out = value.toBool();
    return true;
}

} // namespace

QStringList presetNames()
{
    return {QStringLiteral("article")};
}

std::optional<attn::AttentionConfig> loadPreset(const QString& name, QString* error)
{
    QFile file(presetPath(name));
    if (!presetNames().contains(name) || !file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Presets", "Unknown preset \"%1\"; the presets are: %2.")
                     .arg(name, (presetNames() + trainedPresetNames()).join(", "));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = QCoreApplication::translate("Presets", "The preset \"%1\" is damaged: %2.")
                     .arg(name, parseError.errorString());
        return std::nullopt;
    }
    return configFromJson(document.object(), attn::AttentionConfig{}, error);
}

std::optional<attn::AttentionConfig> configFromJson(const QJsonObject& object, const attn::AttentionConfig& base,
                                                    QString* error)
{
    attn::AttentionConfig config = base;
    if (object.contains("sentence")) {
        if (!object.value("sentence").isString()) {
            *error = QCoreApplication::translate("Presets", "\"sentence\" must be text.");
            return std::nullopt;
        }
        const QString sentence = object.value("sentence").toString();
        // Every UTF-16 unit is at least one byte of UTF-8: refused before a
        // copy of a huge text is made.
        if (static_cast<std::size_t>(sentence.size()) > attn::Limits::maxSentenceBytes) {
            *error = QCoreApplication::translate("Presets", "\"sentence\" is longer than %1 bytes, the limit.")
                         .arg(attn::Limits::maxSentenceBytes);
            return std::nullopt;
        }
        config.sentence = sentence.toStdString();
    }
    std::int64_t dModel = config.dModel;
    std::int64_t heads = config.heads;
    if (!readInt(object, "d_model", &dModel, error) || !readInt(object, "heads", &heads, error) ||
        !readInt(object, "weight_seed", &config.weightSeed, error) ||
        !readInt(object, "embedding_seed", &config.embeddingSeed, error) ||
        !readBool(object, "causal", &config.causal, error) || !readBool(object, "scaled", &config.scaled, error) ||
        !readBool(object, "positional", &config.positional, error))
        return std::nullopt;
    // Checked here, on the number the file holds: an int cast or clamp would
    // make the message name a number the file does not contain.
    for (const auto& [key, value] : {std::pair{"d_model", dModel}, std::pair{"heads", heads}}) {
        if (value < 1 || value > attn::Limits::maxDModel) {
            *error = QCoreApplication::translate("Presets", "\"%1\" must be from 1 to %2, not %3.")
                         .arg(QLatin1String(key))
                         .arg(attn::Limits::maxDModel)
                         .arg(QString::number(object.value(QLatin1String(key)).toDouble(), 'g', 17));
            return std::nullopt;
        }
    }
    config.dModel = static_cast<int>(dModel);
    config.heads = static_cast<int>(heads);
    if (object.contains("init")) {
        const auto init = attn::weightInitFromString(object.value("init").toString().toStdString());
        if (!init) {
            *error = QCoreApplication::translate("Presets", "\"init\" must be \"randint\", \"uniform\" or \"normal\".");
            return std::nullopt;
        }
        config.init = *init;
    }
    if (object.contains("temperature")) {
        if (!object.value("temperature").isDouble()) {
            *error = QCoreApplication::translate("Presets", "\"temperature\" must be a number.");
            return std::nullopt;
        }
        config.temperature = object.value("temperature").toDouble();
    }
    if (object.contains("model")) {
        // A checkpoint's folder: sessions refer to a model by its path.
        if (!object.value("model").isString()) {
            *error = QCoreApplication::translate("Presets", "\"model\" must be the path of a GPT-2 folder.");
            return std::nullopt;
        }
        config.model = object.value("model").toString().toStdString();
    }
    if (object.contains("trained_preset")) {
        // A model the project trained and ships, by name.
        const QString name = object.value("trained_preset").toString();
        if (!isTrainedPreset(name)) {
            *error = QCoreApplication::translate("Presets", "\"trained_preset\" must be %1.")
                         .arg(trainedPresetNames().join(" or "));
            return std::nullopt;
        }
        config.trainedTask = name.toStdString();
    }
    if (object.contains("trained_model")) {
        // A model trained in the app: its whole model file, weights and curve.
        if (!object.value("trained_model").isObject()) {
            *error = QCoreApplication::translate("Presets", "\"trained_model\" must be a trained model's file.");
            return std::nullopt;
        }
        try {
            const QByteArray text =
                QJsonDocument(object.value("trained_model").toObject()).toJson(QJsonDocument::Compact);
            auto model = std::make_shared<const attn::train::TrainedModel>(attn::train::fromJson(text.toStdString()));
            config.trainedTask = model->options.task;
            config.trainedModel = std::move(model);
        } catch (const std::exception& e) {
            *error = QStringLiteral("\"trained_model\": %1").arg(attn::ui::translatedMessage(e));
            return std::nullopt;
        }
    }
    if (object.contains("embeddings")) {
        const QJsonValue embeddings = object.value("embeddings");
        if (!embeddings.isObject()) {
            *error = QCoreApplication::translate("Presets", "\"embeddings\" must map words to lists of numbers.");
            return std::nullopt;
        }
        config.explicitEmbeddings.clear();
        const QJsonObject map = embeddings.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it.value().isArray()) {
                *error = QCoreApplication::translate("Presets", "The embedding of \"%1\" must be a list of numbers.")
                             .arg(it.key());
                return std::nullopt;
            }
            std::vector<double> vector;
            for (const QJsonValue& number : it.value().toArray()) {
                if (!number.isDouble()) {
                    *error = QCoreApplication::translate("Presets", "The embedding of \"%1\" must hold only numbers.")
                                 .arg(it.key());
                    return std::nullopt;
                }
                vector.push_back(number.toDouble());
            }
            config.explicitEmbeddings[it.key().toStdString()] = std::move(vector);
        }
    }
    for (const auto& [key, target] : {std::pair{"W_query", &config.wQuery}, std::pair{"W_key", &config.wKey},
                                      std::pair{"W_value", &config.wValue}}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            continue;
        const QString shapeError =
            QCoreApplication::translate("Presets", "\"%1\" must be a list of rows of numbers, d_model x d_model.")
                .arg(QLatin1String(key));
        const QJsonArray rows = value.toArray();
        if (!value.isArray() || rows.size() != config.dModel) {
            *error = shapeError;
            return std::nullopt;
        }
        attn::Matrix matrix(config.dModel, config.dModel);
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const QJsonArray row = rows[r].toArray();
            if (!rows[r].isArray() || row.size() != config.dModel) {
                *error = shapeError;
                return std::nullopt;
            }
            for (qsizetype c = 0; c < row.size(); ++c) {
                if (!row[c].isDouble()) {
                    *error = shapeError;
                    return std::nullopt;
                }
                matrix(r, c) = row[c].toDouble();
            }
        }
        *target = std::move(matrix);
    }
    return config;
}

QJsonObject configToJson(const attn::AttentionConfig& config)
{
    QJsonObject object{
        {"sentence", QString::fromStdString(config.sentence)},
        {"d_model", config.dModel},
        {"heads", config.heads},
        {"init", QString::fromUtf8(attn::toString(config.init).data(),
                                   static_cast<qsizetype>(attn::toString(config.init).size()))},
        {"weight_seed", static_cast<qint64>(config.weightSeed)},
        {"embedding_seed", static_cast<qint64>(config.embeddingSeed)},
        {"causal", config.causal},
        {"scaled", config.scaled},
        {"temperature", config.temperature},
        {"positional", config.positional},
    };
    if (!config.model.empty())
        object.insert("model", QString::fromStdString(config.model));
    if (config.trainedModel)
        object.insert(
            "trained_model",
            QJsonDocument::fromJson(QByteArray::fromStdString(attn::train::toJson(*config.trainedModel))).object());
    else if (!config.trainedTask.empty())
        object.insert("trained_preset", QString::fromStdString(config.trainedTask));
    if (!config.explicitEmbeddings.empty()) {
        QJsonObject embeddings;
        for (const auto& [word, vector] : config.explicitEmbeddings) {
            QJsonArray array;
            for (const double value : vector)
                array.append(value);
            embeddings.insert(QString::fromStdString(word), array);
        }
        object.insert("embeddings", embeddings);
    }
    for (const auto& [key, matrix] : {std::pair{"W_query", &config.wQuery}, std::pair{"W_key", &config.wKey},
                                      std::pair{"W_value", &config.wValue}}) {
        if (!matrix->has_value())
            continue;
        QJsonArray rows;
        for (Eigen::Index r = 0; r < (*matrix)->rows(); ++r) {
            QJsonArray row;
            for (Eigen::Index c = 0; c < (*matrix)->cols(); ++c)
                row.append((**matrix)(r, c));
            rows.append(row);
        }
        object.insert(QLatin1String(key), rows);
    }
    return object;
}
