#include "app/mainwindow.h"

#include "core/configedits.h"
#include "core/exporters.h"
#include "core/tokenizer.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/autosavestore.h"
#include "ui/document/embeddingimportjob.h"
#include "ui/document/exportfiles.h"
#include "ui/document/presets.h"
#include "ui/document/recentfiles.h"
#include "ui/document/savefile.h"
#include "ui/document/session.h"
#include "ui/render/figureexport.h"
#include "ui/render/panelid.h"
#include "ui/widgets/compareseedsdialog.h"
#include "ui/widgets/controlpanel.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/lessonview.h"
#include "ui/widgets/messagebar.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace {

// Keystrokes closer together than this are one edit: the figure follows the
// typing without recomputing for every letter.
constexpr int kSentenceDelayMs = 120;
// Quick computations never flash a progress bar.
constexpr int kBusyDelayMs = 200;
constexpr int kStatusTimeoutMs = 8000;
// Unsaved work is copied at least this often, and soon after typing stops.
constexpr int kAutosaveIntervalMs = 60 * 1000;
constexpr int kAutosaveIdleMs = 5 * 1000;

const char* const kGeometryKey = "window/geometry";
const char* const kStateKey = "window/state";
const char* const kColorMapKey = "view/colormap";
const char* const kAllHeadsKey = "view/allHeads";
const char* const kSessionKey = "session/last";

std::int64_t randomSeed()
{
    return static_cast<std::int64_t>(QRandomGenerator::global()->generate());
}

CommandLineOptions plainOptions()
{
    return parseCommandLine({QStringLiteral("attention-visualizer")}).options;
}

// The options a plain start gets; anything else was asked for explicitly and
// wins over the remembered session.
bool isPlainStart(const CommandLineOptions& options)
{
    static const CommandLineOptions plain = plainOptions();
    const bool defaultConfig = options.config == plain.config || options.config == attn::AttentionConfig{};
    return defaultConfig && options.sessionFile.isEmpty() && options.colorMap.isEmpty() && options.head == 0 &&
           options.selectedToken < 0;
}

QString tokenText(const attn::AttentionResult& result, int index)
{
    if (index < 0 || index >= static_cast<int>(result.tokens.size()))
        return QString();
    return QString::fromStdString(result.tokens[static_cast<std::size_t>(index)]);
}

} // namespace

MainWindow::MainWindow(const CommandLineOptions& options, QWidget* parent)
    : QMainWindow(parent)
    , m_document(new AttentionDocument(this))
{
    m_files = new FileDialogs(this);
    setObjectName(QStringLiteral("mainWindow"));

    // Readable from the back of a lecture room: nothing smaller than 11 pt.
    QFont base = font();
    if (base.pointSizeF() > 0 && base.pointSizeF() < 11.0) {
        base.setPointSizeF(11.0);
        setFont(base);
    }

    createActions();
    createWidgets();
    createMenus();

    connect(m_document, &AttentionDocument::configChanged, this, &MainWindow::showConfig);
    connect(m_document, &AttentionDocument::resultChanged, this, &MainWindow::showResult);
    connect(m_document, &AttentionDocument::errorChanged, this, &MainWindow::showError);
    connect(m_document, &AttentionDocument::busyChanged, this, &MainWindow::showBusy);
    connect(m_document, &AttentionDocument::modifiedChanged, this, [this](bool modified) {
        updateTitle();
        if (!modified)
            removeAutosave(); // back to what is on disk: nothing to recover
    });

    m_autosave = std::make_unique<AutosaveStore>();
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(kAutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::writeAutosave);
    m_autosaveTimer->start();
    m_idleAutosaveTimer = new QTimer(this);
    m_idleAutosaveTimer->setSingleShot(true);
    m_idleAutosaveTimer->setInterval(kAutosaveIdleMs);
    connect(m_idleAutosaveTimer, &QTimer::timeout, this, &MainWindow::writeAutosave);

    restoreSettings(options);
    updateTitle();
    offerRecovery();
    m_sentence->setFocus();
}

MainWindow::~MainWindow()
{
    // The reader thread must stop before the window it reports to goes.
    m_import.reset();
    // QWidget's destructor hides and deletes the children after this object's
    // own members are gone; their signals (the dock's visibilityChanged, say)
    // must not reach the half-destroyed window.
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
}

