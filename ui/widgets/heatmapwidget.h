#pragma once

#include "ui/render/heatmaplayout.h"
#include "ui/render/heatmapspec.h"

#include <QWidget>

// One heatmap on its own, drawn by the same heatmap painter as the figure
// and the exports, scaled to whatever room the layout gives it. For views
// that show a matrix outside the figure (Compare Seeds).
class HeatmapWidget : public QWidget
{
    Q_OBJECT

public:
    explicit HeatmapWidget(QWidget* parent = nullptr);

    void setSpec(const HeatmapSpec& spec);
    const HeatmapSpec& spec() const { return m_spec; }
    void clear();
    // Where the heatmap is drawn in this widget, as painted.
    HeatmapLayout heatmapLayout() const;
    // Counts the changes of spec (for the accessible table,
    // ui/widgets/heatmapaccessible.h).
    int specGeneration() const { return m_specGeneration; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRectF heatmapRect() const;

    HeatmapSpec m_spec;
    int m_specGeneration = 0;
};
