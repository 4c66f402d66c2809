#include "ui/widgets/exportdialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
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
    for (const QString& name : attn::allPanelNames())
        m_panel->addItem(name, name);
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
    for (const QString& name : attn::allPanelNames())
        m_panel->addItem(name, name);
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
