#include "testsupport.h"

#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QSqlQuery>
#include <QTimeZone>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestMessageRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendStoresAndTouchesTheThread();
    void refusesBadInputWithoutStoringAnything();
    void pagesNewestFirst();
    void updateCheckpointsAndFinalises();
    void removeDeletesOnlyTheGivenMessages();
};

namespace {
Message textMessage(const QString &threadId, const QString &text, MessageRole role = MessageRole::User)
{
    Message m;
    m.threadId = threadId;
    m.role = role;
    m.content = {TextPart{text, false, {}, {}}};
    return m;
}

int rowCount(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(u"SELECT count(*) FROM messages"_s);
    q.next();
    return q.value(0).toInt();
}
} // namespace

void TestMessageRepository::appendStoresAndTouchesTheThread()
{
    Test::TempDatabase t;
    ThreadRepository threads(t.connection());
    MessageRepository messages(t.connection());
    Thread thread;
    thread.createdAt = QDateTime::fromMSecsSinceEpoch(1000, QTimeZone::utc());
    thread = AD_VERIFY_OK(threads.create(thread)).value();
    Message m = textMessage(thread.id, u"Hallo Welt"_s);
    m.createdAt = QDateTime::fromMSecsSinceEpoch(5000, QTimeZone::utc());
    const Message stored = AD_VERIFY_OK(messages.append(m)).value();
    QCOMPARE(stored.id.size(), 36);
    QCOMPARE(AD_VERIFY_OK(messages.get(stored.id)).value(), stored);
    QCOMPARE(AD_VERIFY_OK(threads.get(thread.id)).value().lastActivityAt, m.createdAt);
}

void TestMessageRepository::refusesBadInputWithoutStoringAnything()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();

    auto unknownThread = messages.append(textMessage(u"no-such-thread"_s, u"x"_s));
    QCOMPARE(unknownThread.error().code, QString(ErrorCode::NotFound));

    Message wrongPart = textMessage(thread.id, u"x"_s);
    wrongPart.content.append(ToolResultPart{u"c"_s, u"t"_s, u"r"_s, false, {}});
    auto wrong = messages.append(wrongPart);
    QCOMPARE(wrong.error().code, QString(ErrorCode::InvalidArgument));
    QCOMPARE(wrong.error().message, u"A user message cannot hold these content parts"_s);

    Message first = AD_VERIFY_OK(messages.append(textMessage(thread.id, u"x"_s))).value();
    Message duplicate = textMessage(thread.id, u"y"_s);
    duplicate.id = first.id;
    QVERIFY(!messages.append(duplicate));
    QCOMPARE(rowCount(t.connection()), 1);
}

void TestMessageRepository::pagesNewestFirst()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    const Thread other = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    for (int i = 0; i < 120; ++i) {
        QVERIFY(messages.append(textMessage(thread.id, QString::number(i))));
        if (i % 10 == 0)
            QVERIFY(messages.append(textMessage(other.id, u"other"_s)));
    }
    auto texts = [](const MessageRepository::Page &page) {
        QStringList list;
        for (const auto &m : page.messages)
            list << m.plainText();
        return list;
    };
    auto expected = [](int from, int to) {
        QStringList list;
        for (int i = from; i <= to; ++i)
            list << QString::number(i);
        return list;
    };
    const auto newest = AD_VERIFY_OK(messages.page(thread.id, 0, 50)).value();
    QCOMPARE(texts(newest), expected(70, 119));
    QVERIFY(newest.hasMore);
    const auto middle = AD_VERIFY_OK(messages.page(thread.id, newest.cursor, 50)).value();
    QCOMPARE(texts(middle), expected(20, 69));
    QVERIFY(middle.hasMore);
    const auto oldest = AD_VERIFY_OK(messages.page(thread.id, middle.cursor, 50)).value();
    QCOMPARE(texts(oldest), expected(0, 19));
    QVERIFY(!oldest.hasMore);
    QCOMPARE(AD_VERIFY_OK(messages.count(thread.id)).value(), 120);
    QCOMPARE(AD_VERIFY_OK(messages.path(other.id)).value().size(), 12);
    const auto exact = AD_VERIFY_OK(messages.page(other.id, 0, 12)).value();
    QCOMPARE(exact.messages.size(), 12);
    QVERIFY(!exact.hasMore);
}

void TestMessageRepository::updateCheckpointsAndFinalises()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    Message m = textMessage(thread.id, u"Par"_s, MessageRole::Assistant);
    m.status = MessageStatus::Streaming;
    m = AD_VERIFY_OK(messages.append(m)).value();
    QVERIFY(messages.update(m.id, {TextPart{u"Partial answer"_s, false, {}, {}}}, MessageStatus::Streaming));
    QVERIFY(messages.update(m.id, {TextPart{u"Partial answer, done."_s, false, {}, {}}}, MessageStatus::Complete));
    const Message finished = AD_VERIFY_OK(messages.get(m.id)).value();
    QCOMPARE(finished.status, MessageStatus::Complete);
    QCOMPARE(finished.plainText(), u"Partial answer, done."_s);
    QCOMPARE(messages.update(u"missing"_s, {}, MessageStatus::Failed).error().code, QString(ErrorCode::NotFound));
}

void TestMessageRepository::removeDeletesOnlyTheGivenMessages()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    const Message a = AD_VERIFY_OK(messages.append(textMessage(thread.id, u"a"_s))).value();
    const Message b = AD_VERIFY_OK(messages.append(textMessage(thread.id, u"b"_s))).value();
    const Message c = AD_VERIFY_OK(messages.append(textMessage(thread.id, u"c"_s))).value();
    QVERIFY(messages.remove({b.id, c.id}));
    const auto rest = AD_VERIFY_OK(messages.path(thread.id)).value();
    QCOMPARE(rest.size(), 1);
    QCOMPARE(rest.constFirst().id, a.id);
}

QTEST_GUILESS_MAIN(TestMessageRepository)
#include "tst_messagerepository.moc"
