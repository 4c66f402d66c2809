#include "commandline.h"

#include "ui/document/modelloader.h"
#include "ui/document/presets.h"
#include "ui/document/session.h"
#include "ui/document/trainedpresets.h"
#include "ui/render/colormap.h"
#include "ui/render/language.h"
#include "ui/render/panelid.h"
#include "ui/render/translatedmessage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>

namespace {

struct Parser
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    QCommandLineParser parser;
    QCommandLineOption sentence{"sentence", tr("The sentence to attend over."), tr("text", "value name in --help")};
    QCommandLineOption preset{"preset",
                              tr("Start from a preset: article (the reference walk-through), or a trained model: "
                                 "previous (a previous-token head) or induction (an induction head)."),
                              tr("name", "value name in --help")};
    QCommandLineOption train{"train",
                             tr("Train a small attention model on a task first: previous, reverse, sort or induction; "
                                "--heads, --d-model, --layers, --train-steps and --train-seed set it."),
                             tr("task", "value name in --help")};
    QCommandLineOption trainSteps{"train-steps", tr("With --train: Adam steps, 1 to 100000 (default: the task's)."),
                                  "n"};
    QCommandLineOption trainSeed{"train-seed", tr("With --train: the seed of the weights and data (default 1)."), "n"};
    QCommandLineOption layers{"layers", tr("With --train: attention layers, 1 or 2 (default: the task's)."), "n"};
    QCommandLineOption seed{"seed", tr("Weight seed, 0 to 4294967295 (default 42)."), "n"};
    QCommandLineOption embeddingSeed{
        "embedding-seed", tr("Embedding seed, 0 to 4294967295 (default 0); draws every word's vector, given ones too."),
        "n"};
    QCommandLineOption dModel{"d-model", tr("Embedding size d_model, 1 to 1024 (default 3)."), "n"};
    QCommandLineOption heads{"heads", tr("Number of attention heads; must divide d_model (default 1)."), "n"};
    QCommandLineOption init{"init", tr("Weight initialisation: randint, uniform or normal (default randint)."),
                            tr("kind", "value name in --help")};
    QCommandLineOption causal{"causal", tr("Mask future tokens (decoder-style attention).")};
    QCommandLineOption noScale{"no-scale", tr("Do not divide the scores by sqrt(d_k).")};
    QCommandLineOption temperature{"temperature", tr("Softmax temperature, greater than 0 (default 1)."), "t"};
    QCommandLineOption positional{"positional", tr("Add the sinusoidal positional encoding to the embeddings.")};
    QCommandLineOption exportJson{"export-json", tr("Write every stage as JSON to file, then exit."),
                                  tr("file", "value name in --help")};
    QCommandLineOption exportNumpy{"export-numpy", tr("Write a runnable NumPy script to file, then exit."),
                                   tr("file", "value name in --help")};
    QCommandLineOption exportImage{"export-image", tr("Write the figure as .png, .svg or .pdf to file, then exit."),
                                   tr("file", "value name in --help")};
    QCommandLineOption exportLesson{
        "export-lesson",
        tr("Write the lesson (16:9 slides, one per step: seven, eleven with --model) as a .pdf to file, then exit."),
        tr("file", "value name in --help")};
    QCommandLineOption saveSession{
        "save-session",
        tr("Write the configuration (with --train, the trained model) as a session file (.attn), then exit."),
        tr("file", "value name in --help")};
    QCommandLineOption exportCsv{"export-csv",
                                 tr("Write the numbers of one panel (--panel) as CSV to file, then exit."),
                                 tr("file", "value name in --help")};
    QCommandLineOption panel{"panel", tr("Export one panel: %1.").arg(panelNames().join(", ")),
                             tr("name", "value name in --help")};
    QCommandLineOption scale{"scale", tr("Pixel ratio of a PNG export, 1 to 8 (default 1)."), "s"};
    QCommandLineOption head{"head", tr("Head shown in per-head panels, from 1 (default 1)."), "j"};
    QCommandLineOption model{"model",
                             tr("Show the attention of a GPT-2 checkpoint: a Hugging Face folder with config.json, "
                                "model.safetensors and the tokenizer files, instead of the article's model."),
                             tr("folder", "value name in --help")};
    QCommandLineOption layer{"layer", tr("With --model: the layer shown, from 1 (default 1)."), "l"};
    QCommandLineOption generate{"generate", tr("With --model: continue the text by n greedy tokens first, 1 to 1024."),
                                "n"};
    QCommandLineOption colorMap{
        "colormap",
        tr("Colour map of the attention weights: %1 (default viridis).").arg(ColorMap::sequentialNames().join(", ")),
        tr("name", "value name in --help")};
    QCommandLineOption weightsScale{"weights-scale",
                                    tr("What the colours of the weights span: fixed (0 to 1, the default), matrix (its "
                                       "min to max) or row (each row's min to max)."),
                                    tr("scale", "value name in --help")};
    QCommandLineOption language{"lang",
                                tr("Language of the window, the help and the exports: en, de or zh_CN "
                                   "(default: the system's)."),
                                tr("code", "value name in --help")};
    QCommandLineOption help{QStringList{"h", "help"}, tr("Show this help and exit.")};
    QCommandLineOption version{QStringList{"v", "version"}, tr("Show the version and exit.")};

