#include "app/mainwindow.h"
#include "app/modelcommands.h"
#include "app/windowsettings.h"

#include "core/configedits.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/presets.h"
#include "ui/document/recentfiles.h"
#include "ui/document/session.h"
#include "ui/document/viewstate.h"
#include "ui/widgets/compareseedsdialog.h"
#include "ui/widgets/controlpanel.h"
#include "ui/widgets/embeddingimportflow.h"
#include "ui/widgets/exploreview.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/lessonview.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/sentencefield.h"
#include "ui/widgets/sessionfiles.h"
#include "ui/widgets/statuswidgets.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Keystrokes closer together than this are one edit: the figure follows the
// typing without recomputing for every letter.
constexpr int kSentenceDelayMs = 120;
constexpr int kStatusTimeoutMs = 8000;

} // namespace

MainWindow::MainWindow(const CommandLineOptions& options, QWidget* parent)
    : QMainWindow(parent)
    , m_document(new AttentionDocument(this))
    , m_view(new ViewState(this))
    , m_dialogs(new FileDialogs(this))
    , m_actions(this)
{
    setObjectName(QStringLiteral("mainWindow"));

    // Readable from the back of a lecture room: nothing smaller than 11 pt.
    QFont base = font();
    if (base.pointSizeF() > 0 && base.pointSizeF() < 11.0) {
        base.setPointSizeF(11.0);
        setFont(base);
    }

    createWidgets();
    m_files = new SessionFiles(m_document, m_dialogs,
                               {[this] { return currentSession(); },
                                [this](const Session& session, bool asEdit) { applySession(session, asEdit); },
                                [this] { flushPendingEdits(); }},
                               this);
    m_exports = new ExportCommands(m_document, m_figure, m_dialogs, this);
    m_import = new EmbeddingImportFlow(
        m_document, m_messageBar, [this] { flushPendingEdits(); }, this);
    statusBar()->insertPermanentWidget(1, m_import->progressWidget());
    m_actions.fillMenuBar(menuBar());
    connectActions();

    connect(m_document, &AttentionDocument::configChanged, this, &MainWindow::showConfig);
    connect(m_document, &AttentionDocument::resultChanged, this, &MainWindow::showResult);
    connect(m_document, &AttentionDocument::errorChanged, this, &MainWindow::showError);
    connect(m_document, &AttentionDocument::busyChanged, m_busyIndicator, &BusyIndicator::setBusy);
    connect(m_document, &AttentionDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_files, &SessionFiles::currentFileChanged, this, &MainWindow::updateTitle);
    connect(m_files, &SessionFiles::message, this, &MainWindow::report);
    connect(m_exports, &ExportCommands::finished, this, [this](const QString& text, bool ok) { report(text, !ok); });
    connect(m_files, &SessionFiles::opened, this, &MainWindow::showOpenNotes);
    connect(m_import, &EmbeddingImportFlow::statusMessage, this, [this](const QString& text) { report(text, false); });
    connect(m_import, &EmbeddingImportFlow::runningChanged, m_actions.importEmbeddings,
            [this](bool running) { m_actions.importEmbeddings->setEnabled(!running); });
    connect(m_view, &ViewState::selectionChanged, this,
            [this] { statusBar()->showMessage(m_figure->selectionSummary()); });
    for (auto shown : {&ViewState::layerChanged, &ViewState::headChanged}) // a long input keeps its scores
        connect(m_view, shown, this, [this] { m_document->setShownHead(m_view->layer(), m_view->head()); });

    restoreSettings(options);
    updateTitle();
    m_files->offerRecovery(m_recoveryBar);
    m_sentence->setFocus();
}

MainWindow::~MainWindow()
{
    // The reader thread must stop before the window it reports to goes.
    delete m_import;
    // QWidget's destructor deletes the children after this object's members are
    // gone: their signals (the dock's visibilityChanged) must not reach it.
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
    m_document->undoStack()->disconnect(); // its last indexChanged would reach the actions' undo texts
    // The views go before the view state they observe.
    qDeleteAll(findChildren<QWidget*>(Qt::FindDirectChildrenOnly));
}

