#pragma once

// The widget that shows the whole figure by drawing the same Figure the
// exports draw, scaled to the zoom. It never computes attention: it is handed
// a shared result and only rebuilds the Figure (layout, colours, highlights)
// when the data or a display setting changes.
//
// Double-clicking a cell of E or a W matrix opens an editor over it; the view
// only reports the new number (cellEdited) and never changes data itself, so
// the document can apply the edit with undo.
//
// The view state (ui/document/viewstate.h) says what to show; clicks and Esc
// change its selection, never a copy of the view's own.
//
// The keyboard has a cell of its own, ringed while the view has focus: arrows
// move it through its panel, Tab / Shift+Tab to the next or previous panel
// (past the last or first, on to the next widget), Enter selects it as a
// click does and F2 edits it where a double-click would. Each panel is an
// accessible table of its cells (figureaccessible), and a screen reader is
// told when the keyboard's cell moves.
//
// Zoom to fit shows the whole figure for any number of tokens: the figure is
// laid out for the viewport (numbers dropped, grids shrunk, labels thinned)
// so that its smallest text stays at least FigureSettings::legibleTextPx on
// screen. The cell under the mouse is outlined.
//
// Invariants: zoom-to-fit is the default and follows the viewport's size;
// any explicit zoom (Ctrl+= / Ctrl+- / Ctrl+wheel) leaves fit mode until
// Ctrl+0. Panels are cached as images at the current zoom and device pixel
// ratio, so scrolling and hovering a large figure never re-render its cells.

#include "core/attention.h"
#include "ui/document/viewstate.h"
#include "ui/render/figure.h"
#include "ui/render/figureexport.h"
#include "ui/render/panelid.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QLineEdit;

class FileDialogs;

class FigureView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit FigureView(QWidget* parent = nullptr);
    ~FigureView() override;

    // The numbers to show; the config supplies titles and settings text.
    void setData(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result);
    void clearData();

    // What is shown (layer, head, all heads, colour map, selection) is the
    // view state's: the view follows it and writes the user's clicks to it.
    // A view starts with one of its own; a window hands it the shared one
    // (not owned, and it must outlive the view).
    void setViewState(ViewState* view);
    ViewState* viewState() const { return m_view; }

    // Figure pixels per logical screen pixel.
    double zoom() const;
    bool isZoomToFit() const;
    void setZoom(double zoom); // leaves fit mode
    void zoomIn();
    void zoomOut();
    void zoomToFit();

    // Presentation on a projector: larger type, text and frames in the
    // theme's strongest ink (black, or white when dark), a higher legibility
    // floor; zooms to fit.
    void setPresentation(bool on);
    bool isPresentation() const { return m_presentation; }

    // The figure as shown (layout chosen for the viewport's aspect ratio).
    const Figure& figure() const;
    // Options that export what the view shows (head, heads, colour map,
    // selection, arrangement); set .panel to export one panel.
    FigureOptions exportOptions() const;
    // The selection in words for the status bar ("\"i\" attends to \"old\"
    // with weight 0.412 (score 3.2)"); empty without a selected query.
    QString selectionSummary() const;
    // The dialogs the panel exports (context menu) ask with; without one
    // they do nothing.
    void setFileDialogs(FileDialogs* dialogs);
    // The context menu's exports of one panel (index into figure().panels()):
    // ask for a file through the dialogs, write it, and say how it went
    // through exportFinished (once; no dialog of their own).
    void exportPanelInteractively(int panelIndex);
    void exportPanelCsvInteractively(int panelIndex);

    // For tests and tooltips: the hover text at a viewport point, and the
    // viewport point at the centre of a panel's cell (if visible).
    QString toolTipAt(QPoint viewportPos) const;
    std::optional<QPoint> cellCenter(attn::PanelId panel, int row, int column) const;
    // The panel under a viewport point, as an index into figure().panels(),
    // and what of it lies there.
    int panelIndexAt(QPoint viewportPos) const;
    std::optional<FigureHit> hitAt(QPoint viewportPos) const;
    // The outline drawn around the cell under the mouse, in viewport
    // coordinates; empty when the mouse is over no cell.
    QRectF hoverRect() const;

    // The panel on its own at its natural size, device pixel ratio `dpr`
    // (what "Copy panel" puts on the clipboard).
    QImage panelImage(int panelIndex, double dpr) const;
    void copyPanel(int panelIndex) const;

    QSize sizeHint() const override;

    // The keyboard's cell (kind Cell), if the figure has any panel; it keeps
    // its panel, row and column (clamped) when the figure is built again.
    std::optional<FigureHit> focusCell() const;
    void setFocusCell(int panelIndex, int row, int column);
    // A cell's box in viewport coordinates; empty if there is no such cell.
    QRectF cellRectInViewport(int panelIndex, int row, int column) const;
    // Changes whenever the figure is built again (panels may come and go):
    // what was said about the old panels no longer holds.
    int figureGeneration() const { return m_generation; }

    // Whether double-clicking a cell of this panel edits it (E, W_Q, W_K, W_V).
    static bool isEditablePanel(attn::PanelId panel);
    // Opens the inline editor on a cell (as a double-click does); false if
    // that cell is not editable or not shown. The editor closes on Enter
    // (emitting cellEdited for a number), Esc, focus loss or a new figure.
    bool editCell(attn::PanelId panel, int row, int column);
    bool isEditing() const;

