#pragma once

// A training curve: one value per step as a line over axes with ticks and
// numbers, the steps along the bottom, the value up the side. The x axis
// spans every step the training will take, so the line grows from the left
// as it learns; an optional marker shows the step the history slider is at.

#include <QWidget>

#include <optional>
#include <vector>

class CurvePlot : public QWidget
{
    Q_OBJECT

public:
    enum class Scale {
        FromZero, // 0 up to a round number above the largest value (loss)
        Fraction, // 0 to 1, written as percentages (accuracy)
    };

    CurvePlot(const QString& title, Scale scale, QWidget* parent = nullptr);

    // values[i] is the value after step i + 1; totalSteps spans the x axis.
    void setValues(std::vector<double> values, int totalSteps);
    void setMarker(std::optional<int> step);
    const std::vector<double>& values() const { return m_values; }

    // The plot's inner rectangle, and where a step's value is drawn in it.
    QRectF plotArea() const;
    QPointF pointFor(int step, double value) const;
    double yMax() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_title;
    Scale m_scale;
    std::vector<double> m_values;
    int m_totalSteps = 1;
    std::optional<int> m_marker;
};

// Round tick spacing (1, 2 or 5 times a power of ten) giving about `count`
// ticks over [0, span].
double niceTickStep(double span, int count);
