// Colour schemes and number notation: the figure drawn in the dark theme has
// a dark page and light text while its cells keep their colours; exports are
// light unless the preference asks for the screen's colours, even when the
// screen is dark; the Preferences dialog stores its choices and a new scheme
// changes the application's palette and what the views draw; with a German
// locale the numbers on screen have a decimal comma while CSV and JSON keep
// '.'.

#include "core/exporters.h"
#include "ui/render/figure.h"
#include "ui/render/figureexport.h"
#include "ui/render/formulatext.h"
#include "ui/render/heatmapscale.h"
#include "ui/render/lessonpage.h"
#include "ui/widgets/appearance.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/lessonview.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/preferencesdialog.h"

#include "windowtestutil.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <sstream>

using appearance::ColorScheme;
using attn::PanelId;

Q_DECLARE_METATYPE(RenderTheme)

namespace {

std::shared_ptr<const attn::AttentionResult> articleResult(const attn::AttentionConfig& config)
{
    return std::make_shared<const attn::AttentionResult>(attn::computeAttention(config));
}

// Pixels of `image` inside `rect` (logical, scaled by the image's ratio)
// that are much lighter / darker than the middle grey.
int countPixels(const QImage& image, const QRectF& rect, bool light)
{
    const double dpr = image.devicePixelRatio();
    const QRect r = QRectF(rect.topLeft() * dpr, rect.size() * dpr).toAlignedRect().intersected(image.rect());
    int count = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const int l = image.pixelColor(x, y).lightness();
            count += light ? l > 200 : l < 60;
        }
    }
    return count;
}

QColor pixelAt(const QImage& image, QPointF logical)
{
    const double dpr = image.devicePixelRatio();
    return image.pixelColor(QPoint(static_cast<int>(logical.x() * dpr), static_cast<int>(logical.y() * dpr)));
}

// A point of the cell away from its printed number and its edges.
QPointF cellProbe(const HeatmapLayout& layout, int row, int column)
{
    const QRectF cell = layout.cellRect(row, column);
    return cell.topLeft() + QPointF(std::min(3.0, cell.width() / 4), std::min(3.0, cell.height() / 4));
}

bool haveTool(const QString& name)
{
    return !QStandardPaths::findExecutable(name).isEmpty();
}

} // namespace

class TestColorScheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void figurePageAndTextFollowTheTheme_data();
    void figurePageAndTextFollowTheTheme();
    void cellsAreTheSameInBothThemes();
    void lessonPageFollowsTheTheme();
    void paletteDecidesTheTheme();
    void exportsAreLightUnlessAsked();
    void lessonPdfIsLightWhileTheScreenIsDark();
    void preferencesDialogStoresItsChoices();
    void schemeChangesPaletteAndFigureView();
    void messageBarFollowsTheScheme();
    void preferencesActionOpensTheDialog();
    void germanNumbersOnScreenDotsInFiles();
    void localeKeepsNumberRules();

private:
    QTemporaryDir m_dir;
    QPalette m_startPalette;
};

void TestColorScheme::initTestCase()
{
    QVERIFY(m_dir.isValid());
    windowtest::isolateSettings(m_dir, QStringLiteral("tst_colorscheme"));
    QSettings().clear();
    m_startPalette = QApplication::palette();
}

void TestColorScheme::cleanup()
{
    QLocale::setDefault(QLocale::c());
    appearance::applyColorScheme(ColorScheme::System);
    QSettings().clear();
}

void TestColorScheme::figurePageAndTextFollowTheTheme_data()
{
    QTest::addColumn<RenderTheme>("theme");
    QTest::addRow("light") << RenderTheme::light();
    QTest::addRow("dark") << RenderTheme::dark();
}

