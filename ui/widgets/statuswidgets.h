#pragma once

// Small pieces of the window's chrome that keep their own state.

#include "core/attention.h"

#include <QLabel>
#include <QWidget>

class FigureView;
class QTimer;

// "Computing…" with an indeterminate bar in the status bar
// ("busyIndicator"); it appears only when the work lasts longer than a
// moment, so quick computations never flash it.
class BusyIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit BusyIndicator(QWidget* parent = nullptr);
    void setBusy(bool busy);

private:
    QTimer* m_delay = nullptr;
    bool m_busy = false;
};

// The status bar's line on what is computed: tokens, d_model, heads, seeds.
struct ResultSummary
{
    static QString text(const attn::AttentionConfig& config, const attn::AttentionResult& result);
};

// The figure's zoom in the status bar ("zoomLabel"), and whether it fits.
class ZoomLabel : public QLabel
{
    Q_OBJECT

public:
    ZoomLabel(FigureView* figure, QWidget* parent = nullptr);
};

// Why the settings cannot be computed, under the controls that cause it
// ("errorBanner"); hidden while there is nothing to say.
class ErrorBanner : public QLabel
{
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget* parent = nullptr);
    // Empty text hides the banner.
    void showError(const QString& text);
};
