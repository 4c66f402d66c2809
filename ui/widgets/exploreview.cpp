#include "ui/widgets/exploreview.h"

#include "ui/document/attentiondocument.h"
#include "ui/document/viewstate.h"
#include "ui/widgets/figureview.h"
#include "ui/widgets/headview.h"
#include "ui/widgets/modeloverview.h"

#include <QAction>
#include <QActionGroup>
#include <QTabBar>

ExploreView::ExploreView(AttentionDocument* document, ViewState* view, FigureView* figure, const Actions& actions,
                         QWidget* parent)
    : QStackedWidget(parent)
    , m_switcher(new QTabBar(this))
    , m_heads(new HeadView(view, this))
    , m_model(new ModelOverview(view, this))
{
    setObjectName(QStringLiteral("exploreView"));
    m_switcher->setObjectName(QStringLiteral("viewSwitcher"));
    m_switcher->setDocumentMode(true);
    m_switcher->setDrawBase(false);
    m_switcher->setExpanding(false);
    m_switcher->setFocusPolicy(Qt::NoFocus); // Ctrl+1, 2, 3 switch from the keyboard
    for (QWidget* page :
         {static_cast<QWidget*>(figure), static_cast<QWidget*>(m_heads), static_cast<QWidget*>(m_model)})
        addWidget(page);
    m_switcher->addTab(tr("Stages"));
    m_switcher->addTab(tr("Head View"));
    m_switcher->addTab(tr("Model View"));
    connect(m_switcher, &QTabBar::currentChanged, this, &QStackedWidget::setCurrentIndex);
    connect(this, &QStackedWidget::currentChanged, m_switcher, &QTabBar::setCurrentIndex);
    m_switcher->setTabToolTip(
        0, tr("Every matrix of the computation for one layer and head (%1)")
               .arg(actions.stages ? actions.stages->shortcut().toString(QKeySequence::NativeText) : ""));
    m_switcher->setTabToolTip(
        1, tr("Lines from each token to the tokens it attends to (%1)")
               .arg(actions.heads ? actions.heads->shortcut().toString(QKeySequence::NativeText) : ""));
    m_switcher->setTabToolTip(
        2, tr("Every layer and head at once; click one to open it (%1)")
               .arg(actions.model ? actions.model->shortcut().toString(QKeySequence::NativeText) : ""));

    auto* group = new QActionGroup(this);
    const QList<QAction*> tabActions{actions.stages, actions.heads, actions.model};
    for (int index = 0; index < tabActions.size(); ++index) {
        QAction* action = tabActions[index];
        if (!action)
            continue;
        action->setCheckable(true);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, index] {
            setCurrentIndex(index);
            emit shown();
        });
    }
    auto check = [tabActions](int index) {
        if (index >= 0 && index < tabActions.size() && tabActions[index])
            tabActions[index]->setChecked(true);
    };
    connect(this, &QStackedWidget::currentChanged, this, check);
    check(0);

    connect(document, &AttentionDocument::resultChanged, this, [this, document] {
        m_heads->setResult(document->result());
        m_model->setResult(document->result());
    });
    connect(m_model, &ModelOverview::headOpened, this, [this, figure] {
        setCurrentWidget(figure);
        emit shown();
    });
}
