#pragma once

#include "core/attention.h"

#include <QWidget>

#include <memory>
#include <optional>

class ViewState;

// The head view: the tokens twice, queries left and keys right, joined by a
// line from each query to the keys it attends to, as strong as the weight.
// It shows the view state's layer and head, or every head of the layer in
// its own colour when "all heads" is on. Pointing at a query brings its lines
// forward; clicking selects it (the figure's linked highlight follows).
class HeadView : public QWidget
{
    Q_OBJECT

public:
    explicit HeadView(ViewState* view, QWidget* parent = nullptr);

    void setResult(std::shared_ptr<const attn::AttentionResult> result);
    // The query whose lines are in front: the pointed-at one, else the
    // selected one.
    std::optional<int> focus() const;
    // The centre of token `index`'s row on the query (left) or key side.
    QPointF tokenPoint(int index, bool query) const;

    QSize sizeHint() const override { return {640, 480}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRectF linesArea() const;

    ViewState* m_view = nullptr;
    std::shared_ptr<const attn::AttentionResult> m_result;
    std::optional<int> m_hover;
};
