#pragma once

#include "ui/render/panelid.h"

#include <QDialog>
#include <QString>

class QComboBox;

// File > Export Figure's first step: format, PNG scale and content (the
// whole figure or one panel). The file name is asked for afterwards.
class ExportFigureDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportFigureDialog(QWidget* parent = nullptr);

    QString suffix() const;   // "png", "svg" or "pdf"
    QString panel() const;    // empty: the whole figure; else a panel's name
    double scale() const;     // PNG pixels per figure pixel; 1 for vector formats
    QString baseName() const; // what the save dialog suggests, without suffix
    QString fileFilter() const;

private:
    QComboBox* m_format = nullptr;
    QComboBox* m_scale = nullptr;
    QComboBox* m_panel = nullptr;
};

// File > Export Data's first step: JSON of every stage, the NumPy script, or
// one panel as CSV.
class ExportDataDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Format { Json, NumpyScript, PanelCsv };

    // `head` is the zero-based head whose per-head panels a CSV holds.
    explicit ExportDataDialog(int head, QWidget* parent = nullptr);

    Format format() const;
    attn::PanelId panel() const; // for PanelCsv
    QString suffix() const;      // "json", "py" or "csv"
    QString baseName() const;
    QString fileFilter() const;

private:
    QComboBox* m_format = nullptr;
    QComboBox* m_panel = nullptr;
};

struct FigureOptions;
class AttentionDocument;
class FigureView;
class FileDialogs;

// File > Export Figure and Export Data from dialog to file: asks with the
// dialogs above and the file-dialog service, writes the document's shown
// result with what the figure view shows (head, colour map, selection), and
// says how it went through finished() (once per export; no dialog of its own).
class ExportCommands : public QObject
{
    Q_OBJECT

public:
    ExportCommands(AttentionDocument* document, FigureView* figure, FileDialogs* dialogs, QWidget* parent);

    // Without dialogs; false with *error set.
    bool exportFigureTo(const QString& path, const FigureOptions& options, QString* error) const;
    // `panel` matters for PanelCsv only (per-head panels: the head shown).
    bool exportDataTo(const QString& path, ExportDataDialog::Format format, attn::PanelId panel, QString* error) const;

    void exportFigureInteractively();
    void exportDataInteractively();
    // File > Export Lesson: the seven slides for the selected token, layer
    // and head as one PDF handout.
    void exportLessonInteractively();

signals:
    void finished(const QString& message, bool ok);

private:
    AttentionDocument* m_document;
    FigureView* m_figure;
    FileDialogs* m_dialogs;
    QWidget* m_parent;
};
