#include "trainedpresets.h"

#include "core/train/modelfile.h"

#include <QCoreApplication>
#include <QFile>

QStringList trainedPresetNames()
{
    return {QStringLiteral("previous"), QStringLiteral("induction")};
}

bool isTrainedPreset(const QString& name)
{
    return trainedPresetNames().contains(name);
}

attn::train::TrainedModel loadTrainedPreset(const std::string& name)
{
    QFile file(QStringLiteral(":/presets/%1.json").arg(QString::fromStdString(name)));
    if (!isTrainedPreset(QString::fromStdString(name)) || !file.open(QIODevice::ReadOnly))
        throw attn::train::TrainingError(
            attn::train::TrainingError::Kind::File,
            QCoreApplication::translate("TrainedPresets", "There is no trained preset called \"%1\".")
                .arg(QString::fromStdString(name))
                .toStdString());
    return attn::train::fromJson(file.readAll().toStdString());
}

attn::AttentionConfig trainedPresetConfig(const std::string& name)
{
    const attn::train::TrainedModel model = loadTrainedPreset(name);
    attn::AttentionConfig config = attn::train::displayConfig(model, attn::train::fixedExample(model.options).tokens);
    config.trainedTask = name;
    return config;
}

attn::AttentionResult trainedModelResult(const attn::train::TrainedModel& model, int layer, const std::string& text)
{
    std::vector<int> tokens;
    QStringList known;
    for (int id = 0; id < model.shape.vocab; ++id)
        known << QString::fromStdString(attn::train::tokenLabel(model.options, id));
    const QStringList words = QString::fromStdString(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words) {
        const auto id = known.indexOf(word);
        if (id < 0)
            throw attn::train::TrainingError(
                attn::train::TrainingError::Kind::Options,
                QCoreApplication::translate("TrainedPresets", "A model trained on %1 reads the tokens %2 "
                                                              "separated by spaces, not \"%3\".")
                    .arg(QString::fromStdString(model.options.task), known.join(QLatin1Char(' ')), word.left(20))
                    .toStdString());
        tokens.push_back(static_cast<int>(id));
    }
    if (static_cast<int>(tokens.size()) > model.shape.length)
        throw attn::train::TrainingError(attn::train::TrainingError::Kind::Options,
                                         QCoreApplication::translate("TrainedPresets",
                                                                     "A model trained on %1 reads at most %n tokens.",
                                                                     nullptr, model.shape.length)
                                             .arg(QString::fromStdString(model.options.task))
                                             .toStdString());
    attn::AttentionResult result =
        tokens.empty() ? attn::train::toAttentionResult(model) : attn::train::toAttentionResult(model, tokens);
    // The counts as numerus forms, the task's name as the command line writes it.
    const int layers = model.options.layers;
    const int heads = model.options.heads;
    const QString layerCount = layers == 1
                                   ? QCoreApplication::translate("TrainedPresets", "1 layer")
                                   : QCoreApplication::translate("TrainedPresets", "%n layers", nullptr, layers);
    const QString headCount = heads == 1 ? QCoreApplication::translate("TrainedPresets", "1 head")
                                         : QCoreApplication::translate("TrainedPresets", "%n heads", nullptr, heads);
    const QString stepCount = model.steps == 1
                                  ? QCoreApplication::translate("TrainedPresets", "1 step")
                                  : QCoreApplication::translate("TrainedPresets", "%n steps", nullptr, model.steps);
    result.modelName =
        QCoreApplication::translate("TrainedPresets", "trained on %1 · %2 × %3 · d_model %4 · %5 · layer %6")
            .arg(QString::fromStdString(model.options.task), layerCount, headCount,
                 QString::number(model.options.dModel), stepCount, QString::number(layer + 1))
            .toStdString();
    return result;
}

QString trainedPresetSummary(const std::string& name)
{
    if (name == "previous")
        return QCoreApplication::translate(
            "TrainedPresets", "Trained to output the previous token: one head puts nearly all of its weight on the "
                              "token just before.");
    if (name == "induction")
        return QCoreApplication::translate(
            "TrainedPresets", "Trained to continue a repeated sequence: a layer-1 head looks one token back, and a "
                              "layer-2 head looks at the token after the earlier copy of the current one (an "
                              "induction head).");
    return {};
}
