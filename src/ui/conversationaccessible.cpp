#include "conversationaccessible.h"

#include "conversationview.h"

#include "itemmodels/messagelistmodel.h"

#include <QWindow>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QAccessibleInterface *conversationFactory(const QString &className, QObject *object)
{
    if (className == u"AgentDesk::ConversationView" && object && object->isWidgetType())
        return new ConversationAccessible(static_cast<ConversationView *>(object));
    return nullptr;
}

} // namespace

// ConversationAccessible

ConversationAccessible::ConversationAccessible(ConversationView *view) : QAccessibleWidget(view, QAccessible::List)
{
}

ConversationAccessible::~ConversationAccessible()
{
    for (const QAccessible::Id id : std::as_const(m_messages))
        QAccessible::deleteAccessibleInterface(id);
}

void ConversationAccessible::install()
{
    static const bool installed = [] {
        QAccessible::installFactory(conversationFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

ConversationView *ConversationAccessible::view() const
{
    return static_cast<ConversationView *>(widget());
}

int ConversationAccessible::childCount() const
{
    return view()->model() ? view()->model()->rowCount() : 0;
}

QAccessibleInterface *ConversationAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    const QString id = view()->model()->index(index, 0).data(MessageListModel::IdRole).toString();
    if (const auto it = m_messages.constFind(id); it != m_messages.cend()) {
        if (QAccessibleInterface *existing = QAccessible::accessibleInterface(*it))
            return existing;
    }
    auto *message = new MessageAccessible(view(), id);
    m_messages.insert(id, QAccessible::registerAccessibleInterface(message));
    return message;
}

int ConversationAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const auto *message = dynamic_cast<const MessageAccessible *>(child);
    return message ? view()->rowOfMessage(message->messageId()) : -1;
}

QAccessibleInterface *ConversationAccessible::childAt(int x, int y) const
{
    const QModelIndex index = view()->indexAt(view()->viewport()->mapFromGlobal(QPoint(x, y)));
    return index.isValid() ? child(index.row()) : nullptr;
}

// MessageAccessible

MessageAccessible::MessageAccessible(ConversationView *view, QString messageId)
    : m_view(view), m_messageId(std::move(messageId))
{
}

MessageAccessible::~MessageAccessible()
{
    for (const QAccessible::Id id : std::as_const(m_actions))
        QAccessible::deleteAccessibleInterface(id);
}

int MessageAccessible::row() const
{
    return m_view ? m_view->rowOfMessage(m_messageId) : -1;
}

QList<MessageDelegate::Action> MessageAccessible::actions() const
{
    return m_view ? m_view->actionsOf(row()) : QList<MessageDelegate::Action>{};
}

QString MessageAccessible::keyOf(const MessageDelegate::Hit &hit)
{
    return u"%1/%2/%3"_s.arg(int(hit.kind)).arg(hit.part).arg(hit.payload);
}

bool MessageAccessible::isValid() const
{
    return row() >= 0;
}

QWindow *MessageAccessible::window() const
{
    return m_view ? m_view->window()->windowHandle() : nullptr;
}

QAccessibleInterface *MessageAccessible::parent() const
{
    return m_view ? QAccessible::queryAccessibleInterface(m_view.data()) : nullptr;
}

int MessageAccessible::childCount() const
{
    return int(actions().size());
}

QAccessibleInterface *MessageAccessible::child(int index) const
{
    const QList<MessageDelegate::Action> all = actions();
    if (index < 0 || index >= all.size())
        return nullptr;
    const QString key = keyOf(all.at(index).hit);
    if (const auto it = m_actions.constFind(key); it != m_actions.cend()) {
        if (QAccessibleInterface *existing = QAccessible::accessibleInterface(*it))
            return existing;
    }
    auto *action = new MessageActionAccessible(const_cast<MessageAccessible *>(this), key);
    m_actions.insert(key, QAccessible::registerAccessibleInterface(action));
    return action;
}

int MessageAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const QList<MessageDelegate::Action> all = actions();
    for (int i = 0; i < all.size(); ++i) {
        if (const auto it = m_actions.constFind(keyOf(all.at(i).hit)); it != m_actions.cend()
            && QAccessible::accessibleInterface(*it) == child)
            return i;
    }
    return -1;
}

QAccessibleInterface *MessageAccessible::childAt(int x, int y) const
{
    if (!m_view)
        return nullptr;
    const QPoint p = m_view->viewport()->mapFromGlobal(QPoint(x, y));
    const QList<MessageDelegate::Action> all = actions();
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).rect.contains(p))
            return child(i);
    }
    return nullptr;
}

QString MessageAccessible::text(QAccessible::Text t) const
{
    if (!m_view || t != QAccessible::Name)
        return {};
    const int r = row();
    return r >= 0 ? m_view->messageDelegate()->accessibleText(m_view->model()->index(r, 0)) : QString();
}

QRect MessageAccessible::rect() const
{
    const int r = row();
    if (r < 0)
        return {};
    const QRect local = m_view->visualRect(m_view->model()->index(r, 0));
    return QRect(m_view->viewport()->mapToGlobal(local.topLeft()), local.size());
}

QAccessible::State MessageAccessible::state() const
{
    QAccessible::State s;
    const int r = row();
    if (r < 0)
        return s;
    s.offscreen = !m_view->visualRect(m_view->model()->index(r, 0)).intersects(m_view->viewport()->rect());
    s.invisible = !m_view->isVisible();
    return s;
}

// MessageActionAccessible

MessageActionAccessible::MessageActionAccessible(MessageAccessible *message, QString key)
    : m_message(message), m_key(std::move(key))
{
}

std::optional<MessageDelegate::Action> MessageActionAccessible::current() const
{
    const QList<MessageDelegate::Action> all = m_message->actions();
    for (const MessageDelegate::Action &action : all) {
        if (MessageAccessible::keyOf(action.hit) == m_key)
            return action;
    }
    return std::nullopt;
}

bool MessageActionAccessible::isValid() const
{
    return current().has_value();
}

QString MessageActionAccessible::text(QAccessible::Text t) const
{
    const auto action = current();
    if (!action)
        return {};
    if (t == QAccessible::Name)
        return action->name;
    if (t == QAccessible::Description)
        return action->description;
    return {};
}

QRect MessageActionAccessible::rect() const
{
    const auto action = current();
    if (!action || !m_message->m_view)
        return {};
    return QRect(m_message->m_view->viewport()->mapToGlobal(action->rect.topLeft()), action->rect.size());
}

QAccessible::State MessageActionAccessible::state() const
{
    QAccessible::State s;
    const auto action = current();
    if (!action)
        return s;
    s.expandable = action->expandable;
    s.expanded = action->expanded;
    s.collapsed = action->expandable && !action->expanded;
    return s;
}

void *MessageActionAccessible::interface_cast(QAccessible::InterfaceType type)
{
    return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this) : nullptr;
}

QStringList MessageActionAccessible::actionNames() const
{
    const auto action = current();
    if (!action)
        return {};
    return {action->expandable ? toggleAction() : pressAction()};
}

void MessageActionAccessible::doAction(const QString &actionName)
{
    const auto action = current();
    if (!action || !m_message->m_view || !actionNames().contains(actionName))
        return;
    m_message->m_view->trigger(m_message->row(), action->hit);
}

} // namespace AgentDesk
