#pragma once

// The user's appearance preferences and what follows from them: the colour
// scheme of the whole application (the platform's, or a light or dark Fusion
// palette), the render theme the screen draws with, the one exports draw
// with (light, unless the user asked for the screen's colours), and the
// language chosen for the next start. Preferences live in QSettings under the
// keys below; the dialog that edits them is preferencesdialog.
//
// Qt 6.4 has no colour-scheme hint, so "dark" is read from a palette: its
// window darker than its text (isDarkPalette). Views take their render theme
// from their own palette and follow QEvent::PaletteChange, which Qt sends both
// when the scheme here is applied and when the platform's palette changes.

#include "ui/render/rendertheme.h"

#include <QPalette>
#include <QString>

#include <optional>

class QWidget;

namespace appearance {

inline constexpr char kLanguageKey[] = "ui/language";
inline constexpr char kColorSchemeKey[] = "ui/colorScheme";
inline constexpr char kExportScreenColorsKey[] = "export/useScreenColors";

enum class ColorScheme { System, Light, Dark };

// "system", "light", "dark" (the stored values), and back; nothing for others.
QString colorSchemeName(ColorScheme scheme);
std::optional<ColorScheme> colorSchemeFromName(const QString& name);

// The stored scheme; System when unset or unknown.
ColorScheme storedColorScheme();
void storeColorScheme(ColorScheme scheme);

// Makes `scheme` the application's: System restores the platform's style and
// palette (and so follows the platform when it changes); Light and Dark set
// the Fusion style with lightPalette() or darkPalette().
void applyColorScheme(ColorScheme scheme);
// The scheme applyColorScheme last applied (System before any call).
ColorScheme appliedColorScheme();
QPalette lightPalette();
QPalette darkPalette();

// The theme the screen draws with: that of the widget's palette.
RenderTheme screenTheme(const QWidget* widget);
// Whether exports (figures, panels copied, lesson PDFs) take the screen's
// colours; false (light exports) by default.
bool exportUsesScreenColors();
void setExportUsesScreenColors(bool on);
// The theme an export started from `widget` draws with.
RenderTheme exportTheme(const QWidget* widget);

// A widget styled by a style sheet of fixed colours: `light` while the
// application's palette is light, `dark` while it is dark, switched whenever
// the palette changes.
void setThemedStyleSheet(QWidget* widget, const QString& light, const QString& dark);

// The language for the next start: "" (the system's), "en", "de", "zh_CN".
QString storedLanguage();
void storeLanguage(const QString& language);

} // namespace appearance
