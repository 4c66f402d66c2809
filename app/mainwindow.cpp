#include "app/mainwindow.h"

#include "core/configedits.h"
#include "core/exporters.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/exportfiles.h"
#include "ui/document/presets.h"
#include "ui/document/recentfiles.h"
#include "ui/document/session.h"
#include "ui/document/viewstate.h"
#include "ui/render/figureexport.h"
#include "ui/widgets/compareseedsdialog.h"
#include "ui/widgets/controlpanel.h"
#include "ui/widgets/embeddingimportflow.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/lessonview.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/sessionfiles.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Keystrokes closer together than this are one edit: the figure follows the
// typing without recomputing for every letter.
constexpr int kSentenceDelayMs = 120;
// Quick computations never flash a progress bar.
constexpr int kBusyDelayMs = 200;
constexpr int kStatusTimeoutMs = 8000;

const char* const kGeometryKey = "window/geometry";
const char* const kStateKey = "window/state";
const char* const kColorMapKey = "view/colormap";
const char* const kAllHeadsKey = "view/allHeads";
const char* const kSessionKey = "session/last";

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
    m_import = new EmbeddingImportFlow(
        m_document, m_messageBar, [this] { flushPendingEdits(); }, this);
    statusBar()->insertPermanentWidget(1, m_import->progressWidget());
    m_actions.fillMenuBar(menuBar());
    connectActions();

    connect(m_document, &AttentionDocument::configChanged, this, &MainWindow::showConfig);
    connect(m_document, &AttentionDocument::resultChanged, this, &MainWindow::showResult);
    connect(m_document, &AttentionDocument::errorChanged, this, &MainWindow::showError);
    connect(m_document, &AttentionDocument::busyChanged, this, &MainWindow::showBusy);
    connect(m_document, &AttentionDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_files, &SessionFiles::currentFileChanged, this, &MainWindow::updateTitle);
    connect(m_files, &SessionFiles::message, this, &MainWindow::report);
    connect(m_files, &SessionFiles::opened, this, &MainWindow::showOpenNotes);
    connect(m_import, &EmbeddingImportFlow::statusMessage, this, [this](const QString& text) { report(text, false); });
    connect(m_import, &EmbeddingImportFlow::runningChanged, m_actions.importEmbeddings,
            [this](bool running) { m_actions.importEmbeddings->setEnabled(!running); });
    connect(m_view, &ViewState::selectionChanged, this, &MainWindow::showSelection);

    restoreSettings(options);
    updateTitle();
    m_files->offerRecovery(m_recoveryBar);
    m_sentence->setFocus();
}

