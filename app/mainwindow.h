#pragma once

#include "app/commandline.h"
#include "app/windowactions.h"
#include "core/attention.h"
#include "ui/render/panelid.h"
#include "ui/widgets/exportdialogs.h"
#include "ui/widgets/filedialogs.h"

#include <QMainWindow>
#include <QPointer>
#include <QString>

struct Session;
class AttentionDocument;
class BusyIndicator;
class ErrorBanner;
class SentenceField;
class CompareSeedsDialog;
class ControlPanel;
class EmbeddingImportFlow;
class ExploreView;
class FigureView;
class LessonView;
class MessageBar;
class QCloseEvent;
class QDockWidget;
class QLabel;
class QStackedWidget;
class QTimer;
class SessionFiles;
class ViewState;

// The window a teacher puts on a projector: the sentence on top, the settings
// beside, the figure (or the lesson's slides) filling the rest. It builds and
// wires: the document computes and keeps the undo history, the view state
// holds what is shown, the figure and the lesson draw, the control panel
// edits, SessionFiles opens, saves and autosaves, EmbeddingImportFlow
// imports. Edits never block typing: the sentence is applied after a short
// pause and the work runs off-thread.
//
// The title names the session file and shows "*" while the document differs
// from it (the undo stack's clean state; head, colours and selection are
// view state and do not count).
//
// Every widget a test needs has an object name: "sentence", "controlPanel"
// (and its controls), "errorBanner", "messageBar", "recoveryBar",
// "figureView", "lessonView", "busyIndicator", "importProgress", and the
// actions "reseedWeightsAction", "undoAction", "lessonAction", ...
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const CommandLineOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    AttentionDocument* document() const { return m_document; }
    ViewState* viewState() const { return m_view; }
    SessionFiles* sessionFiles() const { return m_files; }
    EmbeddingImportFlow* importFlow() const { return m_import; }
    FigureView* figureView() const { return m_figure; }
    LessonView* lessonView() const { return m_lesson; }
    ControlPanel* controlPanel() const { return m_controls; }
    MessageBar* messageBar() const { return m_messageBar; }
    MessageBar* recoveryBar() const { return m_recoveryBar; }

    // The questions the window asks, replaceable so tests and scripted runs
    // never block on a modal dialog (ui/widgets/filedialogs.h).
    using Prompts = FileDialogs::Prompts;
    void setPrompts(const Prompts& prompts);

    ExportCommands* exportCommands() const { return m_exports; }

    // File > New: asks about unsaved changes, then the article's example untitled.
    void newSession();

    // A typed value in a cell of E, W_Q, W_K or W_V (what the figure's
    // cellEdited signal runs): literal from then on, undoable.
    void editCell(attn::PanelId panel, int row, int column, double value);

    CompareSeedsDialog* showCompareSeeds();

    bool isInLesson() const;
    void startLesson();
    void leaveLesson();
    bool isPresenting() const { return m_presenting; }
    void setPresentation(bool on);

    // What would be saved now.
    Session currentSession() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void connectActions();
    void createWidgets();
    void restoreSettings(const CommandLineOptions& options);
    // A session from a file or the start: no undo history, unmodified
    // unless `asEdit` (a recovery: undoable, and unsaved).
    void applySession(const Session& session, bool asEdit);
    void updateTitle();
    void showOpenNotes(const QStringList& notes);

    void flushPendingEdits();
    void applyControls();
    void showConfig();
    void showResult();
    void showError(const QString& error);
    void reseed(bool weights, bool sameSeed = false);
    void loadArticle();
    void report(const QString& message, bool isError);
    void leaveModes();

    AttentionDocument* m_document = nullptr;
    ViewState* m_view = nullptr;
    FileDialogs* m_dialogs = nullptr;
    SessionFiles* m_files = nullptr;
    EmbeddingImportFlow* m_import = nullptr;
    ExportCommands* m_exports = nullptr;
    WindowActions m_actions;
    ControlPanel* m_controls = nullptr;
    QDockWidget* m_dock = nullptr;
    QStackedWidget* m_views = nullptr;
    FigureView* m_figure = nullptr;
    ExploreView* m_explore = nullptr;
    LessonView* m_lesson = nullptr;
    SentenceField* m_sentence = nullptr;
    ErrorBanner* m_errorBanner = nullptr;
    MessageBar* m_messageBar = nullptr;
    MessageBar* m_recoveryBar = nullptr;
    QLabel* m_summary = nullptr;
    BusyIndicator* m_busyIndicator = nullptr;
    QTimer* m_sentenceTimer = nullptr;
    bool m_lessonPending = false; // open the lesson once a result arrives

    QPointer<CompareSeedsDialog> m_compare;
    bool m_presenting = false;
    bool m_dockWasVisible = true;
};
