#include "ui/render/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace attn::ui {

namespace {

const QStringList& shippedLanguages()
{
    static const QStringList languages{QStringLiteral("de"), QStringLiteral("zh_CN")};
    return languages;
}

std::vector<std::unique_ptr<QTranslator>>& installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

QString& current()
{
    static QString language = QStringLiteral("en");
    return language;
}

} // namespace

QStringList availableLanguages()
{
    return QStringList{QStringLiteral("en")} + shippedLanguages();
}

QString matchLanguage(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    QString code = trimmed;
    code.replace(QLatin1Char('-'), QLatin1Char('_'));
    // "C" and "POSIX" are the system saying "no language": English.
    if (code == QLatin1String("C") || code.startsWith(QLatin1String("C.")) || code == QLatin1String("POSIX"))
        return QStringLiteral("en");
    const QLocale locale(code);
    const QString prefix = code.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('.'), 0, 0).toLower();
    // QLocale turns unknown names into "C"; only the language's own code counts.
    if (prefix == QLatin1String("en") && locale.language() == QLocale::English)
        return QStringLiteral("en");
    if (prefix == QLatin1String("de") && locale.language() == QLocale::German)
        return QStringLiteral("de");
    if (prefix == QLatin1String("zh") && locale.language() == QLocale::Chinese) {
        // Simplified Chinese only: Taiwan, Hong Kong and Macau write the
        // traditional script, which has no catalogue.
        const bool traditional = locale.script() == QLocale::TraditionalChineseScript;
        return traditional ? QString() : QStringLiteral("zh_CN");
    }
    return {};
}

QString chooseLanguage(const QString& requested, const QStringList& systemLanguages)
{
    if (!requested.trimmed().isEmpty()) {
        const QString match = matchLanguage(requested);
        return match.isEmpty() ? QStringLiteral("en") : match;
    }
    for (const QString& name : systemLanguages) {
        const QString match = matchLanguage(name);
        if (!match.isEmpty())
            return match;
    }
    return QStringLiteral("en");
}

QString chooseLanguage(const QString& requested)
{
    return chooseLanguage(requested, QLocale::system().uiLanguages());
}

bool installLanguage(const QString& language)
{
    for (const auto& translator : installed())
        QCoreApplication::removeTranslator(translator.get());
    installed().clear();

    const QString chosen = availableLanguages().contains(language) ? language : QStringLiteral("en");
    current() = chosen;
    if (chosen == QLatin1String("en")) {
        // English numbers as the system writes them when it speaks English
        // (or C's), the United States' otherwise.
        const QLocale system = QLocale::system();
        const bool english = system.language() == QLocale::English || system.language() == QLocale::C;
        QLocale::setDefault(english ? system : QLocale(QLocale::English, QLocale::UnitedStates));
        return true;
    }
    QLocale::setDefault(QLocale(chosen));

    bool complete = true;
    const auto load = [&](const QString& file, const QString& directory) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(file, directory)) {
            complete = false;
            return;
        }
        QCoreApplication::installTranslator(translator.get());
        installed().push_back(std::move(translator));
    };
    const QStringList catalogues =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*_%1.qm").arg(chosen)}, QDir::Files);
    if (catalogues.isEmpty())
        complete = false;
    for (const QString& catalogue : catalogues)
        load(catalogue, QStringLiteral(":/i18n"));
    // Qt's own strings: the standard buttons, the file dialog, shortcuts' names.
    load(QStringLiteral("qtbase_") + chosen, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return complete;
}

QString installedLanguage()
{
    return current();
}

} // namespace attn::ui
