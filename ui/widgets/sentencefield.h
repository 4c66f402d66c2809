#pragma once

// The sentence the class attends over, in large type at the top of the
// window ("sentence"). The window's shortcuts keep working while the cursor
// is in it: depending on the platform's key bindings a line edit claims Ctrl
// keys for itself (emacs-style Ctrl+E, Ctrl+K), and this field gives every
// key that one of its window's actions uses back to the window. It can be
// marked as the cause of an error (no words, too many).

#include <QLineEdit>

class QLabel;

class SentenceField : public QLineEdit
{
    Q_OBJECT

public:
    // `focusShortcut` is named in the tooltip.
    SentenceField(const QKeySequence& focusShortcut, QWidget* parent = nullptr);

    // A bold "Sentence" label, the field's buddy, for the row above the figure.
    QLabel* createLabel(QWidget* parent);
    void markError(bool on);

protected:
    bool event(QEvent* event) override;
};
