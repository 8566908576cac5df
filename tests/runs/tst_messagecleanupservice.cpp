#include "testsupport.h"

#include "runs/messagecleanupservice.h"
#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// runs-reference.md §6 (HEAD rule) and product.md §5 (draft restore, start-up recovery).
class TestMessageCleanupService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void deletesEverythingAfterTheLastCompletedTurn();
    void withoutACompletedTurnEverythingGoes();
    void interruptedTextIsACompletedTurn();
    void restoresTheDraftInFrontOfAnExistingOne();
    void nothingToDo();
    void recoversStreamingRowsAtStartUp();
    void aFailedRegenerationRemovesOnlyItsOwnTip();
    void aFailedEditGoesBackToTheOldVersion();
    void aRegenerationThatStoredNothingLeavesTheOldBranch();

private:
    QString add(MessageRole role, QList<ContentPart> content, MessageStatus status = MessageStatus::Complete, std::optional<QString> parent = std::nullopt);
    QStringList roles() const;

    std::unique_ptr<Test::TempDatabase> m_t;
    QString m_thread;
};

void TestMessageCleanupService::init()
{
    m_t = std::make_unique<Test::TempDatabase>();
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
}

void TestMessageCleanupService::cleanup()
{
    m_t.reset();
}

QString TestMessageCleanupService::add(MessageRole role, QList<ContentPart> content, MessageStatus status, std::optional<QString> parent)
{
    Message m;
    m.threadId = m_thread;
    m.role = role;
    m.status = status;
    m.content = std::move(content);
    m.parentId = parent.value_or(QString());
    return AD_VERIFY_OK(MessageRepository(m_t->connection()).append(m, parent ? MessageRepository::Placement::UnderParent
                                                                               : MessageRepository::Placement::AtActiveLeaf)).value().id;
}

QStringList TestMessageCleanupService::roles() const
{
    QStringList out;
    const QList<Message> all = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(m_thread)).value();
    for (const Message &m : all) {
        QString kind = messageRoleName(m.role);
        if (std::any_of(m.content.cbegin(), m.content.cend(), [](const ContentPart &p) { return std::holds_alternative<ToolUsePart>(p); }))
            kind += u"(tool_use)"_s;
        out << kind;
    }
    return out;
}

namespace {
TextPart text(const QString &t)
{
    return TextPart{t, false, {}, {}};
}
ToolUsePart call(const QString &id)
{
    return ToolUsePart{id, u"bar_chart"_s, {}, std::nullopt, {}, {}};
}
ToolResultPart result(const QString &id)
{
    return ToolResultPart{id, u"bar_chart"_s, u"ok"_s, false, {}};
}
} // namespace

void TestMessageCleanupService::deletesEverythingAfterTheLastCompletedTurn()
{
    // The reference's own example: [asstText, user, asst(tool_use), tool_result, asst(tool_use)] → the last four go.
    add(MessageRole::User, {text(u"first question"_s)});
    add(MessageRole::Assistant, {text(u"first answer"_s)});
    const QString user = add(MessageRole::User, {TextPart{u"skill text"_s, true, {}, {}}, text(u"Draw the sales"_s)});
    add(MessageRole::Assistant, {call(u"c1"_s)});
    add(MessageRole::Tool, {result(u"c1"_s)});
    add(MessageRole::Assistant, {call(u"c2"_s)});
    MessageCleanupService service(m_t->connection());
    const auto outcome = AD_VERIFY_OK(service.cleanupAfterFailedRun(m_thread)).value();
    QCOMPARE(outcome.deletedMessageIds.size(), 4);
    QCOMPARE(outcome.deletedMessageIds.constFirst(), user);
    QCOMPARE(outcome.restoredText, u"Draw the sales"_s); // the skill's instructions are not the user's text
    QCOMPARE(roles(), (QStringList{u"user"_s, u"assistant"_s}));
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, u"Draw the sales"_s);
}