signals:
    void zoomChanged(double zoom);
    // A panel export from the context menu failed or succeeded; for the status bar.
    void exportFinished(const QString& message, bool ok);
    // The user typed a new value for a cell of E (row = token position) or
    // a W matrix and pressed Enter; nothing has changed yet.
    void cellEdited(attn::PanelId panel, int row, int column, double value);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void rebuild();
    void updateScrollBars();
    void setZoomAround(double zoom, QPointF viewportAnchor);
    double fitZoom() const;
    QPointF origin() const; // viewport position of the figure's (0, 0)
    QPointF toFigure(QPointF viewportPos) const;
    QPointF toViewport(QPointF figurePos) const;
    FigureSettings settings() const;
    const QImage& cachedPanel(int index, double dpr, QPoint* topLeft) const;
    void setHover(std::optional<FigureHit> hit);
    void selectCell(const FigureHit& hit); // as a click on it
    bool keyboardCellKey(QKeyEvent* event);
    void moveFocusCell(int rows, int columns);
    void focusCellChanged();
    void commitEdit();
    void closeEditor();

    attn::AttentionConfig m_config;
    std::shared_ptr<const attn::AttentionResult> m_result;
    Figure m_figure;
    QPointer<ViewState> m_view;
    bool m_fit = true;
    double m_zoom = 1.0;
    bool m_presentation = false;
    std::optional<FigureHit> m_hover; // a cell
    // The keyboard's cell by panel (id and head), so a new figure keeps it.
    struct FocusCell
    {
        attn::PanelId panel = attn::PanelId::Embeddings;
        int head = -1;
        int row = 0;
        int column = 0;
    };
    std::optional<FocusCell> m_focus;
    bool m_showRing = false; // after keyboard use, not after a click
    int m_generation = 0;

    struct CachedPanel
    {
        QImage image;
        QPoint topLeft; // in zoomed figure pixels
    };
    mutable std::vector<CachedPanel> m_cache;
    mutable double m_cacheZoom = 0.0;
    mutable double m_cacheDpr = 0.0;

    struct EditedCell
    {
        attn::PanelId panel = attn::PanelId::Embeddings;
        int row = -1;
        int column = -1;
    };
    QPointer<QLineEdit> m_editor;
    QPointer<QLabel> m_editorHint; // why a typed value was refused
    QPointer<FileDialogs> m_files;
    EditedCell m_edited;
};
