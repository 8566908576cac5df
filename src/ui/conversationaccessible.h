#pragma once

#include "messagedelegate.h"

#include <QAccessibleActionInterface>
#include <QAccessibleWidget>
#include <QHash>
#include <QPointer>

namespace AgentDesk {

class ConversationView;

// The conversation for assistive technology (product.md §11: every control has an accessible
// name). The view paints its messages and their buttons itself, so it describes them itself: a
// list whose items are the messages ("You: …", "Assistant: …"), each with the buttons drawn in it
// (section toggles, code Copy, Allow once / Allow for this thread / Deny, card actions, Copy, Edit,
// Regenerate) as pressable children with names. Pressing one does what a click does. Items are
// created when asked for and kept by message id until the view is gone. GUI thread only.
class ConversationAccessible : public QAccessibleWidget
{
public:
    explicit ConversationAccessible(ConversationView *view);
    ~ConversationAccessible() override;

    // Registers the factory that gives every ConversationView this interface (once per process).
    static void install();

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;

private:
    ConversationView *view() const;

    mutable QHash<QString, QAccessible::Id> m_messages; // by message id
};

// One message of the conversation: a list item whose children are its buttons.
class MessageAccessible : public QAccessibleInterface
{
public:
    MessageAccessible(ConversationView *view, QString messageId);
    ~MessageAccessible() override;

    const QString &messageId() const { return m_messageId; }
    int row() const;
    QList<MessageDelegate::Action> actions() const;

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *parent() const override;
    QAccessibleInterface *child(int index) const override;
    int childCount() const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override;

private:
    friend class MessageActionAccessible;
    static QString keyOf(const MessageDelegate::Hit &hit);

    QPointer<ConversationView> m_view;
    QString m_messageId;
    mutable QHash<QString, QAccessible::Id> m_actions; // by keyOf()
};

// A button drawn in a message. It finds itself again by what it does (kind, part, payload), so it
// stays right while the message streams or a section opens.
class MessageActionAccessible : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    MessageActionAccessible(MessageAccessible *message, QString key);

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_message->window(); }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *parent() const override { return m_message; }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::Button; }
    QAccessible::State state() const override;
    void *interface_cast(QAccessible::InterfaceType type) override;

    QStringList actionNames() const override;
    void doAction(const QString &actionName) override;
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    std::optional<MessageDelegate::Action> current() const;

    MessageAccessible *m_message;
    QString m_key;
};

} // namespace AgentDesk