MainWindow::~MainWindow()
{
    // The reader thread must stop before the window it reports to goes.
    delete m_import;
    // QWidget's destructor hides and deletes the children after this object's
    // own members are gone; their signals (the dock's visibilityChanged, say)
    // must not reach the half-destroyed window.
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
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
    connect(a.exportFigure, &QAction::triggered, this, &MainWindow::exportFigureInteractively);
    connect(a.exportData, &QAction::triggered, this, &MainWindow::exportDataInteractively);
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
    const auto updateUndo = [this, stack] {
        m_actions.undo->setEnabled(stack->canUndo() || m_sentenceTimer->isActive());
        m_actions.undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
        m_actions.redo->setEnabled(stack->canRedo());
        m_actions.redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    };
    connect(stack, &QUndoStack::indexChanged, this, updateUndo);
    connect(stack, &QUndoStack::cleanChanged, this, updateUndo);

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
    connect(a.lesson, &QAction::triggered, this, [this](bool on) { on ? startLesson() : leaveLesson(); });
    connect(a.presentation, &QAction::triggered, this, &MainWindow::setPresentation);
    connect(a.leave, &QAction::triggered, this, &MainWindow::leaveModes);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
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
                               .arg(m_actions.focusSentence->shortcut().toString(QKeySequence::NativeText)));
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
    m_figure->setViewState(m_view);
    m_figure->setFileDialogs(m_dialogs);
    m_figure->setObjectName(QStringLiteral("figureView"));
    m_figure->setFrameShape(QFrame::NoFrame);
    m_views->addWidget(m_figure);
    m_lesson = new LessonView(m_views);
    m_lesson->setViewState(m_view);
    m_lesson->setObjectName(QStringLiteral("lessonView"));
    m_views->addWidget(m_lesson);
    m_views->setCurrentWidget(m_figure);
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
    // The seeds must stay visible: the panel cannot close (nor float away
    // behind a projector's window). No scroll area: the panel is shorter than
    // a 720-line screen, and its own minimum size then sizes the dock exactly.
    dock->setFeatures(QDockWidget::NoDockWidgetFeatures);
    dock->setTitleBarWidget(new QWidget(dock));
    dock->setWidget(side);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_busyIndicator = createBusyIndicator();
    statusBar()->addPermanentWidget(m_busyIndicator);
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
        m_actions.undo->setEnabled(true); // Ctrl+Z undoes the typing not yet recorded too
    });

    m_busyTimer = new QTimer(this);
    m_busyTimer->setSingleShot(true);
    m_busyTimer->setInterval(kBusyDelayMs);
    connect(m_busyTimer, &QTimer::timeout, this, [this] { m_busyIndicator->setVisible(m_document->isBusy()); });

    connect(m_controls, &ControlPanel::configEdited, this, &MainWindow::applyControls);
    connect(m_lesson, &LessonView::exitRequested, this, &MainWindow::leaveLesson);
    connect(m_figure, &FigureView::cellEdited, this, &MainWindow::editCell);
    connect(m_figure, &FigureView::exportFinished, this,
            [this](const QString& message, bool ok) { report(message, !ok); });
}

QWidget* MainWindow::createBusyIndicator()
{
    // An indeterminate bar shows no text of its own, hence the label.
    auto* indicator = new QWidget(this);
    indicator->setObjectName(QStringLiteral("busyIndicator"));
    indicator->setToolTip(tr("Computing the new settings; the figure shows the previous ones meanwhile."));
    auto* layout = new QHBoxLayout(indicator);
    layout->setContentsMargins(0, 0, 16, 0);
    layout->setSpacing(6);
    indicator->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    layout->addWidget(new QLabel(tr("Computing…"), indicator));
    auto* bar = new QProgressBar(indicator);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setFixedWidth(120);
    layout->addWidget(bar);
    indicator->hide();
    return indicator;
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
        m_view->setAllHeads(settings.value(kAllHeadsKey, false).toBool());
    }
    if (session.colorMap.isEmpty())
        session.colorMap = settings.value(kColorMapKey, QStringLiteral("viridis")).toString();
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

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kColorMapKey, m_view->colorMap());
    settings.setValue(kAllHeadsKey, m_view->allHeads());
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
    session.head = std::clamp(m_view->head(), 0, std::max(0, session.config.heads - 1));
    session.colorMap = m_view->colorMap();
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
    session.config = plainOptions().config;
    session.colorMap = m_view->colorMap();
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
    saveSettings();
    m_files->close();
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
    if (m_files)
        m_files->scheduleAutosave();
}

