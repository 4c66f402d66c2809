#pragma once

// The command line as a plain value: parsing never touches a window, a file
// or the display, so every option and every error can be tested directly.

#include "core/attention.h"

#include <QString>
#include <QStringList>

struct CommandLineOptions
{
    attn::AttentionConfig config;
    QString sessionFile; // positional SESSION argument
    QString exportJson;
    QString exportNumpy;
    QString exportImage;
    QString saveSession;
    QString exportLesson; // the seven lesson slides as a PDF
    QString panel;    // empty: the whole figure
    QString colormap; // empty: the default
    double scale = 1.0;
    int head = 0; // zero-based; the option is one-based
    int selectedToken = -1; // from a session: the highlighted query token
    int lessonStep = 0;     // from a session
    bool showHelp = false;
    bool showVersion = false;

    // True when the run only writes files and needs no window.
    bool isHeadless() const;
};

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

// Panel names accepted by --panel, in figure order.
QStringList panelNames();

// Qt's own options (-platform, -style, ...) are for QApplication, not for us.
QStringList withoutQtOptions(const QStringList& arguments);
