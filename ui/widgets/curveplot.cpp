#include "curveplot.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

double niceTickStep(double span, int count)
{
    if (!(span > 0) || !std::isfinite(span) || count < 1)
        return 1;
    const double raw = span / count;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * power >= raw)
            return factor * power;
    }
    return 10 * power;
}

CurvePlot::CurvePlot(const QString& title, Scale scale, QWidget* parent)
    : QWidget(parent)
    , m_title(title)
    , m_scale(scale)
{
    setAccessibleName(title);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void CurvePlot::setValues(std::vector<double> values, int totalSteps)
{
    m_values = std::move(values);
    m_totalSteps = std::max({1, totalSteps, static_cast<int>(m_values.size())});
    update();
}

void CurvePlot::setMarker(std::optional<int> step)
{
    if (m_marker == step)
        return;
    m_marker = step;
    update();
}

double CurvePlot::yMax() const
{
    if (m_scale == Scale::Fraction)
        return 1;
    double largest = 0;
    for (const double v : m_values) {
        if (std::isfinite(v))
            largest = std::max(largest, v);
    }
    if (largest <= 0)
        return 1;
    const double step = niceTickStep(largest, 4);
    return std::ceil(largest / step) * step;
}

QRectF CurvePlot::plotArea() const
{
    const QFontMetricsF metrics(font());
    const double left = metrics.horizontalAdvance(QStringLiteral("100 %")) + 10;
    const double top = metrics.height() + 8;
    const double bottom = 2 * metrics.height() + 8;
    // Room for half of the last step's number, centred on the right end.
    const double right = metrics.horizontalAdvance(QString::number(m_totalSteps)) / 2 + 6;
    return QRectF(left, top, std::max(10.0, width() - left - right), std::max(10.0, height() - top - bottom));
}

QPointF CurvePlot::pointFor(int step, double value) const
{
    const QRectF area = plotArea();
    const double x = area.left() + area.width() * step / m_totalSteps;
    const double t = std::clamp(value / yMax(), 0.0, 1.0);
    return {x, area.bottom() - area.height() * t};
}

QSize CurvePlot::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(QLatin1Char('0')) * 40, metrics.height() * 10};
}

QSize CurvePlot::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(QLatin1Char('0')) * 24, metrics.height() * 7};
}

void CurvePlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    painter.fillRect(rect(), pal.base());
    const QRectF area = plotArea();
    const QFontMetricsF metrics(font());
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.15);

    painter.setPen(text);
    painter.drawText(QRectF(area.left(), 2, area.width(), metrics.height()), Qt::AlignLeft | Qt::AlignVCenter, m_title);

    // Value ticks with their grid lines.
    const double top = yMax();
    const double yStep = m_scale == Scale::Fraction ? 0.25 : niceTickStep(top, 4);
    for (double v = 0; v <= top * (1 + 1e-9); v += yStep) {
        const double y = pointFor(0, v).y();
        painter.setPen(grid);
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        painter.setPen(text);
        const QString label = m_scale == Scale::Fraction ? QStringLiteral("%1 %").arg(std::lround(v * 100))
                                                         : QLocale().toString(v, 'g', 3);
        painter.drawText(QRectF(0, y - metrics.height() / 2, area.left() - 6, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, label);
    }
    // Step ticks.
    const double xStep = std::max(1.0, niceTickStep(m_totalSteps, 4));
    for (double s = 0; s <= m_totalSteps * (1 + 1e-9); s += xStep) {
        const double x = pointFor(static_cast<int>(s), 0).x();
        painter.setPen(text);
        painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
        const QString label = QString::number(static_cast<long long>(s));
        const double w = metrics.horizontalAdvance(label);
        painter.drawText(QRectF(x - w / 2 - 2, area.bottom() + 5, w + 4, metrics.height()), Qt::AlignCenter, label);
    }
    painter.drawText(QRectF(area.left(), area.bottom() + 5 + metrics.height(), area.width(), metrics.height()),
                     Qt::AlignHCenter | Qt::AlignVCenter, tr("step"));
    painter.setPen(QPen(text, 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    painter.drawLine(area.bottomLeft(), area.topLeft());

    if (m_marker) {
        QColor marker = pal.color(QPalette::Highlight);
        painter.setPen(QPen(marker, 1.5, Qt::DashLine));
        const double x = pointFor(*m_marker, 0).x();
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }

    // The curve: at most about one point per pixel column, each the mean of
    // the steps it covers, so ten thousand steps draw as fast as a hundred.
    if (m_values.empty())
        return;
    const int n = static_cast<int>(m_values.size());
    const int columns = std::max(1, static_cast<int>(area.width()));
    const int per = std::max(1, (n + columns - 1) / columns);
    QPainterPath path;
    bool started = false;
    for (int begin = 0; begin < n; begin += per) {
        const int end = std::min(n, begin + per);
        double sum = 0;
        int finite = 0;
        for (int i = begin; i < end; ++i) {
            if (std::isfinite(m_values[static_cast<std::size_t>(i)])) {
                sum += m_values[static_cast<std::size_t>(i)];
                ++finite;
            }
        }
        if (finite == 0)
            continue;
        const QPointF p = pointFor(end, sum / finite);
        if (!started)
            path.moveTo(p);
        else
            path.lineTo(p);
        started = true;
    }
    painter.setPen(QPen(pal.color(QPalette::Link), 2));
    painter.setBrush(Qt::NoBrush);
    if (n == 1) {
        painter.setBrush(pal.color(QPalette::Link));
        painter.drawEllipse(pointFor(1, m_values.front()), 2.5, 2.5);
    } else {
        painter.drawPath(path);
    }
}
