#pragma once

#include <QColor>
#include <QRgb>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

// Maps a normalised value t in [0, 1] to a colour. Every heatmap, colour bar
// and export reads colours from here, so a value always gets the same colour
// on screen, in PNG, SVG and PDF.
//
// Invariants: the lookup table is built once per map from published control
// points and is immutable, so copying a ColorMap only copies a shared
// pointer; t outside [0, 1] is clamped and NaN maps to entry 0 (callers that
// must show NaN distinctly check for it before asking for a colour).
// Diverging maps put their light neutral colour exactly at t = 0.5.
class ColorMap
{
public:
    // Odd, so that t = 0.5 has an entry of its own: a diverging map's centre
    // then is exactly its published neutral colour, not a blend towards red.
    static constexpr int kSize = 257;

    enum class Kind { Sequential, Diverging };

    static ColorMap viridis();
    static ColorMap cividis();
    static ColorMap grayscale();
    // Moreland's "smooth cool-warm": blue for negative, light grey at 0, red
    // for positive. Chosen over RdBu because its centre is a light grey rather
    // than near-white, so neutral cells stay visible on a white page.
    static ColorMap diverging();

    // Accepts the names returned by name(); case-insensitive.
    static std::optional<ColorMap> byName(const QString& name);
    static QStringList sequentialNames();
    static QStringList names();

    QString name() const { return m_table->name; }
    Kind kind() const { return m_table->kind; }
    bool isDiverging() const { return m_table->kind == Kind::Diverging; }

    // Index into the table for t. Every colour lookup, including the
    // renderer's per-cell loop, rounds this way, so a cell and the colour
    // expected for its value never disagree by one entry.
    static int indexFor(double t);
    QRgb entry(int index) const { return m_table->lut[static_cast<std::size_t>(index)]; }
    QRgb rgb(double t) const;
    QColor color(double t) const;

    bool operator==(const ColorMap& other) const { return m_table == other.m_table; }

private:
    struct Table
    {
        QString name;
        Kind kind = Kind::Sequential;
        std::array<QRgb, kSize> lut{};
    };

    explicit ColorMap(std::shared_ptr<const Table> table);

    std::shared_ptr<const Table> m_table;
};

// WCAG 2 relative luminance of an sRGB colour, in [0, 1].
double relativeLuminance(const QColor& color);
// WCAG 2 contrast ratio between two colours, in [1, 21].
double contrastRatio(const QColor& a, const QColor& b);
// Black or white, whichever has the higher contrast ratio on the background.
QColor legibleTextColor(const QColor& background);