    QList<QCommandLineOption> all() const
    {
        return {sentence,     preset,      seed,        embeddingSeed, dModel,     heads,       init,
                causal,       noScale,     temperature, positional,    exportJson, exportNumpy, exportImage,
                exportLesson, saveSession, exportCsv,   panel,         scale,      head,        model,
                layer,        generate,    colorMap,    weightsScale,  help,       version,     train,
                trainSteps,   trainSeed,   layers,      language};
    }

    Parser()
    {
        parser.setApplicationDescription(
            tr("Attention Visualizer: self-attention, every number of it, as linked heatmaps.\n"
               "With an --export option it writes the files and exits without opening a window."));
        parser.addOptions(all());
        parser.addPositionalArgument(QStringLiteral("session"), tr("A saved session (.attn) to open."),
                                     tr("[SESSION]", "the positional argument in --help"));
    }
};

// A whole number in [low, high], or an error sentence naming the option.
bool parseInteger(const QString& text, const QString& option, qint64 low, qint64 high, qint64* out, QString* error)
{
    static const QRegularExpression integerPattern(QStringLiteral("^\\s*[+-]?\\d+\\s*$"));
    if (!integerPattern.match(text).hasMatch()) {
        *error = QCoreApplication::translate("CommandLine", "--%1 needs a whole number from %2 to %3, not \"%4\".")
                     .arg(option)
                     .arg(low)
                     .arg(high)
                     .arg(text);
        return false;
    }
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < low || value > high) {
        *error = QCoreApplication::translate("CommandLine", "--%1 must be from %2 to %3, not %4.")
                     .arg(option)
                     .arg(low)
                     .arg(high)
                     .arg(text.trimmed());
        return false;
    }
    *out = value;
    return true;
}

bool parseReal(const QString& text, const QString& option, double* out, QString* error)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok) {
        *error = QCoreApplication::translate("CommandLine", "--%1 needs a number, not \"%2\".").arg(option, text);
        return false;
    }
    *out = value;
    return true;
}

// --train and the sizes that go with it, checked as the trainer checks them.
bool parseTraining(const QCommandLineParser& parser, const Parser& p, CommandLineOptions& options, QString* error)
{
    if (!parser.isSet(p.train)) {
        for (const QCommandLineOption* option : {&p.trainSteps, &p.trainSeed, &p.layers}) {
            if (parser.isSet(*option)) {
                *error =
                    QCoreApplication::translate("CommandLine", "--%1 needs --train.").arg(option->names().constFirst());
                return false;
            }
        }
        return true;
    }
    if (!options.trainedPreset.empty() || !options.config.model.empty() || parser.isSet(p.model)) {
        *error = QCoreApplication::translate(
            "CommandLine", "--train trains a model of its own: it cannot be combined with --model or a trained "
                           "--preset.");
        return false;
    }
    try {
        attn::train::TrainOptions train = attn::train::defaultOptions(parser.value(p.train).toStdString());
        qint64 integer = 0;
        const auto size = [&](const QCommandLineOption& option, const char* name, qint64 high, int* out) {
            if (!parser.isSet(option))
                return true;
            if (!parseInteger(parser.value(option), QString::fromLatin1(name), 1, high, &integer, error))
                return false;
            *out = static_cast<int>(integer);
            return true;
        };
        if (!size(p.trainSteps, "train-steps", 100000, &train.steps) || !size(p.layers, "layers", 2, &train.layers) ||
            !size(p.heads, "heads", 64, &train.heads) || !size(p.dModel, "d-model", 256, &train.dModel))
            return false;
        if (parser.isSet(p.trainSeed)) {
            if (!parseInteger(parser.value(p.trainSeed), "train-seed", 0, attn::Limits::maxSeed, &integer, error))
                return false;
            options.trainSeed = static_cast<std::uint64_t>(integer);
        }
        attn::train::validateOptions(train);
        options.train = train;
        options.config.trainedModel.reset(); // a session's model gives way to the one trained now
    } catch (const attn::train::TrainingError& e) {
        *error = attn::ui::translatedMessage(e);
        return false;
    }
    return true;
}

} // namespace

