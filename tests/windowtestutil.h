#pragma once

// What every test of the main window needs: settings in a scratch folder,
// dialogs that never block, and a fresh window that has shown its first
// result.

#include "app/commandline.h"
#include "app/mainwindow.h"
#include "ui/document/viewstate.h"
#include "ui/widgets/compareseedsdialog.h"
#include "ui/widgets/embeddingimportflow.h"
#include "ui/widgets/sessionfiles.h"

#include "testutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace windowtest {

// Settings go to `dir`, autosaves to Qt's test locations.
inline void isolateSettings(const QTemporaryDir& dir, const QString& testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionVisualizerTests"));
    QCoreApplication::setApplicationName(testName);
}

// Unsaved changes are discarded and file dialogs cancelled, unless a test
// says otherwise.
inline MainWindow::Prompts discardingPrompts()
{
    MainWindow::Prompts prompts;
    prompts.askToSave = [](const QString&) { return QMessageBox::Discard; };
    prompts.saveFileName = [](const QString&, const QString&, const QString&) { return QString(); };
    prompts.openFileName = [](const QString&, const QString&, const QString&) { return QString(); };
    return prompts;
}

// The options of a plain start: no arguments.
inline CommandLineOptions plainOptions()
{
    return parseCommandLine({QStringLiteral("attention-visualizer")}).options;
}

// A new 1280 x 720 window with no saved settings or autosave, shown (and
// active when `activate`), once its first result is there. False on failure.
inline bool openWindow(std::unique_ptr<MainWindow>& window, bool activate = true)
{
    QSettings().clear();
    QFile::remove(SessionFiles::autosavePath());
    window = std::make_unique<MainWindow>(plainOptions());
    window->setPrompts(discardingPrompts());
    window->resize(1280, 720);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return false;
    if (activate) {
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            return false;
    }
    MainWindow* shown = window.get();
    return QTest::qWaitFor([shown] { return shown->document()->result() != nullptr; }, 10000);
}

// Turns the event loop until the Compare Seeds dialog shows A and B for the
// current settings and its own document has nothing left to compute. False
// only when `timeoutMs` passed first (a hang, not a slow machine).
inline bool waitForComparison(CompareSeedsDialog* dialog, int timeoutMs = 10000)
{
    const auto* comparison = dialog->findChild<AttentionDocument*>();
    if (!comparison)
        qFatal("the Compare Seeds dialog has no document of its own");
    return QTest::qWaitFor([dialog, comparison] { return dialog->isUpToDate() && !comparison->isBusy(); }, timeoutMs);
}

// The window's child of that object name; a missing one ends the test run.
template <typename T> T* findNamed(const QObject* window, const char* name)
{
    auto* child = window->findChild<T*>(QString::fromLatin1(name));
    if (!child)
        qFatal("no child named %s", name);
    return child;
}

} // namespace windowtest
