#pragma once

// The figure (or one panel of it) as PNG, SVG or PDF bytes, and one panel's
// numbers as CSV. Every image export draws the same Figure the on-screen view
// draws, only onto another paint device, so the layout is identical. Writing
// the bytes to files is ui/document/exportfiles.h's job.

#include "core/attention.h"
#include "ui/render/figure.h"
#include "ui/render/panelid.h"

#include <QByteArray>
#include <QImage>
#include <QSizeF>
#include <QString>

#include <optional>

class QPdfWriter;

struct FigureOptions
{
    QString panel;                                   // empty: the whole figure; else a name from attn::allPanelNames()
    int layer = 0;                                   // zero-based layer of every panel but E and X
    int head = 0;                                    // zero-based head for per-head panels
    QString colorMap;                                // empty: viridis
    WeightsScale weightsScale = WeightsScale::Fixed; // the weights' colours: 0 to 1, the matrix's or each row's range
    double scale = 1.0;                              // PNG pixel ratio: 2 gives twice the pixels of the same layout
    bool allHeads = false;
    std::optional<int> query; // highlighted query row i
    std::optional<int> key;   // highlighted key column j
    // The panels are arranged for this aspect ratio (a 16:9 slide by default).
    QSizeF fitTo{1280, 720};
    // Light unless asked otherwise (the screen's colours, by a preference).
    RenderTheme theme = RenderTheme::light();
};

enum class FigureFormat { Png, Svg, Pdf };

// From the file's extension, case-insensitive; nothing for other extensions.
std::optional<FigureFormat> figureFormatForPath(const QString& path);

// The settings a Figure needs for these options; false with *error for an
// unknown panel or colour map, a panel or head this configuration does not
// have, or a negative layer (encodeFigure checks the layer against the result).
bool figureSettingsFromOptions(const attn::AttentionConfig& config, const FigureOptions& options,
                               FigureSettings* settings, QString* error);

// The figure drawn at `scale` device pixels per figure pixel, on its theme's background.
QImage renderFigureImage(const Figure& figure, double scale = 1.0);
// The figure as an SVG document / a one-page PDF of the figure's size
// (96 figure pixels to the inch), both vector.
QByteArray renderFigureSvg(const Figure& figure);
QByteArray renderFigurePdf(const Figure& figure);

// Every PDF the app writes (figures, lesson slides): pages exactly
// `logicalSize` logical pixels big at 96 to the inch (a 1280 × 720 slide is
// 13.33 × 7.5 in, a widescreen presentation slide), with no margins, and the
// app as creator.
void setUpPdfWriter(QPdfWriter& writer, const QSizeF& logicalSize, const QString& title);

// The file `path` names as bytes, its format from the extension (.png, .svg,
// .pdf); `path` is used for the format and in messages only. Returns false
// with a one-line *error for options that cannot be drawn.
bool encodeFigure(const QString& path, const attn::AttentionConfig& config,
                  std::shared_ptr<const attn::AttentionResult> result, const FigureOptions& options, QByteArray* out,
                  QString* error);

// The numbers of one panel as CSV: a header row (a corner cell, then the
// column names: key tokens or dimension indices) and one row per matrix row
// led by its name (token or index). Numbers are the shortest text that reads
// back to the same double; masked cells are -inf. The panels of a layer read
// layer `layer`, per-head panels its head `head` (both clamped).
QByteArray panelCsv(const attn::AttentionResult& result, attn::PanelId panel, int layer, int head);
// panelCsv after checking that the configuration has the panel and the result
// the layer and the head.
bool encodePanelCsv(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                    attn::PanelId panel, int layer, int head, QByteArray* out, QString* error);
