#include "testsupport.h"

#include "itemmodels/messagelistmodel.h"
#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTimeZone>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestMessageListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pagesArePrependedNeverReset();
    void streamingByDeltas();
    void finalMessageReplacesTheStreamedOne();
    void otherThreadsAndCleanup();
    void versionsReplaceTheRowsBelowWithoutAReset();
    void rowsBelowASwitchComeAPageAtATime();
    void toolResultsJoinTheirCallsAcrossPages();

private:
    Message stored(int n, MessageRole role);
    // Every dataChanged with its roles, and whether anything reset the model.
    struct Watch
    {
        QList<QList<int>> roles;
        int resets = 0;
    };
    void watch(Watch &w);

    std::unique_ptr<Test::TempDatabase> m_t;
    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_thread;
};

void TestMessageListModel::init()
{
    m_t = std::make_unique<Test::TempDatabase>();
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
    m_model = std::make_unique<MessageListModel>();
    // The tester watches every change from the start.
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QSqlDatabase db = m_t->connection();
    m_model->setPageLoader([db](const QString &threadId, qint64 cursor, int limit) -> Result<MessageListModel::Page> {
        auto page = MessageRepository(db).page(threadId, cursor, limit);
        if (!page)
            return std::unexpected(page.error());
        return MessageListModel::Page{page->messages, page->cursor, page->hasMore};
    });
    m_model->setPathLoader([db](const QString &messageId, int limit) { return MessageRepository(db).shownBranchFrom(messageId, limit); });
}

void TestMessageListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_t.reset();
}

Message TestMessageListModel::stored(int n, MessageRole role)
{
    Message m;
    m.threadId = m_thread;
    m.role = role;
    m.createdAt = QDateTime(QDate(2026, 11, 1), QTime(8, 0), QTimeZone::utc()).addSecs(n);
    m.content = {TextPart{u"message %1"_s.arg(n), false, {}, {}}};
    return AD_VERIFY_OK(MessageRepository(m_t->connection()).append(m)).value();
}

void TestMessageListModel::watch(Watch &w)
{
    connect(m_model.get(), &QAbstractItemModel::dataChanged, this,
            [&w](const QModelIndex &, const QModelIndex &, const QList<int> &roles) { w.roles << roles; });
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, [&w] { ++w.resets; });
}

void TestMessageListModel::pagesArePrependedNeverReset()
{
    for (int i = 1; i <= 120; ++i)
        stored(i, i % 2 ? MessageRole::User : MessageRole::Assistant);
    QVERIFY(m_model->openThread(m_thread));
    QCOMPARE(m_model->rowCount(), 50);
    QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(), u"message 71"_s);
    QCOMPARE(m_model->index(49).data(MessageListModel::TextRole).toString(), u"message 120"_s);
    QVERIFY(m_model->canFetchOlder());

    Watch w;
    watch(w);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->fetchOlder();
    QCOMPARE(m_model->rowCount(), 100);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 49);
    QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(), u"message 21"_s);
    m_model->fetchOlder();
    QCOMPARE(m_model->rowCount(), 120);
    QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(), u"message 1"_s);
    QCOMPARE(m_model->index(0).data(MessageListModel::RoleRole).toString(), u"user"_s);
    QVERIFY(!m_model->canFetchOlder());
    QCOMPARE(w.resets, 0);
    QCOMPARE(m_model->rowOf(m_model->message(119).id), 119);
}

