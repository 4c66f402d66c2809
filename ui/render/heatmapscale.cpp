#include "ui/render/heatmapscale.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace heatmapscale {

namespace {

const QString kMinus = QStringLiteral("\u2212");

// The default locale (QLocale::setDefault, the user's language) without
// group separators: "1234.50" in a cell, not "1,234.50".
QLocale displayLocale()
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale;
}

} // namespace

HeatmapStats scan(const attn::Matrix& matrix)
{
    HeatmapStats s;
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    const double* data = matrix.data();
    const qsizetype n = matrix.size();
    for (qsizetype i = 0; i < n; ++i) {
        const double v = data[i];
        // v - v is 0 only for finite v: one test for the common case keeps
        // this loop cheap on matrices with millions of cells.
        if (v - v == 0.0) {
            low = v < low ? v : low;
            high = v > high ? v : high;
        } else if (std::isnan(v)) {
            ++s.nanCount;
        } else if (v < 0) {
            ++s.maskedCount;
        } else {
            ++s.positiveInfCount;
        }
    }
    s.hasFinite = low <= high;
    s.min = s.hasFinite ? low : 0.0;
    s.max = s.hasFinite ? high : 0.0;
    s.maxAbs = std::max(std::abs(s.min), std::abs(s.max));
    return s;
}

HeatmapStats statsOf(const HeatmapSpec& spec)
{
    return spec.stats ? *spec.stats : (spec.matrix ? scan(*spec.matrix) : HeatmapStats{});
}

ValueRange effectiveRange(const HeatmapSpec& spec, const HeatmapStats& stats)
{
    if (spec.range)
        return *spec.range;
    if (spec.colorMap.isDiverging()) {
        const double m = stats.maxAbs > 0 ? stats.maxAbs : 1.0;
        return {-m, m};
    }
    if (!stats.hasFinite)
        return {0.0, 1.0};
    return {stats.min, stats.max};
}

ValueRange effectiveRange(const HeatmapSpec& spec)
{
    if (spec.range)
        return *spec.range;
    return effectiveRange(spec, statsOf(spec));
}

std::vector<double> niceTicks(double low, double high, int maxCount, int* decimals)
{
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high)) {
        *decimals = 2;
        return {low};
    }
    auto ticksFor = [&](double step) {
        std::vector<double> ticks;
        const double first = std::ceil(low / step - 1e-9);
        for (int i = 0; i <= 64; ++i) {
            const double v = (first + i) * step; // not accumulated: no drift
            // v - high, not high + slack: next to the largest double the
            // slack would overflow and no tick would ever be past the end.
            if (v - high > step * 1e-9)
                break;
            ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    };
    // Smallest step first, so the first that fits gives the most ticks.
    const double scale = ValueRange::spanScale(low, high);
    const int top = static_cast<int>(std::ceil(std::log10(high * scale - low * scale) - std::log10(scale)));
    for (int exponent = top - 3; exponent <= top + 1; ++exponent) {
        for (double mantissa : {1.0, 2.0, 2.5, 5.0}) {
            const double step = mantissa * std::pow(10.0, exponent);
            // Past the largest double or below the smallest the step is
            // infinite or zero, and its ticks would be NaN.
            if (!std::isfinite(step) || !(step > 0.0))
                continue;
            std::vector<double> ticks = ticksFor(step);
            if (static_cast<int>(ticks.size()) <= maxCount) {
                *decimals = std::max(0, -exponent) + (mantissa == 2.5 ? 1 : 0);
                return ticks;
            }
        }
    }
    *decimals = 2;
    return {low, high};
}

QString tickText(double value, int decimals)
{
    if (std::isfinite(value) && value != 0.0) {
        const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value)))) + 1;
        decimals = std::min(decimals, std::max(0, 3 - magnitude));
    }
    QString text = formatValue(value, decimals);
    const QLocale locale = displayLocale();
    const QString point = locale.decimalPoint();
    const QString zero = locale.zeroDigit();
    if (!point.isEmpty() && text.contains(point) && !text.contains(QLatin1Char('e'))) {
        while (text.endsWith(zero))
            text.chop(zero.size());
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text == kMinus + zero ? zero : text;
}