void TestMessageCleanupService::withoutACompletedTurnEverythingGoes()
{
    add(MessageRole::User, {text(u"only question"_s)});
    add(MessageRole::Assistant, {call(u"c1"_s)});
    MessageCleanupService service(m_t->connection());
    QCOMPARE(AD_VERIFY_OK(service.cleanupAfterFailedRun(m_thread)).value().deletedMessageIds.size(), 2);
    QCOMPARE(roles(), QStringList());
}

void TestMessageCleanupService::interruptedTextIsACompletedTurn()
{
    add(MessageRole::User, {text(u"q"_s)});
    add(MessageRole::Assistant, {text(u"partial answer"_s)}, MessageStatus::Interrupted);
    MessageCleanupService service(m_t->connection());
    QCOMPARE(AD_VERIFY_OK(service.cleanupAfterFailedRun(m_thread)).value().deletedMessageIds.size(), 0);
    QCOMPARE(roles(), (QStringList{u"user"_s, u"assistant"_s}));
}

void TestMessageCleanupService::restoresTheDraftInFrontOfAnExistingOne()
{
    QVERIFY(ThreadRepository(m_t->connection()).setDraft(m_thread, u"typed meanwhile"_s));
    add(MessageRole::User, {text(u"lost question"_s), ImagePart{0, u"image/png"_s, {}, {}, {}}});
    MessageCleanupService service(m_t->connection());
    QCOMPARE(AD_VERIFY_OK(service.cleanupAfterFailedRun(m_thread)).value().restoredText, u"lost question"_s);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, u"lost question\n\ntyped meanwhile"_s);
}

void TestMessageCleanupService::nothingToDo()
{
    add(MessageRole::User, {text(u"q"_s)});
    add(MessageRole::Assistant, {text(u"a"_s)});
    MessageCleanupService service(m_t->connection());
    const auto outcome = AD_VERIFY_OK(service.cleanupAfterFailedRun(m_thread)).value();
    QVERIFY(outcome.deletedMessageIds.isEmpty());
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, QString());
}

void TestMessageCleanupService::recoversStreamingRowsAtStartUp()
{
    // Thread 1: a crash while the answer streamed (text and a half tool call checkpointed).
    add(MessageRole::User, {text(u"q1"_s)});
    const QString streaming = add(MessageRole::Assistant, {text(u"Half an ans"_s), call(u"c9"_s)}, MessageStatus::Streaming);
    // Thread 2: a crash right after the row was created, nothing streamed yet.
    ThreadRepository threads(m_t->connection());
    const QString other = AD_VERIFY_OK(threads.create({})).value().id;
    Message question;
    question.threadId = other;
    question.content = {text(u"will this survive?"_s)};
    QVERIFY(MessageRepository(m_t->connection()).append(question));
    Message empty;
    empty.threadId = other;
    empty.role = MessageRole::Assistant;
    empty.status = MessageStatus::Streaming;
    QVERIFY(MessageRepository(m_t->connection()).append(empty));

    MessageCleanupService service(m_t->connection());
    QStringList recovered = AD_VERIFY_OK(service.recoverInterruptedRuns()).value();
    recovered.sort();
    QStringList expected{m_thread, other};
    expected.sort();
    QCOMPARE(recovered, expected);
    const Message kept = AD_VERIFY_OK(MessageRepository(m_t->connection()).get(streaming)).value();
    QCOMPARE(kept.status, MessageStatus::Interrupted);
    QCOMPARE(kept.content.size(), 1);
    QCOMPARE(kept.plainText(), u"Half an ans"_s);
    QCOMPARE(roles(), (QStringList{u"user"_s, u"assistant"_s}));
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(other)).value(), 0);
    QCOMPARE(AD_VERIFY_OK(threads.get(other)).value().draft, u"will this survive?"_s);
    // A second start finds nothing left to do.
    QCOMPARE(AD_VERIFY_OK(service.recoverInterruptedRuns()).value(), QStringList());
    QCOMPARE(AD_VERIFY_OK(m_t->db->integrityCheck()).value(), u"ok"_s);
}

