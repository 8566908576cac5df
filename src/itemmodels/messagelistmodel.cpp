#include "messagelistmodel.h"

#include <QJsonDocument>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

void appendBlock(QString &joined, const QString &text)
{
    if (!joined.isEmpty())
        joined += u"\n\n"_s;
    joined += text;
}

} // namespace

MessageListModel::MessageListModel(QObject *parent) : QAbstractListModel(parent)
{
}

MessageListModel::Row MessageListModel::makeRow(const Message &message)
{
    Row row{message, {}, {}, {}};
    for (const ContentPart &part : message.content) {
        if (const auto *text = std::get_if<TextPart>(&part); text && !text->isSkillInstruction)
            appendBlock(row.text, text->text);
        else if (const auto *thinking = std::get_if<ThinkingPart>(&part))
            appendBlock(row.thinking, thinking->text);
    }
    return row;
}

QVariantMap MessageListModel::partMap(const ContentPart &part, const QString &rawArguments)
{
    // "type" names the part (QML, tests); "kind" is the same as ContentPartType, for C++ views.
    QVariantMap map{{u"type"_s, contentPartTypeName(contentPartType(part))}, {u"kind"_s, int(contentPartType(part))}};
    if (const auto *text = std::get_if<TextPart>(&part)) {
        map.insert(u"text"_s, text->text);
        map.insert(u"isSkillInstruction"_s, text->isSkillInstruction);
    } else if (const auto *thinking = std::get_if<ThinkingPart>(&part)) {
        map.insert(u"text"_s, thinking->text);
        if (thinking->durationMs)
            map.insert(u"durationMs"_s, *thinking->durationMs);
    } else if (const auto *call = std::get_if<ToolUsePart>(&part)) {
        map.insert(u"id"_s, call->id);
        map.insert(u"name"_s, call->name);
        map.insert(u"arguments"_s, !rawArguments.isEmpty() || call->params.isEmpty()
                                       ? rawArguments
                                       : QString::fromUtf8(QJsonDocument(call->params).toJson(QJsonDocument::Compact)));
    } else if (const auto *result = std::get_if<ToolResultPart>(&part)) {
        map.insert(u"toolId"_s, result->toolId);
        map.insert(u"toolName"_s, result->toolName);
        map.insert(u"result"_s, result->result);
        map.insert(u"isError"_s, result->isError);
    } else if (const auto *image = std::get_if<ImagePart>(&part)) {
        map.insert(u"index"_s, image->index);
        map.insert(u"mimeType"_s, image->mimeType);
        map.insert(u"altText"_s, image->altText);
        map.insert(u"blob"_s, image->blob);
    }
    return map;
}

