#pragma once

// Every command of the main window as a QAction with its object name (tests
// trigger them by it), text, shortcut and tooltip, and the menus they sit in.
// The look of the commands lives here; the window connects them to what they
// do, except the dialogs that need nothing of the window but a parent
// (connectDialogs).

#include <QCoreApplication>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QMenuBar;
class QUndoStack;
class QWidget;

struct WindowActions
{
    Q_DECLARE_TR_FUNCTIONS(WindowActions)

public:
    // Creates the actions as children of `window` and adds them to it, so
    // their shortcuts work while the menu bar is hidden (presentation mode).
    explicit WindowActions(QWidget* window);
    // The File, Edit, View and Help menus; recentMenu is File > Open Recent.
    void fillMenuBar(QMenuBar* bar);
    // Undo and Redo name the step they take and are enabled when there is
    // one; Undo also while `typingPending` (typing not yet recorded).
    void followUndoStack(QUndoStack* stack, std::function<bool()> typingPending);
    // About, Keyboard Shortcuts, Quick Guide and Preferences open their
    // dialogs over `window`.
    void connectDialogs(QWidget* window, QMenuBar* menus);

    QAction* focusSentence;
    QAction* reseedWeights;
    QAction* reseedEmbeddings;
    QAction* preferences;
    QAction* loadArticle;
    QAction* newSession;
    QAction* openSession;
    QAction* saveSession;
    QAction* saveAs;
    QAction* importEmbeddings;
    QAction* openModel;
    QAction* articleModel;
    QAction* presetPrevious; // File > Open Preset: the trained models that ship
    QAction* presetInduction;
    QAction* exportFigure;
    QAction* exportData;
    QAction* exportLesson;
    QAction* quit;
    QAction* undo;
    QAction* redo;
    QAction* zoomIn;
    QAction* zoomOut;
    QAction* zoomFit;
    QAction* settingsPanel;
    QAction* fullScreen;
    QAction* stagesView;
    QAction* headView;
    QAction* modelView;
    QAction* compareSeeds;
    QAction* lesson;
    QAction* nextToken;
    QAction* train;
    QAction* presentation;
    QAction* leave;
    QAction* shortcuts;
    QAction* guide;
    QAction* about;
    QMenu* recentMenu = nullptr;
};

// Help > About: what the program is, and its version.
void showAboutBox(QWidget* parent);
// The shortcuts page's text: the menus' keys, then the mouse and lesson keys.
QString shortcutsHtml(QMenuBar* menus);
// Help > Keyboard Shortcuts: every action of `window` that has a key, by menu.
void showShortcuts(QWidget* window, QMenuBar* menus);
// Help > Quick Guide: what the window shows and how to use it, in a page.
void showGuide(QWidget* parent);