void TestMessageCleanupService::aFailedRegenerationRemovesOnlyItsOwnTip()
{
    // product.md §14: the failed tip of the branch goes, never a sibling.
    add(MessageRole::User, {text(u"Chart it"_s)});
    const QString question = add(MessageRole::User, {text(u"Q2 sales"_s)});
    const QString oldAnswer = add(MessageRole::Assistant, {text(u"The old answer"_s)});
    // The regenerated answer called a tool and then the provider failed.
    const QString calling = add(MessageRole::Assistant, {call(u"c1"_s)}, MessageStatus::Complete, question);
    const QString results = add(MessageRole::Tool, {result(u"c1"_s)});
    MessageCleanupService cleanup(m_t->connection());
    const auto outcome = AD_VERIFY_OK(cleanup.cleanupAfterFailedRun(m_thread)).value();
    QCOMPARE(outcome.deletedMessageIds, (QStringList{calling, results}));
    QCOMPARE(outcome.restoredText, QString()); // the question stays, so nothing goes back into the draft
    MessageRepository messages(m_t->connection());
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(m_thread)).value(), oldAnswer);
    QCOMPARE(AD_VERIFY_OK(messages.get(oldAnswer)).value().siblingCount, 1);
    QCOMPARE(roles(), (QStringList{u"user"_s, u"user"_s, u"assistant"_s}));
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, QString());
}

void TestMessageCleanupService::aFailedEditGoesBackToTheOldVersion()
{
    const QString first = add(MessageRole::User, {text(u"Hi"_s)});
    const QString answer = add(MessageRole::Assistant, {text(u"Hello"_s)});
    add(MessageRole::User, {text(u"Old question"_s)});
    const QString oldAnswer = add(MessageRole::Assistant, {text(u"Old answer"_s)});
    // The edited question was stored, then the run failed before any answer.
    const QString edited = add(MessageRole::User, {text(u"New question"_s)}, MessageStatus::Complete, answer);
    const auto outcome = AD_VERIFY_OK(MessageCleanupService(m_t->connection()).cleanupAfterFailedRun(m_thread)).value();
    QCOMPARE(outcome.deletedMessageIds, QStringList{edited});
    QCOMPARE(outcome.restoredText, u"New question"_s);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, u"New question"_s);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).activeLeaf(m_thread)).value(), oldAnswer);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(m_thread)).value(), 4);
    Q_UNUSED(first);
}

void TestMessageCleanupService::aRegenerationThatStoredNothingLeavesTheOldBranch()
{
    // The old branch ends with a widget the run settled (an e-mail card): no completed assistant
    // turn at its end. A regeneration of its question failed before anything was stored: its
    // branch ends at the question, which has the old answer below it — nothing is deleted.
    add(MessageRole::User, {text(u"Hi"_s)});
    add(MessageRole::Assistant, {text(u"Hello"_s)});
    const QString question = add(MessageRole::User, {text(u"Draft the mail"_s)});
    add(MessageRole::Assistant, {call(u"c1"_s)});
    const QString settled = add(MessageRole::Tool, {result(u"c1"_s)});
    const auto outcome = AD_VERIFY_OK(MessageCleanupService(m_t->connection()).cleanupAfterFailedRun(m_thread, question)).value();
    QCOMPARE(outcome.deletedMessageIds, QStringList());
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(m_thread)).value(), 5);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).activeLeaf(m_thread)).value(), settled);
    QCOMPARE(AD_VERIFY_OK(ThreadRepository(m_t->connection()).get(m_thread)).value().draft, QString());
}

QTEST_GUILESS_MAIN(TestMessageCleanupService)
#include "tst_messagecleanupservice.moc"