Result<void> MessageListModel::openThread(const QString &threadId)
{
    QList<Row> rows;
    qint64 cursor = 0;
    bool hasMore = false;
    if (!threadId.isEmpty()) {
        if (!m_loader)
            return makeError(QString(ErrorCode::InvalidArgument), u"The message list has no page loader"_s);
        auto page = m_loader(threadId, 0, PageSize);
        if (!page)
            return std::unexpected(page.error());
        for (const Message &m : std::as_const(page->messages))
            rows.append(makeRow(m));
        cursor = page->cursor;
        hasMore = page->hasMore;
    }
    m_changing = true;
    beginResetModel();
    m_threadId = threadId;
    m_rows = std::move(rows);
    m_cursor = cursor;
    m_hasMore = hasMore;
    m_hasNewer = false;
    rebuildIndex();
    m_callOwner.clear();
    m_resultOwner.clear();
    m_thinkingMs.clear();
    m_thinkingClock.clear();
    endResetModel();
    m_changing = false;
    pairToolRows();
    return {};
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Message &m = row.message;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return row.text;
    case IdRole: return m.id;
    case RoleRole: return messageRoleName(m.role);
    case StatusRole: return messageStatusName(m.status);
    case CreatedAtRole: return m.createdAt;
    case ThinkingRole: return row.thinking;
    case ParentIdRole: return m.parentId;
    case SiblingIndexRole: return m.siblingIndex;
    case SiblingCountRole: return m.siblingCount;
    case MessageRoleRole: return int(m.role);
    case MessageStatusRole: return int(m.status);
    case CallResultsRole: return callResults(m);
    case ResultsWithCallsRole: return resultsWithCalls(m);
    case ThinkingMsRole: return m_thinkingMs.value(m.id, -1);
    case ToolCallsRole:
    case ToolResultsRole:
    case ImagesRole:
    case PartsRole: {
        const ContentPartType wanted = role == ToolCallsRole ? ContentPartType::ToolUse
            : role == ToolResultsRole                        ? ContentPartType::ToolResult
            : role == ImagesRole                             ? ContentPartType::Image
                                                             : ContentPartType::Unknown;
        QVariantList list;
        for (qsizetype i = 0; i < m.content.size(); ++i) {
            const ContentPart &part = m.content.at(i);
            if (role != PartsRole && contentPartType(part) != wanted)
                continue;
            QVariantMap map = partMap(part, row.arguments.value(int(i)));
            if (role != PartsRole) {
                map.remove(u"type"_s);
                map.remove(u"kind"_s);
            }
            list.append(map);
        }
        return list;
    }
    default: return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{IdRole, "messageId"},     {RoleRole, "role"},         {StatusRole, "status"},
            {CreatedAtRole, "createdAt"}, {TextRole, "text"},       {ThinkingRole, "thinking"},
            {ToolCallsRole, "toolCalls"}, {ToolResultsRole, "toolResults"}, {ImagesRole, "images"},
            {PartsRole, "parts"},         {ParentIdRole, "parentId"},  {SiblingIndexRole, "siblingIndex"},
            {SiblingCountRole, "siblingCount"}, {MessageRoleRole, "messageRole"}, {MessageStatusRole, "messageStatus"},
            {CallResultsRole, "callResults"},   {ResultsWithCallsRole, "resultsWithCalls"}, {ThinkingMsRole, "thinkingMs"}};
}

void MessageListModel::fetchOlder()
{
    if (!canFetchOlder() || m_changing)
        return;
    auto page = m_loader(m_threadId, m_cursor, PageSize);
    if (!page || page->messages.isEmpty()) {
        m_hasMore = false;
        return;
    }
    QList<Row> older;
    for (const Message &m : std::as_const(page->messages)) {
        if (!m_rowById.contains(m.id)) // a message that arrived meanwhile is already shown
            older.append(makeRow(m));
    }
    m_cursor = page->cursor;
    m_hasMore = page->hasMore;
    if (older.isEmpty())
        return;
    m_changing = true;
    beginInsertRows({}, 0, int(older.size()) - 1);
    m_rows = older + m_rows;
    rebuildIndex();
    endInsertRows();
    m_changing = false;
    pairToolRows(); // a result already shown may find its call in the older page
}

void MessageListModel::upsertMessage(const Message &message)
{
    if (message.threadId != m_threadId || m_threadId.isEmpty())
        return;
    if (m_hasNewer && rowOf(message.id) < 0)
        return; // it belongs below rows not loaded yet
    stopThinkingClock(message.id);
    if (const int row = rowOf(message.id); row >= 0) {
        m_rows[row] = makeRow(message);
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i);
    } else {
        const int last = int(m_rows.size());
        m_changing = true;
        beginInsertRows({}, last, last);
        m_rows.append(makeRow(message));
        m_rowById.insert(message.id, last);
        endInsertRows();
        m_changing = false;
    }
    pairToolRows();
}