void TestMessageListModel::streamingByDeltas()
{
    QVERIFY(m_model->openThread(m_thread));
    Watch w;
    watch(w);
    Message user;
    user.id = u"u1"_s;
    user.threadId = m_thread;
    user.content = {TextPart{u"Explain"_s, false, {}, {}}};
    m_model->upsertMessage(user);
    QCOMPARE(m_model->rowCount(), 1);

    const auto delta = [](int part, ContentPartType type, const QString &text, const QString &callId = {}, const QString &name = {}) {
        return RunMessageDeltaEvent{u"a1"_s, part, type, text, callId, name};
    };
    m_model->applyDelta(delta(0, ContentPartType::Thinking, u"Let me "_s));
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex answer = m_model->index(1);
    QCOMPARE(answer.data(MessageListModel::StatusRole).toString(), u"streaming"_s);
    QCOMPARE(answer.data(MessageListModel::RoleRole).toString(), u"assistant"_s);
    m_model->applyDelta(delta(0, ContentPartType::Thinking, u"think."_s));
    QCOMPARE(answer.data(MessageListModel::ThinkingMsRole).toLongLong(), -1); // still thinking
    QTest::qWait(30);
    m_model->applyDelta(delta(1, ContentPartType::Text, u"Here"_s));
    // The model timed the thinking, from its first delta to the answer's first.
    const qint64 thought = answer.data(MessageListModel::ThinkingMsRole).toLongLong();
    QVERIFY2(thought >= 25, qPrintable(QString::number(thought)));
    m_model->applyDelta(delta(1, ContentPartType::Text, u" it is."_s));
    m_model->applyDelta(delta(2, ContentPartType::ToolUse, u"{\"chartTitle\":"_s, u"call_1"_s, u"bar_chart"_s));
    m_model->applyDelta(delta(2, ContentPartType::ToolUse, u"\"Sales\"}"_s, u"call_1"_s, u"bar_chart"_s));
    m_model->applyDelta(delta(3, ContentPartType::Text, u"More."_s));
    QCOMPARE(answer.data(MessageListModel::ThinkingRole).toString(), u"Let me think."_s);
    QCOMPARE(answer.data(MessageListModel::TextRole).toString(), u"Here it is.\n\nMore."_s);
    QCOMPARE(answer.data(MessageListModel::ToolCallsRole).toList(),
             (QVariantList{QVariantMap{{u"id"_s, u"call_1"_s}, {u"name"_s, u"bar_chart"_s}, {u"arguments"_s, u"{\"chartTitle\":\"Sales\"}"_s}}}));
    const QVariantList parts = answer.data(MessageListModel::PartsRole).toList();
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0).toMap().value(u"type"_s).toString(), u"thinking"_s);
    QCOMPARE(parts.at(2).toMap().value(u"type"_s).toString(), u"tool_use"_s);
    // Views dispatch on the part's kind (the enum), not its name.
    QCOMPARE(ContentPartType(parts.at(2).toMap().value(u"kind"_s).toInt()), ContentPartType::ToolUse);
    QCOMPARE(ContentPartType(parts.at(0).toMap().value(u"kind"_s).toInt()), ContentPartType::Thinking);
    // Each delta reported exactly the roles it changed; nothing was reset.
    const QList<int> thinking{MessageListModel::ThinkingRole, MessageListModel::PartsRole};
    const QList<int> text{MessageListModel::TextRole, MessageListModel::PartsRole};
    const QList<int> call{MessageListModel::ToolCallsRole, MessageListModel::PartsRole};
    const QList<int> textAfterThinking{MessageListModel::TextRole, MessageListModel::PartsRole, MessageListModel::ThinkingMsRole};
    QCOMPARE(w.roles, (QList<QList<int>>{thinking, thinking, textAfterThinking, text, call, call, text}));
    QCOMPARE(answer.data(MessageListModel::ThinkingMsRole).toLongLong(), thought); // measured once
    QCOMPARE(m_model->rowOfCall(u"call_1"_s), 1);
    QCOMPARE(w.resets, 0);
}

void TestMessageListModel::finalMessageReplacesTheStreamedOne()
{
    QVERIFY(m_model->openThread(m_thread));
    m_model->applyDelta(RunMessageDeltaEvent{u"a1"_s, 0, ContentPartType::Text, u"Partial"_s, {}, {}});
    Watch w;
    watch(w);
    Message final;
    final.id = u"a1"_s;
    final.threadId = m_thread;
    final.role = MessageRole::Assistant;
    final.status = MessageStatus::Interrupted;
    final.content = {TextPart{u"Partial answer"_s, false, {}, {}}};
    m_model->upsertMessage(final);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(), u"Partial answer"_s);
    QCOMPARE(m_model->index(0).data(MessageListModel::StatusRole).toString(), u"interrupted"_s);
    QCOMPARE(w.roles, (QList<QList<int>>{QList<int>{}})); // every role
    QCOMPARE(w.resets, 0);
}

void TestMessageListModel::otherThreadsAndCleanup()
{
    stored(1, MessageRole::User);
    const Message answer = stored(2, MessageRole::Assistant);
    QVERIFY(m_model->openThread(m_thread));
    Message elsewhere = answer;
    elsewhere.id = u"x"_s;
    elsewhere.threadId = u"another-thread"_s;
    m_model->upsertMessage(elsewhere);
    QCOMPARE(m_model->rowCount(), 2);
    m_model->removeMessages({answer.id, u"unknown"_s});
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOf(answer.id), -1);
    QVERIFY(m_model->openThread(QString()));
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchOlder());
}