void MainWindow::showResult()
{
    const auto result = m_document->result();
    if (!result)
        return;
    const attn::AttentionConfig& config = m_document->resultConfig();
    const int heads = static_cast<int>(result->heads.size());
    const int tokens = static_cast<int>(result->tokens.size());
    m_view->setShape(1, heads, tokens);
    m_figure->setData(config, result);
    m_lesson->setData(config, result);
    if (m_lessonPending) {
        m_lessonPending = false;
        startLesson();
    }

    m_summary->setText((tokens == 1 ? tr("1 word") : tr("%1 words").arg(tokens)) +
                       tr(" · d_model %1 · ").arg(config.dModel) +
                       (heads == 1 ? tr("1 head") : tr("%1 heads").arg(heads)) +
                       tr(" · d_k %1 · seeds: weights %2, embeddings %3")
                           .arg(result->dK)
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
    const auto query = m_view->query();
    if (!result || !query) {
        statusBar()->clearMessage();
        return;
    }
    const int head = std::clamp(m_view->head(), 0, static_cast<int>(result->heads.size()) - 1);
    const auto key = m_view->key();
    if (!key || *key >= static_cast<int>(result->tokens.size())) {
        statusBar()->showMessage(tr("Query \"%1\" (row %2)").arg(tokenText(*result, *query)).arg(*query));
        return;
    }
    const attn::HeadResult& h = result->heads[static_cast<std::size_t>(head)];
    statusBar()->showMessage(tr("\"%1\" attends to \"%2\" with weight %3 (score %4)")
                                 .arg(tokenText(*result, *query), tokenText(*result, *key))
                                 .arg(h.weights(*query, *key), 0, 'f', 3)
                                 .arg(h.scores(*query, *key), 0, 'g', 4));
}

void MainWindow::reseed(bool weights)
{
    flushPendingEdits();
    const auto seed = static_cast<std::int64_t>(QRandomGenerator::global()->generate());
    const attn::AttentionConfig& config = m_document->config();
    if (weights) {
        m_document->edit(attn::withWeightsReseeded(config, seed), tr("Reseed Weights"));
        report(tr("New weights from seed %1; the embeddings stayed.").arg(seed), false);
    } else {
        m_import->forgetMissingWords();
        m_document->edit(attn::withEmbeddingsReseeded(config, seed), tr("Reseed Embeddings"));
        report(tr("New embeddings from seed %1; the weights stayed.").arg(seed), false);
    }
}

void MainWindow::loadArticle()
{
    // Undoable, but it replaces everything on screen: unsaved work is offered
    // a save first, as before opening a file.
    if (!m_files->maybeSave())
        return;
    QString error;
    const auto config = loadPreset(QStringLiteral("article"), &error);
    if (!config) {
        report(error, true);
        return;
    }
    m_import->forgetMissingWords();
    m_document->edit(*config, tr("Load Article Example"));
    m_view->setHead(0);
    report(tr("Loaded the article's example."), false);
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
        m_views->setCurrentWidget(m_figure);
        m_figure->setFocus(Qt::OtherFocusReason);
    }
    const QSignalBlocker blocker(m_actions.lesson);
    m_actions.lesson->setChecked(false);
    m_actions.leave->setEnabled(m_presenting);
}

void MainWindow::setPresentation(bool on)
{
    {
        const QSignalBlocker blocker(m_actions.presentation);
        m_actions.presentation->setChecked(on);
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
        m_actions.fullScreen->setChecked(false);
    }
    // The slides switch to large type on black; the figure, fitted to the
    // whole screen without the panel, grows by itself.
    m_lesson->setPresentation(on);
    m_figure->zoomToFit();
    m_actions.leave->setEnabled(on || isInLesson());
}

void MainWindow::leaveModes()
{
    if (m_presenting)
        setPresentation(false);
    else
        leaveLesson();
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
        return exportPanelCsv(path, config, *result, panel, m_view->head(), error);
    }
    return false;
}

void MainWindow::exportFigureInteractively()
{
    ExportFigureDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = m_dialogs->askSavePath(
        tr("Export Figure"), FileDialogs::suggestExportPath(dialog.baseName() + '.' + dialog.suffix()),
        dialog.fileFilter(), dialog.suffix());
    if (path.isEmpty())
        return;
    FigureOptions options = m_figure->exportOptions();
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
    ExportDataDialog dialog(m_view->head(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = m_dialogs->askSavePath(
        tr("Export Data"), FileDialogs::suggestExportPath(dialog.baseName() + '.' + dialog.suffix()),
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
    // Messages about files stay above the figure until dismissed: unlike the
    // settings' error banner, they are not cleared by the next computation.
    if (isError)
        m_messageBar->showMessage(MessageBar::Kind::Error, message);
    else
        statusBar()->showMessage(message, kStatusTimeoutMs);
}
