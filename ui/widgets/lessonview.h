#pragma once

// Lesson mode: the computation as slides a teacher steps through (seven; a
// checkpoint's layer adds four for the block around attention), one
// query token followed from its word to its output. LessonView shows the
// current slide and takes the keys a presenter's clicker sends; the PDF
// handout (ui/render/lessonpdf.h) draws the same LessonPage, so the projected
// slide and the handout are the same picture.
//
// Invariants: the view never computes attention, it only reads the shared
// result it is given and the view state it observes; step() is always within
// 1..stepCount(), and the query token and head are clamped to the result.

#include "core/attention.h"
#include "ui/document/viewstate.h"
#include "ui/render/lessonpage.h"

#include <QPointer>
#include <QString>
#include <QTransform>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class LessonView : public QWidget
{
    Q_OBJECT

public:
    // The lesson's steps for the result and layer shown (LessonPage::stepsFor).
    int stepCount() const;

    explicit LessonView(QWidget* parent = nullptr);

    void setData(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result);

    // The step, the followed token (the selected query, else the first),
    // the layer, the head and the colour map are the view state's; the view
    // starts with one of its own, a window hands it the shared one (not
    // owned; it must outlive the view).
    void setViewState(ViewState* view);
    ViewState* viewState() const { return m_view; }

    void setStep(int step); // clamped to 1..stepCount()
    int step() const;
    int queryToken() const; // clamped to the tokens
    int head() const;       // clamped to the heads
    void setPresentation(bool on);
    bool presentation() const { return m_presentation; }

    void next();
    void previous();

    // The slide as currently laid out for this widget's size (built on demand).
    const LessonPage& page() const;
    // From the page's coordinates to this widget's pixels.
    QTransform pageTransform() const;
    // Counts the slides laid out: another number, another page() (for the
    // accessible tables of its heatmaps, ui/widgets/heatmapaccessible.h).
    int pageGeneration() const;
    // The current step's large panels, e.g. {Scores} for step 4.
    std::vector<attn::PanelId> visiblePanels() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void exitRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // Widget pixels per page pixel: the page is 720 units tall, at least
    // minWidth units wide.
    double pageScale(double minWidth) const;
    // The page size at that scale, for the widget's aspect ratio.
    QSizeF logicalSize(double scale) const;
    double pageScale() const;
    void invalidate();
    LessonSettings settings() const;

    attn::AttentionConfig m_config;
    std::shared_ptr<const attn::AttentionResult> m_result;
    QPointer<ViewState> m_view;
    bool m_presentation = false;
    mutable std::optional<LessonPage> m_page; // rebuilt lazily after any change
    mutable double m_pageScale = 1.0;         // the scale m_page was laid out for
    mutable int m_pageGeneration = 0;
};