void TestMessageListModel::versionsReplaceTheRowsBelowWithoutAReset()
{
    MessageRepository messages(m_t->connection());
    for (int i = 1; i <= 60; ++i)
        stored(i, i % 2 ? MessageRole::User : MessageRole::Assistant);
    const Message q = messages.page(m_thread, 0, 4).value().messages.at(1); // message 58; 59 and 60 follow it
    Message other;
    other.threadId = m_thread;
    other.role = MessageRole::Assistant;
    other.parentId = q.id;
    other.content = {TextPart{u"another answer"_s, false, {}, {}}};
    const Message second = AD_VERIFY_OK(messages.append(other, MessageRepository::Placement::UnderParent)).value();
    QVERIFY(m_model->openThread(m_thread));
    QCOMPARE(m_model->rowCount(), 50);
    QCOMPARE(m_model->index(49).data(MessageListModel::TextRole).toString(), u"another answer"_s);
    QCOMPARE(m_model->index(49).data(MessageListModel::ParentIdRole).toString(), q.id);
    QCOMPARE(m_model->index(49).data(MessageListModel::SiblingIndexRole).toInt(), 1);
    QCOMPARE(m_model->index(49).data(MessageListModel::SiblingCountRole).toInt(), 2);
    QCOMPARE(m_model->roleNames().value(MessageListModel::SiblingCountRole), QByteArray("siblingCount"));
    // Views compare who wrote a message and its status as enums.
    QCOMPARE(MessageRole(m_model->index(49).data(MessageListModel::MessageRoleRole).toInt()), MessageRole::Assistant);
    QCOMPARE(MessageRole(m_model->index(48).data(MessageListModel::MessageRoleRole).toInt()), MessageRole::Assistant);
    QCOMPARE(MessageStatus(m_model->index(49).data(MessageListModel::MessageStatusRole).toInt()), MessageStatus::Complete);

    Watch w;
    watch(w);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    // Back to the first version: it and the message after it replace the row.
    const QString firstAnswer = AD_VERIFY_OK(messages.siblings(second.id)).value().constFirst();
    QVERIFY(messages.select(firstAnswer));
    m_model->replaceFrom(49, AD_VERIFY_OK(messages.activePathFrom(firstAnswer)).value());
    QCOMPARE(m_model->rowCount(), 51);
    QCOMPARE(m_model->index(49).data(MessageListModel::TextRole).toString(), u"message 59"_s);
    QCOMPARE(m_model->index(50).data(MessageListModel::TextRole).toString(), u"message 60"_s);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 49);
    QCOMPARE(removed.at(0).at(2).toInt(), 49);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 49);
    QCOMPARE(inserted.at(0).at(2).toInt(), 50);
    QCOMPARE(m_model->rowOf(firstAnswer), 49);
    QCOMPARE(m_model->rowOf(second.id), -1);
    QCOMPARE(m_model->rowOf(m_model->message(48).id), 48);
    // Older pages still load before the rows.
    QVERIFY(m_model->canFetchOlder());
    m_model->fetchOlder();
    QCOMPARE(m_model->rowCount(), 60);
    QCOMPARE(m_model->index(0).data(MessageListModel::TextRole).toString(), u"message 1"_s);
    QVERIFY(!m_model->canFetchOlder());
    // The whole list again from the newest page, still without a reset.
    QVERIFY(messages.select(second.id));
    QVERIFY(m_model->reload());
    QCOMPARE(m_model->rowCount(), 50);
    QCOMPARE(m_model->index(49).data(MessageListModel::TextRole).toString(), u"another answer"_s);
    QVERIFY(m_model->canFetchOlder());
    QCOMPARE(w.resets, 0);
}