void TestColorScheme::figurePageAndTextFollowTheTheme()
{
    QFETCH(RenderTheme, theme);
    const attn::AttentionConfig config = testutil::articleConfig();
    FigureSettings settings;
    settings.theme = theme;
    const Figure figure(config, articleResult(config), settings);
    const QImage image = renderFigureImage(figure, 1.0);
    QVERIFY(!image.isNull());
    QCOMPARE(image.pixelColor(0, 0), theme.background);
    QCOMPARE(image.pixelColor(image.width() - 1, image.height() - 1), theme.background);
    // The title line: text of the theme's lightness, none of the other.
    const QRectF title = figure.titleRect();
    QVERIFY(countPixels(image, title, theme.isDark) > 50);
    // Axis labels of the weights: left of the grid, in the theme's text.
    const FigurePanel& weights = figure.panels()[static_cast<std::size_t>(figure.panelIndex(PanelId::Weights))];
    QVERIFY(countPixels(image, weights.layout.rowLabelRect, theme.isDark) > 20);
    // Between the panels the page shows through.
    const QRectF gap(weights.rect.right() + 1, weights.rect.top(), 1, 1);
    if (gap.right() < figure.size().width())
        QCOMPARE(pixelAt(image, gap.topLeft()), theme.background);
}

void TestColorScheme::cellsAreTheSameInBothThemes()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto result = articleResult(config);
    FigureSettings light;
    light.query = 1;
    FigureSettings dark = light;
    dark.theme = RenderTheme::dark();
    const Figure a(config, result, light);
    const Figure b(config, result, dark);
    const QImage imageA = renderFigureImage(a, 1.0);
    const QImage imageB = renderFigureImage(b, 1.0);
    QCOMPARE(imageA.size(), imageB.size());
    QVERIFY(imageA != imageB);
    int compared = 0;
    for (std::size_t p = 0; p < a.panels().size(); ++p) {
        const FigurePanel& panel = a.panels()[p];
        const ValueRange range = panel.layout.range;
        for (int r = 0; r < panel.layout.rows; r += 2) {
            for (int c = 0; c < panel.layout.columns; c += 2) {
                if (panel.spec.highlightedRows.contains(r) || panel.spec.highlightedColumns.contains(c))
                    continue; // the selection's outline runs along these cells' edges
                const QPointF probe = cellProbe(panel.layout, r, c);
                const QColor expected = QColor::fromRgb(heatmapscale::cellColor(
                    panel.spec, range,
                    panel.spec.colorValues ? (*panel.spec.colorValues)(r, c) : (*panel.spec.matrix)(r, c)));
                QCOMPARE(pixelAt(imageA, probe), expected);
                QCOMPARE(pixelAt(imageB, probe), expected);
                ++compared;
            }
        }
    }
    QVERIFY(compared > 40);
}

void TestColorScheme::lessonPageFollowsTheTheme()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto result = articleResult(config);
    for (const RenderTheme& theme : {RenderTheme::light(), RenderTheme::dark()}) {
        LessonSettings settings;
        settings.step = 4;
        settings.theme = theme;
        const LessonPage page(config, result, settings);
        QImage image(page.size().toSize(), QImage::Format_RGB32);
        image.fill(Qt::magenta);
        QPainter painter(&image);
        page.paint(&painter);
        painter.end();
        QCOMPARE(image.pixelColor(0, 0), theme.background);
        QVERIFY(countPixels(image, page.explanationRect(), theme.isDark) > 100);
        QVERIFY(!page.formulaRect().isEmpty());
        // Inside the formula box's border, left of its text.
        QCOMPARE(pixelAt(image, QPointF(page.formulaRect().left() + 5, page.formulaRect().center().y())), theme.box);
    }
}

void TestColorScheme::paletteDecidesTheTheme()
{
    QVERIFY(isDarkPalette(appearance::darkPalette()));
    QVERIFY(!isDarkPalette(appearance::lightPalette()));
    QCOMPARE(RenderTheme::forPalette(appearance::darkPalette()), RenderTheme::dark());
    QCOMPARE(RenderTheme::forPalette(appearance::lightPalette()), RenderTheme::light());
    QPalette inverted;
    inverted.setColor(QPalette::Window, QColor(0x10, 0x10, 0x10));
    inverted.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
    QVERIFY(isDarkPalette(inverted));
}

