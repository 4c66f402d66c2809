#include "ui/widgets/sentencefield.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>

SentenceField::SentenceField(const QKeySequence& focusShortcut, QWidget* parent)
    : QLineEdit(parent)
{
    setObjectName(QStringLiteral("sentence"));
    setPlaceholderText(tr("Type a sentence, e.g. i miss the old kanye"));
    setToolTip(tr("The words to attend over, split at spaces (%1). The figure follows as you type.")
                   .arg(focusShortcut.toString(QKeySequence::NativeText)));
    setClearButtonEnabled(true);
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.5);
    setFont(large);
    setMaxLength(200000);
}

QLabel* SentenceField::createLabel(QWidget* parent)
{
    auto* label = new QLabel(tr("Sentence"), parent);
    QFont bold = label->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.3);
    label->setFont(bold);
    label->setBuddy(this);
    return label;
}

void SentenceField::markError(bool on)
{
    QPalette palette = parentWidget() ? parentWidget()->palette() : QPalette();
    if (on) {
        palette.setColor(QPalette::Base, QColor(0xff, 0xe4, 0xe1));
        palette.setColor(QPalette::Text, QColor(0x8b, 0x00, 0x00));
    }
    setPalette(palette);
}

bool SentenceField::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride && window()) {
        const QKeySequence pressed(static_cast<QKeyEvent*>(event)->keyCombination());
        for (const QAction* action : window()->actions()) {
            if (action->shortcuts().contains(pressed)) {
                event->ignore(); // the window's shortcut runs
                return true;
            }
        }
    }
    return QLineEdit::event(event);
}