// A version switched near the top of a long thread: the first page of the rows below it comes at
// once, the others as the view asks (fetchNewer), and nothing is appended after a gap meanwhile.
void TestMessageListModel::rowsBelowASwitchComeAPageAtATime()
{
    MessageRepository messages(m_t->connection());
    QStringList ids;
    for (int i = 1; i <= 130; ++i)
        ids << stored(i, i % 2 ? MessageRole::User : MessageRole::Assistant).id;
    QVERIFY(m_model->openThread(m_thread));
    while (m_model->canFetchOlder())
        m_model->fetchOlder();
    QCOMPARE(m_model->rowCount(), 130);
    QVERIFY(!m_model->canFetchNewer());
    // Another answer to message 3, with a long conversation below it.
    Message other;
    other.threadId = m_thread;
    other.role = MessageRole::Assistant;
    other.parentId = ids.at(2);
    other.content = {TextPart{u"version 2"_s, false, {}, {}}};
    const Message v2 = AD_VERIFY_OK(messages.append(other, MessageRepository::Placement::UnderParent)).value();
    for (int i = 1; i <= 120; ++i) {
        Message m = other;
        m.parentId.clear();
        m.role = i % 2 ? MessageRole::User : MessageRole::Assistant;
        m.content = {TextPart{u"below %1"_s.arg(i), false, {}, {}}};
        QVERIFY(messages.append(m));
    }
    QVERIFY(messages.select(v2.id));
    Watch w;
    watch(w);
    const int page = MessageListModel::PageSize;
    QList<Message> below = AD_VERIFY_OK(messages.shownBranchFrom(v2.id, page + 1)).value();
    QCOMPARE(below.size(), page + 1);
    below.removeLast();
    m_model->replaceFrom(3, below, true);
    QCOMPARE(m_model->rowCount(), 3 + page);
    QVERIFY(m_model->canFetchNewer());
    QCOMPARE(m_model->index(3).data(MessageListModel::TextRole).toString(), u"version 2"_s);
    QCOMPARE(m_model->index(3 + page - 1).data(MessageListModel::TextRole).toString(), u"below %1"_s.arg(page - 1));
    // A message not loaded (it belongs at the end, below the missing rows) is not appended.
    Message late = other;
    late.id = u"late"_s;
    m_model->upsertMessage(late);
    RunMessageDeltaEvent delta;
    delta.messageId = u"streamed"_s;
    delta.text = u"x"_s;
    m_model->applyDelta(delta);
    QCOMPARE(m_model->rowCount(), 3 + page);
    // Page after page down to the leaf.
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->fetchNewer();
    QCOMPARE(m_model->rowCount(), 3 + 2 * page);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 3 + page);
    QVERIFY(m_model->canFetchNewer());
    m_model->fetchNewer();
    QCOMPARE(m_model->rowCount(), 3 + 121);
    QVERIFY(!m_model->canFetchNewer());
    m_model->fetchNewer(); // nothing more: no change
    QCOMPARE(inserted.size(), 2);
    QStringList shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown << m_model->index(row).data(MessageListModel::TextRole).toString();
    QStringList expected{u"message 1"_s, u"message 2"_s, u"message 3"_s, u"version 2"_s};
    for (int i = 1; i <= 120; ++i)
        expected << u"below %1"_s.arg(i);
    QCOMPARE(shown, expected);
    // With the end loaded, new messages are appended again.
    m_model->applyDelta(delta);
    QCOMPARE(m_model->rowCount(), 3 + 122);
    QCOMPARE(w.resets, 0);
}

void TestMessageListModel::toolResultsJoinTheirCallsAcrossPages()
{
    // A call at the end of an older page, its result at the start of the newest one.
    MessageRepository messages(m_t->connection());
    for (int i = 1; i <= 9; ++i)
        stored(i, i % 2 ? MessageRole::User : MessageRole::Assistant);
    Message call;
    call.threadId = m_thread;
    call.role = MessageRole::Assistant;
    call.content = {ToolUsePart{u"call_7"_s, u"source_query"_s, QJsonObject{{u"query"_s, u"notice"_s}}, std::nullopt, {}, {}}};
    call = AD_VERIFY_OK(messages.append(call)).value();
    Message result;
    result.threadId = m_thread;
    result.role = MessageRole::Tool;
    result.content = {ToolResultPart{u"call_7"_s, u"source_query"_s, u"Three months"_s, false, {}}};
    result = AD_VERIFY_OK(messages.append(result)).value();
    for (int i = 12; i <= 60; ++i)
        stored(i, i % 2 ? MessageRole::User : MessageRole::Assistant);
    QVERIFY(m_model->openThread(m_thread));
    QCOMPARE(m_model->rowCount(), 50);
    const int resultRow = m_model->rowOf(result.id);
    QCOMPARE(resultRow, 0);
    QCOMPARE(m_model->rowOfCall(u"call_7"_s), -1);
    QCOMPARE(m_model->index(resultRow).data(MessageListModel::ResultsWithCallsRole).toStringList(), QStringList());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->fetchOlder();
    // Both rows say so once the call is loaded.
    const int callRow = m_model->rowOf(call.id);
    QCOMPARE(m_model->rowOfCall(u"call_7"_s), callRow);
    QCOMPARE(m_model->index(callRow + 1).data(MessageListModel::ResultsWithCallsRole).toStringList(), QStringList{u"call_7"_s});
    QCOMPARE(m_model->index(callRow).data(MessageListModel::CallResultsRole).toMap(),
             (QVariantMap{{u"call_7"_s, QVariantMap{{u"result"_s, u"Three months"_s}, {u"isError"_s, false}}}}));
    QList<int> rolesOfResultRow;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        if (signal.at(0).toModelIndex().row() == callRow + 1)
            rolesOfResultRow << signal.at(2).value<QList<int>>();
    }
    QCOMPARE(rolesOfResultRow, QList<int>{MessageListModel::ResultsWithCallsRole});
    // A call row without its result says nothing.
    m_model->replaceFrom(callRow + 1, {});
    QCOMPARE(m_model->index(callRow).data(MessageListModel::CallResultsRole).toMap(), QVariantMap());
}

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