void TestColorScheme::exportsAreLightUnlessAsked()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto result = articleResult(config);
    appearance::applyColorScheme(ColorScheme::Dark);
    FigureView view;
    view.resize(900, 600);
    view.setData(config, result);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.figure().settings().theme.isDark);

    const auto exportedCorner = [&](const FigureOptions& options) {
        QByteArray png;
        QString error;
        if (!encodeFigure(QStringLiteral("figure.png"), config, result, options, &png, &error))
            return QColor();
        return QImage::fromData(png, "PNG").pixelColor(0, 0);
    };
    QCOMPARE(view.exportOptions().theme, RenderTheme::light());
    QCOMPARE(exportedCorner(view.exportOptions()), QColor(Qt::white));
    QCOMPARE(view.panelImage(0, 1.0).pixelColor(0, 0), QColor(Qt::white));

    appearance::setExportUsesScreenColors(true);
    QCOMPARE(view.exportOptions().theme, RenderTheme::dark());
    QCOMPARE(exportedCorner(view.exportOptions()), RenderTheme::dark().background);
    QCOMPARE(view.panelImage(0, 1.0).pixelColor(0, 0), RenderTheme::dark().background);

    // Screen colours on a light screen are light.
    appearance::applyColorScheme(ColorScheme::Light);
    QTRY_COMPARE(view.exportOptions().theme, RenderTheme::light());
}

void TestColorScheme::lessonPdfIsLightWhileTheScreenIsDark()
{
    if (!haveTool(QStringLiteral("pdftoppm")))
        QSKIP("poppler-utils (pdftoppm) not installed");
    appearance::applyColorScheme(ColorScheme::Dark);
    std::unique_ptr<MainWindow> window;
    QVERIFY(windowtest::openWindow(window));
    appearance::applyColorScheme(ColorScheme::Dark); // openWindow cleared the settings, not the palette
    const QString path = m_dir.filePath(QStringLiteral("lesson.pdf"));
    MainWindow::Prompts prompts = windowtest::discardingPrompts();
    prompts.saveFileName = [path](const QString&, const QString&, const QString&) { return path; };
    window->setPrompts(prompts);

    const auto firstPageCorner = [&]() {
        QFile::remove(path);
        window->findChild<QAction*>(QStringLiteral("exportLessonAction"))->trigger();
        if (!QFile::exists(path))
            return QColor();
        const QString prefix = m_dir.filePath(QStringLiteral("page"));
        QProcess::execute(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("20"), QStringLiteral("-f"),
                           QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                           QStringLiteral("-singlefile"), path, prefix});
        const QImage page(prefix + QStringLiteral(".png"));
        QFile::remove(prefix + QStringLiteral(".png"));
        return page.isNull() ? QColor() : page.pixelColor(2, 2);
    };
    QVERIFY(window->lessonView()->palette().color(QPalette::Window).lightness() < 100);
    QCOMPARE(firstPageCorner(), QColor(Qt::white));
    appearance::setExportUsesScreenColors(true);
    const QColor dark = firstPageCorner();
    QVERIFY2(dark.isValid() && dark.lightness() < 60, qPrintable(dark.name()));
}

void TestColorScheme::preferencesDialogStoresItsChoices()
{
    PreferencesDialog dialog;
    QPushButton* apply = dialog.buttons()->button(QDialogButtonBox::Apply);
    QVERIFY(!apply->isEnabled());
    QCOMPARE(dialog.colorSchemeBox()->currentData().toString(), QStringLiteral("system"));
    QCOMPARE(dialog.languageBox()->currentData().toString(), QString());
    QVERIFY(!dialog.exportColorsBox()->isChecked());
    for (QWidget* control :
         std::initializer_list<QWidget*>{dialog.languageBox(), dialog.colorSchemeBox(), dialog.exportColorsBox()})
        QVERIFY(!control->accessibleName().isEmpty());

    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
    dialog.colorSchemeBox()->setCurrentIndex(dialog.colorSchemeBox()->findData(QStringLiteral("dark")));
    dialog.exportColorsBox()->setChecked(true);
    QVERIFY(apply->isEnabled());
    QVERIFY(!isDarkPalette(QApplication::palette())); // nothing applied before OK or Apply
    dialog.buttons()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QSettings settings;
    QCOMPARE(settings.value(QLatin1String(appearance::kLanguageKey)).toString(), QStringLiteral("de"));
    QCOMPARE(settings.value(QLatin1String(appearance::kColorSchemeKey)).toString(), QStringLiteral("dark"));
    QCOMPARE(settings.value(QLatin1String(appearance::kExportScreenColorsKey)).toBool(), true);
    QVERIFY(isDarkPalette(QApplication::palette()));

    // A new dialog shows what is stored; Cancel keeps it.
    PreferencesDialog again;
    QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("de"));
    QCOMPARE(again.colorSchemeBox()->currentData().toString(), QStringLiteral("dark"));
    QVERIFY(again.exportColorsBox()->isChecked());
    again.languageBox()->setCurrentIndex(again.languageBox()->findData(QStringLiteral("zh_CN")));
    again.buttons()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(QSettings().value(QLatin1String(appearance::kLanguageKey)).toString(), QStringLiteral("de"));
}

