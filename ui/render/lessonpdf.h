#pragma once

// The lesson's slides (seven; eleven for a checkpoint's layer) as one vector PDF, drawn by the same LessonPage
// the lesson view shows.

#include "core/attention.h"
#include "ui/render/rendertheme.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct LessonOptions
{
    int queryToken = 0;
    int layer = 0;    // zero-based
    int head = 0;     // zero-based
    QString colorMap; // empty: viridis
    bool presentation = false;
    RenderTheme theme = RenderTheme::light(); // light unless asked otherwise
};

// The same pages as PDF bytes (empty when there is nothing to draw).
QByteArray renderLessonPdf(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result,
                           const LessonOptions& options);

// The handout for `path` (which must end in .pdf; used in messages only):
// false with a one-line *error for options that cannot be drawn.
bool encodeLessonPdf(const QString& path, const attn::AttentionConfig& config,
                     std::shared_ptr<const attn::AttentionResult> result, const LessonOptions& options, QByteArray* out,
                     QString* error);
