#pragma once

#include <QFrame>
#include <QString>

class QHBoxLayout;
class QLabel;
class QPushButton;

// A non-modal notice above the figure: what went wrong with a file, what an
// import found, an offer to recover unsaved work. It never takes focus or
// blocks input, so a message cannot interrupt typing or a lecture, and it
// stays until dismissed or replaced (unlike the status bar).
//
// Buttons belong to the message they were added to: showMessage() removes
// the previous ones, and a click hides the bar before the button's own
// clicked() handlers run.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Error };

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text);
    QPushButton* addButton(const QString& text, const QString& objectName);
    void dismiss();
    // Whether the bar has a close button; a question that must be answered has none.
    void setClosable(bool closable);

    QString text() const;
    Kind kind() const { return m_kind; }

signals:
    void dismissed();

private:
    Kind m_kind = Kind::Info;
    QLabel* m_text = nullptr;
    QHBoxLayout* m_buttons = nullptr;
    QWidget* m_close = nullptr;
};