void TestColorScheme::schemeChangesPaletteAndFigureView()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    FigureView view;
    view.resize(900, 600);
    view.setData(config, articleResult(config));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto corner = [&view] { return view.viewport()->grab().toImage().pixelColor(1, 1); };
    QVERIFY(!view.figure().settings().theme.isDark);
    QCOMPARE(corner(), QColor(Qt::white));

    PreferencesDialog dialog;
    dialog.colorSchemeBox()->setCurrentIndex(dialog.colorSchemeBox()->findData(QStringLiteral("dark")));
    dialog.buttons()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(appearance::storedColorScheme(), ColorScheme::Dark);
    QVERIFY(isDarkPalette(QApplication::palette()));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QTRY_VERIFY(view.figure().settings().theme.isDark);
    QCOMPARE(corner(), RenderTheme::dark().background);

    dialog.colorSchemeBox()->setCurrentIndex(dialog.colorSchemeBox()->findData(QStringLiteral("light")));
    dialog.buttons()->button(QDialogButtonBox::Apply)->click();
    QVERIFY(!isDarkPalette(QApplication::palette()));
    QTRY_VERIFY(!view.figure().settings().theme.isDark);
    QCOMPARE(corner(), QColor(Qt::white));

    // The system's scheme is the platform's palette again.
    dialog.colorSchemeBox()->setCurrentIndex(dialog.colorSchemeBox()->findData(QStringLiteral("dark")));
    dialog.buttons()->button(QDialogButtonBox::Apply)->click();
    QTRY_VERIFY(view.figure().settings().theme.isDark);
    dialog.colorSchemeBox()->setCurrentIndex(dialog.colorSchemeBox()->findData(QStringLiteral("system")));
    dialog.buttons()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_startPalette.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), m_startPalette.color(QPalette::Text));
    QTRY_COMPARE(view.figure().settings().theme.isDark, isDarkPalette(m_startPalette));
}

