#pragma once

// Writing the figure (or one panel of it) to PNG, SVG or PDF, and one panel's
// numbers to CSV. Every image export draws the same Figure the on-screen view
// draws, only onto another paint device, so the layout is identical; files are
// written atomically (a failure leaves no file and no partial file).

#include "core/attention.h"
#include "ui/figure.h"
#include "ui/panelid.h"

#include <QByteArray>
#include <QImage>
#include <QSizeF>
#include <QString>

#include <optional>

class FileGroup;
class QPdfWriter;

struct FigureOptions
{
    QString panel;      // empty: the whole figure; else a name from attn::allPanelNames()
    int head = 0;       // zero-based head for per-head panels
    QString colormap;   // empty: viridis
    double scale = 1.0; // PNG pixel ratio: 2 gives twice the pixels of the same layout
    bool allHeads = false;
    std::optional<int> query; // highlighted query row i
    std::optional<int> key;   // highlighted key column j
    // The panels are arranged for this aspect ratio (a 16:9 slide by default).
    QSizeF fitTo{1280, 720};
};

enum class FigureFormat { Png, Svg, Pdf };

// From the file's extension, case-insensitive; nothing for other extensions.
std::optional<FigureFormat> figureFormatForPath(const QString& path);

// The settings a Figure needs for these options; false with *error for an
// unknown panel or colour map, or a panel this configuration does not have.
bool figureSettingsFromOptions(const attn::AttentionConfig& config, const FigureOptions& options,
                               FigureSettings* settings, QString* error);

// The figure drawn at `scale` device pixels per figure pixel, white background.
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

// Format from the file's extension (.png, .svg, .pdf). Returns false with a
// one-line *error and leaves no file on failure.
// With a group, the file is added to it and written when the group commits.
bool exportFigure(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                  const FigureOptions& options, QString* error, FileGroup* group = nullptr);
// The same for a result already shared (no copy of the matrices).
bool exportFigure(const QString& path, const attn::AttentionConfig& config,
                  std::shared_ptr<const attn::AttentionResult> result, const FigureOptions& options, QString* error,
                  FileGroup* group = nullptr);

// The numbers of one panel as CSV: a header row (a corner cell, then the
// column names: key tokens or dimension indices) and one row per matrix row
// led by its name (token or index). Numbers are the shortest text that reads
// back to the same double; masked cells are -inf.
QByteArray panelCsv(const attn::AttentionResult& result, attn::PanelId panel, int head);
bool exportPanelCsv(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                    attn::PanelId panel, int head, QString* error, FileGroup* group = nullptr);
