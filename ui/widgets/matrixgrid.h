#pragma once

// Small matrices side by side in a grid with row and column captions: the
// attention of every layer x head of a model in training (weights in [0, 1]
// on a sequential colour map), or the gradients dL/dW_Q, dL/dW_K, dL/dW_V of
// every layer (signed, each on a diverging map centred on 0 and spanning its
// own largest magnitude, written under it). Cells are square, as large as
// the width allows, and drawn pixel for cell without smoothing.

#include "core/matrix.h"
#include "ui/render/colormap.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class MatrixGrid : public QWidget
{
    Q_OBJECT

public:
    enum class Values { Weights, Signed };

    explicit MatrixGrid(Values values, QWidget* parent = nullptr);

    // rows[r][c]; every row has columnCaptions.size() matrices.
    void setMatrices(std::vector<std::vector<attn::Matrix>> rows, QStringList rowCaptions, QStringList columnCaptions);
    const std::vector<std::vector<attn::Matrix>>& matrices() const { return m_rows; }
    // A line under each matrix, captions[r][c] (a signed grid writes its
    // scale there when none is given); empty: none.
    void setCaptions(std::vector<QStringList> captions);
    QString caption(int row, int column) const;

    // Where matrix (row, column) is drawn, in widget pixels.
    QRectF cellRect(int row, int column) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double cellSide(int width) const;
    double rowLabelWidth() const;
    double captionHeight() const;
    bool hasCellCaptions() const { return m_values == Values::Signed || !m_captions.empty(); }

    Values m_values;
    ColorMap m_map;
    std::vector<std::vector<attn::Matrix>> m_rows;
    QStringList m_rowCaptions;
    QStringList m_columnCaptions;
    std::vector<QStringList> m_captions;
};
