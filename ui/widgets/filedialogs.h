#pragma once

#include <QMessageBox>
#include <QObject>
#include <QString>

#include <functional>

class QWidget;

// Every question the app asks about a file goes through here: open and save
// dialogs, which remember their folder, and "save changes?". Tests replace
// the real dialogs with Prompts, so no test or scripted run ever blocks on a
// modal dialog.
class FileDialogs : public QObject
{
    Q_OBJECT

public:
    // Unset members use the real dialogs.
    struct Prompts
    {
        // Unsaved changes: Save, Discard or Cancel.
        std::function<QMessageBox::StandardButton(const QString& question)> askToSave;
        // A path, or empty for "cancelled".
        std::function<QString(const QString& title, const QString& suggestion, const QString& filter)> saveFileName;
        std::function<QString(const QString& title, const QString& directory, const QString& filter)> openFileName;
    };

    // Where the dialogs remember their folders (QSettings keys).
    static constexpr const char* sessionFolderKey = "export/directory";
    static constexpr const char* exportFolderKey = "export/directory";
    static constexpr const char* importFolderKey = "import/directory";

    // Dialogs are modal to `window`.
    explicit FileDialogs(QWidget* window);

    void setPrompts(const Prompts& prompts) { m_prompts = prompts; }

    // A file to read, starting in the folder remembered under `folderKey`
    // (which then remembers the file's folder); empty: cancelled.
    QString askOpenPath(const QString& title, const char* folderKey, const QString& filter);
    // A file to write, suggested as `suggestion`; when the name has no
    // suffix it gets the one of the filter chosen in the dialog, else
    // `suffix`; the folder is remembered for exports.
    QString askSavePath(const QString& title, const QString& suggestion, const QString& filter, const QString& suffix);
    // `name` in the remembered export folder: what save dialogs suggest.
    static QString suggestExportPath(const QString& name);
    // The suffix of a dialog filter's first pattern: "svg" for
    // "SVG drawing (*.svg)"; empty when it has none.
    static QString filterSuffix(const QString& filter);
    static QString rememberedFolder(const char* folderKey);

    // Save, Discard or Cancel for unsaved changes.
    QMessageBox::StandardButton askToSave(const QString& question);

private:
    QWidget* m_window;
    Prompts m_prompts;
};
