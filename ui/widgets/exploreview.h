#pragma once

#include <QStackedWidget>

class AttentionDocument;
class FigureView;
class HeadView;
class ModelOverview;
class QAction;
class QTabBar;
class ViewState;

// The three ways to look at a result, one at a time, chosen with tabs
// (switcher(), which the window puts beside the sentence so the views keep
// their height) or the View menu's actions: the stages (the figure of
// every matrix for one layer and head), the head view (token-to-token
// lines) and the model view (every layer x head at once). It follows the
// document's result and shares the window's view state, so a head chosen in
// one view is the head of the others. Opening a head in the model view
// brings the stages forward.
class ExploreView : public QStackedWidget
{
    Q_OBJECT

public:
    struct Actions
    {
        QAction* stages = nullptr;
        QAction* heads = nullptr;
        QAction* model = nullptr;
    };
    // `figure` becomes the first tab; the actions switch tabs and are checked
    // for the tab shown.
    ExploreView(AttentionDocument* document, ViewState* view, FigureView* figure, const Actions& actions,
                QWidget* parent = nullptr);

    QTabBar* switcher() const { return m_switcher; }
    HeadView* headView() const { return m_heads; }
    ModelOverview* modelOverview() const { return m_model; }

signals:
    // A tab was asked for (by its action or a click on a head): the window
    // shows this view if another (the lesson) is in front.
    void shown();

private:
    QTabBar* m_switcher = nullptr;
    HeadView* m_heads = nullptr;
    ModelOverview* m_model = nullptr;
};