Session sessionFromOptions(const CommandLineOptions& options)
{
    Session session;
    session.config = options.config;
    session.head = options.head;
    session.selectedToken = options.selectedToken;
    session.lessonStep = options.lessonStep;
    session.colorMap = options.colorMap;
    session.weightsScale = options.weightsScale.value_or(WeightsScale::Fixed);
    return session;
}

bool CommandLineOptions::isHeadless() const
{
    return !exportJson.isEmpty() || !exportNumpy.isEmpty() || !exportImage.isEmpty() || !exportLesson.isEmpty() ||
           !saveSession.isEmpty() || !exportCsv.isEmpty();
}

QStringList panelNames()
{
    return attn::allPanelNames();
}

SplitArguments splitQtArguments(const QStringList& arguments)
{
    static const QStringList qtWithValue{
        "platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry", "qwindowtitle", "qwindowicon",
        "style",    "stylesheet",         "display",       "session"};
    static const QStringList qtFlags{"reverse", "nograb", "dograb", "sync", "widgetcount"};
    QStringList appWithValue;
    for (const QCommandLineOption& option : Parser().all()) {
        if (!option.valueName().isEmpty())
            appWithValue << option.names();
    }

    SplitArguments split;
    if (arguments.isEmpty())
        return split;
    split.app << arguments.first();
    split.qt << arguments.first();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == QLatin1String("--")) {
            split.app << arguments.mid(i);
            break;
        }
        if (argument.startsWith(QLatin1String("--")) && !argument.contains('=') &&
            appWithValue.contains(argument.mid(2))) {
            split.app << argument;
            if (i + 1 < arguments.size())
                split.app << arguments[++i];
            continue;
        }
        // Qt accepts its options with one dash or two.
        const QString name = argument.startsWith(QLatin1String("--")) ? argument.mid(2)
                             : argument.startsWith('-')               ? argument.mid(1)
                                                                      : QString();
        if (!name.isEmpty() && qtWithValue.contains(name)) {
            split.qt << argument;
            if (i + 1 < arguments.size())
                split.qt << arguments[++i];
            continue;
        }
        if (!name.isEmpty() && qtFlags.contains(name)) {
            split.qt << argument;
            continue;
        }
        split.app << argument;
    }
    return split;
}

QString commandLineHelp()
{
    Parser p;
    // Without an application object Qt cannot know the program's name.
    return p.parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("attention-visualizer"));
}

namespace {

ParseOutcome parseArguments(const QStringList& arguments)
{
    ParseOutcome outcome;
    CommandLineOptions& options = outcome.options;
    QString& error = outcome.error;
    Parser p;
    QCommandLineParser& parser = p.parser;

    if (!parser.parse(arguments)) {
        // Even so, the error speaks the language asked for.
        if (parser.isSet(p.language))
            options.language = attn::ui::matchLanguage(parser.value(p.language));
        error = parser.errorText();
        if (!error.endsWith('.') && !error.endsWith(QChar(0x3002))) // an ideographic full stop
            error += '.';
        return outcome;
    }
    if (parser.isSet(p.language)) {
        options.language = attn::ui::matchLanguage(parser.value(p.language));
        if (options.language.isEmpty()) {
            error = QCoreApplication::translate("CommandLine", "--lang must be one of %1, not \"%2\".")
                        .arg(attn::ui::availableLanguages().join(QStringLiteral(", ")), parser.value(p.language));
            return outcome;
        }
    }
    options.showHelp = parser.isSet(p.help);
    options.showVersion = parser.isSet(p.version);
    if (options.showHelp || options.showVersion)
        return outcome;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        error = QCoreApplication::translate(
                    "CommandLine", "Give at most one session file, not %1 (put a sentence in --sentence \"...\").")
                    .arg(positional.size());
        return outcome;
    }
    if (!positional.isEmpty())
        options.sessionFile = positional.first();