void TestColorScheme::messageBarFollowsTheScheme()
{
    MessageBar bar;
    bar.showMessage(MessageBar::Kind::Error, QStringLiteral("Cannot read the file."));
    const QString light = bar.styleSheet();
    QVERIFY(!light.isEmpty());
    appearance::applyColorScheme(ColorScheme::Dark);
    QTRY_VERIFY(bar.styleSheet() != light);
    QVERIFY(bar.styleSheet().contains(QStringLiteral("color:")));
    appearance::applyColorScheme(ColorScheme::Light);
    QTRY_COMPARE(bar.styleSheet(), light);

    // Inside a shown window too, as the settings' section headings are.
    QWidget window;
    auto* heading = new QLabel(QStringLiteral("Shape"), &window);
    appearance::setThemedStyleSheet(heading, QStringLiteral("QLabel { color: #1f4e79; }"),
                                    QStringLiteral("QLabel { color: #9cc4ee; }"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(heading->styleSheet(), QStringLiteral("QLabel { color: #1f4e79; }"));
    appearance::applyColorScheme(ColorScheme::Dark);
    QTRY_COMPARE(heading->styleSheet(), QStringLiteral("QLabel { color: #9cc4ee; }"));
    appearance::applyColorScheme(ColorScheme::Light);
    QTRY_COMPARE(heading->styleSheet(), QStringLiteral("QLabel { color: #1f4e79; }"));
}

void TestColorScheme::preferencesActionOpensTheDialog()
{
    std::unique_ptr<MainWindow> window;
    QVERIFY(windowtest::openWindow(window));
    auto* action = window->findChild<QAction*>(QStringLiteral("preferencesAction"));
    QVERIFY(action);
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    QVERIFY(!window->findChild<PreferencesDialog*>());
    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(window->findChild<PreferencesDialog*>());
    PreferencesDialog* dialog = window->findChild<PreferencesDialog*>();
    QVERIFY(dialog->isVisible());
    dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    QTRY_VERIFY(!window->findChild<PreferencesDialog*>()); // deleted on close
}

void TestColorScheme::germanNumbersOnScreenDotsInFiles()
{
    const attn::AttentionConfig config = testutil::articleConfig();
    const auto result = articleResult(config);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    FigureView view;
    view.resize(1200, 800);
    view.setData(config, result);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Figure& figure = view.figure();
    const int weights = figure.panelIndex(PanelId::Weights);
    QVERIFY(weights >= 0);
    const double w = result->layers[0].heads[0].weights(0, 1);
    const QString drawn = figure.cellValueText(weights, 0, 1);
    QCOMPARE(drawn, QString::number(w, 'f', 2).replace(QLatin1Char('.'), QLatin1Char(',')));
    QVERIFY(!drawn.contains(QLatin1Char('.')));
    // The hover arithmetic of the same cell, as the view shows it.
    const auto center = view.cellCenter(PanelId::Weights, 0, 1);
    QVERIFY(center);
    const QString hover = view.toolTipAt(*center);
    QVERIFY2(hover.contains(drawn), qPrintable(hover));
    QVERIFY2(!QRegularExpression(QStringLiteral("\\d\\.\\d")).match(hover).hasMatch(), qPrintable(hover));
    // The colour bar's ticks too.
    QVERIFY(figure.panels()[static_cast<std::size_t>(weights)].layout.tickLabels.join(QString()).contains(
        QLatin1Char(',')));

    // Files for programs keep '.'.
    const QString csv = QString::fromUtf8(panelCsv(*result, PanelId::Weights, 0, 0));
    QVERIFY(csv.contains(QString::fromStdString(attn::formatDouble(w))));
    QVERIFY(QString::fromStdString(attn::formatDouble(w)).contains(QLatin1Char('.')));
    // The first token's row: its name, then one field per key, each the C notation.
    const QStringList rows = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(rows.size() > 1);
    const QStringList fields = rows[1].split(QLatin1Char(','));
    QCOMPARE(fields.size(), static_cast<qsizetype>(result->tokens.size()) + 1);
    QCOMPARE(fields[2].trimmed(), QString::fromStdString(attn::formatDouble(w)));
    std::ostringstream json;
    attn::writeJson(json, config, *result);
    const QString jsonText = QString::fromStdString(json.str());
    QVERIFY(jsonText.contains(QString::fromStdString(attn::formatDouble(w))));
    QVERIFY(!QRegularExpression(QStringLiteral("\\d,\\d")).match(jsonText).hasMatch());

    // Back in English the same cell reads with a point.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const Figure english(config, result, FigureSettings{});
    QCOMPARE(english.cellValueText(english.panelIndex(PanelId::Weights), 0, 1), QString::number(w, 'f', 2));
}

void TestColorScheme::localeKeepsNumberRules()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(heatmapscale::formatValue(-0.004, 2), QStringLiteral("0,00"));
    QCOMPARE(heatmapscale::formatValue(-1.5, 2), QStringLiteral("\u22121,50"));
    QCOMPARE(heatmapscale::formatValue(1234.5, 1), QStringLiteral("1234,5")); // no group separator
    QCOMPARE(heatmapscale::tickText(0.5, 2), QStringLiteral("0,5"));
    QCOMPARE(heatmapscale::tickText(2.0, 2), QStringLiteral("2"));
    QCOMPARE(heatmapscale::formatValue(2.5e10, 2), QStringLiteral("2,500e10"));
    QCOMPARE(formulatext::listSeparator(), QStringLiteral("; "));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(heatmapscale::formatValue(1234.5, 1), QStringLiteral("1234.5"));
    QCOMPARE(heatmapscale::formatValue(2.5e10, 2), QStringLiteral("2.500e10"));
    QCOMPARE(heatmapscale::tickText(10.0, 2), QStringLiteral("10"));
    QCOMPARE(formulatext::listSeparator(), QStringLiteral(", "));
}

QTEST_MAIN(TestColorScheme)
#include "tst_colorscheme.moc"
