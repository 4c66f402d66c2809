#include "headlessexport.h"

#include "core/exporters.h"
#include "core/train/modelfile.h"
#include "ui/document/exportfiles.h"
#include "ui/document/modelloader.h"
#include "ui/document/savefile.h"
#include "ui/document/session.h"
#include "ui/document/trainedpresets.h"
#include "ui/render/figureexport.h"
#include "ui/render/lessonpdf.h"
#include "ui/render/panelid.h"
#include "ui/render/translatedmessage.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>

namespace {

// The model a session brought, the shipped preset, or a model trained now
// from the options' seed (progress on stderr, ten lines at most).
std::shared_ptr<const attn::train::TrainedModel> trainedModel(const CommandLineOptions& options)
{
    if (options.config.trainedModel && !options.train)
        return options.config.trainedModel;
    if (!options.trainedPreset.empty())
        return std::make_shared<const attn::train::TrainedModel>(loadTrainedPreset(options.trainedPreset));
    attn::train::Trainer trainer(*options.train, options.trainSeed);
    const int every = std::max(1, options.train->steps / 10);
    trainer.run(nullptr, [&](const attn::train::StepResult& step) {
        if (step.step % every == 0 || step.step == options.train->steps)
            QTextStream(stderr) << QCoreApplication::translate("HeadlessExport",
                                                               "training %1: step %2 of %3, loss %4, accuracy %5%")
                                       .arg(QString::fromStdString(options.train->task))
                                       .arg(step.step)
                                       .arg(options.train->steps)
                                       .arg(step.loss, 0, 'f', 4)
                                       .arg(100.0 * step.accuracy, 0, 'f', 1)
                                << '\n';
    });
    return std::make_shared<const attn::train::TrainedModel>(trainer.model());
}

} // namespace