    attn::AttentionConfig& config = options.config;
    if (!options.sessionFile.isEmpty()) {
        const auto session = loadSession(options.sessionFile, &error, &options.notes);
        if (!session)
            return outcome;
        config = session->config;
        options.head = session->head;
        options.colorMap = session->colorMap;
        options.weightsScale = session->weightsScale;
        options.selectedToken = session->selectedToken;
        options.lessonStep = session->lessonStep;
    }
    if (!options.sessionFile.isEmpty() && !parser.isSet(p.preset)) {
        // The session is the starting point; options below override it.
        // A model trained in the app comes with its weights, a preset by name.
        options.trainedPreset = config.trainedModel ? std::string() : config.trainedTask;
    } else if (parser.isSet(p.preset) && isTrainedPreset(parser.value(p.preset))) {
        options.trainedPreset = parser.value(p.preset).toStdString();
        try {
            config = trainedPresetConfig(options.trainedPreset);
        } catch (const std::exception& e) {
            error = attn::ui::translatedMessage(e);
            return outcome;
        }
    } else if (parser.isSet(p.preset)) {
        const auto preset = loadPreset(parser.value(p.preset), &error);
        if (!preset)
            return outcome;
        config = *preset;
    } else {
        // The defaults are the article's settings, its printed vectors
        // included, as in the window at launch: a word keeps a given vector
        // whatever the sentence until the embeddings are drawn anew.
        const auto article = loadPreset(QStringLiteral("article"), &error);
        if (!article)
            return outcome;
        config = *article;
    }
    if (parser.isSet(p.sentence))
        config.sentence = parser.value(p.sentence).toStdString();

    qint64 integer = 0;
    if (parser.isSet(p.seed)) {
        if (!parseInteger(parser.value(p.seed), "seed", 0, attn::Limits::maxSeed, &integer, &error))
            return outcome;
        config.weightSeed = integer;
    }
    if (parser.isSet(p.embeddingSeed)) {
        if (!parseInteger(parser.value(p.embeddingSeed), "embedding-seed", 0, attn::Limits::maxSeed, &integer, &error))
            return outcome;
        config.embeddingSeed = integer;
        config.explicitEmbeddings.clear(); // a seed asked for draws every vector, as Draw All does
    }
    if (parser.isSet(p.dModel)) {
        if (!parseInteger(parser.value(p.dModel), "d-model", 1, attn::Limits::maxDModel, &integer, &error))
            return outcome;
        config.dModel = static_cast<int>(integer);
    }
    if (parser.isSet(p.heads)) {
        if (!parseInteger(parser.value(p.heads), "heads", 1, attn::Limits::maxDModel, &integer, &error))
            return outcome;
        config.heads = static_cast<int>(integer);
    }
    if (parser.isSet(p.init)) {
        const auto init = attn::weightInitFromString(parser.value(p.init).toStdString());
        if (!init) {
            error = QCoreApplication::translate("CommandLine", "--init must be randint, uniform or normal, not \"%1\".")
                        .arg(parser.value(p.init));
            return outcome;
        }
        config.init = *init;
    }
    config.causal = config.causal || parser.isSet(p.causal);
    if (parser.isSet(p.noScale))
        config.scaled = false;
    config.positional = config.positional || parser.isSet(p.positional);
    if (parser.isSet(p.temperature)) {
        if (!parseReal(parser.value(p.temperature), "temperature", &config.temperature, &error))
            return outcome;
        if (!std::isfinite(config.temperature) || config.temperature <= 0.0) {
            error = QCoreApplication::translate("CommandLine",
                                                "--temperature must be a finite number greater than 0, not %1.")
                        .arg(parser.value(p.temperature));
            return outcome;
        }
    }
    // An explicit embedding whose size no longer fits d_model is dropped, so
    // that --preset article --d-model 8 draws fresh vectors instead of failing.
    std::erase_if(config.explicitEmbeddings,
                  [&](const auto& entry) { return entry.second.size() != static_cast<std::size_t>(config.dModel); });