void MainWindow::connectActions()
{
    const WindowActions& a = m_actions;
    connect(a.focusSentence, &QAction::triggered, this, [this] {
        m_sentence->setFocus(Qt::ShortcutFocusReason);
        m_sentence->selectAll();
    });
    connect(a.reseedWeights, &QAction::triggered, this, [this] { reseed(true); });
    connect(a.reseedEmbeddings, &QAction::triggered, this, [this] { reseed(false); });
    connect(a.loadArticle, &QAction::triggered, this, &MainWindow::loadArticle);
    connectModelActions(a, this, m_document, std::bind_front(&MainWindow::flushPendingEdits, this),
                        std::bind_front(&MainWindow::report, this));
    connect(a.newSession, &QAction::triggered, this, &MainWindow::newSession);
    connect(a.openSession, &QAction::triggered, m_files, &SessionFiles::openInteractively);
    connect(a.saveSession, &QAction::triggered, m_files, &SessionFiles::save);
    connect(a.saveAs, &QAction::triggered, m_files, &SessionFiles::saveAs);
    connect(a.recentMenu, &QMenu::aboutToShow, this, [this] { m_files->fillRecentMenu(m_actions.recentMenu); });
    m_files->fillRecentMenu(a.recentMenu); // so the menu is not disabled as empty before its first showing
    connect(a.importEmbeddings, &QAction::triggered, this, [this] {
        const QString path =
            m_dialogs->askOpenPath(tr("Import Embeddings"), FileDialogs::importFolderKey,
                                   tr("Word vectors, GloVe or word2vec text (*.txt *.vec);;All files (*)"));
        if (!path.isEmpty())
            m_import->importFrom(path);
    });
    connect(a.exportFigure, &QAction::triggered, m_exports, &ExportCommands::exportFigureInteractively);
    connect(a.exportData, &QAction::triggered, m_exports, &ExportCommands::exportDataInteractively);
    connect(a.exportLesson, &QAction::triggered, m_exports, &ExportCommands::exportLessonInteractively);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);

    // Own actions rather than QUndoStack's: a sentence edit still waiting for
    // its pause is recorded first, so Ctrl+Z undoes what was just typed.
    QUndoStack* stack = m_document->undoStack();
    connect(a.undo, &QAction::triggered, this, [this, stack] {
        flushPendingEdits();
        stack->undo();
    });
    connect(a.redo, &QAction::triggered, this, [this, stack] {
        flushPendingEdits();
        stack->redo();
    });
    m_actions.followUndoStack(stack, [this] { return m_sentenceTimer->isActive(); });
    connect(a.zoomIn, &QAction::triggered, m_figure, &FigureView::zoomIn);
    connect(a.zoomOut, &QAction::triggered, m_figure, &FigureView::zoomOut);
    connect(a.zoomFit, &QAction::triggered, m_figure, &FigureView::zoomToFit);
    connect(a.settingsPanel, &QAction::toggled, m_dock, &QWidget::setVisible);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this] {
        const QSignalBlocker blocker(m_actions.settingsPanel);
        m_actions.settingsPanel->setChecked(m_dock->isVisibleTo(this));
    });
    connect(a.fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });
    connect(a.compareSeeds, &QAction::triggered, this, &MainWindow::showCompareSeeds);
    // F5 starts the lesson from its first step; a session saved in the lesson resumes it.
    connect(a.lesson, &QAction::triggered, this, [this](bool on) {
        m_view->setLessonStep(1);
        on ? startLesson() : leaveLesson();
    });
    connect(a.presentation, &QAction::triggered, this, &MainWindow::setPresentation);
    connect(a.leave, &QAction::triggered, this, &MainWindow::leaveModes);
    m_actions.connectDialogs(this, menuBar());
}

