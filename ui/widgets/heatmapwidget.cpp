#include "ui/widgets/heatmapwidget.h"
#include "ui/widgets/heatmapaccessible.h"

#include "ui/render/heatmaplayout.h"
#include "ui/render/heatmappainter.h"
#include "ui/widgets/appearance.h"

#include <QPainter>

HeatmapWidget::HeatmapWidget(QWidget* parent)
    : QWidget(parent)
{
    heatmapaccessible::install();
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void HeatmapWidget::setSpec(const HeatmapSpec& spec)
{
    m_spec = spec;
    ++m_specGeneration;
    updateGeometry();
    update();
}

void HeatmapWidget::clear()
{
    m_spec = HeatmapSpec();
    ++m_specGeneration;
    update();
}

QSize HeatmapWidget::sizeHint() const
{
    if (!m_spec.matrix)
        return QSize(360, 360);
    return heatmaplayout::preferredSize(m_spec).toSize().boundedTo(QSize(640, 640));
}

QSize HeatmapWidget::minimumSizeHint() const
{
    return QSize(200, 200);
}

void HeatmapWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    HeatmapSpec spec = m_spec;
    spec.theme = appearance::screenTheme(this); // drawn at each paint, so it follows the palette
    painter.fillRect(rect(), spec.theme.background);
    if (!spec.matrix)
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    heatmappainter::paint(&painter, heatmapRect(), spec);
}

QRectF HeatmapWidget::heatmapRect() const
{
    return QRectF(rect()).adjusted(6, 6, -6, -6);
}

HeatmapLayout HeatmapWidget::heatmapLayout() const
{
    return m_spec.matrix ? heatmaplayout::layout(heatmapRect(), m_spec) : HeatmapLayout();
}
