#include "threadexport.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// A fence longer than any backtick run inside `text`, so code never closes it early.
QString fenceFor(const QString &text)
{
    int longest = 0;
    int run = 0;
    for (const QChar c : text) {
        run = c == u'`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max(3, longest + 1), u'`');
}

QString fenced(const QString &text, const QString &language)
{
    const QString fence = fenceFor(text);
    return fence + language + u'\n' + text + u'\n' + fence + u'\n';
}

QString roleHeading(MessageRole role)
{
    switch (role) {
    case MessageRole::User: return u"User"_s;
    case MessageRole::Assistant: return u"Assistant"_s;
    case MessageRole::System: return u"System"_s;
    case MessageRole::Tool: return u"Tool results"_s;
    }
    return {};
}

} // namespace

QJsonObject ThreadExport::threadToJson(const Thread &thread)
{
    return QJsonObject{{u"id"_s, thread.id},
                       {u"title"_s, thread.title},
                       {u"model"_s, thread.model},
                       {u"agent"_s, thread.agentId.isEmpty() ? QJsonValue() : QJsonValue(thread.agentId)},
                       {u"anonymous"_s, thread.anonymous},
                       {u"pinned"_s, thread.pinned},
                       {u"archived"_s, thread.archived},
                       {u"createdAt"_s, isoTime(thread.createdAt)},
                       {u"updatedAt"_s, isoTime(thread.updatedAt)},
                       {u"lastActivityAt"_s, isoTime(thread.lastActivityAt)},
                       {u"origin"_s, thread.origin},
                       {u"originId"_s, thread.originId.isEmpty() ? QJsonValue() : QJsonValue(thread.originId)},
                       {u"label"_s, thread.label}};
}

QJsonObject ThreadExport::toJson(const Thread &thread, const QList<Message> &messages, const QString &activeLeafId)
{
    QJsonObject json = threadToJson(thread);
    QJsonArray array;
    for (const auto &message : messages)
        array.append(messageToJson(message));
    json.insert(u"messages"_s, array);
    json.insert(u"activeLeafId"_s, activeLeafId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(activeLeafId));
    json.insert(u"draft"_s, thread.draft); // what the user typed and did not send (yet)
    return json;
}

QString ThreadExport::toMarkdown(const Thread &thread, const QList<Message> &messages)
{
    QString md;
    md += u"# "_s + (thread.title.isEmpty() ? u"Untitled thread"_s : thread.title) + u"\n\n"_s;
    md += u"- Thread: `%1`\n"_s.arg(thread.id);
    if (!thread.model.isEmpty())
        md += u"- Model: %1\n"_s.arg(thread.model);
    md += u"- Created: %1\n"_s.arg(isoTime(thread.createdAt));
    for (const auto &message : messages) {
        while (md.endsWith(u"\n\n"_s))
            md.chop(1);
        md += u"\n## "_s + roleHeading(message.role);
        if (message.status != MessageStatus::Complete)
            md += u" (%1)"_s.arg(messageStatusName(message.status));
        md += u"\n\n*"_s + isoTime(message.createdAt) + u"*\n\n"_s;
        for (const auto &part : message.content) {
            if (const auto *text = std::get_if<TextPart>(&part)) {
                if (text->isSkillInstruction)
                    md += u"> Skill instructions:\n> \n> "_s + QString(text->text).replace(u'\n', u"\n> "_s) + u"\n\n"_s;
                else
                    md += text->text + u"\n\n"_s;
            } else if (const auto *thinking = std::get_if<ThinkingPart>(&part)) {
                const QString took = thinking->durationMs ? u" (%1 s)"_s.arg(double(*thinking->durationMs) / 1000.0, 0, 'f', 1) : QString();
                md += u"<details><summary>Thinking%1</summary>\n\n"_s.arg(took) + thinking->text + u"\n\n</details>\n\n"_s;
            } else if (const auto *call = std::get_if<ToolUsePart>(&part)) {
                md += u"**Tool call** `%1`\n\n"_s.arg(call->name)
                    + fenced(QString::fromUtf8(QJsonDocument(call->params).toJson(QJsonDocument::Indented)).trimmed(), u"json"_s)
                    + u'\n';
            } else if (const auto *result = std::get_if<ToolResultPart>(&part)) {
                md += u"**Result of** `%1`%2\n\n"_s.arg(result->toolName, result->isError ? u" (error)"_s : QString())
                    + fenced(result->result, QString()) + u'\n';
            } else if (const auto *image = std::get_if<ImagePart>(&part)) {
                md += u"![%1](blobs/%2/%3)\n\n"_s.arg(image->altText.isEmpty() ? u"image %1"_s.arg(image->index + 1) : image->altText,
                                                     image->blob.left(2), image->blob);
            }
        }
    }
    while (md.endsWith(u"\n\n"_s))
        md.chop(1);
    return md;
}

} // namespace AgentDesk
