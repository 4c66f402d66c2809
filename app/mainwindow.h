#pragma once

#include "app/commandline.h"
#include "core/attention.h"
#include "ui/render/panelid.h"
#include "ui/widgets/exportdialogs.h"
#include "ui/widgets/filedialogs.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <string>
#include <vector>

struct FigureOptions;
struct Session;
namespace attn {
struct ImportedEmbeddings;
}
class AttentionDocument;
class CompareSeedsDialog;
class ControlPanel;
class EmbeddingImportJob;
class FigureView;
class LessonView;
class MessageBar;
class QAction;
class QCloseEvent;
class QDockWidget;
class QLabel;
class QLineEdit;
class AutosaveStore;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTimer;

// The window a teacher puts on a projector: the sentence on top, the settings
// beside, the figure (or the lesson's slides) filling the rest. It only
// wires: the document computes and keeps the undo history, the figure draws,
// the control panel edits. Edits never block typing: the sentence is applied
// after a short pause and the work runs off-thread; an import reads its file
// on a thread of its own.
//
// The window is the editor of one session file at a time: the title names it
// and shows "*" while the document differs from the file (the undo stack's
// clean state; head, colours and selection are view state and do not count).
// Unsaved work is never lost silently: closing, opening or replacing it asks
// first, and an autosave copy is written while it is unsaved and offered
// back after a crash.
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
    FigureView* figureView() const { return m_figure; }
    LessonView* lessonView() const { return m_lesson; }
    ControlPanel* controlPanel() const { return m_controls; }
    MessageBar* messageBar() const { return m_messageBar; }
    MessageBar* recoveryBar() const { return m_recoveryBar; }

    // The questions the window asks, replaceable so tests and scripted runs
    // never block on a modal dialog (ui/widgets/filedialogs.h).
    using Prompts = FileDialogs::Prompts;
    void setPrompts(const Prompts& prompts);

    using DataFormat = ExportDataDialog::Format;

    // What the File menu runs after its dialogs; false with *error set.
    bool exportFigureTo(const QString& path, const FigureOptions& options, QString* error) const;
    // `panel` matters for PanelCsv only (per-head panels: the head shown).
    bool exportDataTo(const QString& path, DataFormat format, attn::PanelId panel, QString* error) const;

    // The session file being edited; empty: untitled.
    QString currentFile() const { return m_currentFile; }
    bool isModified() const;
    // Opens without asking about unsaved changes (File > Open asks first);
    // on failure nothing changes.
    bool openSession(const QString& path, QString* error);
    // Save As without a dialog: writes, then edits that file from now on.
    bool saveSessionTo(const QString& path, QString* error);
    // File > Save / Save As / New, and the question before replacing unsaved
    // work; false when the user cancelled or saving failed.
    bool save();
    bool saveAs();
    // Saves to path (which becomes the current file); failures are shown.
    bool saveAndReport(const QString& path);
    void newSession();
    bool maybeSave();
    QStringList recentFiles() const;
    void openRecentFile(const QString& path);

    // The copy of unsaved work kept for a crash; see the class comment.
    static QString autosavePath();
    bool writeAutosave();
    void recoverAutosave();
    void discardAutosave();

    // A typed value in a cell of E, W_Q, W_K or W_V (what the figure's
    // cellEdited signal runs): literal from then on, undoable.
    void editCell(attn::PanelId panel, int row, int column, double value);

    // File > Import Embeddings after its dialog: reads in the background;
    // importFinished tells when it is over (also when cancelled or failed).
    void importEmbeddingsFrom(const QString& path);
    void cancelImport();
    bool isImporting() const;
    // The sentence's words the last import did not find.
    QStringList missingImportWords() const { return m_missingWords; }

    CompareSeedsDialog* showCompareSeeds();

    bool isInLesson() const;
    void startLesson();
    void leaveLesson();
    bool isPresenting() const { return m_presenting; }
    void setPresentation(bool on);

    // The figure options matching what is on screen (head, colour map, selection).
    FigureOptions currentFigureOptions() const;
    // What would be saved now.
    Session currentSession() const;

signals:
    void importFinished(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void restoreSettings(const CommandLineOptions& options);
    void saveSettings() const;
    // A session from a file or the start: no undo history, unmodified
    // unless `asEdit` (a recovery: undoable, and unsaved).
    void applySession(const Session& session, bool asEdit = false);
    void openSessionInteractively();
    // The file dialogs (or the test prompts). Opening starts in the folder
    // remembered under settingsKey; saving suggests `suggestion` and adds
    // `suffix` when the chosen name has none. Either remembers the chosen
    // file's folder (saves under the export key). Empty when cancelled.
    void setCurrentFile(const QString& path);
    void updateTitle();
    void fillRecentMenu();
    void offerRecovery();
    void removeAutosave();

    void flushPendingEdits();
    void applyControls();
    void editConfig(const attn::AttentionConfig& config, const QString& text);
    void showConfig();
    void showResult();
    void showError(const QString& error);
    void showBusy(bool busy);
    void showSelection();
    void reseedWeights();
    void reseedEmbeddings();
    void loadArticle();
    void importEmbeddingsInteractively();
    void showImportProgress(qint64 bytesRead, qint64 totalBytes);
    void finishImport(const attn::ImportedEmbeddings& result, const QString& error);
    void applyImport(const attn::ImportedEmbeddings& result, const QString& path);
    void exportFigureInteractively();
    void showOpenNotes(const QStringList& notes);
    void exportDataInteractively();
    void showAbout();
    void report(const QString& message, bool isError);
    void showFileMessage(const QString& message, bool isError);
    void leaveModes();

    AttentionDocument* m_document = nullptr;
    ControlPanel* m_controls = nullptr;
    QDockWidget* m_dock = nullptr;
    QStackedWidget* m_views = nullptr;
    FigureView* m_figure = nullptr;
    LessonView* m_lesson = nullptr;
    QLineEdit* m_sentence = nullptr;
    QLabel* m_errorBanner = nullptr;
    MessageBar* m_messageBar = nullptr;
    MessageBar* m_recoveryBar = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QWidget* m_busyIndicator = nullptr;
    QWidget* m_importProgress = nullptr;
    QProgressBar* m_importBar = nullptr;
    QLabel* m_importLabel = nullptr;
    QTimer* m_sentenceTimer = nullptr;
    QTimer* m_busyTimer = nullptr;
    QTimer* m_autosaveTimer = nullptr;
    QTimer* m_idleAutosaveTimer = nullptr;
    int m_pendingSelection = -1; // query token to select once its result arrives
    int m_pendingLessonStep = 0; // lesson step to open once a result arrives

    FileDialogs* m_files = nullptr;
    QString m_currentFile;
    std::unique_ptr<AutosaveStore> m_autosave;
    std::unique_ptr<EmbeddingImportJob> m_import;
    QStringList m_missingWords;
    QPointer<CompareSeedsDialog> m_compare;
    bool m_presenting = false;
    bool m_dockWasVisible = true;

    QAction* m_focusSentenceAction = nullptr;
    QAction* m_reseedWeightsAction = nullptr;
    QAction* m_reseedEmbeddingsAction = nullptr;
    QAction* m_loadArticleAction = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_openSessionAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_saveSessionAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportFigureAction = nullptr;
    QAction* m_exportDataAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_zoomFitAction = nullptr;
    QAction* m_settingsPanelAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QAction* m_compareSeedsAction = nullptr;
    QAction* m_lessonAction = nullptr;
    QAction* m_presentationAction = nullptr;
    QAction* m_leaveAction = nullptr;
    QAction* m_aboutAction = nullptr;
};
