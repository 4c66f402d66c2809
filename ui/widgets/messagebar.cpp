#include "ui/widgets/messagebar.h"

#include "ui/widgets/appearance.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::NoFocus);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Wrapped to the window's width; its own width hint would widen the window.
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_text, 1);
    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(6);
    layout->addLayout(m_buttons);
    auto* close = new QToolButton(this);
    close->setObjectName(QStringLiteral("messageClose"));
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    close->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(close, 0, Qt::AlignTop);
    m_close = close;
    connect(close, &QToolButton::clicked, this, &MessageBar::dismiss);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString& text)
{
    m_kind = kind;
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        // Later: the message may be replaced from the clicked() of one of them.
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    // Colours of the settings panel's error banner, so the two read as one family.
    static const char* const styles[] = {
        "MessageBar { background: #e8f1fb; border: 1px solid #a9c4e2; border-left: 5px solid #1f4e79; }",
        "MessageBar { background: #fff6e0; border: 1px solid #e3c77a; border-left: 5px solid #b8860b; }",
        "MessageBar { background: #fdecea; border: 1px solid #e0a0a0; border-left: 5px solid #c62828; }",
    };
    static const char* const darkStyles[] = {
        "MessageBar { background: #1c2a3a; color: #e8e8e8; border: 1px solid #3a5878; border-left: 5px solid #6fa8dc; "
        "}",
        "MessageBar { background: #352c18; color: #e8e8e8; border: 1px solid #6e5a2a; border-left: 5px solid #e0b040; "
        "}",
        "MessageBar { background: #3a1e1e; color: #e8e8e8; border: 1px solid #7a3a3a; border-left: 5px solid #ef6b6b; "
        "}",
    };
    appearance::setThemedStyleSheet(this, QString::fromLatin1(styles[static_cast<int>(kind)]),
                                    QString::fromLatin1(darkStyles[static_cast<int>(kind)]));
    m_text->setText(text);
    show();
}

QPushButton* MessageBar::addButton(const QString& text, const QString& objectName)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setFocusPolicy(Qt::TabFocus);
    // Connected first, so the bar is gone before the caller's handler runs
    // (which may show the next message).
    connect(button, &QPushButton::clicked, this, [this] { hide(); });
    m_buttons->addWidget(button);
    return button;
}

void MessageBar::dismiss()
{
    if (isHidden())
        return;
    hide();
    emit dismissed();
}

void MessageBar::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

QString MessageBar::text() const
{
    return m_text->text();
}