void MainWindow::createWidgets()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->setSpacing(6);

    auto* sentenceRow = new QHBoxLayout;
    sentenceRow->setSpacing(10);
    m_sentence = new SentenceField(m_actions.focusSentence->shortcut(), central);
    sentenceRow->addWidget(m_sentence->createLabel(central));
    sentenceRow->addWidget(m_sentence, 1);
    layout->addLayout(sentenceRow);
    m_errorBanner = new ErrorBanner(this);

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
    m_figure->setViewState(m_view);
    m_figure->setFileDialogs(m_dialogs);
    m_figure->setObjectName(QStringLiteral("figureView"));
    m_figure->setFrameShape(QFrame::NoFrame);
    m_explore = new ExploreView(m_document, m_view, m_figure,
                                {m_actions.stagesView, m_actions.headView, m_actions.modelView}, m_views);
    m_views->addWidget(m_explore);
    sentenceRow->addWidget(m_explore->switcher());
    m_lesson = new LessonView(m_views);
    m_lesson->setViewState(m_view);
    m_lesson->setObjectName(QStringLiteral("lessonView"));
    m_views->addWidget(m_lesson);
    m_views->setCurrentWidget(m_explore);
    layout->addWidget(m_views, 1);
    setCentralWidget(central);

    // Parented at once so every control is measured with the window's font.
    m_controls =
        new ControlPanel(m_view, m_actions.reseedWeights, m_actions.reseedEmbeddings, m_actions.loadArticle, this);
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
    // The seeds must stay visible: the panel cannot close (nor float away behind a projector's window).
    // It scrolls only on a screen too short for it (a large scale factor); its width is always the panel's own.
    dock->setFeatures(QDockWidget::NoDockWidgetFeatures);
    dock->setTitleBarWidget(new QWidget(dock));
    auto* scroll = new QScrollArea(dock);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setAccessibleName(tr("Settings"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(side);
    scroll->setMinimumWidth(side->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    dock->setWidget(scroll);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_busyIndicator = new BusyIndicator(this);
    statusBar()->addPermanentWidget(m_busyIndicator);
    statusBar()->addPermanentWidget(m_summary);
    statusBar()->addPermanentWidget(new ZoomLabel(m_figure, this));
    m_sentenceTimer = new QTimer(this);
    m_sentenceTimer->setSingleShot(true);
    m_sentenceTimer->setInterval(kSentenceDelayMs);
    connect(m_sentenceTimer, &QTimer::timeout, this, &MainWindow::applyControls);
    connect(m_sentence, &QLineEdit::textEdited, this, [this] {
        m_sentenceTimer->start();
        m_actions.undo->setEnabled(true); // Ctrl+Z undoes the typing not yet recorded too
    });

    connect(m_controls, &ControlPanel::configEdited, this, &MainWindow::applyControls);
    connect(m_controls, &ControlPanel::drawVectorsRequested, this, [this] { reseed(false, true); });
    connect(m_lesson, &LessonView::exitRequested, this, &MainWindow::leaveLesson);
    connect(m_explore, &ExploreView::shown, this, &MainWindow::leaveLesson);
    connect(m_figure, &FigureView::cellEdited, this, &MainWindow::editCell);
    connect(m_figure, &FigureView::exportFinished, this,
            [this](const QString& message, bool ok) { report(message, !ok); });
}

void MainWindow::restoreSettings(const CommandLineOptions& options)
{
    windowsettings::restoreWindow(this);
    std::optional<bool> allHeads;
    const Session session = windowsettings::startSession(options, &allHeads);
    if (allHeads)
        m_view->setAllHeads(*allHeads);
    applySession(session, false);
    if (!options.sessionFile.isEmpty()) {
        m_files->setCurrentFile(QFileInfo(options.sessionFile).absoluteFilePath());
        RecentFiles::add(m_files->currentFile());
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

Session MainWindow::currentSession() const
{
    Session session;
    // An invalid request (say 4 heads of d_model 6) is not worth reopening:
    // the last settings that computed are.
    session.config = m_document->errorText().isEmpty() ? m_document->config() : m_document->resultConfig();
    session.layer = m_view->layer();
    session.head = std::clamp(m_view->head(), 0, std::max(0, session.config.heads - 1));
    session.colorMap = m_view->colorMap();
    session.weightsScale = m_view->weightsScale();
    session.selectedToken = m_view->query().value_or(-1);
    session.lessonStep = isInLesson() ? m_view->lessonStep() : 0;
    return session;
}

void MainWindow::applySession(const Session& session, bool asEdit)
{
    if (session.lessonStep == 0 && isInLesson())
        leaveLesson();
    m_sentenceTimer->stop();
    if (asEdit)
        m_document->edit(session.config, tr("Recover Unsaved Changes"));
    else
        m_document->reset(session.config);
    showConfig(); // also when the configuration is the one already shown
    // The session's tokens are counted when its result arrives: until then
    // its selection is taken as it is, and fitted then.
    m_view->setShape(1, session.config.heads, 0);
    m_view->setColorMap(session.colorMap);
    m_view->setWeightsScale(session.weightsScale);
    m_view->setLayer(session.layer);
    m_view->setHead(session.head);
    m_view->setSelection(session.selectedToken, std::nullopt);
    m_lessonPending = session.lessonStep > 0;
    if (m_lessonPending)
        m_view->setLessonStep(session.lessonStep);
    if (!m_document->isBusy() && m_document->result())
        showResult(); // nothing to compute: fit the selection and open the lesson now
}

void MainWindow::setPrompts(const Prompts& prompts)
{
    m_dialogs->setPrompts(prompts);
}

void MainWindow::newSession()
{
    if (!m_files->maybeSave())
        return;
    Session session;
    session.config = windowsettings::plainConfig();
    session.colorMap = m_view->colorMap();
    session.weightsScale = m_view->weightsScale();
    applySession(session, false);
    m_files->setCurrentFile(QString());
    m_messageBar->dismiss();
}

void MainWindow::updateTitle()
{
    // The platform appends the application's display name.
    const QString file = m_files ? m_files->currentFile() : QString();
    setWindowTitle((file.isEmpty() ? tr("Untitled") : QFileInfo(file).fileName()) + QStringLiteral("[*]"));
    setWindowFilePath(file);
    setWindowModified(m_document->isModified());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_import->cancel();
    // Discarded changes stay discarded: the next start opens the file as
    // saved (an untitled session: the article's example), not what was thrown away.
    windowsettings::save(this, m_view->colorMap(), m_view->allHeads(),
                         m_files->discardedChanges() ? m_files->savedSession() : currentSession());
    m_files->close();
    if (m_compare)
        m_compare->close();
    QMainWindow::closeEvent(event);
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

// The document's configuration changed (an edit, undo, redo, open): the
// controls and the sentence show it. Controls that already show it are left
// alone, so a spin box being typed in keeps its cursor.
void MainWindow::showConfig()
{
    const attn::AttentionConfig& config = m_document->config();
    m_controls->showConfig(config);
    const QString sentence = QString::fromStdString(config.sentence);
    if (m_sentence->text() != sentence) {
        m_sentenceTimer->stop();
        const int cursor = m_sentence->cursorPosition();
        m_sentence->setText(sentence);
        m_sentence->setCursorPosition(std::min(cursor, static_cast<int>(sentence.size())));
    }
    if (m_files)
        m_files->scheduleAutosave();
}

void MainWindow::showResult()
{
    const auto result = m_document->result();
    if (!result)
        return;
    const attn::AttentionConfig& config = m_document->resultConfig();
    m_view->setShape(static_cast<int>(result->layers.size()), result->headCount(),
                     static_cast<int>(result->tokens.size()));
    m_figure->setData(config, result);
    m_lesson->setData(config, result);
    if (m_lessonPending) {
        m_lessonPending = false;
        startLesson();
    }

    m_summary->setText(ResultSummary::text(config, *result));
}

void MainWindow::showError(const QString& error)
{
    using Kind = attn::AttentionError::Kind;
    const auto kind = m_document->errorKind();
    m_controls->markError(kind);
    m_sentence->markError(kind == Kind::NoTokens || kind == Kind::TooManyTokens);
    const bool panelHidden = !m_dock->isVisibleTo(this);
    if (error.isEmpty()) {
        if (panelHidden && !m_errorBanner->text().isEmpty())
            statusBar()->clearMessage();
        m_errorBanner->showError(QString());
        return;
    }
    const QString kept = m_document->result() ? tr("\n\nThe figure still shows the last valid settings.") : QString();
    m_errorBanner->showError(QStringLiteral("⚠  ") + error + kept);
    if (panelHidden)
        statusBar()->showMessage(error); // the banner is in the hidden panel
}

void MainWindow::reseed(bool weights, bool sameSeed)
{
    flushPendingEdits();
    const attn::AttentionConfig& config = m_document->config();
    const std::int64_t seed = sameSeed ? config.embeddingSeed : QRandomGenerator::global()->generate();
    if (weights) {
        m_document->edit(attn::withWeightsReseeded(config, seed), tr("Reseed Weights"));
        return report(tr("New weights from seed %1; the embeddings stayed.").arg(seed), false);
    }
    m_import->forgetMissingWords();
    m_document->edit(attn::withEmbeddingsReseeded(config, seed),
                     sameSeed ? tr("Draw All Vectors") : tr("Reseed Embeddings"));
    report(tr("Every word's vector now drawn from seed %1; the weights stayed.").arg(seed), false);
}

void MainWindow::loadArticle()
{
    // One undoable step, like any edit: nothing is lost, so nothing is asked.
    flushPendingEdits();
    QString error;
    const auto config = loadPreset(QStringLiteral("article"), &error);
    if (!config) {
        report(error, true);
        return;
    }
    m_import->forgetMissingWords();
    m_document->edit(*config, tr("Load Article Example"));
    m_view->setHead(0);
    report(tr("Loaded the article's example (Ctrl+Z brings back what was there)."), false);
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
    m_document->edit(edit->config, text);
}

CompareSeedsDialog* MainWindow::showCompareSeeds()
{
    if (!m_compare)
        m_compare = new CompareSeedsDialog(m_document, m_view, this);
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
    if (!m_document->result()) {
        const QSignalBlocker blocker(m_actions.lesson);
        m_actions.lesson->setChecked(false);
        report(tr("Type a sentence first: the lesson follows its numbers."), false);
        return;
    }
    m_views->setCurrentWidget(m_lesson);
    m_lesson->setFocus(Qt::OtherFocusReason);
    const QSignalBlocker blocker(m_actions.lesson);
    m_actions.lesson->setChecked(true);
    m_actions.leave->setEnabled(true);
}

void MainWindow::leaveLesson()
{
    if (isInLesson()) {
        // The figure selects the word the lesson followed.
        if (m_document->result())
            m_view->setSelection(m_lesson->queryToken(), std::nullopt);
        m_views->setCurrentWidget(m_explore);
        m_explore->currentWidget()->setFocus(Qt::OtherFocusReason);
    }
    const QSignalBlocker blocker(m_actions.lesson);
    m_actions.lesson->setChecked(false);
    m_actions.leave->setEnabled(m_presenting);
}

void MainWindow::setPresentation(bool on)
{
    m_actions.presentation->setChecked(on); // emits toggled, not the triggered that calls this
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
        m_actions.fullScreen->setChecked(false);
    }
    // The slides switch to large type on black; the figure to large type in
    // black, fitted to the whole screen without the panel.
    m_lesson->setPresentation(on);
    m_figure->setPresentation(on);
    m_actions.leave->setEnabled(on || isInLesson());
}

void MainWindow::leaveModes()
{
    if (m_presenting)
        setPresentation(false);
    else
        leaveLesson();
}

void MainWindow::report(const QString& message, bool isError)
{
    // Messages about files stay above the figure until dismissed: unlike the
    // settings' error banner, they are not cleared by the next computation.
    if (isError)
        m_messageBar->showMessage(MessageBar::Kind::Error, message);
    else
        statusBar()->showMessage(message, kStatusTimeoutMs);
}