void MessageListModel::applyDelta(const RunMessageDeltaEvent &delta)
{
    if (m_threadId.isEmpty() || delta.partIndex < 0)
        return;
    int row = rowOf(delta.messageId);
    if (row < 0 && m_hasNewer)
        return; // it belongs below rows not loaded yet
    if (row < 0) {
        Message streaming;
        streaming.id = delta.messageId;
        streaming.threadId = m_threadId;
        streaming.role = MessageRole::Assistant;
        streaming.status = MessageStatus::Streaming;
        streaming.createdAt = QDateTime::currentDateTimeUtc();
        row = int(m_rows.size());
        m_changing = true;
        beginInsertRows({}, row, row);
        m_rows.append(makeRow(streaming));
        m_rowById.insert(streaming.id, row);
        endInsertRows();
        m_changing = false;
    }
    Row &r = m_rows[row];
    QList<ContentPart> &parts = r.message.content;
    // A new part starts where the delta says; parts before it are complete.
    while (parts.size() <= delta.partIndex) {
        switch (delta.partType) {
        case ContentPartType::Thinking: parts.append(ThinkingPart{}); break;
        case ContentPartType::ToolUse: parts.append(ToolUsePart{delta.toolCallId, delta.toolName, {}, {}, {}, {}}); break;
        default: parts.append(TextPart{}); break;
        }
    }
    ContentPart &part = parts[delta.partIndex];
    int changedRole = 0;
    QList<int> also;
    if (auto *text = std::get_if<TextPart>(&part)) {
        if (text->text.isEmpty() && !r.text.isEmpty())
            r.text += u"\n\n"_s;
        text->text += delta.text;
        r.text += delta.text;
        changedRole = TextRole;
    } else if (auto *thinking = std::get_if<ThinkingPart>(&part)) {
        if (thinking->text.isEmpty() && !r.thinking.isEmpty())
            r.thinking += u"\n\n"_s;
        thinking->text += delta.text;
        r.thinking += delta.text;
        changedRole = ThinkingRole;
        if (!m_thinkingMs.contains(delta.messageId) && !m_thinkingClock.contains(delta.messageId))
            m_thinkingClock[delta.messageId].start();
    } else if (auto *call = std::get_if<ToolUsePart>(&part)) {
        if (call->id.isEmpty())
            call->id = delta.toolCallId;
        if (!call->id.isEmpty())
            m_callOwner.insert(call->id, delta.messageId);
        if (call->name.isEmpty())
            call->name = delta.toolName;
        r.arguments[delta.partIndex] += delta.text;
        changedRole = ToolCallsRole;
    } else {
        return; // a delta for a part that cannot stream
    }
    if (changedRole != ThinkingRole && m_thinkingClock.contains(delta.messageId)) {
        stopThinkingClock(delta.messageId); // the answer or a call follows the thinking
        also << ThinkingMsRole;
    }
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, QList<int>{changedRole, PartsRole} + also);
}

void MessageListModel::removeMessages(const QStringList &ids)
{
    for (const QString &id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        m_changing = true;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        rebuildIndex();
        endRemoveRows();
        m_changing = false;
    }
    pairToolRows();
}

void MessageListModel::replaceFrom(int row, const QList<Message> &messages, bool moreBelow)
{
    row = std::clamp(row, 0, int(m_rows.size()));
    m_hasNewer = moreBelow;
    m_changing = true;
    if (row < m_rows.size()) {
        beginRemoveRows({}, row, int(m_rows.size()) - 1);
        // The removed rows are freed after this event (a switch near the top of a long thread
        // drops thousands: the window shows the new ones first).
        if (m_retired.isEmpty())
            QTimer::singleShot(0, this, [this] { m_retired.clear(); });
        std::move(m_rows.begin() + row, m_rows.end(), std::back_inserter(m_retired));
        const qsizetype removed = m_rows.size() - row;
        m_rows.resize(row);
        if (removed > row) {
            rebuildIndex();
        } else {
            for (auto it = m_rowById.begin(); it != m_rowById.end();)
                it = it.value() >= row ? m_rowById.erase(it) : std::next(it);
        }
        endRemoveRows();
    }
    if (!messages.isEmpty()) {
        beginInsertRows({}, row, row + int(messages.size()) - 1);
        for (const Message &m : messages) {
            m_rowById.insert(m.id, int(m_rows.size()));
            m_rows.append(makeRow(m));
        }
        endInsertRows();
    }
    m_changing = false;
    pairToolRows();
}

