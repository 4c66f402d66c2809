#pragma once

// The language the app speaks: its own catalogues (one per library, built
// from resources/translations/*.ts into the ":/i18n" resources) and Qt's own
// (qtbase_*.qm, Debian's qt6-translations-l10n), installed together, with the
// matching default locale for numbers shown to people. English is the source
// language and needs no catalogue.

#include <QString>
#include <QStringList>

namespace attn::ui {

// "en" and the languages with shipped catalogues ("de", "zh_CN").
QStringList availableLanguages();

// The shipped language a name stands for ("de", "de_DE", "de-AT" -> "de";
// "zh_CN", "zh-Hans", "zh" -> "zh_CN"; "en_GB" -> "en"), or an empty string
// when none does.
QString matchLanguage(const QString& name);

// What to speak: `requested` when it is given (the command line's --lang or
// the Preferences' choice), otherwise the first of the system's languages
// (QLocale::system().uiLanguages(): LANGUAGE, LC_ALL, LC_MESSAGES, LANG) that
// is available, otherwise English.
QString chooseLanguage(const QString& requested, const QStringList& systemLanguages);
QString chooseLanguage(const QString& requested);

// Installs `language`'s catalogues into the running application, replacing
// those installed before, and makes its locale the default one (a decimal
// comma in German). Needs a QCoreApplication. Returns false when a catalogue
// the language should have could not be loaded (the app then speaks English
// where it is missing).
bool installLanguage(const QString& language);

// The language installed last ("en" before any).
QString installedLanguage();

} // namespace attn::ui
