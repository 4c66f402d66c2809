#pragma once

// Edit > Preferences: the language for the next start, the colour scheme
// (the system's, light or dark; applied at once) and whether exports take
// the screen's colours. It only reads and writes the preferences of
// ui/widgets/appearance.h: OK and Apply store the choices and apply the
// colour scheme, Cancel leaves what was last applied.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // Stores what the controls show and applies the colour scheme.
    void apply();

    QComboBox* languageBox() const { return m_language; }
    QComboBox* colorSchemeBox() const { return m_colorScheme; }
    QCheckBox* exportColorsBox() const { return m_exportColors; }
    QDialogButtonBox* buttons() const { return m_buttons; }

    // Opens a dialog over `parent` (window-modal, deleted when closed).
    static PreferencesDialog* showOver(QWidget* parent);

private:
    void load();
    void updateApply();

    QComboBox* m_language = nullptr;
    QComboBox* m_colorScheme = nullptr;
    QCheckBox* m_exportColors = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
