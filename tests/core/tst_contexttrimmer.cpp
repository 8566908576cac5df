#include "core/contexttrimmer.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestContextTrimmer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsEverythingWhenItFits();
    void dropsOldestWholeTurns();
    void startsAtAUserMessage();
    void newestTurnTooLong();
};

namespace {
Message msg(MessageRole role, int chars, const QString &tag)
{
    Message m;
    m.role = role;
    m.id = tag;
    if (role == MessageRole::Tool)
        m.content = {ToolResultPart{u"c"_s, u"t"_s, QString(chars, u'x'), false, {}}};
    else
        m.content = {TextPart{QString(chars, u'x'), false, {}, {}}};
    return m;
}
QStringList ids(const QList<Message> &messages)
{
    QStringList out;
    for (const auto &m : messages)
        out << m.id;
    return out;
}
} // namespace

void TestContextTrimmer::keepsEverythingWhenItFits()
{
    const QList<Message> history = {msg(MessageRole::User, 400, u"u1"_s), msg(MessageRole::Assistant, 400, u"a1"_s)};
    QCOMPARE(ids(*ContextTrimmer::trim(history, {1000, 100, 100})), (QStringList{u"u1"_s, u"a1"_s}));
    QCOMPARE(ids(*ContextTrimmer::trim(history, {0, 0, 0})), (QStringList{u"u1"_s, u"a1"_s}));
    QCOMPARE(ContextTrimmer::estimateTokens(history.at(0)), 104);
}

void TestContextTrimmer::dropsOldestWholeTurns()
{
    // Each message ≈ 104 tokens; 420 available after reserve and system prompt: four fit.
    const QList<Message> history = {msg(MessageRole::User, 400, u"u1"_s), msg(MessageRole::Assistant, 400, u"a1"_s),
                                    msg(MessageRole::User, 400, u"u2"_s), msg(MessageRole::Assistant, 400, u"a2"_s),
                                    msg(MessageRole::User, 400, u"u3"_s)};
    QCOMPARE(ids(*ContextTrimmer::trim(history, {1000, 500, 80})), (QStringList{u"u2"_s, u"a2"_s, u"u3"_s}));
}

void TestContextTrimmer::startsAtAUserMessage()
{
    const QList<Message> history = {msg(MessageRole::User, 4000, u"u1"_s), msg(MessageRole::Assistant, 40, u"a1"_s),
                                    msg(MessageRole::Tool, 40, u"t1"_s), msg(MessageRole::Assistant, 40, u"a2"_s),
                                    msg(MessageRole::User, 40, u"u2"_s)};
    // Room for the four small ones but not u1: the kept history must not start at a1.
    QCOMPARE(ids(*ContextTrimmer::trim(history, {200, 0, 0})), (QStringList{u"u2"_s}));
}

void TestContextTrimmer::newestTurnTooLong()
{
    const QList<Message> history = {msg(MessageRole::User, 40, u"u1"_s), msg(MessageRole::User, 4000, u"huge"_s)};
    QCOMPARE(ContextTrimmer::trim(history, {500, 100, 0}), std::nullopt);
}

QTEST_GUILESS_MAIN(TestContextTrimmer)
#include "tst_contexttrimmer.moc"