void MessageListModel::fetchNewer()
{
    if (!canFetchNewer() || m_changing)
        return;
    // The last row again, a page and one more: whether the path goes on after this page.
    auto path = m_pathLoader(m_rows.constLast().message.id, PageSize + 2);
    if (!path || path->isEmpty()) {
        m_hasNewer = false;
        return;
    }
    QList<Message> newer = path->mid(1, PageSize);
    const bool more = path->size() > PageSize + 1;
    replaceFrom(int(m_rows.size()), newer, more);
}

Result<void> MessageListModel::reload()
{
    if (m_threadId.isEmpty() || !m_loader)
        return {};
    auto page = m_loader(m_threadId, 0, PageSize);
    if (!page)
        return std::unexpected(page.error());
    replaceFrom(0, page->messages);
    m_cursor = page->cursor;
    m_hasMore = page->hasMore;
    return {};
}

void MessageListModel::pairToolRows()
{
    QHash<QString, QString> calls;
    QHash<QString, QString> results;
    for (const Row &row : std::as_const(m_rows)) {
        for (const ContentPart &part : row.message.content) {
            if (const auto *call = std::get_if<ToolUsePart>(&part); call && !call->id.isEmpty())
                calls.insert(call->id, row.message.id);
            else if (const auto *result = std::get_if<ToolResultPart>(&part); result && !result->toolId.isEmpty())
                results.insert(result->toolId, row.message.id);
        }
    }
    // The pairs that formed, broke or moved: their rows change. A pair is (call row, result row).
    using Pairs = QHash<QString, std::pair<QString, QString>>;
    const auto joined = [](const QHash<QString, QString> &callRows, const QHash<QString, QString> &resultRows) {
        Pairs pairs;
        for (auto it = callRows.cbegin(); it != callRows.cend(); ++it) {
            if (const auto result = resultRows.constFind(it.key()); result != resultRows.cend())
                pairs.insert(it.key(), {it.value(), result.value()});
        }
        return pairs;
    };
    const Pairs before = joined(m_callOwner, m_resultOwner);
    const Pairs now = joined(calls, results);
    QSet<QString> changedCalls;
    QSet<QString> changedResults;
    const auto compare = [&](const Pairs &from, const Pairs &to) {
        for (auto it = from.cbegin(); it != from.cend(); ++it) {
            if (to.value(it.key()) != it.value()) {
                changedCalls << it->first;
                changedResults << it->second;
            }
        }
    };
    compare(before, now);
    compare(now, before);
    m_callOwner = std::move(calls);
    m_resultOwner = std::move(results);
    for (const QString &id : std::as_const(changedCalls)) {
        if (const int row = rowOf(id); row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {CallResultsRole});
    }
    for (const QString &id : std::as_const(changedResults)) {
        if (const int row = rowOf(id); row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {ResultsWithCallsRole});
    }
}

QVariantMap MessageListModel::callResults(const Message &message) const
{
    QVariantMap map;
    for (const ContentPart &part : message.content) {
        const auto *call = std::get_if<ToolUsePart>(&part);
        if (!call || !m_resultOwner.contains(call->id))
            continue;
        const int row = rowOf(m_resultOwner.value(call->id));
        if (row < 0)
            continue;
        for (const ContentPart &candidate : m_rows.at(row).message.content) {
            if (const auto *result = std::get_if<ToolResultPart>(&candidate); result && result->toolId == call->id)
                map.insert(call->id, QVariantMap{{u"result"_s, result->result}, {u"isError"_s, result->isError}});
        }
    }
    return map;
}

QStringList MessageListModel::resultsWithCalls(const Message &message) const
{
    QStringList ids;
    for (const ContentPart &part : message.content) {
        if (const auto *result = std::get_if<ToolResultPart>(&part); result && m_callOwner.contains(result->toolId))
            ids << result->toolId;
    }
    return ids;
}

void MessageListModel::stopThinkingClock(const QString &messageId)
{
    const auto clock = m_thinkingClock.constFind(messageId);
    if (clock == m_thinkingClock.cend())
        return;
    m_thinkingMs.insert(messageId, clock->elapsed());
    m_thinkingClock.erase(clock);
}

void MessageListModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows.at(i).message.id, int(i));
}

} // namespace AgentDesk