QString runHeadlessExports(const CommandLineOptions& options)
{
    QString error;
    FileGroup files;
    // Every target is checked before anything is computed, so a typo in the
    // last path costs no time and leaves the first ones unwritten.
    for (const QString* path : {&options.saveSession, &options.exportJson, &options.exportNumpy, &options.exportImage,
                                &options.exportLesson, &options.exportCsv}) {
        if (!path->isEmpty() && !files.reserve(*path, &error))
            return error;
    }

    const bool trained = options.train || !options.trainedPreset.empty() || options.config.trainedModel;
    if (trained && !options.exportNumpy.isEmpty())
        return QCoreApplication::translate(
            "HeadlessExport", "--export-numpy writes the article's model; a trained model's numbers are in "
                              "--export-json.");
    // A model trained now is trained once, for the session and every export.
    std::shared_ptr<const attn::train::TrainedModel> model;
    attn::AttentionConfig config = options.config;
    try {
        if (trained) {
            model = trainedModel(options);
            // A preset or a session's model reads the sentence (its example
            // unless --sentence gave other tokens); a model trained now shows
            // its task's example.
            const std::string text = options.train ? std::string() : config.sentence;
            config = attn::train::displayConfig(*model, attn::train::fixedExample(model->options).tokens);
            if (!text.empty())
                config.sentence = text;
            config.trainedTask = model->options.task;
            if (options.trainedPreset.empty())
                config.trainedModel = model;
        }
    } catch (const attn::train::TrainingError& e) {
        return attn::ui::translatedMessage(e);
    }

    if (!options.saveSession.isEmpty()) {
        CommandLineOptions saved = options;
        saved.config = config;
        Session session = sessionFromOptions(saved);
        if (session.colorMap.isEmpty())
            session.colorMap = Session().colorMap;
        if (!files.add(options.saveSession, sessionToJson(session), &error))
            return error;
    }

    // A session holds the configuration only: saving one computes nothing.
    const bool needsResult = !options.exportJson.isEmpty() || !options.exportNumpy.isEmpty() ||
                             !options.exportImage.isEmpty() || !options.exportLesson.isEmpty() ||
                             !options.exportCsv.isEmpty();
    if (!needsResult)
        return files.commit(&error) ? QString() : error;

    // Shared with the figure and the slides for this call only.
    std::shared_ptr<const attn::AttentionResult> result;
    std::optional<attn::ModelFacts> trainedFacts;
    try {
        if (model) {
            attn::AttentionResult trainedResult = trainedModelResult(*model, options.layer, config.sentence);
            result = std::make_shared<const attn::AttentionResult>(std::move(trainedResult));
            attn::ModelFacts facts;
            facts.family = "attention-visualizer-" + model->options.task;
            facts.layers = model->options.layers;
            facts.heads = model->options.heads;
            facts.dModel = model->options.dModel;
            facts.vocabSize = model->options.vocab;
            facts.context = model->options.length;
            facts.trainingTask = model->options.task;
            facts.trainingLoss = model->loss;
            facts.trainingAccuracy = model->accuracy;
            trainedFacts = facts;
        } else if (!config.model.empty()) {
            if (!options.exportNumpy.isEmpty())
                return QCoreApplication::translate("HeadlessExport",
                                                   "--export-numpy writes the article's model; a checkpoint's numbers "
                                                   "are in --export-json.");
            // The exported head keeps its scores; the JSON computes the others'
            // again. Only the JSON reads the layers other than --layer.
            result = std::make_shared<const attn::AttentionResult>(
                computeModelResult(config, {.stageLayer = options.layer,
                                            .generate = options.generate,
                                            .scoresHead = options.head,
                                            .everyLayer = !options.exportJson.isEmpty()}));
        } else {
            // A long input keeps the scores of the head exported only; the
            // JSON writes the others' computed again, one head at a time.
            const attn::ScoresKept keep = attn::scoresToKeep(
                attn::countTokens(config.sentence, static_cast<std::size_t>(attn::Limits::maxTokens)),
                static_cast<std::uint64_t>(config.heads), 0, std::clamp(options.head, 0, config.heads - 1));
            result = std::make_shared<const attn::AttentionResult>(attn::computeAttention(config, nullptr, keep));
        }
    } catch (const attn::AttentionError& e) {
        return attn::ui::translatedMessage(e);
    } catch (const attn::train::TrainingError& e) {
        return attn::ui::translatedMessage(e);
    } catch (const std::bad_alloc&) {
        return attn::ui::translatedMessage(attn::outOfMemoryError());
    }
    // A checkpoint's or trained model's shape is known only now (the
    // article's --layer and --head were checked with the options).
    const int layerCount = static_cast<int>(result->layers.size());
    if (options.layer >= layerCount)
        return (layerCount == 1 ? QCoreApplication::translate("HeadlessExport", "--layer %1: the model has 1 layer.")
                                : QCoreApplication::translate("HeadlessExport", "--layer %1: the model has %n layers.",
                                                              nullptr, layerCount))
            .arg(options.layer + 1);
    if (options.head >= result->headCount())
        return (result->headCount() == 1
                    ? QCoreApplication::translate("HeadlessExport", "--head %1: the model has 1 head per layer.")
                    : QCoreApplication::translate("HeadlessExport", "--head %1: the model has %n heads per layer.",
                                                  nullptr, result->headCount()))
            .arg(options.head + 1);

    if (trainedFacts && !options.exportJson.isEmpty()) {
        if (!files.addText(
                options.exportJson,
                [&](std::ostream& out) { attn::writeModelJson(out, config, *result, *trainedFacts); }, &error))
            return error;
    } else if (!options.exportJson.isEmpty() && !exportJson(options.exportJson, config, *result, &error, &files)) {
        return error;
    }
    if (!options.exportNumpy.isEmpty() && !exportNumpyScript(options.exportNumpy, config, *result, &error, &files))
        return error;
    if (!options.exportCsv.isEmpty()) {
        const auto panel = attn::panelFromName(options.panel);
        if (!panel ||
            !exportPanelCsv(options.exportCsv, config, *result, *panel, options.layer, options.head, &error, &files))
            return error;
    }
    if (!options.exportImage.isEmpty()) {
        FigureOptions figure;
        figure.panel = options.panel;
        figure.head = options.head;
        figure.layer = options.layer;
        figure.colorMap = options.colorMap;
        figure.weightsScale = options.weightsScale.value_or(WeightsScale::Fixed);
        figure.scale = options.scale;
        if (!exportFigure(options.exportImage, config, result, figure, &error, &files))
            return error;
    }
    if (!options.exportLesson.isEmpty()) {
        LessonOptions lesson;
        lesson.queryToken = std::max(0, options.selectedToken);
        lesson.head = options.head;
        lesson.layer = options.layer;
        lesson.colorMap = options.colorMap;
        if (!exportLessonPdf(options.exportLesson, config, result, lesson, &error, &files))
            return error;
    }
    return files.commit(&error) ? QString() : error;
}
