#include "ui/render/colormap.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

namespace {

struct ControlPoint
{
    double t;
    double r, g, b; // in [0, 1]
};

// Matplotlib's viridis (van der Walt & Smith), sampled every 16th index of
// its 256-entry table, plus extra samples where the blue channel bends
// (136 ... 168, 232, 248); linear interpolation between them stays within
// about one 8-bit level of the full table.
constexpr ControlPoint kViridis[] = {
    {0.0 / 255, 0.267004, 0.004874, 0.329415},   {16.0 / 255, 0.282327, 0.094955, 0.417331},
    {32.0 / 255, 0.278826, 0.175490, 0.483397},  {48.0 / 255, 0.258965, 0.251537, 0.524736},
    {64.0 / 255, 0.229739, 0.322361, 0.545706},  {80.0 / 255, 0.199430, 0.387607, 0.554642},
    {96.0 / 255, 0.172719, 0.448791, 0.557885},  {112.0 / 255, 0.149039, 0.508051, 0.557250},
    {128.0 / 255, 0.127568, 0.566949, 0.550556}, {136.0 / 255, 0.120565, 0.596422, 0.543611},
    {144.0 / 255, 0.120638, 0.625828, 0.533488}, {152.0 / 255, 0.132268, 0.655014, 0.519661},
    {160.0 / 255, 0.157851, 0.683765, 0.501686}, {168.0 / 255, 0.196571, 0.711827, 0.479221},
    {176.0 / 255, 0.246070, 0.738910, 0.452024}, {192.0 / 255, 0.369214, 0.788888, 0.382914},
    {208.0 / 255, 0.515992, 0.831158, 0.294279}, {224.0 / 255, 0.678489, 0.863742, 0.189503},
    {232.0 / 255, 0.762373, 0.876424, 0.137064}, {240.0 / 255, 0.845561, 0.887322, 0.099702},
    {248.0 / 255, 0.926106, 0.897330, 0.104071}, {255.0 / 255, 0.993248, 0.906157, 0.143936},
};

// Matplotlib's cividis (Nuñez, Anderton & Renslow 2018), same sampling plus
// the indices where the published table bends (20, 23, 27, 251), so the
// interpolation does not cut those corners.
constexpr ControlPoint kCividis[] = {
    {0.0 / 255, 0.000000, 0.135112, 0.304751},   {16.0 / 255, 0.000000, 0.178802, 0.414764},
    {20.0 / 255, 0.000000, 0.188769, 0.439563},  {23.0 / 255, 0.003602, 0.195911, 0.441564},
    {27.0 / 255, 0.058378, 0.206629, 0.439531},  {32.0 / 255, 0.103401, 0.220406, 0.435790},
    {48.0 / 255, 0.195057, 0.264372, 0.425924},  {64.0 / 255, 0.263738, 0.307831, 0.422789},
    {80.0 / 255, 0.324250, 0.351289, 0.426250},  {96.0 / 255, 0.380830, 0.395164, 0.435653},
    {112.0 / 255, 0.435168, 0.439763, 0.451134}, {128.0 / 255, 0.488697, 0.485318, 0.471008},
    {144.0 / 255, 0.547840, 0.531895, 0.471704}, {160.0 / 255, 0.609105, 0.579816, 0.463638},
    {176.0 / 255, 0.671991, 0.629316, 0.448018}, {192.0 / 255, 0.736488, 0.680629, 0.424028},
    {208.0 / 255, 0.802667, 0.733978, 0.390153}, {224.0 / 255, 0.870717, 0.789572, 0.343333},
    {240.0 / 255, 0.941147, 0.847530, 0.275815}, {251.0 / 255, 0.992218, 0.888385, 0.205468},
    {255.0 / 255, 0.995737, 0.909344, 0.217772},
};

// Black to almost white in equal sRGB steps; sRGB's gamma makes those steps
// close to equal in perceived lightness. It stops short of white so that the
// top cells still stand out from the white page around the grid.
constexpr ControlPoint kGrayscale[] = {
    {0.0, 0.0, 0.0, 0.0},
    {1.0, 0.94, 0.94, 0.94},
};

// Moreland, "Diverging Color Maps for Scientific Visualization" (2009), the
// 33-entry table of the smooth cool-warm map, in 8-bit sRGB.
constexpr int kCoolWarm[33][3] = {
    {59, 76, 192},   {68, 90, 204},   {77, 104, 215},  {87, 117, 225},  {98, 130, 234},  {108, 142, 241},
    {119, 154, 247}, {130, 165, 251}, {141, 176, 254}, {152, 185, 255}, {163, 194, 255}, {174, 201, 253},
    {184, 208, 249}, {194, 213, 244}, {204, 217, 238}, {213, 219, 230}, {221, 221, 221}, {229, 216, 209},
    {236, 211, 197}, {241, 204, 185}, {245, 196, 173}, {247, 187, 160}, {247, 177, 148}, {247, 166, 135},
    {244, 154, 123}, {241, 141, 111}, {236, 127, 99},  {229, 112, 88},  {222, 96, 77},   {213, 80, 66},
    {203, 62, 56},   {192, 40, 47},   {180, 4, 38},
};

int toByte(double unit)
{
    return std::clamp(static_cast<int>(std::lround(unit * 255.0)), 0, 255);
}

std::array<QRgb, ColorMap::kSize> buildTable(std::span<const ControlPoint> points)
{
    std::array<QRgb, ColorMap::kSize> lut{};
    std::size_t segment = 0;
    for (int i = 0; i < ColorMap::kSize; ++i) {
        const double t = static_cast<double>(i) / (ColorMap::kSize - 1);
        while (segment + 2 < points.size() && t > points[segment + 1].t)
            ++segment;
        const ControlPoint& a = points[segment];
        const ControlPoint& b = points[segment + 1];
        const double f = std::clamp((t - a.t) / (b.t - a.t), 0.0, 1.0);
        lut[static_cast<std::size_t>(i)] =
            qRgb(toByte(a.r + f * (b.r - a.r)), toByte(a.g + f * (b.g - a.g)), toByte(a.b + f * (b.b - a.b)));
    }
    return lut;
}

std::vector<ControlPoint> coolWarmPoints()
{
    std::vector<ControlPoint> points;
    constexpr int count = static_cast<int>(std::size(kCoolWarm));
    for (int i = 0; i < count; ++i) {
        points.push_back({static_cast<double>(i) / (count - 1), kCoolWarm[i][0] / 255.0, kCoolWarm[i][1] / 255.0,
                          kCoolWarm[i][2] / 255.0});
    }
    return points;
}

double linearise(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

} // namespace

ColorMap::ColorMap(std::shared_ptr<const Table> table)
    : m_table(std::move(table))
{
}

ColorMap ColorMap::viridis()
{
    static const auto table =
        std::make_shared<const Table>(Table{QStringLiteral("viridis"), Kind::Sequential, buildTable(kViridis)});
    return ColorMap(table);
}

ColorMap ColorMap::cividis()
{
    static const auto table =
        std::make_shared<const Table>(Table{QStringLiteral("cividis"), Kind::Sequential, buildTable(kCividis)});
    return ColorMap(table);
}

ColorMap ColorMap::grayscale()
{
    static const auto table =
        std::make_shared<const Table>(Table{QStringLiteral("grayscale"), Kind::Sequential, buildTable(kGrayscale)});
    return ColorMap(table);
}

ColorMap ColorMap::diverging()
{
    static const auto table =
        std::make_shared<const Table>(Table{QStringLiteral("coolwarm"), Kind::Diverging, buildTable(coolWarmPoints())});
    return ColorMap(table);
}

std::optional<ColorMap> ColorMap::byName(const QString& name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("viridis"))
        return viridis();
    if (key == QLatin1String("cividis"))
        return cividis();
    if (key == QLatin1String("grayscale") || key == QLatin1String("greyscale") || key == QLatin1String("gray") ||
        key == QLatin1String("grey"))
        return grayscale();
    if (key == QLatin1String("coolwarm") || key == QLatin1String("diverging"))
        return diverging();
    return std::nullopt;
}

QStringList ColorMap::sequentialNames()
{
    return {QStringLiteral("viridis"), QStringLiteral("cividis"), QStringLiteral("grayscale")};
}

QStringList ColorMap::names()
{
    return sequentialNames() << diverging().name();
}

int ColorMap::indexFor(double t)
{
    if (!(t > 0.0)) // also catches NaN
        return 0;
    if (t >= 1.0)
        return kSize - 1;
    return static_cast<int>(t * (kSize - 1) + 0.5);
}

QRgb ColorMap::rgb(double t) const
{
    return entry(indexFor(t));
}

QColor ColorMap::color(double t) const
{
    return QColor::fromRgb(rgb(t));
}

double relativeLuminance(const QColor& color)
{
    const QColor c = color.toRgb();
    return 0.2126 * linearise(c.redF()) + 0.7152 * linearise(c.greenF()) + 0.0722 * linearise(c.blueF());
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor legibleTextColor(const QColor& background)
{
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
}
