#include "inference/conversation.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestConversation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pairsEveryCallWithAResult();
};

namespace {
Message msg(MessageRole role, QList<ContentPart> content, MessageStatus status = MessageStatus::Complete)
{
    Message m;
    m.role = role;
    m.status = status;
    m.content = std::move(content);
    return m;
}
ToolUsePart callPart(const QString &id)
{
    return ToolUsePart{id, u"f"_s, {}, std::nullopt, {}, {}};
}
ToolResultPart resultPart(const QString &id)
{
    return ToolResultPart{id, u"f"_s, u"r-"_s + id, false, {}};
}
// "role[parts]" with parts as t:text, c:callId, r:callId(result text), x:error result.
QString describe(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages) {
        QStringList parts;
        for (const ContentPart &p : m.content) {
            if (const auto *t = std::get_if<TextPart>(&p))
                parts << u"t:"_s + t->text;
            else if (const auto *c = std::get_if<ToolUsePart>(&p))
                parts << u"c:"_s + c->id;
            else if (const auto *r = std::get_if<ToolResultPart>(&p))
                parts << (r->isError ? u"x:"_s : u"r:"_s) + r->toolId;
        }
        out << messageRoleName(m.role) + u'[' + parts.join(u',') + u']';
    }
    return out.join(u' ');
}
} // namespace

void TestConversation::pairsEveryCallWithAResult()
{
    const QList<Message> history = {
        msg(MessageRole::System, {TextPart{u"old system"_s, false, {}, {}}}),
        msg(MessageRole::User, {TextPart{u"q1"_s, false, {}, {}}}),
        msg(MessageRole::Assistant, {TextPart{u"a1"_s, false, {}, {}}, callPart(u"c1"_s), callPart(u"c2"_s)}),
        msg(MessageRole::Tool, {resultPart(u"c2"_s), resultPart(u"stray"_s), resultPart(u"c2"_s)}),
        msg(MessageRole::User, {TextPart{u"q2"_s, false, {}, {}}}),
        // Interrupted: its text stays, its calls never ran.
        msg(MessageRole::Assistant, {TextPart{u"partial"_s, false, {}, {}}, callPart(u"c3"_s)}, MessageStatus::Interrupted),
        msg(MessageRole::User, {TextPart{u"q3"_s, false, {}, {}}}),
        msg(MessageRole::Assistant, {TextPart{u"  "_s, false, {}, {}}}, MessageStatus::Failed),
        msg(MessageRole::Assistant, {callPart(u"c4"_s)}),
    };
    QCOMPARE(describe(Conversation::normalized(history)),
             u"user[t:q1] assistant[t:a1,c:c1,c:c2] tool[r:c2,x:c1] user[t:q2] assistant[t:partial] user[t:q3] "
             "assistant[c:c4] tool[x:c4]"_s);
    const auto normalized = Conversation::normalized(history);
    QCOMPARE(std::get<ToolResultPart>(normalized.at(2).content.at(1)).result, u"The tool call was not completed."_s);
}

QTEST_GUILESS_MAIN(TestConversation)
#include "tst_conversation.moc"
