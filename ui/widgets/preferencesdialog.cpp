#include "ui/widgets/preferencesdialog.h"

#include "ui/widgets/appearance.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using appearance::ColorScheme;

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System default"), QString());
    // Each language by its own name, which no translation changes.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setAccessibleName(tr("Language"));
    m_language->setToolTip(tr("The language of the menus, panels and messages"));
    form->addRow(tr("&Language:"), m_language);
    auto* languageNote = new QLabel(tr("The language applies the next time Attention Visualizer starts."), this);
    languageNote->setObjectName(QStringLiteral("languageNote"));
    languageNote->setWordWrap(true);
    languageNote->setForegroundRole(QPalette::PlaceholderText); // quieter: a note, not a control
    form->addRow(QString(), languageNote);

    m_colorScheme = new QComboBox(this);
    m_colorScheme->setObjectName(QStringLiteral("colorSchemeBox"));
    m_colorScheme->addItem(tr("Follow the system"), appearance::colorSchemeName(ColorScheme::System));
    m_colorScheme->addItem(tr("Light"), appearance::colorSchemeName(ColorScheme::Light));
    m_colorScheme->addItem(tr("Dark"), appearance::colorSchemeName(ColorScheme::Dark));
    m_colorScheme->setAccessibleName(tr("Colour scheme"));
    m_colorScheme->setToolTip(tr("Light or dark windows and figure; the colour maps of the cells stay the same"));
    form->addRow(tr("&Colour scheme:"), m_colorScheme);

    m_exportColors = new QCheckBox(tr("&Export figures in the screen's colours"), this);
    m_exportColors->setObjectName(QStringLiteral("exportColorsBox"));
    m_exportColors->setAccessibleName(tr("Export figures in the screen's colours"));
    m_exportColors->setToolTip(tr("Unchecked, every figure, panel and lesson export is light, as for print, "
                                  "whatever the screen shows"));
    form->addRow(QString(), m_exportColors);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    m_buttons->setObjectName(QStringLiteral("preferencesButtons"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &PreferencesDialog::apply);

    load();
    for (QComboBox* box : {m_language, m_colorScheme})
        connect(box, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateApply);
    connect(m_exportColors, &QCheckBox::toggled, this, &PreferencesDialog::updateApply);
    updateApply();
}

void PreferencesDialog::load()
{
    const int language = m_language->findData(appearance::storedLanguage());
    m_language->setCurrentIndex(std::max(0, language));
    const int scheme = m_colorScheme->findData(appearance::colorSchemeName(appearance::storedColorScheme()));
    m_colorScheme->setCurrentIndex(std::max(0, scheme));
    m_exportColors->setChecked(appearance::exportUsesScreenColors());
}

void PreferencesDialog::apply()
{
    appearance::storeLanguage(m_language->currentData().toString());
    const ColorScheme scheme =
        appearance::colorSchemeFromName(m_colorScheme->currentData().toString()).value_or(ColorScheme::System);
    appearance::storeColorScheme(scheme);
    appearance::setExportUsesScreenColors(m_exportColors->isChecked());
    if (scheme != appearance::appliedColorScheme())
        appearance::applyColorScheme(scheme);
    updateApply();
}

void PreferencesDialog::updateApply()
{
    // Apply is enabled only while the controls differ from what is stored.
    const bool changed =
        m_language->currentData().toString() != appearance::storedLanguage() ||
        m_colorScheme->currentData().toString() != appearance::colorSchemeName(appearance::storedColorScheme()) ||
        m_exportColors->isChecked() != appearance::exportUsesScreenColors();
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(changed);
}

PreferencesDialog* PreferencesDialog::showOver(QWidget* parent)
{
    auto* dialog = new PreferencesDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}
