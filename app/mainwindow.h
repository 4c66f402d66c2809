#pragma once

#include "app/commandline.h"
#include "ui/panelid.h"

#include <QMainWindow>
#include <QString>

struct FigureOptions;
struct Session;
class AttentionDocument;
class FigureView;
class ControlPanel;
class QAction;
class QCloseEvent;
class QDockWidget;
class QLabel;
class QLineEdit;
class QTimer;

// The window a teacher puts on a projector: the sentence on top, the settings
// beside, the figure filling the rest. It only wires: the document computes,
// the figure draws, the control panel edits. Edits never block typing: the
// sentence is applied after a short pause and the work runs off-thread.
//
// Every widget a test needs has an object name: "sentence", "controlPanel"
// (and its controls), "errorBanner", "figureView", "busyIndicator", and the
// actions "reseedWeightsAction", "reseedEmbeddingsAction", ...
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const CommandLineOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    AttentionDocument* document() const { return m_document; }
    FigureView* figureView() const { return m_figure; }
    ControlPanel* controlPanel() const { return m_controls; }

    enum class DataFormat { Json, NumpyScript, PanelCsv };

    // What the File menu runs after its dialogs; false with *error set.
    bool exportFigureTo(const QString& path, const FigureOptions& options, QString* error) const;
    // `panel` matters for PanelCsv only (per-head panels: the head shown).
    bool exportDataTo(const QString& path, DataFormat format, attn::PanelId panel, QString* error) const;

    // What File > Open Session / Save Session run after their dialogs.
    bool openSession(const QString& path, QString* error);
    bool saveSessionTo(const QString& path, QString* error) const;

    // The figure options matching what is on screen (head, colour map, selection).
    FigureOptions currentFigureOptions() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void restoreSettings(const CommandLineOptions& options);
    void saveSettings() const;
    Session currentSession() const;
    void applySession(const Session& session);
    void openSessionInteractively();
    void saveSessionInteractively();

    void applyControls();
    void setConfigFromWindow(const attn::AttentionConfig& config);
    void showResult();
    void showError(const QString& error);
    void showBusy(bool busy);
    void showSelection();
    void reseedWeights();
    void reseedEmbeddings();
    void loadArticle();
    void exportFigureInteractively();
    void exportDataInteractively();
    void showAbout();
    void report(const QString& message, bool isError);

    AttentionDocument* m_document = nullptr;
    ControlPanel* m_controls = nullptr;
    QDockWidget* m_dock = nullptr;
    FigureView* m_figure = nullptr;
    QLineEdit* m_sentence = nullptr;
    QLabel* m_errorBanner = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QWidget* m_busyIndicator = nullptr;
    QTimer* m_sentenceTimer = nullptr;
    QTimer* m_busyTimer = nullptr;
    int m_pendingSelection = -1; // query token to select once its result arrives

    QAction* m_focusSentenceAction = nullptr;
    QAction* m_reseedWeightsAction = nullptr;
    QAction* m_reseedEmbeddingsAction = nullptr;
    QAction* m_loadArticleAction = nullptr;
    QAction* m_openSessionAction = nullptr;
    QAction* m_saveSessionAction = nullptr;
    QAction* m_exportFigureAction = nullptr;
    QAction* m_exportDataAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_zoomFitAction = nullptr;
    QAction* m_settingsPanelAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QAction* m_aboutAction = nullptr;
};