void compactTicks(const HeatmapSpec& spec, const ValueRange& range, std::vector<double>* ticks, QStringList* texts)
{
    const ValueRange r = range;
    const int decimals = std::max(0, spec.decimals);
    if (spec.rangeEndTexts) {
        ticks->push_back(r.low);
        texts->push_back(spec.rangeEndTexts->first);
        ticks->push_back(r.high);
        texts->push_back(spec.rangeEndTexts->second);
        return;
    }
    if (!(r.high > r.low)) {
        ticks->push_back(r.low);
        texts->push_back(tickText(r.low, decimals));
        return;
    }
    ticks->push_back(r.low);
    texts->push_back(tickText(r.low, decimals));
    if (spec.colorMap.isDiverging() && r.low < 0 && r.high > 0) {
        ticks->push_back(0.0);
        texts->push_back(QStringLiteral("0"));
    } else {
        int niceDecimals = 0;
        const std::vector<double> nice = niceTicks(r.low, r.high, 5, &niceDecimals);
        const double mid = r.low / 2 + r.high / 2; // the sum may overflow
        double best = mid;
        double bestDistance = std::numeric_limits<double>::infinity();
        for (double v : nice) {
            if (std::abs(v - mid) < bestDistance) {
                bestDistance = std::abs(v - mid);
                best = v;
            }
        }
        // Only a value well inside the bar: a middle tick next to an end
        // would collide with the end's label.
        const double t = r.normalized(best);
        if (bestDistance < std::numeric_limits<double>::infinity() && t > 0.3 && t < 0.7) {
            ticks->push_back(best);
            texts->push_back(tickText(best, niceDecimals));
        }
    }
    ticks->push_back(r.high);
    texts->push_back(tickText(r.high, decimals));
}

QString formatSetting(double value, int significant)
{
    const QLocale locale = displayLocale();
    // CLDR writes the exponent as "E" for most languages.
    return locale.toString(value, 'g', significant).replace(locale.exponential(), QStringLiteral("e"));
}

QString formatValue(double value, int decimals)
{
    if (std::isnan(value))
        return kNanLegend;
    if (std::isinf(value))
        return value < 0 ? kMinus + QStringLiteral("\u221e") : QStringLiteral("\u221e");
    // In the user's notation (a decimal comma in German), for people: files
    // for programs (JSON, CSV, the NumPy script) never come through here.
    const QLocale locale = displayLocale();
    QString text;
    if (std::abs(value) >= 1e9) {
        // Fixed notation would spell out every digit, up to 309 of them near
        // float64's limit: a number a reader can take in has four.
        // Always a small "e" (CLDR gives "E" for most languages), as the
        // number has always been written here.
        const QString e = locale.exponential();
        const QString plus = locale.positiveSign();
        text = locale.toString(value, 'e', 3)
                   .replace(e + plus + locale.zeroDigit(), e)
                   .replace(e + plus, e)
                   .replace(e, QStringLiteral("e"));
    } else {
        text = locale.toString(value, 'f', std::max(0, decimals));
    }
    const QString negative = locale.negativeSign();
    if (text.startsWith(negative) || text.startsWith(kMinus)) {
        const QString digits = text.mid(text.startsWith(kMinus) ? kMinus.size() : negative.size());
        // "-0.00" is zero after rounding; a sign there would only mislead.
        bool nonZero = false;
        for (QChar ch : digits)
            nonZero = nonZero || ch.digitValue() > 0;
        text = nonZero ? kMinus + digits : digits;
    }
    return text;
}

QRgb cellColor(const HeatmapSpec& spec, const ValueRange& range, double value)
{
    if (std::isnan(value))
        return nanFill().rgb();
    if (isMasked(value))
        return maskedFill().rgb();
    return spec.colorMap.rgb(range.normalized(value));
}

QColor maskedFill()
{
    return QColor(0xf4, 0xf4, 0xf4);
}

QColor maskedHatch()
{
    return QColor(0xb4, 0xb4, 0xb4);
}

QColor nanFill()
{
    return QColor(0xfc, 0xe4, 0xf4);
}

QColor nanHatch()
{
    return QColor(0xd0, 0x1c, 0x8b);
}

QColor maskedFlatFill()
{
    return QColor(0xe6, 0xe6, 0xe6);
}

QColor nanFlatFill()
{
    return QColor(0xf2, 0xb8, 0xdc);
}

QColor onPage(const QColor& color, double opacity, const QColor& page)
{
    const auto mix = [&](int channel, int under) { return qRound(channel * opacity + under * (1.0 - opacity)); };
    return QColor(mix(color.red(), page.red()), mix(color.green(), page.green()), mix(color.blue(), page.blue()));
}

QColor valueTextColor(const HeatmapSpec& spec, const ValueRange& range, double value, double colorValue, double opacity)
{
    if (std::isnan(value))
        return QColor(0x9a, 0x00, 0x66);
    if (isMasked(value)) // 5.1:1 on the flat masked fill, 5.8:1 on the hatched one
        return QColor(0x5f, 0x5f, 0x5f);
    return legibleTextColor(
        onPage(QColor::fromRgb(cellColor(spec, range, colorValue)), opacity, spec.theme.background));
}

} // namespace heatmapscale
