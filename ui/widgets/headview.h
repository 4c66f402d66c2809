#pragma once

#include "core/attention.h"
#include "core/wordgroups.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class ViewState;

// The head view: the tokens twice, queries left and keys right, joined by a
// line from each query to the keys it attends to, as strong as the weight.
// It shows the view state's layer and head, or every head of the layer in
// its own colour when "all heads" is on. Pointing at a query brings its lines
// forward; clicking selects it (the figure's linked highlight follows). For a
// checkpoint, "Group a word's pieces" draws words instead of BPE pieces: a
// word's lines are the mean of its pieces' rows, summed over the key word's
// pieces (core/wordgroups.h).
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

    // Words instead of pieces (only where the result has pieces: a checkpoint's).
    void setGroupWords(bool on);
    bool groupsWords() const;
    // What is drawn: the token names (or words) and, per drawn head, its weights.
    QStringList shownNames() const;
    attn::Matrix shownWeights(int head) const;

    QSize sizeHint() const override { return {640, 480}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRectF linesArea() const;
    // Between the pieces' indices (the view state's) and what is drawn.
    int shownIndex(int token) const;
    int tokenIndex(int shown) const;

    ViewState* m_view = nullptr;
    std::shared_ptr<const attn::AttentionResult> m_result;
    std::optional<int> m_hover; // a shown index
    QCheckBox* m_groupBox = nullptr;
    attn::WordGroups m_groups;
};