    options.exportJson = parser.value(p.exportJson);
    options.exportNumpy = parser.value(p.exportNumpy);
    options.exportImage = parser.value(p.exportImage);
    options.saveSession = parser.value(p.saveSession);
    options.exportLesson = parser.value(p.exportLesson);
    options.exportCsv = parser.value(p.exportCsv);
    if (parser.isSet(p.exportCsv) && options.exportCsv.isEmpty()) {
        error = QCoreApplication::translate("CommandLine", "--export-csv needs a file name.");
        return outcome;
    }
    if (parser.isSet(p.exportCsv) && !parser.isSet(p.panel)) {
        error = QCoreApplication::translate("CommandLine", "--export-csv writes one panel: name it with --panel (%1).")
                    .arg(panelNames().join(", "));
        return outcome;
    }
    if (parser.isSet(p.saveSession) && options.saveSession.isEmpty()) {
        error = QCoreApplication::translate("CommandLine", "--save-session needs a file name.");
        return outcome;
    }
    if (parser.isSet(p.exportJson) && options.exportJson.isEmpty()) {
        error = QCoreApplication::translate("CommandLine", "--export-json needs a file name.");
        return outcome;
    }
    if (parser.isSet(p.exportNumpy) && options.exportNumpy.isEmpty()) {
        error = QCoreApplication::translate("CommandLine", "--export-numpy needs a file name.");
        return outcome;
    }
    if (parser.isSet(p.exportImage)) {
        const QString suffix = QFileInfo(options.exportImage).suffix().toLower();
        if (suffix != "png" && suffix != "svg" && suffix != "pdf") {
            error = QCoreApplication::translate("CommandLine",
                                                "--export-image needs a file ending in .png, .svg or .pdf, not \"%1\".")
                        .arg(options.exportImage);
            return outcome;
        }
    }
    if (parser.isSet(p.exportLesson) && QFileInfo(options.exportLesson).suffix().toLower() != "pdf") {
        error = QCoreApplication::translate("CommandLine", "--export-lesson needs a file ending in .pdf, not \"%1\".")
                    .arg(options.exportLesson);
        return outcome;
    }
    if (parser.isSet(p.panel)) {
        options.panel = parser.value(p.panel);
        if (!panelNames().contains(options.panel)) {
            error = QCoreApplication::translate("CommandLine", "Unknown panel \"%1\"; the panels are: %2.")
                        .arg(options.panel, panelNames().join(", "));
            return outcome;
        }
    }
    if (parser.isSet(p.colorMap)) {
        options.colorMap = parser.value(p.colorMap);
        if (!ColorMap::sequentialNames().contains(options.colorMap)) {
            error = QCoreApplication::translate("CommandLine", "Unknown colour map \"%1\"; the colour maps are: %2.")
                        .arg(options.colorMap, ColorMap::sequentialNames().join(", "));
            return outcome;
        }
    }
    if (parser.isSet(p.weightsScale)) {
        options.weightsScale = weightsScaleFromName(parser.value(p.weightsScale));
        if (!options.weightsScale) {
            error = QCoreApplication::translate("CommandLine", "Unknown weights scale \"%1\"; the scales are: %2.")
                        .arg(parser.value(p.weightsScale), weightsScaleNames().join(", "));
            return outcome;
        }
    }
    if (parser.isSet(p.scale)) {
        if (!parseReal(parser.value(p.scale), "scale", &options.scale, &error))
            return outcome;
        if (!(options.scale >= 1.0 && options.scale <= 8.0)) {
            error = QCoreApplication::translate("CommandLine", "--scale must be from 1 to 8, not %1.")
                        .arg(parser.value(p.scale));
            return outcome;
        }
    }
    if (parser.isSet(p.model)) {
        if (parser.value(p.model).isEmpty()) {
            error = QCoreApplication::translate("CommandLine", "--model needs the path of a GPT-2 folder.");
            return outcome;
        }
        try {
            config = withModel(config, parser.value(p.model).toStdString());
        } catch (const std::exception& e) {
            error = attn::ui::translatedMessage(e);
            return outcome;
        }
    }
    if (!parseTraining(parser, p, options, &error))
        return outcome;
    const bool trained = options.train || !options.trainedPreset.empty() || config.trainedModel;
    if (parser.isSet(p.generate) && config.model.empty()) {
        error = QCoreApplication::translate("CommandLine",
                                            "--generate needs --model: only a GPT-2 checkpoint continues a text.");
        return outcome;
    }
    if (parser.isSet(p.layer) && config.model.empty() && !trained) {
        error = QCoreApplication::translate(
            "CommandLine", "--layer needs --model, --train or a trained --preset: the article's model has one layer.");
        return outcome;
    }
    if (parser.isSet(p.layer)) {
        if (!parseInteger(parser.value(p.layer), "layer", 1, 1024, &integer, &error))
            return outcome;
        options.layer = static_cast<int>(integer - 1);
    }
    if (parser.isSet(p.generate)) {
        if (!parseInteger(parser.value(p.generate), "generate", 1, 1024, &integer, &error))
            return outcome;
        options.generate = static_cast<int>(integer);
    }
    if (parser.isSet(p.head)) {
        // A trained model's heads are known once it is loaded or trained:
        // the export checks --head against them.
        if (!parseInteger(parser.value(p.head), "head", 1, trained ? 1024 : config.heads, &integer, &error))
            return outcome;
        options.head = static_cast<int>(integer - 1);
    } else if (options.head >= config.heads) {
        // The session's head is gone with --heads: what is saved must reopen.
        options.notes << (config.heads == 1
                              ? QCoreApplication::translate(
                                    "CommandLine",
                                    "The session showed head %1, but there is now 1 head; head 1 is shown.")
                                    .arg(options.head + 1)
                              : QCoreApplication::translate(
                                    "CommandLine",
                                    "The session showed head %1, but there are now %n heads; head 1 is shown.", nullptr,
                                    config.heads)
                                    .arg(options.head + 1));
        options.head = 0;
    }
    if (parser.isSet(p.sentence) && options.selectedToken >= 0) {
        const auto tokens = attn::countTokens(config.sentence, attn::Limits::maxTokens);
        if (static_cast<std::size_t>(options.selectedToken) >= tokens)
            options.selectedToken = -1;
    }

