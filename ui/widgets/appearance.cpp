#include "ui/widgets/appearance.h"

#include <QApplication>
#include <QEvent>
#include <QList>
#include <QPointer>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include <memory>

namespace appearance {

namespace {

const QString kFusion = QStringLiteral("Fusion");

// The style the platform gave the application, so that System can bring it
// back after Light or Dark switched to Fusion; empty until first needed.
QString& platformStyleName()
{
    static QString name;
    return name;
}

ColorScheme& applied()
{
    static ColorScheme scheme = ColorScheme::System;
    return scheme;
}

constexpr char kLightSheet[] = "av_lightStyleSheet";
constexpr char kDarkSheet[] = "av_darkStyleSheet";

void applyThemedStyleSheet(QWidget* widget)
{
    const QVariant sheet = widget->property(isDarkPalette(QApplication::palette()) ? kDarkSheet : kLightSheet);
    // Only a change: setting a style sheet sends palette events of its own.
    if (sheet.isValid() && widget->styleSheet() != sheet.toString())
        widget->setStyleSheet(sheet.toString());
}

// Restyles the widgets of setThemedStyleSheet when the application's palette
// changes. It watches the application, which Qt tells of every new palette
// (a scheme applied here or the platform's): a child widget with a style
// sheet of its own gets no palette event.
class ThemedStyleSheets : public QObject
{
public:
    explicit ThemedStyleSheets(QObject* parent)
        : QObject(parent)
    {
        parent->installEventFilter(this);
    }

    void add(QWidget* widget)
    {
        m_widgets.removeAll(nullptr);
        if (!m_widgets.contains(widget))
            m_widgets.push_back(widget);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == parent() && event->type() == QEvent::ApplicationPaletteChange) {
            for (const QPointer<QWidget>& widget : std::as_const(m_widgets)) {
                if (widget)
                    applyThemedStyleSheet(widget);
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QList<QPointer<QWidget>> m_widgets;
};

ThemedStyleSheets* themedStyleSheets()
{
    static ThemedStyleSheets* filter = new ThemedStyleSheets(qApp);
    return filter;
}

void setStyleNamed(const QString& name)
{
    if (name.isEmpty() || QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    QApplication::setStyle(name);
}

} // namespace

QString colorSchemeName(ColorScheme scheme)
{
    switch (scheme) {
    case ColorScheme::Light:
        return QStringLiteral("light");
    case ColorScheme::Dark:
        return QStringLiteral("dark");
    case ColorScheme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<ColorScheme> colorSchemeFromName(const QString& name)
{
    for (ColorScheme scheme : {ColorScheme::System, ColorScheme::Light, ColorScheme::Dark}) {
        if (name == colorSchemeName(scheme))
            return scheme;
    }
    return std::nullopt;
}

ColorScheme storedColorScheme()
{
    return colorSchemeFromName(QSettings().value(QLatin1String(kColorSchemeKey)).toString())
        .value_or(ColorScheme::System);
}

void storeColorScheme(ColorScheme scheme)
{
    QSettings().setValue(QLatin1String(kColorSchemeKey), colorSchemeName(scheme));
}

void applyColorScheme(ColorScheme scheme)
{
    if (platformStyleName().isEmpty())
        platformStyleName() = QApplication::style()->name();
    applied() = scheme;
    if (scheme == ColorScheme::System) {
        setStyleNamed(platformStyleName());
        // A palette with no role set resolves every role to the platform's,
        // and keeps doing so when the platform's palette changes.
        QApplication::setPalette(QPalette());
        return;
    }
    // The platform's own style may draw with colours of its own; Fusion
    // draws with the palette alone.
    setStyleNamed(kFusion);
    QApplication::setPalette(scheme == ColorScheme::Dark ? darkPalette() : lightPalette());
}

ColorScheme appliedColorScheme()
{
    return applied();
}

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(kFusion));
    return fusion ? fusion->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
}

QPalette darkPalette()
{
    // Base is the figure's dark page, so views and the figure share one ground.
    const RenderTheme theme = RenderTheme::dark();
    QPalette p;
    const QColor window(0x2d, 0x30, 0x35);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabledText(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, theme.background);
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2d, 0x32));
    p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x2d, 0x33));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x38, 0x3b, 0x41));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4b, 0x4f, 0x56));
    p.setColor(QPalette::Midlight, QColor(0x3f, 0x43, 0x49));
    p.setColor(QPalette::Mid, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xd9));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb8, 0x94, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4b, 0x4f, 0x56));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

RenderTheme screenTheme(const QWidget* widget)
{
    return RenderTheme::forPalette(widget ? widget->palette() : QApplication::palette());
}

bool exportUsesScreenColors()
{
    return QSettings().value(QLatin1String(kExportScreenColorsKey), false).toBool();
}

void setExportUsesScreenColors(bool on)
{
    QSettings().setValue(QLatin1String(kExportScreenColorsKey), on);
}

RenderTheme exportTheme(const QWidget* widget)
{
    return exportUsesScreenColors() ? screenTheme(widget) : RenderTheme::light();
}

void setThemedStyleSheet(QWidget* widget, const QString& light, const QString& dark)
{
    widget->setProperty(kLightSheet, light);
    widget->setProperty(kDarkSheet, dark);
    themedStyleSheets()->add(widget);
    applyThemedStyleSheet(widget);
}

QString storedLanguage()
{
    return QSettings().value(QLatin1String(kLanguageKey)).toString();
}

void storeLanguage(const QString& language)
{
    QSettings().setValue(QLatin1String(kLanguageKey), language);
}

} // namespace appearance