void MainWindow::createActions()
{
    auto make = [this](const QString& objectName, const QString& text, const QKeySequence& shortcut,
                       const QString& toolTip) {
        auto* action = new QAction(text, this);
        action->setObjectName(objectName);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setToolTip(shortcut.isEmpty()
                               ? toolTip
                               : QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(toolTip);
        addAction(action); // shortcuts work even when the menu bar is hidden
        return action;
    };

    m_focusSentenceAction = make(QStringLiteral("focusSentenceAction"), tr("Edit &Sentence"),
                                 QKeySequence(Qt::CTRL | Qt::Key_L), tr("Put the cursor in the sentence field"));
    connect(m_focusSentenceAction, &QAction::triggered, this, [this] {
        m_sentence->setFocus(Qt::ShortcutFocusReason);
        m_sentence->selectAll();
    });
    m_reseedWeightsAction =
        make(QStringLiteral("reseedWeightsAction"), tr("Reseed &Weights"), QKeySequence(Qt::CTRL | Qt::Key_R),
             tr("Draw new weights W_Q, W_K, W_V from a random seed; the embeddings stay"));
    connect(m_reseedWeightsAction, &QAction::triggered, this, &MainWindow::reseedWeights);
    m_reseedEmbeddingsAction = make(QStringLiteral("reseedEmbeddingsAction"), tr("Reseed &Embeddings"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                    tr("Draw new word vectors from a random seed; the weights stay"));
    connect(m_reseedEmbeddingsAction, &QAction::triggered, this, &MainWindow::reseedEmbeddings);
    m_loadArticleAction = make(QStringLiteral("loadArticleAction"), tr("Load &Article Example"), QKeySequence(),
                               tr("The sentence, settings and embeddings of the article \"Unveiling the Power of "
                                  "Attention Mechanism Using Numpy\""));
    connect(m_loadArticleAction, &QAction::triggered, this, &MainWindow::loadArticle);

    m_newAction = make(QStringLiteral("newAction"), tr("&New Session"), QKeySequence::New,
                       tr("Start again from the article's example in an untitled session"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newSession);
    m_openSessionAction = make(QStringLiteral("openSessionAction"), tr("&Open Session…"), QKeySequence::Open,
                               tr("Reopen a saved session (.attn): settings, head, colours and selection"));
    connect(m_openSessionAction, &QAction::triggered, this, &MainWindow::openSessionInteractively);
    m_saveSessionAction = make(QStringLiteral("saveSessionAction"), tr("&Save Session"), QKeySequence::Save,
                               tr("Save the session to its file (.attn), asking for a name the first time"));
    connect(m_saveSessionAction, &QAction::triggered, this, &MainWindow::save);
    m_saveAsAction =
        make(QStringLiteral("saveAsAction"), tr("Save Session &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
             tr("Save the session under a new file name and keep editing that file"));
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    m_importAction = make(QStringLiteral("importAction"), tr("&Import Embeddings…"), QKeySequence(),
                          tr("Take the sentence's word vectors from a GloVe or word2vec text file"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importEmbeddingsInteractively);

    m_exportFigureAction = make(QStringLiteral("exportFigureAction"), tr("Export &Figure…"),
                                QKeySequence(Qt::CTRL | Qt::Key_E), tr("Save the figure as PNG, SVG or PDF"));
    connect(m_exportFigureAction, &QAction::triggered, this, &MainWindow::exportFigureInteractively);
    m_exportDataAction =
        make(QStringLiteral("exportDataAction"), tr("Export &Data…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
             tr("Save every number as JSON, or a NumPy script that recomputes them"));
    connect(m_exportDataAction, &QAction::triggered, this, &MainWindow::exportDataInteractively);
    m_quitAction =
        make(QStringLiteral("quitAction"), tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Close the window"));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    // Own actions rather than QUndoStack's: a sentence edit still waiting for
    // its pause is recorded first, so Ctrl+Z undoes what was just typed.
    QUndoStack* stack = m_document->undoStack();
    m_undoAction = make(QStringLiteral("undoAction"), tr("&Undo"), QKeySequence::Undo, tr("Undo the last change"));
    connect(m_undoAction, &QAction::triggered, this, [this, stack] {
        flushPendingEdits();
        stack->undo();
    });
    m_redoAction = make(QStringLiteral("redoAction"), tr("&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                        tr("Redo the change just undone"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(m_redoAction, &QAction::triggered, this, [this, stack] {
        flushPendingEdits();
        stack->redo();
    });
    const auto updateUndo = [this, stack] {
        m_undoAction->setEnabled(stack->canUndo() || m_sentenceTimer->isActive());
        m_undoAction->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
        m_redoAction->setEnabled(stack->canRedo());
        m_redoAction->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    };
    connect(stack, &QUndoStack::indexChanged, this, updateUndo);
    connect(stack, &QUndoStack::cleanChanged, this, updateUndo);
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);

    m_zoomInAction = make(QStringLiteral("zoomInAction"), tr("Zoom &In"), QKeySequence::ZoomIn, tr("Larger cells"));
    connect(m_zoomInAction, &QAction::triggered, this, [this] { m_figure->zoomIn(); });
    m_zoomOutAction =
        make(QStringLiteral("zoomOutAction"), tr("Zoom &Out"), QKeySequence::ZoomOut, tr("Smaller cells"));
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { m_figure->zoomOut(); });
    m_zoomFitAction = make(QStringLiteral("zoomFitAction"), tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0),
                           tr("Show the whole figure"));
    connect(m_zoomFitAction, &QAction::triggered, this, [this] { m_figure->zoomToFit(); });
    m_settingsPanelAction = make(QStringLiteral("settingsPanelAction"), tr("&Settings Panel"), QKeySequence(Qt::Key_F9),
                                 tr("Show or hide the settings; hidden, the figure gets the whole width "
                                    "(the seeds stay in the figure's title)"));
    m_settingsPanelAction->setCheckable(true);
    m_settingsPanelAction->setChecked(true);
    // F11 is presentation mode; plain full screen keeps the other common key.
    m_fullScreenAction = make(QStringLiteral("fullScreenAction"), tr("F&ull Screen"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), tr("Use the whole screen or projector"));
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });
    m_compareSeedsAction = make(QStringLiteral("compareSeedsAction"), tr("&Compare Seeds…"), QKeySequence(),
                                tr("The attention weights under this weight seed and another, side by side, "
                                   "with their difference"));
    connect(m_compareSeedsAction, &QAction::triggered, this, &MainWindow::showCompareSeeds);
    m_lessonAction = make(QStringLiteral("lessonAction"), tr("&Lesson"), QKeySequence(Qt::Key_F5),
                          tr("Step through the computation for one word in seven slides (Esc: back to the figure)"));
    m_lessonAction->setCheckable(true);
    connect(m_lessonAction, &QAction::triggered, this, [this](bool on) { on ? startLesson() : leaveLesson(); });
    m_presentationAction =
        make(QStringLiteral("presentationAction"), tr("&Presentation Mode"), QKeySequence(Qt::Key_F11),
             tr("Full screen, settings hidden, large high-contrast type for a projector (F11 or Esc leaves)"));
    m_presentationAction->setCheckable(true);
    connect(m_presentationAction, &QAction::triggered, this, &MainWindow::setPresentation);
    // Only enabled in a lesson or presentation, so Esc keeps its usual
    // meaning (closing popups, leaving a field) everywhere else.
    m_leaveAction = make(QStringLiteral("leaveAction"), tr("&Back to the Figure"), QKeySequence(Qt::Key_Escape),
                         tr("Leave presentation mode, then the lesson"));
    m_leaveAction->setEnabled(false);
    connect(m_leaveAction, &QAction::triggered, this, &MainWindow::leaveModes);

    m_aboutAction = make(QStringLiteral("aboutAction"), tr("&About Attention Visualizer"), QKeySequence(),
                         tr("What this program is"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openSessionAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu(); // so the menu is not disabled as empty before its first showing
    file->addAction(m_saveSessionAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_loadArticleAction);
    file->addAction(m_importAction);
    file->addSeparator();
    file->addAction(m_exportFigureAction);
    file->addAction(m_exportDataAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_focusSentenceAction);
    edit->addSeparator();
    edit->addAction(m_reseedWeightsAction);
    edit->addAction(m_reseedEmbeddingsAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_zoomFitAction);
    view->addSeparator();
    view->addAction(m_compareSeedsAction);
    view->addAction(m_lessonAction);
    view->addSeparator();
    view->addAction(m_settingsPanelAction);
    view->addAction(m_fullScreenAction);
    view->addAction(m_presentationAction);
    view->addAction(m_leaveAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}
void MainWindow::createWidgets()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->setSpacing(6);

    auto* sentenceRow = new QHBoxLayout;
    sentenceRow->setSpacing(10);
    auto* sentenceLabel = new QLabel(tr("Sentence"), central);
    QFont labelFont = sentenceLabel->font();
    labelFont.setBold(true);
    labelFont.setPointSizeF(labelFont.pointSizeF() * 1.3);
    sentenceLabel->setFont(labelFont);
    m_sentence = new QLineEdit(central);
    m_sentence->setObjectName(QStringLiteral("sentence"));
    m_sentence->setPlaceholderText(tr("Type a sentence, e.g. i miss the old kanye"));
    m_sentence->setToolTip(tr("The words to attend over, split at spaces (%1). The figure follows as you type.")
                               .arg(m_focusSentenceAction->shortcut().toString(QKeySequence::NativeText)));
    m_sentence->setClearButtonEnabled(true);
    QFont sentenceFont = m_sentence->font();
    sentenceFont.setPointSizeF(sentenceFont.pointSizeF() * 1.5);
    m_sentence->setFont(sentenceFont);
    m_sentence->setMaxLength(200000);
    m_sentence->installEventFilter(this);
    sentenceLabel->setBuddy(m_sentence);
    sentenceRow->addWidget(sentenceLabel);
    sentenceRow->addWidget(m_sentence, 1);
    layout->addLayout(sentenceRow);

    m_errorBanner = new QLabel(this);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorBanner->setWordWrap(true);
    m_errorBanner->setTextFormat(Qt::PlainText);
    m_errorBanner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #7a1010; border: 1px solid "
                                                "#e0a0a0; border-left: 5px solid #c62828; border-radius: 3px; "
                                                "padding: 5px 8px; }"));
    // Wrapped to the panel's width; its own width hint would widen the panel.
    m_errorBanner->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_errorBanner->hide();

    // Above the figure, so they stay visible with the settings panel hidden.
    m_recoveryBar = new MessageBar(central);
    m_recoveryBar->setObjectName(QStringLiteral("recoveryBar"));
    m_recoveryBar->setClosable(false);
    layout->addWidget(m_recoveryBar);
    m_messageBar = new MessageBar(central);
    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    layout->addWidget(m_messageBar);

    m_views = new QStackedWidget(central);
    m_views->setObjectName(QStringLiteral("views"));
    m_figure = new FigureView(m_views);
    m_figure->setFileDialogs(m_files);
    m_figure->setObjectName(QStringLiteral("figureView"));
    m_figure->setFrameShape(QFrame::NoFrame);
    m_views->addWidget(m_figure);
    m_lesson = new LessonView(m_views);
    m_lesson->setObjectName(QStringLiteral("lessonView"));
    m_views->addWidget(m_lesson);
    m_views->setCurrentWidget(m_figure);
    layout->addWidget(m_views, 1);
    setCentralWidget(central);

    // Parented at once so every control is measured with the window's font.
    m_controls = new ControlPanel(m_reseedWeightsAction, m_reseedEmbeddingsAction, m_loadArticleAction, this);
    // Errors show under the controls that cause them, not above the figure:
    // the figure keeps its size and place while the user types.
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(0);
    sideLayout->addWidget(m_controls);
    auto* bannerLayout = new QVBoxLayout;
    bannerLayout->setContentsMargins(8, 8, 8, 8);
    bannerLayout->addWidget(m_errorBanner);
    sideLayout->addLayout(bannerLayout);
    sideLayout->addStretch(1);
    auto* dock = m_dock = new QDockWidget(tr("Settings"), this);
    dock->setObjectName(QStringLiteral("settingsDock"));
    // The seeds must stay visible: the panel cannot close (nor float away
    // behind a projector's window). No scroll area: the panel is shorter than
    // a 720-line screen, and its own minimum size then sizes the dock exactly.
    dock->setFeatures(QDockWidget::NoDockWidgetFeatures);
    dock->setTitleBarWidget(new QWidget(dock));
    dock->setWidget(side);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_settingsPanelAction, &QAction::toggled, dock, &QWidget::setVisible);
    connect(dock, &QDockWidget::visibilityChanged, this, [this, dock] {
        const QSignalBlocker blocker(m_settingsPanelAction);
        m_settingsPanelAction->setChecked(dock->isVisibleTo(this));
    });

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    // An indeterminate bar shows no text of its own, hence the label.
    m_busyIndicator = new QWidget(this);
    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setToolTip(tr("Computing the new settings; the figure shows the previous ones meanwhile."));
    auto* busyLayout = new QHBoxLayout(m_busyIndicator);
    busyLayout->setContentsMargins(0, 0, 16, 0);
    busyLayout->setSpacing(6);
    m_busyIndicator->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    busyLayout->addWidget(new QLabel(tr("Computing…"), m_busyIndicator));
    auto* busyBar = new QProgressBar(m_busyIndicator);
    busyBar->setRange(0, 0);
    busyBar->setTextVisible(false);
    busyBar->setFixedWidth(120);
    busyLayout->addWidget(busyBar);
    m_busyIndicator->hide();
    statusBar()->addPermanentWidget(m_busyIndicator);

    // Non-modal: the window stays usable while a large file streams in.
    m_importProgress = new QWidget(this);
    m_importProgress->setObjectName(QStringLiteral("importProgress"));
    auto* importLayout = new QHBoxLayout(m_importProgress);
    importLayout->setContentsMargins(0, 0, 16, 0);
    importLayout->setSpacing(6);
    m_importLabel = new QLabel(m_importProgress);
    importLayout->addWidget(m_importLabel);
    m_importBar = new QProgressBar(m_importProgress);
    m_importBar->setObjectName(QStringLiteral("importBar"));
    m_importBar->setRange(0, 1000);
    m_importBar->setTextVisible(false);
    m_importBar->setFixedWidth(160);
    importLayout->addWidget(m_importBar);
    auto* cancelImportButton = new QToolButton(m_importProgress);
    cancelImportButton->setObjectName(QStringLiteral("cancelImportButton"));
    cancelImportButton->setText(tr("Cancel"));
    cancelImportButton->setToolTip(tr("Stop reading the file; nothing changes"));
    connect(cancelImportButton, &QToolButton::clicked, this, &MainWindow::cancelImport);
    importLayout->addWidget(cancelImportButton);
    m_importProgress->hide();
    statusBar()->addPermanentWidget(m_importProgress);
    statusBar()->addPermanentWidget(m_summary);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setContentsMargins(16, 0, 4, 0);
    m_zoomLabel->setToolTip(tr("Figure zoom: Ctrl+wheel or View menu; Ctrl+0 fits the window again."));
    statusBar()->addPermanentWidget(m_zoomLabel);
    const auto showZoom = [this] {
        m_zoomLabel->setText(m_figure->isZoomToFit() ? tr("Zoom: fit, %1 %").arg(qRound(m_figure->zoom() * 100))
                                                     : tr("Zoom: %1 %").arg(qRound(m_figure->zoom() * 100)));
    };
    connect(m_figure, &FigureView::zoomChanged, this, showZoom);
    showZoom();

    m_sentenceTimer = new QTimer(this);
    m_sentenceTimer->setSingleShot(true);
    m_sentenceTimer->setInterval(kSentenceDelayMs);
    connect(m_sentenceTimer, &QTimer::timeout, this, &MainWindow::applyControls);
    connect(m_sentence, &QLineEdit::textEdited, this, [this] {
        m_sentenceTimer->start();
        m_undoAction->setEnabled(true); // Ctrl+Z undoes the typing not yet recorded too
    });

    m_busyTimer = new QTimer(this);
    m_busyTimer->setSingleShot(true);
    m_busyTimer->setInterval(kBusyDelayMs);
    connect(m_busyTimer, &QTimer::timeout, this, [this] { m_busyIndicator->setVisible(m_document->isBusy()); });

    connect(m_controls, &ControlPanel::configEdited, this, &MainWindow::applyControls);
    connect(m_controls, &ControlPanel::headChanged, this, [this](int head) {
        m_figure->setHead(head);
        m_lesson->setHead(head);
        if (m_compare)
            m_compare->setHead(head);
    });
    connect(m_controls, &ControlPanel::allHeadsChanged, m_figure, &FigureView::setAllHeads);
    connect(m_controls, &ControlPanel::colorMapChanged, this, [this](const QString& name) {
        m_figure->setColorMap(name);
        m_lesson->setColorMap(name);
        if (m_compare)
            m_compare->setColorMap(name);
    });
    connect(m_figure, &FigureView::selectionChanged, this, &MainWindow::showSelection);
    // The lesson follows the word selected in the figure, and the other way round.
    connect(m_figure, &FigureView::selectionChanged, this, [this] {
        if (const auto query = m_figure->selectedQuery(); query && *query != m_lesson->queryToken())
            m_lesson->setQueryToken(*query);
    });
    connect(m_lesson, &LessonView::queryTokenChanged, this, [this](int token) {
        if (isInLesson() && m_figure->selectedQuery() != token)
            m_figure->setSelection(token, std::nullopt);
    });
    connect(m_lesson, &LessonView::exitRequested, this, &MainWindow::leaveLesson);
    connect(m_figure, &FigureView::cellEdited, this, &MainWindow::editCell);
    connect(m_figure, &FigureView::exportFinished, this,
            [this](const QString& message, bool ok) { report(message, !ok); });
}

void MainWindow::restoreSettings(const CommandLineOptions& options)
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (settings.value(kGeometryKey).isNull())
        resize(1280, 720);

    // The command line has already read a SESSION argument into the options.
    Session session = sessionFromOptions(options);
    if (isPlainStart(options)) {
        QString ignored;
        if (const auto saved = sessionFromJson(settings.value(kSessionKey).toByteArray(), QString(), &ignored))
            session = *saved;
        m_controls->setAllHeads(settings.value(kAllHeadsKey, false).toBool());
    }
    if (session.colorMap.isEmpty())
        session.colorMap = settings.value(kColorMapKey, QStringLiteral("viridis")).toString();
    applySession(session);
    if (!options.sessionFile.isEmpty()) {
        setCurrentFile(QFileInfo(options.sessionFile).absoluteFilePath());
        RecentFiles::add(m_currentFile);
    }
    showOpenNotes(options.notes);
}

