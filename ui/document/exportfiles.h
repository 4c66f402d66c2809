#pragma once

// Writing figures, lesson handouts and panel CSV to files. The bytes come from
// ui/render; here they are written atomically (a failure leaves no file and no
// partial file), or added to a FileGroup that writes all of a run's outputs or
// none.

#include "core/attention.h"
#include "ui/render/figureexport.h"
#include "ui/render/lessonpdf.h"
#include "ui/render/panelid.h"

#include <QString>

#include <memory>

class FileGroup;

// Format from the file's extension (.png, .svg, .pdf). Returns false with a
// one-line *error and leaves no file on failure.
// With a group, the file is added to it and written when the group commits.
bool exportFigure(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                  const FigureOptions& options, QString* error, FileGroup* group = nullptr);
// The same for a result already shared (no copy of the matrices).
bool exportFigure(const QString& path, const attn::AttentionConfig& config,
                  std::shared_ptr<const attn::AttentionResult> result, const FigureOptions& options, QString* error,
                  FileGroup* group = nullptr);

// Every stage as JSON, and the NumPy script that recomputes it (core/exporters.h).
bool exportJson(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                QString* error, FileGroup* group = nullptr);
bool exportNumpyScript(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                       QString* error, FileGroup* group = nullptr);

bool exportPanelCsv(const QString& path, const attn::AttentionConfig& config, const attn::AttentionResult& result,
                    attn::PanelId panel, int layer, int head, QString* error, FileGroup* group = nullptr);

// The seven slides as a 16:9 vector PDF, one page per step, text kept as text.
bool exportLessonPdf(const QString& path, const attn::AttentionConfig& config,
                     std::shared_ptr<const attn::AttentionResult> result, const LessonOptions& options, QString* error,
                     FileGroup* group = nullptr);
