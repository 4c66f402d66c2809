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