void MainWindow::showOpenNotes(const QStringList& notes)
{
    // What a session asked for that no longer fits was reset, not refused;
    // the user is told what, and the file opens all the same.
    if (notes.isEmpty())
        m_messageBar->dismiss();
    else
        m_messageBar->showMessage(MessageBar::Kind::Warning, tr("Opened with adjustments: %1").arg(notes.join(' ')));
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kColorMapKey, m_controls->colorMap());
    settings.setValue(kAllHeadsKey, m_controls->allHeads());
    Session session = currentSession();
    session.lessonStep = 0; // a plain start opens on the figure
    settings.setValue(kSessionKey, sessionToJson(session));
}

Session MainWindow::currentSession() const
{
    Session session;
    // An invalid request (say 4 heads of d_model 6) is not worth reopening:
    // the last settings that computed are.
    session.config = m_document->errorText().isEmpty() ? m_document->config() : m_document->resultConfig();
    session.head = std::clamp(m_controls->head(), 0, std::max(0, session.config.heads - 1));
    session.colorMap = m_controls->colorMap();
    session.selectedToken = m_figure->selectedQuery().value_or(-1);
    session.lessonStep = isInLesson() ? m_lesson->step() : 0;
    return session;
}

void MainWindow::applySession(const Session& session, bool asEdit)
{
    m_controls->setColorMap(session.colorMap);
    m_figure->setColorMap(m_controls->colorMap());
    m_lesson->setColorMap(m_controls->colorMap());
    m_figure->setAllHeads(m_controls->allHeads());
    m_pendingSelection = session.selectedToken;
    m_pendingLessonStep = session.lessonStep;
    if (session.lessonStep == 0 && isInLesson())
        leaveLesson();
    m_sentenceTimer->stop();
    if (asEdit)
        m_document->edit(session.config, tr("Recover Unsaved Changes"));
    else
        m_document->reset(session.config);
    showConfig(); // also when the configuration is the one already shown
    m_controls->setHeadCount(session.config.heads);
    m_controls->setHead(session.head);
    m_figure->setHead(m_controls->head());
    m_lesson->setHead(m_controls->head());
    if (!m_document->isBusy() && m_document->result())
        showResult(); // nothing to compute: apply the selection and lesson now
}

