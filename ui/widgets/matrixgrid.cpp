#include "matrixgrid.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr double kGap = 8;
constexpr double kMaxCell = 220;

QImage matrixImage(const attn::Matrix& m, MatrixGrid::Values values, const ColorMap& map, double* largest)
{
    QImage image(static_cast<int>(m.cols()), static_cast<int>(m.rows()), QImage::Format_RGB32);
    double maxAbs = 0;
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        if (std::isfinite(m.data()[i]))
            maxAbs = std::max(maxAbs, std::abs(m.data()[i]));
    }
    *largest = maxAbs;
    for (int r = 0; r < image.height(); ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        for (int c = 0; c < image.width(); ++c) {
            const double v = m(r, c);
            double t = 0;
            if (values == MatrixGrid::Values::Weights)
                t = std::clamp(v, 0.0, 1.0);
            else
                t = maxAbs > 0 ? 0.5 + 0.5 * v / maxAbs : 0.5;
            line[c] = std::isfinite(v) ? map.rgb(t) : qRgb(0x80, 0x80, 0x80);
        }
    }
    return image;
}

} // namespace

MatrixGrid::MatrixGrid(Values values, QWidget* parent)
    : QWidget(parent)
    , m_values(values)
    , m_map(values == Values::Weights ? ColorMap::viridis() : ColorMap::diverging())
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void MatrixGrid::setMatrices(std::vector<std::vector<attn::Matrix>> rows, QStringList rowCaptions,
                             QStringList columnCaptions)
{
    const bool reshaped = rows.size() != m_rows.size() || m_columnCaptions.size() != columnCaptions.size();
    m_rows = std::move(rows);
    m_rowCaptions = std::move(rowCaptions);
    m_columnCaptions = std::move(columnCaptions);
    if (reshaped)
        updateGeometry();
    update();
}

void MatrixGrid::setCaptions(std::vector<QStringList> captions)
{
    const bool had = !m_captions.empty();
    m_captions = std::move(captions);
    if (had != !m_captions.empty())
        updateGeometry();
    update();
}

QString MatrixGrid::caption(int row, int column) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_captions.size())
        return {};
    return m_captions[static_cast<std::size_t>(row)].value(column);
}

double MatrixGrid::rowLabelWidth() const
{
    const QFontMetricsF metrics(font());
    double widest = 0;
    for (const QString& caption : m_rowCaptions)
        widest = std::max(widest, metrics.horizontalAdvance(caption));
    return widest + kGap;
}

double MatrixGrid::captionHeight() const
{
    return QFontMetricsF(font()).height() + 4;
}

double MatrixGrid::cellSide(int width) const
{
    const int columns = std::max(1, static_cast<int>(m_columnCaptions.size()));
    const double room = (width - rowLabelWidth() - kGap * (columns - 1)) / columns;
    return std::clamp(room, 16.0, kMaxCell);
}

int MatrixGrid::heightForWidth(int width) const
{
    const double cell = cellSide(width);
    // Each matrix's caption (a signed grid's scale) goes under it.
    const double perRow = cell + kGap + (hasCellCaptions() ? captionHeight() : 0);
    return static_cast<int>(std::ceil(captionHeight() + perRow * static_cast<double>(m_rows.size())));
}

QSize MatrixGrid::sizeHint() const
{
    return {360, heightForWidth(360)};
}

QSize MatrixGrid::minimumSizeHint() const
{
    return {200, heightForWidth(200)};
}

QRectF MatrixGrid::cellRect(int row, int column) const
{
    const double cell = cellSide(width());
    const double perRow = cell + kGap + (hasCellCaptions() ? captionHeight() : 0);
    return {rowLabelWidth() + column * (cell + kGap), captionHeight() + row * perRow, cell, cell};
}

void MatrixGrid::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QPalette& pal = palette();
    painter.setPen(pal.color(QPalette::WindowText));
    const double caption = captionHeight();
    for (int c = 0; c < m_columnCaptions.size(); ++c) {
        const QRectF cell = cellRect(0, c);
        painter.drawText(QRectF(cell.left(), 0, cell.width(), caption), Qt::AlignCenter, m_columnCaptions[c]);
    }
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const int row = static_cast<int>(r);
        const QRectF first = cellRect(row, 0);
        if (row < m_rowCaptions.size())
            painter.drawText(QRectF(0, first.top(), rowLabelWidth() - kGap, first.height()),
                             Qt::AlignRight | Qt::AlignVCenter, m_rowCaptions[row]);
        for (std::size_t c = 0; c < m_rows[r].size(); ++c) {
            const QRectF cell = cellRect(row, static_cast<int>(c));
            const attn::Matrix& m = m_rows[r][c];
            if (m.size() == 0)
                continue;
            double largest = 0;
            const QImage image = matrixImage(m, m_values, m_map, &largest);
            painter.drawImage(cell, image); // no smoothing: one cell, one block
            painter.setPen(pal.color(QPalette::Mid));
            painter.drawRect(cell.adjusted(-0.5, -0.5, 0.5, 0.5));
            painter.setPen(pal.color(QPalette::WindowText));
            QString text = this->caption(row, static_cast<int>(c));
            if (text.isEmpty() && m_values == Values::Signed)
                text = tr("±%1").arg(QString::number(largest, 'g', 2));
            if (!text.isEmpty())
                painter.drawText(QRectF(cell.left() - kGap / 2, cell.bottom() + 2, cell.width() + kGap, caption),
                                 Qt::AlignCenter,
                                 fontMetrics().elidedText(text, Qt::ElideRight, static_cast<int>(cell.width() + kGap)));
        }
    }
}