    if (options.train && !options.isHeadless()) {
        error = QCoreApplication::translate(
            "CommandLine", "--train writes files: add --export-json or --export-image (the window opens the "
                           "trained presets with File > Open Preset).");
        return outcome;
    }
    if (options.train && parser.isSet(p.sentence)) {
        error = QCoreApplication::translate(
            "CommandLine", "--sentence: a model trained now shows its task's example sequence; the presets read "
                           "a sentence of their tokens.");
        return outcome;
    }
    if (trained)
        return outcome; // --heads and --d-model are the trained model's
    try {
        attn::validateConfig(config);
    } catch (const attn::AttentionError& e) {
        error = attn::ui::translatedMessage(e);
    }
    return outcome;
}

} // namespace

QString singleLine(const QString& message)
{
    // A file name or an argument can hold a newline, another control
    // character or an invisible formatting one (U+202E reverses the text that
    // follows it); the message must stay one line that reads as what it is.
    QString line;
    line.reserve(message.size());
    for (const char32_t c : message.toUcs4()) {
        const auto category = QChar::category(c);
        if (c == U'\n')
            line += QStringLiteral("\\n");
        else if (category == QChar::Other_Control || category == QChar::Other_Format ||
                 category == QChar::Separator_Line || category == QChar::Separator_Paragraph ||
                 category == QChar::Other_Surrogate)
            line += c > 0xFFFF ? QStringLiteral("\\U%1").arg(static_cast<uint>(c), 8, 16, QLatin1Char('0'))
                               : QStringLiteral("\\u%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0'));
        else
            line += QString::fromUcs4(&c, 1);
    }
    return line;
}

QString noteLine(const QString& note)
{
    return QCoreApplication::translate("CommandLine", "note: %1", "before a note on stderr").arg(singleLine(note));
}

ParseOutcome parseCommandLine(const QStringList& arguments)
{
    ParseOutcome outcome = parseArguments(arguments);
    outcome.error = singleLine(outcome.error);
    return outcome;
}