void MainWindow::setPrompts(const Prompts& prompts)
{
    m_files->setPrompts(prompts);
}

bool MainWindow::isModified() const
{
    return m_document->isModified();
}

bool MainWindow::openSession(const QString& path, QString* error)
{
    QStringList notes;
    const auto session = loadSession(path, error, &notes);
    if (!session)
        return false;
    applySession(*session);
    setCurrentFile(QFileInfo(path).absoluteFilePath());
    RecentFiles::add(m_currentFile);
    showOpenNotes(notes);
    return true;
}

bool MainWindow::saveSessionTo(const QString& path, QString* error)
{
    flushPendingEdits();
    if (!saveSession(path, currentSession(), error))
        return false;
    setCurrentFile(QFileInfo(path).absoluteFilePath());
    RecentFiles::add(m_currentFile);
    m_document->markSaved();
    removeAutosave();
    return true;
}

bool MainWindow::save()
{
    if (m_currentFile.isEmpty())
        return saveAs();
    return saveAndReport(m_currentFile);
}

bool MainWindow::saveAndReport(const QString& path)
{
    QString error;
    if (!saveSessionTo(path, &error)) {
        showFileMessage(error, true);
        return false;
    }
    statusBar()->showMessage(tr("Saved the session to %1.").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
    return true;
}

bool MainWindow::saveAs()
{
    const QString suggestion = m_currentFile.isEmpty()
                                   ? FileDialogs::suggestExportPath(QStringLiteral("attention.attn"))
                                   : QFileInfo(m_currentFile).absoluteFilePath();
    const QString path =
        m_files->askSavePath(tr("Save Session"), suggestion, tr("Attention sessions (*.attn)"), QStringLiteral("attn"));
    return !path.isEmpty() && saveAndReport(path);
}

void MainWindow::newSession()
{
    if (!maybeSave())
        return;
    Session session;
    session.config = plainOptions().config;
    session.colorMap = m_controls->colorMap();
    applySession(session);
    setCurrentFile(QString());
    m_messageBar->dismiss();
}

bool MainWindow::maybeSave()
{
    flushPendingEdits();
    if (!isModified())
        return true;
    const QString name = m_currentFile.isEmpty() ? tr("the untitled session")
                                                 : QStringLiteral("\"%1\"").arg(QFileInfo(m_currentFile).fileName());
    const QString question = tr("Save the changes to %1 first?").arg(name);
    const QMessageBox::StandardButton answer = m_files->askToSave(question);
    switch (answer) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::openSessionInteractively()
{
    if (!maybeSave())
        return;
    const QString path = m_files->askOpenPath(tr("Open Session"), FileDialogs::sessionFolderKey,
                                              tr("Attention sessions (*.attn);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (openSession(path, &error))
        statusBar()->showMessage(tr("Opened %1.").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
    else
        showFileMessage(error, true);
}

void MainWindow::openRecentFile(const QString& path)
{
    if (!QFileInfo::exists(path)) {
        RecentFiles::remove(path);
        showFileMessage(
            tr("\"%1\" no longer exists, so it was removed from Open Recent.").arg(QDir::toNativeSeparators(path)),
            true);
        return;
    }
    if (!maybeSave())
        return;
    QString error;
    if (openSession(path, &error))
        statusBar()->showMessage(tr("Opened %1.").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
    else
        showFileMessage(error, true);
}

QStringList MainWindow::recentFiles() const
{
    return RecentFiles::files();
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentFiles::files();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files.at(i);
        QAction* action = m_recentMenu->addAction(
            QStringLiteral("&%1  %2").arg(i + 1).arg(QFileInfo(path).fileName().replace('&', QStringLiteral("&&"))));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openRecentFile(path); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No Recent Sessions"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, this, [] { RecentFiles::clear(); });
}

void MainWindow::setCurrentFile(const QString& path)
{
    m_currentFile = path;
    updateTitle();
}

void MainWindow::updateTitle()
{
    // The platform appends the application's display name.
    const QString name = m_currentFile.isEmpty() ? tr("Untitled") : QFileInfo(m_currentFile).fileName();
    setWindowTitle(name + QStringLiteral("[*]"));
    setWindowFilePath(m_currentFile);
    setWindowModified(isModified());
}

QString MainWindow::autosavePath()
{
    return AutosaveStore::path();
}

bool MainWindow::writeAutosave()
{
    if (!m_autosave->canWrite() || !isModified())
        return false;
    flushPendingEdits();
    QString error;
    if (!m_autosave->write(currentSession(), m_currentFile, &error)) {
        statusBar()->showMessage(tr("Could not keep a copy of the unsaved changes: %1").arg(error), kStatusTimeoutMs);
        return false;
    }
    return true;
}

void MainWindow::removeAutosave()
{
    m_autosave->remove();
}

void MainWindow::offerRecovery()
{
    if (!m_autosave->recoveryPending())
        return;
    const QString of = m_autosave->pendingOf();
    const QString when = QLocale().toString(m_autosave->pendingSavedAt(), QLocale::ShortFormat);
    m_recoveryBar->showMessage(
        MessageBar::Kind::Warning,
        of.isEmpty() ? tr("Attention Visualizer did not close properly. Unsaved changes were kept (%1).").arg(when)
                     : tr("Attention Visualizer did not close properly. Unsaved changes to \"%1\" were kept (%2).")
                           .arg(QFileInfo(of).fileName(), when));
    connect(m_recoveryBar->addButton(tr("Recover"), QStringLiteral("recoverButton")), &QPushButton::clicked, this,
            &MainWindow::recoverAutosave);
    connect(m_recoveryBar->addButton(tr("Discard"), QStringLiteral("discardRecoveryButton")), &QPushButton::clicked,
            this, &MainWindow::discardAutosave);
}

void MainWindow::recoverAutosave()
{
    if (!m_autosave->recoveryPending())
        return;
    const QString of = m_autosave->pendingOf();
    m_recoveryBar->hide();
    QString error;
    const auto session = m_autosave->recover(&error);
    if (!session) {
        showFileMessage(tr("The unsaved changes could not be recovered. %1").arg(error), true);
        return;
    }
    applySession(*session, true);
    setCurrentFile(QFileInfo::exists(of) ? of : QString());
    writeAutosave(); // the copy now belongs to this window
    statusBar()->showMessage(tr("Recovered the unsaved changes; save them to keep them."), kStatusTimeoutMs);
}

void MainWindow::discardAutosave()
{
    if (!m_autosave->recoveryPending())
        return;
    m_recoveryBar->hide();
    m_autosave->discard();
    writeAutosave(); // any work done meanwhile
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    cancelImport();
    saveSettings();
    removeAutosave(); // a clean exit: nothing to recover
    m_autosaveTimer->stop();
    m_idleAutosaveTimer->stop();
    m_autosave->release(); // nor anything more to autosave from this window
    if (m_compare)
        m_compare->close();
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // Depending on the platform's key bindings a line edit may claim Ctrl
    // keys for itself (emacs-style Ctrl+E, Ctrl+K); the window's own
    // shortcuts must work while the cursor is in the sentence.
    if (watched == m_sentence && event->type() == QEvent::ShortcutOverride) {
        const QKeySequence pressed(static_cast<QKeyEvent*>(event)->keyCombination());
        for (const QAction* action : actions()) {
            if (action->shortcuts().contains(pressed)) {
                event->ignore();
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

// A sentence edit still waiting for its pause is recorded now, so whatever
// comes next (undo, save, reseed, import) sees it and follows it.
void MainWindow::flushPendingEdits()
{
    if (m_sentenceTimer->isActive())
        applyControls();
}

void MainWindow::applyControls()
{
    m_sentenceTimer->stop();
    attn::AttentionConfig config = m_controls->applyTo(m_document->config());
    config.sentence = m_sentence->text().toStdString();
    m_document->edit(config);
}

// A change that comes from outside the controls (reseed, preset, import,
// cell edit): recorded under its own name; the controls follow through
// showConfig().
void MainWindow::editConfig(const attn::AttentionConfig& config, const QString& text)
{
    m_document->edit(config, text);
}

// The document's configuration changed (an edit, undo, redo, open): the
// controls and the sentence show it. Controls that already show it are left
// alone, so a spin box being typed in keeps its cursor.
void MainWindow::showConfig()
{
    const attn::AttentionConfig& config = m_document->config();
    if (m_controls->applyTo(config) != config)
        m_controls->showConfig(config);
    const QString sentence = QString::fromStdString(config.sentence);
    if (m_sentence->text() != sentence) {
        m_sentenceTimer->stop();
        const int cursor = m_sentence->cursorPosition();
        m_sentence->setText(sentence);
        m_sentence->setCursorPosition(std::min(cursor, static_cast<int>(sentence.size())));
    }
    m_idleAutosaveTimer->start();
}

void MainWindow::showResult()
{
    const auto result = m_document->result();
    if (!result)
        return;
    const attn::AttentionConfig& config = m_document->resultConfig();
    const int heads = result->headCount();
    const int tokens = static_cast<int>(result->tokens.size());
    m_controls->setHeadCount(heads);
    m_figure->setData(config, result);
    m_figure->setHead(m_controls->head());
    if (m_pendingSelection >= 0 && m_pendingSelection < tokens)
        m_figure->setSelection(m_pendingSelection, std::nullopt);
    m_pendingSelection = -1;
    if (m_figure->selectedQuery().value_or(0) >= tokens || m_figure->selectedKey().value_or(0) >= tokens)
        m_figure->clearSelection();
    m_lesson->setData(config, result);
    m_lesson->setHead(m_controls->head());
    if (m_pendingLessonStep > 0) {
        m_lesson->setStep(m_pendingLessonStep);
        m_pendingLessonStep = 0;
        startLesson();
    }

    m_summary->setText((tokens == 1 ? tr("1 word") : tr("%1 words").arg(tokens)) +
                       tr(" · d_model %1 · ").arg(config.dModel) +
                       (heads == 1 ? tr("1 head") : tr("%1 heads").arg(heads)) +
                       tr(" · d_k %1 · seeds: weights %2, embeddings %3")
                           .arg(result->layer(0).dK)
                           .arg(config.weightSeed)
                           .arg(config.embeddingSeed));
}

void MainWindow::showError(const QString& error)
{
    using Kind = attn::AttentionError::Kind;
    const auto kind = m_document->errorKind();
    m_controls->markError(kind);
    QPalette palette = m_sentence->parentWidget()->palette();
    if (kind == Kind::NoTokens || kind == Kind::TooManyTokens) {
        palette.setColor(QPalette::Base, QColor(0xff, 0xe4, 0xe1));
        palette.setColor(QPalette::Text, QColor(0x8b, 0x00, 0x00));
    }
    m_sentence->setPalette(palette);

    if (error.isEmpty()) {
        if (!m_dock->isVisibleTo(this) && !m_errorBanner->text().isEmpty())
            statusBar()->clearMessage();
        m_errorBanner->hide();
        m_errorBanner->clear();
        return;
    }
    const QString kept = m_document->result() ? tr("\n\nThe figure still shows the last valid settings.") : QString();
    m_errorBanner->setText(QStringLiteral("⚠  ") + error + kept);
    m_errorBanner->show();
    if (!m_dock->isVisibleTo(this))
        statusBar()->showMessage(error); // the banner is in the hidden panel
}

void MainWindow::showBusy(bool busy)
{
    if (busy) {
        m_busyTimer->start();
    } else {
        m_busyTimer->stop();
        m_busyIndicator->hide();
    }
}

void MainWindow::showSelection()
{
    const auto result = m_document->result();
    const auto query = m_figure->selectedQuery();
    if (!result || !query) {
        statusBar()->clearMessage();
        return;
    }
    const int head = std::clamp(m_controls->head(), 0, result->headCount() - 1);
    const auto key = m_figure->selectedKey();
    if (!key || *key >= static_cast<int>(result->tokens.size())) {
        statusBar()->showMessage(tr("Query \"%1\" (row %2)").arg(tokenText(*result, *query)).arg(*query));
        return;
    }
    const attn::HeadResult& h = result->layer(0).heads[static_cast<std::size_t>(head)];
    statusBar()->showMessage(tr("\"%1\" attends to \"%2\" with weight %3 (score %4)")
                                 .arg(tokenText(*result, *query), tokenText(*result, *key))
                                 .arg(h.weights(*query, *key), 0, 'f', 3)
                                 .arg(h.scores(*query, *key), 0, 'g', 4));
}

void MainWindow::reseedWeights()
{
    flushPendingEdits();
    const attn::AttentionConfig config = attn::withWeightsReseeded(m_document->config(), randomSeed());
    editConfig(config, tr("Reseed Weights"));
    statusBar()->showMessage(tr("New weights from seed %1; the embeddings stayed.").arg(config.weightSeed),
                             kStatusTimeoutMs);
}

void MainWindow::reseedEmbeddings()
{
    flushPendingEdits();
    const attn::AttentionConfig config = attn::withEmbeddingsReseeded(m_document->config(), randomSeed());
    m_missingWords.clear();
    editConfig(config, tr("Reseed Embeddings"));
    statusBar()->showMessage(tr("New embeddings from seed %1; the weights stayed.").arg(config.embeddingSeed),
                             kStatusTimeoutMs);
}

void MainWindow::loadArticle()
{
    // Undoable, but it replaces everything on screen: unsaved work is offered
    // a save first, as before opening a file.
    if (!maybeSave())
        return;
    QString error;
    const auto config = loadPreset(QStringLiteral("article"), &error);
    if (!config) {
        report(error, true);
        return;
    }
    m_missingWords.clear();
    editConfig(*config, tr("Load Article Example"));
    m_controls->setHead(0);
    statusBar()->showMessage(tr("Loaded the article's example."), kStatusTimeoutMs);
}

void MainWindow::editCell(attn::PanelId panel, int row, int column, double value)
{
    flushPendingEdits();
    const auto result = m_document->result();
    if (!result)
        return;
    if (!attn::panelInfo(panel).editable) {
        statusBar()->showMessage(tr("Only the cells of E, W_Q, W_K and W_V can be edited; the others are computed."),
                                 kStatusTimeoutMs);
        return;
    }
    // The edit is to the numbers on screen (see attn::withCellEdited).
    const auto edit =
        attn::withCellEdited(m_document->config(), m_document->resultConfig(), *result, panel, row, column, value);
    if (!edit)
        return;
    const QString text = edit->word.empty()
                             ? tr("Edit %1[%2, %3]").arg(attn::panelTitle(panel)).arg(row).arg(column)
                             : tr("Edit E[\"%1\", %2]").arg(QString::fromStdString(edit->word)).arg(column);
    editConfig(edit->config, text);
}

bool MainWindow::isImporting() const
{
    return m_import != nullptr;
}

void MainWindow::importEmbeddingsInteractively()
{
    const QString path = m_files->askOpenPath(tr("Import Embeddings"), FileDialogs::importFolderKey,
                                              tr("Word vectors, GloVe or word2vec text (*.txt *.vec);;All files (*)"));
    if (!path.isEmpty())
        importEmbeddingsFrom(path);
}

void MainWindow::importEmbeddingsFrom(const QString& path)
{
    if (m_import) {
        statusBar()->showMessage(tr("An import is already running."), kStatusTimeoutMs);
        return;
    }
    flushPendingEdits();
    const std::vector<std::string> words =
        attn::buildVocabulary(attn::splitTokens(m_document->config().sentence)).words;
    if (words.empty()) {
        showFileMessage(tr("Type a sentence first: the import looks up its words."), true);
        emit importFinished(false);
        return;
    }
    m_import = std::make_unique<EmbeddingImportJob>(path, words);
    connect(m_import.get(), &EmbeddingImportJob::progress, this, &MainWindow::showImportProgress);
    connect(m_import.get(), &EmbeddingImportJob::finished, this, &MainWindow::finishImport);
    m_importLabel->setText(tr("Importing %1…").arg(QFileInfo(path).fileName()));
    m_importBar->setValue(0);
    m_importProgress->show();
    m_importAction->setEnabled(false);
    m_import->start();
}

void MainWindow::cancelImport()
{
    if (m_import)
        m_import->cancel();
}

void MainWindow::showImportProgress(qint64 bytesRead, qint64 totalBytes)
{
    if (totalBytes > 0)
        m_importBar->setValue(static_cast<int>(std::min<qint64>(1000, bytesRead * 1000 / totalBytes)));
}

void MainWindow::finishImport(const attn::ImportedEmbeddings& result, const QString& error)
{
    // Called from the job's own signal: it goes once control is back.
    EmbeddingImportJob* job = m_import.release();
    job->deleteLater();
    m_importProgress->hide();
    m_importAction->setEnabled(true);
    const QString path = job->path();

    if (!error.isEmpty()) {
        showFileMessage(error, true);
        emit importFinished(false);
        return;
    }
    if (result.cancelled) {
        statusBar()->showMessage(tr("Import cancelled; nothing changed."), kStatusTimeoutMs);
        emit importFinished(false);
        return;
    }

    // The vectors were looked up for the words the sentence had when the
    // import started. When the sentence has gained words since, applying them
    // silently would leave those words random: the user decides.
    flushPendingEdits();
    const std::vector<std::string> words =
        attn::buildVocabulary(attn::splitTokens(m_document->config().sentence)).words;
    const std::set<std::string> lookedUp(job->wanted().begin(), job->wanted().end());
    QStringList notLookedUp;
    for (const std::string& word : words)
        if (!lookedUp.count(word))
            notLookedUp << QStringLiteral("\"%1\"").arg(QString::fromStdString(word));
    if (!notLookedUp.isEmpty()) {
        constexpr int kListed = 10;
        const int more = static_cast<int>(notLookedUp.size()) - kListed;
        notLookedUp = notLookedUp.mid(0, kListed);
        if (more > 0)
            notLookedUp << tr("and %1 more").arg(more);
        m_messageBar->showMessage(
            MessageBar::Kind::Warning,
            tr("The sentence changed while %1 was being read: %2 were not looked up. Nothing changed yet.")
                .arg(QFileInfo(path).fileName(), notLookedUp.join(QStringLiteral(", "))));
        connect(m_messageBar->addButton(tr("Import Again"), QStringLiteral("importAgainButton")), &QPushButton::clicked,
                this, [this, path] { importEmbeddingsFrom(path); });
        connect(m_messageBar->addButton(tr("Apply Anyway"), QStringLiteral("applyImportButton")), &QPushButton::clicked,
                this, [this, result, path] { applyImport(result, path); });
        emit importFinished(false);
        return;
    }
    applyImport(result, path);
    emit importFinished(true);
}

void MainWindow::applyImport(const attn::ImportedEmbeddings& result, const QString& path)
{
    flushPendingEdits();
    const int oldHeads = m_document->config().heads;
    const attn::ImportApplied applied =
        attn::withImportedEmbeddings(m_document->config(), result.dimension, result.vectors);
    const attn::AttentionConfig& config = applied.config;
    editConfig(config, tr("Import Embeddings"));

    // The sentence's words the file did not give, in the sentence's order.
    const std::vector<std::string> words = attn::buildVocabulary(attn::splitTokens(config.sentence)).words;
    m_missingWords.clear();
    for (const std::string& word : words)
        if (!result.vectors.count(word))
            m_missingWords << QString::fromStdString(word);
    const int wanted = static_cast<int>(words.size());
    const int found = wanted - static_cast<int>(m_missingWords.size());
    QString text = tr("Imported %1 of %2 words from %3; d_model is now %4.")
                       .arg(found)
                       .arg(wanted)
                       .arg(QFileInfo(path).fileName())
                       .arg(result.dimension);
    if (applied.headsReset)
        text += tr(" Heads set to 1: %1 heads do not divide %2.").arg(oldHeads).arg(config.dModel);
    if (!m_missingWords.isEmpty()) {
        constexpr int kListed = 30;
        QStringList listed = m_missingWords.mid(0, kListed);
        for (QString& word : listed)
            word = QStringLiteral("\"%1\"").arg(word);
        if (m_missingWords.size() > kListed)
            listed << tr("and %1 more").arg(m_missingWords.size() - kListed);
        text += tr(" Not in the file, so still random (embedding seed): %1.").arg(listed.join(QStringLiteral(", ")));
    }
    if (result.malformedLines > 0) {
        if (result.malformedLines == 1)
            text += tr(" Skipped 1 malformed line (line %1)").arg(result.firstMalformedLine);
        else
            text += tr(" Skipped %1 malformed lines; the first is line %2")
                        .arg(result.malformedLines)
                        .arg(result.firstMalformedLine);
        // Saying what a good line is lets the user find the bad ones.
        text += tr(": each line should be a word and %1 numbers.").arg(result.dimension);
        if (result.overlongLines > 0)
            text += tr(" %1 of them longer than %2 MiB.")
                        .arg(result.overlongLines)
                        .arg(attn::ImportLimits::maxLineBytes >> 20);
    }
    m_messageBar->showMessage(m_missingWords.isEmpty() && result.malformedLines == 0 ? MessageBar::Kind::Info
                                                                                     : MessageBar::Kind::Warning,
                              text);
    statusBar()->showMessage(tr("Imported %1 of %2 words.").arg(found).arg(wanted), kStatusTimeoutMs);
}

CompareSeedsDialog* MainWindow::showCompareSeeds()
{
    if (!m_compare) {
        m_compare = new CompareSeedsDialog(m_document, this);
        m_compare->setHead(m_controls->head());
        m_compare->setColorMap(m_controls->colorMap());
    }
    m_compare->show();
    m_compare->raise();
    m_compare->activateWindow();
    return m_compare;
}

bool MainWindow::isInLesson() const
{
    return m_views->currentWidget() == m_lesson;
}

void MainWindow::startLesson()
{
    const auto result = m_document->result();
    if (!result) {
        const QSignalBlocker blocker(m_lessonAction);
        m_lessonAction->setChecked(false);
        statusBar()->showMessage(tr("Type a sentence first: the lesson follows its numbers."), kStatusTimeoutMs);
        return;
    }
    m_lesson->setData(m_document->resultConfig(), result);
    m_lesson->setHead(m_controls->head());
    m_lesson->setColorMap(m_controls->colorMap());
    m_lesson->setQueryToken(m_figure->selectedQuery().value_or(0));
    m_views->setCurrentWidget(m_lesson);
    m_lesson->setFocus(Qt::OtherFocusReason);
    const QSignalBlocker blocker(m_lessonAction);
    m_lessonAction->setChecked(true);
    m_leaveAction->setEnabled(true);
}

void MainWindow::leaveLesson()
{
    if (isInLesson()) {
        if (m_document->result())
            m_figure->setSelection(m_lesson->queryToken(), std::nullopt);
        m_views->setCurrentWidget(m_figure);
        m_figure->setFocus(Qt::OtherFocusReason);
    }
    const QSignalBlocker blocker(m_lessonAction);
    m_lessonAction->setChecked(false);
    m_leaveAction->setEnabled(m_presenting);
}

void MainWindow::setPresentation(bool on)
{
    {
        const QSignalBlocker blocker(m_presentationAction);
        m_presentationAction->setChecked(on);
    }
    if (on == m_presenting)
        return;
    m_presenting = on;
    if (on) {
        m_dockWasVisible = m_dock->isVisibleTo(this);
        m_dock->hide();
        m_messageBar->dismiss(); // the class sees the slides, not file notices
        menuBar()->hide();
        statusBar()->hide();
        showFullScreen();
    } else {
        m_dock->setVisible(m_dockWasVisible);
        menuBar()->show();
        statusBar()->show();
        setWindowState(windowState() & ~Qt::WindowFullScreen);
        m_fullScreenAction->setChecked(false);
    }
    // The slides switch to large type on black; the figure, fitted to the
    // whole screen without the panel, grows by itself.
    m_lesson->setPresentation(on);
    m_figure->zoomToFit();
    m_leaveAction->setEnabled(on || isInLesson());
}

void MainWindow::leaveModes()
{
    if (m_presenting)
        setPresentation(false);
    else
        leaveLesson();
}

FigureOptions MainWindow::currentFigureOptions() const
{
    return m_figure->exportOptions();
}

bool MainWindow::exportFigureTo(const QString& path, const FigureOptions& options, QString* error) const
{
    const auto result = m_document->result();
    if (!result) {
        *error = tr("There is nothing to export yet: type a sentence first.");
        return false;
    }
    return exportFigure(path, m_document->resultConfig(), result, options, error);
}

bool MainWindow::exportDataTo(const QString& path, DataFormat format, attn::PanelId panel, QString* error) const
{
    const auto result = m_document->result();
    if (!result) {
        *error = tr("There is nothing to export yet: type a sentence first.");
        return false;
    }
    const attn::AttentionConfig& config = m_document->resultConfig();
    switch (format) {
    case DataFormat::Json:
        return exportJson(path, config, *result, error);
    case DataFormat::NumpyScript:
        return exportNumpyScript(path, config, *result, error);
    case DataFormat::PanelCsv:
        return exportPanelCsv(path, config, *result, panel, 0, m_figure->head(), error);
    }
    return false;
}

void MainWindow::exportFigureInteractively()
{
    ExportFigureDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = m_files->askSavePath(tr("Export Figure"),
                                              FileDialogs::suggestExportPath(dialog.baseName() + '.' + dialog.suffix()),
                                              dialog.fileFilter(), dialog.suffix());
    if (path.isEmpty())
        return;
    FigureOptions options = currentFigureOptions();
    options.panel = dialog.panel();
    options.scale = dialog.scale();
    QString error;
    if (exportFigureTo(path, options, &error))
        report(tr("Saved the figure to %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        report(error, true);
}

void MainWindow::exportDataInteractively()
{
    ExportDataDialog dialog(m_figure->head(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = m_files->askSavePath(tr("Export Data"),
                                              FileDialogs::suggestExportPath(dialog.baseName() + '.' + dialog.suffix()),
                                              dialog.fileFilter(), dialog.suffix());
    if (path.isEmpty())
        return;
    QString error;
    if (exportDataTo(path, dialog.format(), dialog.panel(), &error))
        report(tr("Saved the data to %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        report(error, true);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Attention Visualizer"),
                       tr("<h3>Attention Visualizer %1</h3>"
                          "<p>Self-attention, every number of it: embeddings, weights, queries, keys, values, "
                          "scores, softmax weights and outputs as linked heatmaps.</p>"
                          "<p>Every number is float64 from NumPy's legacy generator, so File → Export Data "
                          "writes a NumPy script that recomputes exactly what you see.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::report(const QString& message, bool isError)
{
    if (isError)
        showFileMessage(message, true);
    else
        statusBar()->showMessage(message, kStatusTimeoutMs);
}

// Messages about files stay above the figure until dismissed: unlike the
// settings' error banner, they are not cleared by the next computation.
void MainWindow::showFileMessage(const QString& message, bool isError)
{
    m_messageBar->showMessage(isError ? MessageBar::Kind::Error : MessageBar::Kind::Info, message);
}
