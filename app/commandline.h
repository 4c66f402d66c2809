#pragma once

// The command line as a plain value: parsing never touches a window, a file
// or the display, so every option and every error can be tested directly.

#include "core/attention.h"
#include "core/train/training.h"
#include "ui/document/session.h"

#include <QString>
#include <QStringList>

#include <optional>

struct CommandLineOptions
{
    attn::AttentionConfig config;
    QString sessionFile; // positional SESSION argument
    QString exportJson;
    QString exportNumpy;
    QString exportImage;
    QString saveSession;
    QString exportLesson;                     // the seven lesson slides as a PDF
    QString exportCsv;                        // one panel's numbers (--panel) as CSV
    QString panel;                            // empty: the whole figure
    QString colorMap;                         // empty: the default
    std::optional<WeightsScale> weightsScale; // unset: the default (0 to 1) or the session's
    double scale = 1.0;
    int head = 0;     // zero-based; the option is one-based
    int layer = 0;    // zero-based, with --model
    int generate = 0; // with --model: greedy tokens appended to the text first
    // A trained model instead of the article's: a shipped preset by name
    // ("previous", "induction"), or a training run with these options.
    std::string trainedPreset;
    std::optional<attn::train::TrainOptions> train;
    std::uint64_t trainSeed = 1;
    int selectedToken = -1; // from a session: the highlighted query token
    int lessonStep = 0;     // from a session
    QString language;       // --lang, as availableLanguages() names it; empty: not given
    bool showHelp = false;
    bool showVersion = false;
    // Sentences about what was adjusted, not refused (a view value from the
    // session that the configuration no longer has); printed as notes.
    QStringList notes;

    // True when the run only writes files and needs no window.
    bool isHeadless() const;
};

// The session the options describe: the configuration and the view values;
// an empty colour map stays empty (the caller's default applies).
Session sessionFromOptions(const CommandLineOptions& options);

struct ParseOutcome
{
    CommandLineOptions options;
    QString error; // one line; empty on success
};

// `arguments` includes the program name first, as QCoreApplication::arguments().
ParseOutcome parseCommandLine(const QStringList& arguments);

QString commandLineHelp();

// The message with newlines and other control characters written as escapes.
QString singleLine(const QString& message);

// A note about what was adjusted, as stderr prints it after the program's
// name: "note: ..." in the installed language, on one line.
QString noteLine(const QString& note);

// Panel names accepted by --panel, in figure order.
QStringList panelNames();

// The arguments split between the app and Qt. Qt's own options (-platform,
// -style, ...) go to QApplication, but only where an option stands: a value
// of the app's own options (--sentence -style) stays the app's, and so does
// everything after "--". Both lists keep the program name first.
struct SplitArguments
{
    QStringList app;
    QStringList qt;
};
SplitArguments splitQtArguments(const QStringList& arguments);
