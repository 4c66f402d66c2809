#pragma once

#include "core/attention.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class ViewState;

// The model view: every layer x head of the result as a thumbnail of its
// attention weights, layers down, heads across, so the heads that look one
// token back, at the first token or at themselves stand out at a glance.
// Clicking one makes it the view state's layer and head and asks for the
// stage figure (headOpened). The thumbnails are made off the GUI thread; a
// newer result supersedes the one being drawn.
class ModelOverview : public QWidget
{
    Q_OBJECT

public:
    explicit ModelOverview(ViewState* view, QWidget* parent = nullptr);
    ~ModelOverview() override;

    void setResult(std::shared_ptr<const attn::AttentionResult> result);
    // True while thumbnails of the newest result are still being made.
    bool isDrawing() const { return m_watcher.isRunning() || m_pending; }

    // The thumbnail's place for layer, head (zero-based), in widget pixels.
    QRectF cellRect(int layer, int head) const;
    std::optional<std::pair<int, int>> cellAt(QPointF pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void headOpened(int layer, int head);
    void thumbnailsReady();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Grid
    {
        QRectF area;
        double cell = 0;
        double gap = 0;
        double rowLabelWidth = 0;
        double headerHeight = 0;
    };
    Grid grid() const;
    void startDrawing();
    int layers() const;
    int heads() const;

    ViewState* m_view = nullptr;
    std::shared_ptr<const attn::AttentionResult> m_result;
    std::vector<QImage> m_thumbnails; // layer-major; empty while drawing
    QFutureWatcher<std::vector<QImage>> m_watcher;
    bool m_pending = false; // a newer result waits for the running job to end
    std::optional<std::pair<int, int>> m_hover;
};
