#include "app/windowactions.h"

#include "ui/widgets/preferencesdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QTextBrowser>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWidget>

namespace {

QAction* make(QWidget* window, const char* objectName, const QString& text, const QKeySequence& shortcut,
              const QString& toolTip)
{
    auto* action = new QAction(text, window);
    action->setObjectName(QString::fromLatin1(objectName));
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setToolTip(shortcut.isEmpty()
                           ? toolTip
                           : QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    action->setStatusTip(toolTip);
    window->addAction(action);
    return action;
}

QAction* makeCheckable(QWidget* window, const char* objectName, const QString& text, const QKeySequence& shortcut,
                       const QString& toolTip)
{
    QAction* action = make(window, objectName, text, shortcut, toolTip);
    action->setCheckable(true);
    return action;
}

} // namespace

WindowActions::WindowActions(QWidget* w)
    : focusSentence(make(w, "focusSentenceAction", tr("Edit &Sentence"), QKeySequence(Qt::CTRL | Qt::Key_L),
                         tr("Put the cursor in the sentence field")))
    , reseedWeights(make(w, "reseedWeightsAction", tr("Reseed &Weights"), QKeySequence(Qt::CTRL | Qt::Key_R),
                         tr("Draw new weights W_Q, W_K, W_V from a random seed; the embeddings stay")))
    , reseedEmbeddings(make(w, "reseedEmbeddingsAction", tr("Reseed &Embeddings"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                            tr("Draw new word vectors from a random seed; the weights stay")))
    , preferences(make(w, "preferencesAction", tr("&Preferences…"), QKeySequence::Preferences,
                       tr("Language, light or dark colours, and the colours of exported figures")))
    , loadArticle(make(w, "loadArticleAction", tr("Load &Article Example"), QKeySequence(),
                       tr("The sentence, settings and embeddings of the article \"Unveiling the Power of "
                          "Attention Mechanism Using Numpy\"")))
    , newSession(make(w, "newAction", tr("&New Session"), QKeySequence::New,
                      tr("Start again from the article's example in an untitled session")))
    , openSession(make(w, "openSessionAction", tr("&Open Session…"), QKeySequence::Open,
                       tr("Reopen a saved session (.attn): settings, head, colours and selection")))
    , saveSession(make(w, "saveSessionAction", tr("&Save Session"), QKeySequence::Save,
                       tr("Save the session to its file (.attn), asking for a name the first time")))
    , saveAs(make(w, "saveAsAction", tr("Save Session &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                  tr("Save the session under a new file name and keep editing that file")))
    , importEmbeddings(make(w, "importAction", tr("&Import Embeddings…"), QKeySequence(),
                            tr("Take the sentence's word vectors from a GloVe or word2vec text file")))
    , openModel(make(w, "openModelAction", tr("Open &Model…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                     tr("Show what a trained GPT-2 attends to: a Hugging Face folder with config.json and "
                        "model.safetensors")))
    , articleModel(make(w, "articleModelAction", tr("A&rticle's Model"), QKeySequence(),
                        tr("Back from a checkpoint to the article's model, keeping the sentence")))
    , presetPrevious(make(w, "presetPreviousAction", tr("&Previous Token"), QKeySequence(),
                          tr("A model trained here to output the previous token: a previous-token head")))
    , presetInduction(make(w, "presetInductionAction", tr("&Induction"), QKeySequence(),
                           tr("A two-layer model trained here to continue repeated sequences: an induction head")))
    , exportFigure(make(w, "exportFigureAction", tr("Export &Figure…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                        tr("Save the figure as PNG, SVG or PDF")))
    , exportData(make(w, "exportDataAction", tr("Export &Data…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                      tr("Save every number as JSON, or a NumPy script that recomputes them")))
    , exportLesson(make(w, "exportLessonAction", tr("Export &Lesson…"), QKeySequence(),
                        tr("Save the lesson slides for the selected word as a PDF handout")))
    , quit(make(w, "quitAction", tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Close the window")))
    , undo(make(w, "undoAction", tr("&Undo"), QKeySequence::Undo, tr("Undo the last change")))
    , redo(make(w, "redoAction", tr("&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                tr("Redo the change just undone")))
    , zoomIn(make(w, "zoomInAction", tr("Zoom &In"), QKeySequence::ZoomIn, tr("Larger cells")))
    , zoomOut(make(w, "zoomOutAction", tr("Zoom &Out"), QKeySequence::ZoomOut, tr("Smaller cells")))
    , zoomFit(make(w, "zoomFitAction", tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0),
                   tr("Show the whole figure")))
    , settingsPanel(makeCheckable(w, "settingsPanelAction", tr("&Settings Panel"), QKeySequence(Qt::Key_F9),
                                  tr("Show or hide the settings; hidden, the figure gets the whole width "
                                     "(the seeds stay in the figure's title)")))
    // F11 is presentation mode; plain full screen keeps the other common key.
    , fullScreen(makeCheckable(w, "fullScreenAction", tr("F&ull Screen"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), tr("Use the whole screen or projector")))
    , stagesView(makeCheckable(w, "stagesViewAction", tr("S&tages"), QKeySequence(Qt::CTRL | Qt::Key_1),
                               tr("Every matrix of the computation for one layer and head")))
    , headView(makeCheckable(w, "headViewAction", tr("&Head View"), QKeySequence(Qt::CTRL | Qt::Key_2),
                             tr("Lines from each token to the tokens it attends to")))
    , modelView(makeCheckable(w, "modelViewAction", tr("&Model View"), QKeySequence(Qt::CTRL | Qt::Key_3),
                              tr("Every layer and head at once as thumbnails; click one to open it")))
    , compareSeeds(make(w, "compareSeedsAction", tr("&Compare Seeds…"), QKeySequence(),
                        tr("The attention weights under this weight seed and another, side by side, "
                           "with their difference")))
    , lesson(makeCheckable(w, "lessonAction", tr("&Lesson"), QKeySequence(Qt::Key_F5),
                           tr("Step through the computation for one word, slide by slide (Esc: back to the figure)")))
    , nextToken(makeCheckable(w, "nextTokenAction", tr("&Next Token"), QKeySequence(Qt::CTRL | Qt::Key_G),
                              tr("What a GPT-2 model predicts after the last token, with a temperature and "
                                 "Generate")))
    , train(makeCheckable(w, "trainAction", tr("&Train"), QKeySequence(Qt::CTRL | Qt::Key_T),
                          tr("Train a small model on a task and watch its heads learn (previous token, "
                             "induction, …)")))
    , presentation(makeCheckable(
          w, "presentationAction", tr("&Presentation Mode"), QKeySequence(Qt::Key_F11),
          tr("Full screen, settings hidden, large high-contrast type for a projector (F11 or Esc leaves)")))
    // Only enabled in a lesson or presentation, so Esc keeps its usual
    // meaning (closing popups, leaving a field) everywhere else.
    , leave(make(w, "leaveAction", tr("&Back to the Figure"), QKeySequence(Qt::Key_Escape),
                 tr("Leave presentation mode, then the lesson")))
    , shortcuts(make(w, "shortcutsAction", tr("&Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash),
                     tr("Every key the window answers to")))
    , guide(make(w, "guideAction", tr("Quick &Guide"), QKeySequence::HelpContents,
                 tr("What the panels show and how to explore them")))
    , about(make(w, "aboutAction", tr("&About Attention Visualizer"), QKeySequence(), tr("What this program is")))
{
    // QKeySequence::Preferences is empty on Linux and Windows: Ctrl+, there too.
    preferences->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences)
                              << QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setToolTip(tr("Language, light or dark colours, and the colours of exported figures") +
                            QStringLiteral(" (%1)").arg(preferences->shortcut().toString(QKeySequence::NativeText)));
    preferences->setMenuRole(QAction::PreferencesRole);
    quit->setMenuRole(QAction::QuitRole);
    about->setMenuRole(QAction::AboutRole);
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    settingsPanel->setChecked(true);
    undo->setEnabled(false);
    redo->setEnabled(false);
    leave->setEnabled(false);
}

void WindowActions::followUndoStack(QUndoStack* stack, std::function<bool()> typingPending)
{
    const auto update = [this, stack, typingPending] {
        undo->setEnabled(stack->canUndo() || typingPending());
        undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
        redo->setEnabled(stack->canRedo());
        redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    };
    QObject::connect(stack, &QUndoStack::indexChanged, undo, update);
    QObject::connect(stack, &QUndoStack::cleanChanged, undo, update);
}

void WindowActions::connectDialogs(QWidget* window, QMenuBar* menus)
{
    QObject::connect(about, &QAction::triggered, window, [window] { showAboutBox(window); });
    QObject::connect(shortcuts, &QAction::triggered, window, [window, menus] { showShortcuts(window, menus); });
    QObject::connect(guide, &QAction::triggered, window, [window] { showGuide(window); });
    QObject::connect(preferences, &QAction::triggered, window, [window] { PreferencesDialog::showOver(window); });
}

void WindowActions::fillMenuBar(QMenuBar* bar)
{
    QMenu* file = bar->addMenu(tr("&File"));
    file->addActions({newSession, openSession});
    recentMenu = file->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addActions({saveSession, saveAs});
    file->addSeparator();
    file->addActions({loadArticle, importEmbeddings});
    file->addActions({openModel, articleModel});
    QMenu* presets = file->addMenu(tr("Open &Preset"));
    presets->setObjectName(QStringLiteral("presetMenu"));
    presetPrevious->setData(QStringLiteral("previous"));
    presetInduction->setData(QStringLiteral("induction"));
    presets->addActions({presetPrevious, presetInduction});
    file->addSeparator();
    file->addActions({exportFigure, exportData, exportLesson});
    file->addSeparator();
    file->addAction(quit);

    QMenu* edit = bar->addMenu(tr("&Edit"));
    edit->addActions({undo, redo});
    edit->addSeparator();
    edit->addAction(focusSentence);
    edit->addSeparator();
    edit->addActions({reseedWeights, reseedEmbeddings});
    edit->addSeparator();
    edit->addAction(preferences);

    QMenu* view = bar->addMenu(tr("&View"));
    view->addActions({stagesView, headView, modelView});
    view->addSeparator();
    view->addActions({zoomIn, zoomOut, zoomFit});
    view->addSeparator();
    view->addActions({compareSeeds, lesson, nextToken, train});
    view->addSeparator();
    view->addActions({settingsPanel, fullScreen, presentation, leave});

    QMenu* help = bar->addMenu(tr("&Help"));
    help->addActions({guide, shortcuts});
    help->addSeparator();
    help->addAction(about);
}

void showAboutBox(QWidget* parent)
{
    QMessageBox::about(
        parent, WindowActions::tr("About Attention Visualizer"),
        WindowActions::tr("<h3>Attention Visualizer %1</h3>"
                          "<p>Self-attention, every number of it: embeddings, weights, queries, keys, values, "
                          "scores, softmax weights and outputs as linked heatmaps.</p>"
                          "<p>Every number is float64 from NumPy's legacy generator, so File → Export Data "
                          "writes a NumPy script that recomputes exactly what you see.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

namespace {

// A read-only page of rich text in a dialog of its own, closed with Esc or Close.
void showPage(QWidget* parent, const QString& title, const QString& html, const char* objectName)
{
    QDialog dialog(parent);
    dialog.setObjectName(QString::fromLatin1(objectName));
    dialog.setWindowTitle(title);
    auto* layout = new QVBoxLayout(&dialog);
    auto* text = new QTextBrowser(&dialog);
    text->setObjectName(QStringLiteral("pageText"));
    text->setOpenExternalLinks(false);
    text->setHtml(html);
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(640, 560);
    if (parent && parent->screen())
        dialog.resize(dialog.size().boundedTo(parent->screen()->availableGeometry().size() * 0.9));
    dialog.exec();
}

} // namespace

namespace {

// A menu text as words: without its accelerator, "&File" or the "(&F)" that
// Chinese and Japanese texts carry after the words, and without "…".
QString plainText(QString text)
{
    static const QRegularExpression trailingAccelerator(QStringLiteral("\\s*\\(&[^&]\\)"));
    text.remove(trailingAccelerator);
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

} // namespace

QString shortcutsHtml(QMenuBar* menus)
{
    QString html = QStringLiteral("<table cellpadding='3'>");
    const auto row = [&html](const QString& keys, const QString& what) {
        html +=
            QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    };
    for (QAction* menuAction : menus->actions()) {
        QMenu* menu = menuAction->menu();
        if (!menu)
            continue;
        html +=
            QStringLiteral("<tr><td colspan='2'><h3>%1</h3></td></tr>").arg(plainText(menu->title()).toHtmlEscaped());
        for (const QAction* action : menu->actions()) {
            QStringList keys;
            for (const QKeySequence& key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            if (!keys.isEmpty())
                row(keys.join(QStringLiteral(", ")), plainText(action->text()));
        }
    }
    html += QStringLiteral("<tr><td colspan='2'><h3>%1</h3></td></tr>").arg(WindowActions::tr("Figure and lesson"));
    row(WindowActions::tr("Click"),
        WindowActions::tr("Select a token or cell: its row and column light up in every panel"));
    row(WindowActions::tr("Double-click"), WindowActions::tr("Edit a cell of E, W_Q, W_K or W_V"));
    row(WindowActions::tr("Arrow keys"), WindowActions::tr("Move the ringed cell within its panel of the figure"));
    row(WindowActions::tr("Tab / Shift+Tab"),
        WindowActions::tr("The figure's next / previous panel (past the last: the next control)"));
    row(WindowActions::tr("Enter"), WindowActions::tr("Select the ringed cell, as a click does"));
    row(WindowActions::tr("F2"), WindowActions::tr("Edit the ringed cell of E, W_Q, W_K or W_V"));
    row(WindowActions::tr("Esc"), WindowActions::tr("Clear the selection; leave presentation mode, then the lesson"));
    row(WindowActions::tr("Ctrl+wheel"), WindowActions::tr("Zoom the figure"));
    row(WindowActions::tr("→, Space, Page Down / ←, Page Up"), WindowActions::tr("Next / previous lesson step"));
    row(WindowActions::tr("Home / End"), WindowActions::tr("First / last lesson step"));
    return html + QStringLiteral("</table>");
}

void showShortcuts(QWidget* window, QMenuBar* menus)
{
    showPage(window, WindowActions::tr("Keyboard Shortcuts"), shortcutsHtml(menus), "shortcutsDialog");
}

void showGuide(QWidget* parent)
{
    showPage(parent, WindowActions::tr("Quick Guide"),
             WindowActions::tr(
                 "<h2>Self-attention, every number of it</h2>"
                 "<p>Type a sentence at the top. Each word becomes a row of <b>E</b>, its embedding. The "
                 "weight matrices <b>W_Q</b>, <b>W_K</b>, <b>W_V</b> turn the rows into queries <b>Q</b>, keys "
                 "<b>K</b> and values <b>V</b>.</p>"
                 "<p><b>scores</b> = Q Kᵀ: how well each query matches each key. The <b>scaled scores</b> divide "
                 "by √d_k (and the temperature); the softmax of each row gives the <b>weights</b>, which sum to "
                 "1 per row: how much each word attends to every other. The <b>output</b> of a word is the "
                 "weighted sum of the values.</p>"
                 "<h3>Exploring</h3><ul>"
                 "<li>Hover any cell to see its arithmetic written out with the real numbers.</li>"
                 "<li>Click a word or a cell to follow it through every panel; Esc clears.</li>"
                 "<li>Double-click a cell of E or a W matrix to type a new number; Ctrl+Z undoes it.</li>"
                 "<li>Reseed (Ctrl+R) draws new weights; View → Compare Seeds shows what changes.</li>"
                 "<li>Several heads split d_model: choose the head under Display, or all heads at once.</li>"
                 "</ul><h3>Teaching</h3><ul>"
                 "<li>View → Lesson (F5) steps through the computation for the selected word in seven slides (eleven "
                 "for a checkpoint, with the block around attention); "
                 "F11 makes them large, high-contrast slides for a projector.</li>"
                 "<li>File → Export Lesson writes the same slides as a PDF handout; Export Figure writes "
                 "PNG, SVG or PDF; Export Data writes JSON, CSV or a NumPy script that recomputes every "
                 "number.</li></ul>"),
             "guideDialog");
}
