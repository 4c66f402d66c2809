#include "ui/widgets/exportdialogs.h"

#include "ui/document/attentiondocument.h"
#include "ui/document/exportfiles.h"
#include "ui/render/figureexport.h"
#include "ui/render/lessonpdf.h"
#include "ui/widgets/appearance.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/filedialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QPushButton>

#include <algorithm>

namespace {

// OK reads "Choose File…": the file is asked for next.
void addButtons(QDialog* dialog, QFormLayout* form)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(QDialog::tr("Choose File…"));
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
}

} // namespace

ExportFigureDialog::ExportFigureDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Figure"));
    auto* form = new QFormLayout(this);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("figureFormat"));
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("SVG drawing"), QStringLiteral("svg"));
    m_format->addItem(tr("PDF document"), QStringLiteral("pdf"));
    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("figureScale"));
    m_scale->addItem(QStringLiteral("1×"), 1.0);
    m_scale->addItem(QStringLiteral("2×"), 2.0);
    m_scale->addItem(QStringLiteral("3×"), 3.0);
    m_scale->setCurrentIndex(1);
    m_scale->setToolTip(tr("Pixels per point: 2× stays sharp on slides and high-resolution screens."));
    m_panel = new QComboBox(this);
    m_panel->setObjectName(QStringLiteral("figureContent"));
    m_panel->addItem(tr("The whole figure"), QString());
    for (const attn::PanelInfo& info : attn::panelCatalogue())
        m_panel->addItem(attn::panelLabel(info.id), attn::panelName(info.id));
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("PNG scale"), m_scale);
    form->addRow(tr("Content"), m_panel);
    addButtons(this, form);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { m_scale->setEnabled(suffix() == "png"); });
}

QString ExportFigureDialog::suffix() const
{
    return m_format->currentData().toString();
}

QString ExportFigureDialog::panel() const
{
    return m_panel->currentData().toString();
}

double ExportFigureDialog::scale() const
{
    return suffix() == QLatin1String("png") ? m_scale->currentData().toDouble() : 1.0;
}

QString ExportFigureDialog::baseName() const
{
    return panel().isEmpty() ? QStringLiteral("attention") : panel();
}

QString ExportFigureDialog::fileFilter() const
{
    return tr("%1 (*.%2)").arg(m_format->currentText(), suffix());
}

ExportDataDialog::ExportDataDialog(int head, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Data"));
    auto* form = new QFormLayout(this);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("dataFormat"));
    m_format->addItem(tr("JSON: every stage"), static_cast<int>(Format::Json));
    m_format->addItem(tr("NumPy script that recomputes it"), static_cast<int>(Format::NumpyScript));
    m_format->addItem(tr("CSV: one panel"), static_cast<int>(Format::PanelCsv));
    m_panel = new QComboBox(this);
    m_panel->setObjectName(QStringLiteral("dataPanel"));
    for (const attn::PanelInfo& info : attn::panelCatalogue())
        m_panel->addItem(attn::panelLabel(info.id), attn::panelName(info.id));
    m_panel->setCurrentIndex(std::max(0, m_panel->findData(attn::panelName(attn::PanelId::Weights))));
    m_panel->setEnabled(false);
    m_panel->setToolTip(tr("Per-head panels are written for the head shown (head %1).").arg(head + 1));
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("CSV panel"), m_panel);
    addButtons(this, form);
    connect(m_format, &QComboBox::currentIndexChanged, this,
            [this] { m_panel->setEnabled(format() == Format::PanelCsv); });
}

ExportDataDialog::Format ExportDataDialog::format() const
{
    return static_cast<Format>(m_format->currentData().toInt());
}

attn::PanelId ExportDataDialog::panel() const
{
    return attn::panelFromName(m_panel->currentData().toString()).value_or(attn::PanelId::Weights);
}

QString ExportDataDialog::suffix() const
{
    switch (format()) {
    case Format::Json:
        return QStringLiteral("json");
    case Format::NumpyScript:
        return QStringLiteral("py");
    case Format::PanelCsv:
        break;
    }
    return QStringLiteral("csv");
}

QString ExportDataDialog::baseName() const
{
    return format() == Format::PanelCsv ? m_panel->currentData().toString() : QStringLiteral("attention");
}

QString ExportDataDialog::fileFilter() const
{
    return tr("%1 (*.%2)").arg(m_format->currentText(), suffix());
}

ExportCommands::ExportCommands(AttentionDocument* document, FigureView* figure, FileDialogs* dialogs, QWidget* parent)
    : QObject(parent)
    , m_document(document)
    , m_figure(figure)
    , m_dialogs(dialogs)
    , m_parent(parent)
{
}

bool ExportCommands::exportFigureTo(const QString& path, const FigureOptions& options, QString* error) const
{
    const auto result = m_document->result();
    if (!result) {
        *error = tr("There is nothing to export yet: type a sentence first.");
        return false;
    }
    return exportFigure(path, m_document->resultConfig(), result, options, error);
}

bool ExportCommands::exportDataTo(const QString& path, ExportDataDialog::Format format, attn::PanelId panel,
                                  QString* error) const
{
    const auto result = m_document->result();
    if (!result) {
        *error = tr("There is nothing to export yet: type a sentence first.");
        return false;
    }
    const attn::AttentionConfig& config = m_document->resultConfig();
    switch (format) {
    case ExportDataDialog::Format::Json:
        return exportJson(path, config, *result, error);
    case ExportDataDialog::Format::NumpyScript:
        return exportNumpyScript(path, config, *result, error);
    case ExportDataDialog::Format::PanelCsv:
        return exportPanelCsv(path, config, *result, panel, m_figure->viewState()->layer(),
                              m_figure->viewState()->head(), error);
    }
    return false;
}

void ExportCommands::exportFigureInteractively()
{
    ExportFigureDialog dialog(m_parent);
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
        emit finished(tr("Saved the figure to %1.").arg(QDir::toNativeSeparators(path)), true);
    else
        emit finished(error, false);
}

void ExportCommands::exportLessonInteractively()
{
    const auto result = m_document->result();
    if (!result) {
        emit finished(tr("There is nothing to export yet: type a sentence first."), false);
        return;
    }
    const QString path = m_dialogs->askSavePath(tr("Export Lesson"), FileDialogs::suggestExportPath("lesson.pdf"),
                                                tr("PDF document (*.pdf)"), QStringLiteral("pdf"));
    if (path.isEmpty())
        return;
    const ViewState* view = m_figure->viewState();
    LessonOptions options;
    options.queryToken = view->lessonToken();
    options.layer = view->layer();
    options.head = view->head();
    options.colorMap = view->colorMap();
    options.theme = appearance::exportTheme(m_figure);
    QString error;
    if (exportLessonPdf(path, m_document->resultConfig(), result, options, &error))
        emit finished(tr("Saved the lesson to %1.").arg(QDir::toNativeSeparators(path)), true);
    else
        emit finished(error, false);
}

void ExportCommands::exportDataInteractively()
{
    ExportDataDialog dialog(m_figure->viewState()->head(), m_parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = m_dialogs->askSavePath(
        tr("Export Data"), FileDialogs::suggestExportPath(dialog.baseName() + '.' + dialog.suffix()),
        dialog.fileFilter(), dialog.suffix());
    if (path.isEmpty())
        return;
    QString error;
    if (exportDataTo(path, dialog.format(), dialog.panel(), &error))
        emit finished(tr("Saved the data to %1.").arg(QDir::toNativeSeparators(path)), true);
    else
        emit finished(error, false);
}
