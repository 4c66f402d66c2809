#include "app/mainwindow.h"

#include "app/controlpanel.h"
#include "core/exporters.h"
#include "ui/attentiondocument.h"
#include "ui/figureexport.h"
#include "ui/figureview.h"
#include "ui/panelid.h"
#include "ui/presets.h"
#include "ui/savefile.h"
#include "ui/session.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <sstream>

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
const char* const kExportDirKey = "export/directory";

std::int64_t randomSeed()
{
    return static_cast<std::int64_t>(QRandomGenerator::global()->generate());
}

// The options a plain start gets; anything else was asked for explicitly and
// wins over the remembered session.
bool isPlainStart(const CommandLineOptions& options)
{
    static const CommandLineOptions plain = parseCommandLine({QStringLiteral("attention-visualizer")}).options;
    const bool defaultConfig = options.config == plain.config || options.config == attn::AttentionConfig{};
    return defaultConfig && options.sessionFile.isEmpty() && options.colormap.isEmpty() && options.head == 0 &&
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
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QGuiApplication::applicationDisplayName());

    // Readable from the back of a lecture room: nothing smaller than 11 pt.
    QFont base = font();
    if (base.pointSizeF() > 0 && base.pointSizeF() < 11.0) {
        base.setPointSizeF(11.0);
        setFont(base);
    }

    createActions();
    createWidgets();
    createMenus();

    connect(m_document, &AttentionDocument::resultChanged, this, &MainWindow::showResult);
    connect(m_document, &AttentionDocument::errorChanged, this, &MainWindow::showError);
    connect(m_document, &AttentionDocument::busyChanged, this, &MainWindow::showBusy);

    restoreSettings(options);
    m_sentence->setFocus();
}

MainWindow::~MainWindow() = default;

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

    m_openSessionAction = make(QStringLiteral("openSessionAction"), tr("&Open Session…"), QKeySequence::Open,
                               tr("Reopen a saved session (.attn): settings, head, colours and selection"));
    connect(m_openSessionAction, &QAction::triggered, this, &MainWindow::openSessionInteractively);
    m_saveSessionAction = make(QStringLiteral("saveSessionAction"), tr("&Save Session…"), QKeySequence::Save,
                               tr("Save what is on screen as a session file (.attn) to reopen later"));
    connect(m_saveSessionAction, &QAction::triggered, this, &MainWindow::saveSessionInteractively);

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
    m_fullScreenAction = make(QStringLiteral("fullScreenAction"), tr("F&ull Screen"), QKeySequence::FullScreen,
                              tr("Use the whole screen or projector"));
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });

    m_aboutAction = make(QStringLiteral("aboutAction"), tr("&About Attention Visualizer"), QKeySequence(),
                         tr("What this program is"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openSessionAction);
    file->addAction(m_saveSessionAction);
    file->addSeparator();
    file->addAction(m_loadArticleAction);
    file->addSeparator();
    file->addAction(m_exportFigureAction);
    file->addAction(m_exportDataAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_focusSentenceAction);
    edit->addSeparator();
    edit->addAction(m_reseedWeightsAction);
    edit->addAction(m_reseedEmbeddingsAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_zoomFitAction);
    view->addSeparator();
    view->addAction(m_settingsPanelAction);
    view->addAction(m_fullScreenAction);

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

    m_figure = new FigureView(central);
    m_figure->setObjectName(QStringLiteral("figureView"));
    m_figure->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_figure, 1);
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
    connect(m_sentence, &QLineEdit::textEdited, m_sentenceTimer, qOverload<>(&QTimer::start));

    m_busyTimer = new QTimer(this);
    m_busyTimer->setSingleShot(true);
    m_busyTimer->setInterval(kBusyDelayMs);
    connect(m_busyTimer, &QTimer::timeout, this, [this] { m_busyIndicator->setVisible(m_document->isBusy()); });

    connect(m_controls, &ControlPanel::configEdited, this, &MainWindow::applyControls);
    connect(m_controls, &ControlPanel::headChanged, m_figure, &FigureView::setHead);
    connect(m_controls, &ControlPanel::allHeadsChanged, m_figure, &FigureView::setAllHeads);
    connect(m_controls, &ControlPanel::colorMapChanged, m_figure, &FigureView::setColorMap);
    connect(m_figure, &FigureView::selectionChanged, this, &MainWindow::showSelection);
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
    Session session;
    session.config = options.config;
    session.head = options.head;
    session.selectedToken = options.selectedToken;
    session.lessonStep = options.lessonStep;
    session.colormap = options.colormap;
    if (isPlainStart(options)) {
        QString ignored;
        if (const auto saved = sessionFromJson(settings.value(kSessionKey).toByteArray(), QString(), &ignored))
            session = *saved;
        m_controls->setAllHeads(settings.value(kAllHeadsKey, false).toBool());
    }
    if (session.colormap.isEmpty())
        session.colormap = settings.value(kColorMapKey, QStringLiteral("viridis")).toString();
    applySession(session);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kColorMapKey, m_controls->colorMapName());
    settings.setValue(kAllHeadsKey, m_controls->allHeads());
    settings.setValue(kSessionKey, sessionToJson(currentSession()));
}

Session MainWindow::currentSession() const
{
    Session session;
    // An invalid request (say 4 heads of d_model 6) is not worth reopening:
    // the last settings that computed are.
    session.config = m_document->errorText().isEmpty() ? m_document->config() : m_document->resultConfig();
    session.head = m_controls->head();
    session.colormap = m_controls->colorMapName();
    session.selectedToken = m_figure->selectedQuery().value_or(-1);
    return session;
}

void MainWindow::applySession(const Session& session)
{
    m_controls->setColorMapName(session.colormap);
    m_figure->setColorMap(m_controls->colorMapName());
    m_figure->setAllHeads(m_controls->allHeads());
    m_pendingSelection = session.selectedToken;
    setConfigFromWindow(session.config);
    m_controls->setHeadCount(session.config.heads);
    m_controls->setHead(session.head);
    m_figure->setHead(m_controls->head());
}

bool MainWindow::openSession(const QString& path, QString* error)
{
    const auto session = loadSession(path, error);
    if (!session)
        return false;
    applySession(*session);
    return true;
}

bool MainWindow::saveSessionTo(const QString& path, QString* error) const
{
    return saveSession(path, currentSession(), error);
}

void MainWindow::openSessionInteractively()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"),
                                                      settings.value(kExportDirKey, QDir::homePath()).toString(),
                                                      tr("Attention sessions (*.attn);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kExportDirKey, QFileInfo(path).absolutePath());
    QString error;
    if (openSession(path, &error))
        report(tr("Opened %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        report(error, true);
}

void MainWindow::saveSessionInteractively()
{
    QSettings settings;
    const QString directory = settings.value(kExportDirKey, QDir::homePath()).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Session"),
                                                QDir(directory).filePath(QStringLiteral("attention.attn")),
                                                tr("Attention sessions (*.attn)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".attn");
    settings.setValue(kExportDirKey, QFileInfo(path).absolutePath());
    QString error;
    if (saveSessionTo(path, &error))
        report(tr("Saved the session to %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        report(error, true);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
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

void MainWindow::applyControls()
{
    m_sentenceTimer->stop();
    attn::AttentionConfig config = m_controls->applyTo(m_document->config());
    config.sentence = m_sentence->text().toStdString();
    m_document->setConfig(config);
}

// A configuration that comes from outside the controls (start, preset,
// reseed): show it in them, then compute.
void MainWindow::setConfigFromWindow(const attn::AttentionConfig& config)
{
    m_sentenceTimer->stop();
    m_controls->showConfig(config);
    const QString sentence = QString::fromStdString(config.sentence);
    if (m_sentence->text() != sentence)
        m_sentence->setText(sentence);
    m_document->setConfig(config);
}

void MainWindow::showResult()
{
    const auto result = m_document->result();
    if (!result)
        return;
    const attn::AttentionConfig& config = m_document->resultConfig();
    const int heads = static_cast<int>(result->heads.size());
    m_controls->setHeadCount(heads);
    m_figure->setData(config, result);
    m_figure->setHead(m_controls->head());
    if (m_pendingSelection >= 0 && m_pendingSelection < static_cast<int>(result->tokens.size()))
        m_figure->setSelection(m_pendingSelection, std::nullopt);
    m_pendingSelection = -1;
    if (m_figure->selectedQuery().value_or(0) >= static_cast<int>(result->tokens.size()) ||
        m_figure->selectedKey().value_or(0) >= static_cast<int>(result->tokens.size()))
        m_figure->clearSelection();

    const int words = static_cast<int>(result->tokens.size());
    m_summary->setText((words == 1 ? tr("1 word") : tr("%1 words").arg(words)) +
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
    const auto query = m_figure->selectedQuery();
    if (!result || !query) {
        statusBar()->clearMessage();
        return;
    }
    const int head = std::clamp(m_controls->head(), 0, static_cast<int>(result->heads.size()) - 1);
    const auto key = m_figure->selectedKey();
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

void MainWindow::reseedWeights()
{
    attn::AttentionConfig config = m_controls->applyTo(m_document->config());
    config.sentence = m_sentence->text().toStdString();
    config.weightSeed = randomSeed();
    config.wQuery.reset();
    config.wKey.reset();
    config.wValue.reset();
    setConfigFromWindow(config);
    statusBar()->showMessage(tr("New weights from seed %1; the embeddings stayed.").arg(config.weightSeed),
                             kStatusTimeoutMs);
}

void MainWindow::reseedEmbeddings()
{
    attn::AttentionConfig config = m_controls->applyTo(m_document->config());
    config.sentence = m_sentence->text().toStdString();
    config.embeddingSeed = randomSeed();
    config.explicitEmbeddings.clear();
    setConfigFromWindow(config);
    statusBar()->showMessage(tr("New embeddings from seed %1; the weights stayed.").arg(config.embeddingSeed),
                             kStatusTimeoutMs);
}

void MainWindow::loadArticle()
{
    QString error;
    const auto config = loadPreset(QStringLiteral("article"), &error);
    if (!config) {
        report(error, true);
        return;
    }
    setConfigFromWindow(*config);
    m_controls->setHead(0);
    statusBar()->showMessage(tr("Loaded the article's example."), kStatusTimeoutMs);
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
    std::ostringstream text;
    switch (format) {
    case DataFormat::Json:
        attn::writeJson(text, config, *result);
        break;
    case DataFormat::NumpyScript:
        attn::writeNumpyScript(
            text, config, *result,
            QStringLiteral("Attention Visualizer %1").arg(QCoreApplication::applicationVersion()).toStdString());
        break;
    case DataFormat::PanelCsv:
        return exportPanelCsv(path, config, *result, panel, m_figure->head(), error);
    }
    return saveFileAtomically(path, QByteArray::fromStdString(text.str()), error);
}

void MainWindow::exportFigureInteractively()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export Figure"));
    auto* form = new QFormLayout(&dialog);
    auto* format = new QComboBox(&dialog);
    format->addItem(tr("PNG image"), QStringLiteral("png"));
    format->addItem(tr("SVG drawing"), QStringLiteral("svg"));
    format->addItem(tr("PDF document"), QStringLiteral("pdf"));
    auto* scale = new QComboBox(&dialog);
    scale->addItem(QStringLiteral("1×"), 1.0);
    scale->addItem(QStringLiteral("2×"), 2.0);
    scale->addItem(QStringLiteral("3×"), 3.0);
    scale->setCurrentIndex(1);
    scale->setToolTip(tr("Pixels per point: 2× stays sharp on slides and high-resolution screens."));
    auto* panel = new QComboBox(&dialog);
    panel->addItem(tr("The whole figure"), QString());
    for (const QString& name : attn::allPanelNames())
        panel->addItem(name, name);
    form->addRow(tr("Format"), format);
    form->addRow(tr("PNG scale"), scale);
    form->addRow(tr("Content"), panel);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose File…"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(format, &QComboBox::currentIndexChanged, scale,
            [format, scale] { scale->setEnabled(format->currentData().toString() == QLatin1String("png")); });
    if (dialog.exec() != QDialog::Accepted)
        return;

    const QString suffix = format->currentData().toString();
    QSettings settings;
    const QString directory = settings.value(kExportDirKey, QDir::homePath()).toString();
    const QString baseName =
        panel->currentData().toString().isEmpty() ? QStringLiteral("attention") : panel->currentData().toString();
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export Figure"), QDir(directory).filePath(baseName + '.' + suffix),
                                     tr("%1 (*.%2)").arg(format->currentText(), suffix));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += '.' + suffix;
    settings.setValue(kExportDirKey, QFileInfo(path).absolutePath());

    FigureOptions options = currentFigureOptions();
    options.panel = panel->currentData().toString();
    options.scale = suffix == QLatin1String("png") ? scale->currentData().toDouble() : 1.0;
    QString error;
    if (exportFigureTo(path, options, &error))
        report(tr("Saved the figure to %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        report(error, true);
}

void MainWindow::exportDataInteractively()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export Data"));
    auto* form = new QFormLayout(&dialog);
    auto* format = new QComboBox(&dialog);
    format->addItem(tr("JSON: every stage"), static_cast<int>(DataFormat::Json));
    format->addItem(tr("NumPy script that recomputes it"), static_cast<int>(DataFormat::NumpyScript));
    format->addItem(tr("CSV: one panel"), static_cast<int>(DataFormat::PanelCsv));
    auto* panel = new QComboBox(&dialog);
    for (const QString& name : attn::allPanelNames())
        panel->addItem(name, name);
    panel->setCurrentIndex(std::max(0, panel->findData(attn::panelName(attn::PanelId::Weights))));
    panel->setEnabled(false);
    panel->setToolTip(tr("Per-head panels are written for the head shown (head %1).").arg(m_figure->head() + 1));
    form->addRow(tr("Format"), format);
    form->addRow(tr("CSV panel"), panel);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose File…"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(format, &QComboBox::currentIndexChanged, panel, [format, panel] {
        panel->setEnabled(format->currentData().toInt() == static_cast<int>(DataFormat::PanelCsv));
    });
    if (dialog.exec() != QDialog::Accepted)
        return;

    const auto chosen = static_cast<DataFormat>(format->currentData().toInt());
    const QString suffix = chosen == DataFormat::Json          ? QStringLiteral("json")
                           : chosen == DataFormat::NumpyScript ? QStringLiteral("py")
                                                               : QStringLiteral("csv");
    const QString baseName =
        chosen == DataFormat::PanelCsv ? panel->currentData().toString() : QStringLiteral("attention");
    QSettings settings;
    const QString directory = settings.value(kExportDirKey, QDir::homePath()).toString();
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export Data"), QDir(directory).filePath(baseName + '.' + suffix),
                                     tr("%1 (*.%2)").arg(format->currentText(), suffix));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += '.' + suffix;
    settings.setValue(kExportDirKey, QFileInfo(path).absolutePath());

    QString error;
    const auto panelId = attn::panelFromName(panel->currentData().toString()).value_or(attn::PanelId::Weights);
    if (exportDataTo(path, chosen, panelId, &error))
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
    statusBar()->showMessage(message, isError ? 0 : kStatusTimeoutMs);
    if (isError) {
        m_errorBanner->setText(QStringLiteral("⚠  ") + message);
        m_errorBanner->show();
    }
}
