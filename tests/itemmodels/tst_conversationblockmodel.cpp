#include "testsupport.h"

#include "itemmodels/conversationblockmodel.h"
#include "itemmodels/messagelistmodel.h"
#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QTimeZone>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestConversationBlockModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void questionThinkingAndBlocksInOrder();
    void streamingChangesOnlyTheTail();
    void finishedAnswerKeepsItsRows();
    void toolCallsFollowTheirResults();
    void removedAndReopened();
    void aMessageThatLosesPartsLosesTheirRows();
    void toolSummaryIsOneLine();

private:
    QStringList rows() const;
    QStringList takeEvents() { return std::exchange(m_events, {}); }
    RunMessageDeltaEvent delta(int part, ContentPartType type, const QString &text, const QString &callId = {},
                               const QString &name = {}) const
    {
        return RunMessageDeltaEvent{u"a1"_s, part, type, text, callId, name};
    }
    Message question(const QString &text) const;
    // The answer "a1" as the run stores it at its end.
    Message stored(const QList<ContentPart> &content, MessageStatus status = MessageStatus::Complete) const;

    std::unique_ptr<Test::TempDatabase> m_t;
    std::unique_ptr<MessageListModel> m_messages;
    std::unique_ptr<ConversationBlockModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_thread;
    QStringList m_events;
};

void TestConversationBlockModel::init()
{
    m_t = std::make_unique<Test::TempDatabase>();
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
    m_messages = std::make_unique<MessageListModel>();
    const QSqlDatabase db = m_t->connection();
    m_messages->setPageLoader([db](const QString &threadId, qint64 cursor, int limit) -> Result<MessageListModel::Page> {
        auto page = MessageRepository(db).page(threadId, cursor, limit);
        if (!page)
            return std::unexpected(page.error());
        return MessageListModel::Page{page->messages, page->cursor, page->hasMore};
    });
    m_messages->setPathLoader([db](const QString &messageId, int limit) { return MessageRepository(db).shownBranchFrom(messageId, limit); });
    m_model = std::make_unique<ConversationBlockModel>(m_messages.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *model = m_model.get();
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { m_events << u"insert %1-%2"_s.arg(first).arg(last); });
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { m_events << u"remove %1-%2"_s.arg(first).arg(last); });
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &a, const QModelIndex &b) {
        m_events << u"change %1-%2"_s.arg(a.row()).arg(b.row());
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_events << u"reset"_s; });
    QVERIFY(m_messages->openThread(m_thread));
    takeEvents();
}

void TestConversationBlockModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_messages.reset();
    m_t.reset();
}

QStringList TestConversationBlockModel::rows() const
{
    // kind|text (|language for code, |state for tools), line breaks shown as ⏎.
    QStringList out;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex i = m_model->index(r);
        QString line = i.data(ConversationBlockModel::KindRole).toString() + u'|'
                       + i.data(ConversationBlockModel::TextRole).toString().replace(u'\n', u'⏎');
        if (i.data(ConversationBlockModel::KindRole) == u"code"_s)
            line += u'|' + i.data(ConversationBlockModel::LanguageRole).toString();
        if (i.data(ConversationBlockModel::KindRole) == u"tool"_s)
            line += u'|' + i.data(ConversationBlockModel::ToolStateRole).toString() + u'|'
                    + i.data(ConversationBlockModel::ToolCallIdRole).toString();
        out << line;
    }
    return out;
}

Message TestConversationBlockModel::question(const QString &text) const
{
    Message m;
    m.id = u"u1"_s;
    m.threadId = m_thread;
    m.role = MessageRole::User;
    m.createdAt = QDateTime(QDate(2026, 12, 5), QTime(9, 0), QTimeZone::utc());
    m.content = {TextPart{text, false, {}, {}}};
    return m;
}

Message TestConversationBlockModel::stored(const QList<ContentPart> &content, MessageStatus status) const
{
    Message m;
    m.id = u"a1"_s;
    m.threadId = m_thread;
    m.role = MessageRole::Assistant;
    m.status = status;
    m.createdAt = QDateTime(QDate(2026, 12, 5), QTime(9, 1), QTimeZone::utc());
    m.content = content;
    return m;
}

void TestConversationBlockModel::questionThinkingAndBlocksInOrder()
{
    m_messages->upsertMessage(question(u"Sort a list?"_s));
    QCOMPARE(takeEvents(), QStringList{u"insert 0-0"_s});
    m_messages->applyDelta(delta(0, ContentPartType::Thinking, u"The user wants"_s));
    QCOMPARE(takeEvents(), QStringList{u"insert 1-1"_s});
    m_messages->applyDelta(delta(0, ContentPartType::Thinking, u" Python."_s));
    QCOMPARE(takeEvents(), QStringList{u"change 1-1"_s});
    m_messages->applyDelta(delta(1, ContentPartType::Text, u"Use `sorted`:\n\n```py"_s));
    // A blank line decides a boundary only once the line after it is whole.
    QCOMPARE(takeEvents(), QStringList{u"insert 2-2"_s});
    m_messages->applyDelta(delta(1, ContentPartType::Text, u"thon\nsorted(xs)\n```\n\nDone."_s));
    QCOMPARE(takeEvents(), (QStringList{u"change 2-2"_s, u"insert 3-4"_s}));
    QCOMPARE(rows(), (QStringList{u"question|Sort a list?"_s, u"thinking|The user wants Python."_s, u"text|Use `sorted`:⏎⏎"_s,
                                  u"code|sorted(xs)⏎|python"_s, u"text|⏎Done."_s}));
    const QModelIndex last = m_model->index(4);
    QCOMPARE(last.data(ConversationBlockModel::MessageIdRole).toString(), u"a1"_s);
    QCOMPARE(last.data(ConversationBlockModel::StatusRole).toString(), u"streaming"_s);
    QCOMPARE(m_model->index(0).data(ConversationBlockModel::StatusRole).toString(), u"complete"_s);
}

void TestConversationBlockModel::streamingChangesOnlyTheTail()
{
    m_messages->upsertMessage(question(u"Write a lot."_s));
    takeEvents();
    // 400 paragraphs of 25 words arriving a word at a time: every update changes the last row, or
    // the last and adds one after it (a paragraph ends once the next one has a whole line), never
    // anything before and never a reset.
    int last = 0;
    for (int p = 0; p < 400; ++p) {
        for (int w = 0; w < 25; ++w) {
            m_messages->applyDelta(delta(0, ContentPartType::Text, (w == 0 && p > 0 ? u"\n\n"_s : QString()) + u"word%1 "_s.arg(w)));
            const QStringList events = takeEvents();
            if (p == 0 && w == 0) {
                QCOMPARE(events, QStringList{u"insert 1-1"_s});
                last = 1;
            } else if (p >= 2 && w == 0) {
                QCOMPARE(events, (QStringList{u"change %1-%1"_s.arg(last), u"insert %1-%1"_s.arg(last + 1)}));
                ++last;
            } else {
                QCOMPARE(events, QStringList{u"change %1-%1"_s.arg(last)});
            }
        }
    }
    QCOMPARE(m_model->rowCount(), 400);
    QCOMPARE(m_model->index(399).data(ConversationBlockModel::TextRole).toString().trimmed().section(u' ', -1), u"word24"_s);
    QCOMPARE(m_model->index(17).data(ConversationBlockModel::TextRole).toString().left(12), u"word0 word1 "_s);
}

void TestConversationBlockModel::finishedAnswerKeepsItsRows()
{
    m_messages->upsertMessage(question(u"Code?"_s));
    m_messages->applyDelta(delta(0, ContentPartType::Text, u"Here:\n\n```sh\nls -l\n"_s));
    QCOMPARE(rows(), (QStringList{u"question|Code?"_s, u"text|Here:⏎⏎"_s, u"code|ls -l⏎|sh"_s}));
    takeEvents();
    // The stored answer replaces the streamed one; its closing fence came without a line break.
    const Message answer = stored({TextPart{u"Here:\n\n```sh\nls -l\n```"_s, false, {}, {}}});
    m_messages->upsertMessage(answer);
    QCOMPARE(rows(), (QStringList{u"question|Code?"_s, u"text|Here:⏎⏎"_s, u"code|ls -l⏎|sh"_s}));
    // The rows stay; every row of the answer reports its new status (a view shows "Thinking…"
    // or a cursor while it streams).
    QCOMPARE(takeEvents(), QStringList{u"change 1-2"_s});
    QCOMPARE(m_model->index(1).data(ConversationBlockModel::StatusRole).toString(), u"complete"_s);
    QCOMPARE(m_model->index(2).data(ConversationBlockModel::StatusRole).toString(), u"complete"_s);
}

void TestConversationBlockModel::toolCallsFollowTheirResults()
{
    m_messages->upsertMessage(question(u"Weather?"_s));
    m_messages->applyDelta(delta(0, ContentPartType::Text, u"Looking."_s));
    m_messages->applyDelta(delta(1, ContentPartType::ToolUse, {}, u"call_1"_s, u"web_search"_s));
    QCOMPARE(rows(), (QStringList{u"question|Weather?"_s, u"text|Looking."_s, u"tool|web_search|running|call_1"_s}));
    takeEvents();
    const Message answer = stored({TextPart{u"Looking."_s, false, {}, {}},
                                    ToolUsePart{u"call_1"_s, u"web_search"_s, QJsonObject{{u"query"_s, u"weather in\n Berlin"_s}}, {}, {}, {}}});
    m_messages->upsertMessage(answer);
    // The call's line has its arguments now; the stored answer is complete.
    QCOMPARE(takeEvents(), (QStringList{u"change 2-2"_s, u"change 1-2"_s}));
    QCOMPARE(rows().last(), u"tool|web_search — weather in Berlin|running|call_1"_s);
    Message result;
    result.id = u"t1"_s;
    result.threadId = m_thread;
    result.role = MessageRole::Tool;
    result.createdAt = answer.createdAt.addSecs(1);
    result.content = {ToolResultPart{u"call_1"_s, u"web_search"_s, u"No results."_s, true, {}}};
    m_messages->upsertMessage(result);
    // The result message has no row of its own: it turns its call's row to failed.
    QCOMPARE(takeEvents(), QStringList{u"change 2-2"_s});
    QCOMPARE(rows(), (QStringList{u"question|Weather?"_s, u"text|Looking."_s, u"tool|web_search — weather in Berlin|failed|call_1"_s}));
}

void TestConversationBlockModel::removedAndReopened()
{
    m_messages->upsertMessage(question(u"One"_s));
    m_messages->applyDelta(delta(0, ContentPartType::Text, u"A\n\nB\n\n"_s));
    QCOMPARE(rows(), (QStringList{u"question|One"_s, u"text|A⏎⏎"_s, u"text|B⏎⏎"_s}));
    takeEvents();
    m_messages->removeMessages({u"a1"_s});
    QCOMPARE(takeEvents(), QStringList{u"remove 1-2"_s});
    QCOMPARE(rows(), QStringList{u"question|One"_s});
    QVERIFY(m_messages->openThread({}));
    QCOMPARE(takeEvents(), QStringList{u"reset"_s});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestConversationBlockModel::aMessageThatLosesPartsLosesTheirRows()
{
    // Streamed with two tool calls, stored with none (the tester checks every signal as it comes).
    m_messages->upsertMessage(question(u"Go"_s));
    m_messages->applyDelta(delta(0, ContentPartType::Text, u"One.\n\nTwo.\n\nThree\n"_s));
    m_messages->applyDelta(delta(1, ContentPartType::ToolUse, {}, u"c1"_s, u"now"_s));
    m_messages->applyDelta(delta(2, ContentPartType::ToolUse, {}, u"c2"_s, u"now"_s));
    QCOMPARE(rows(), (QStringList{u"question|Go"_s, u"text|One.⏎⏎"_s, u"text|Two.⏎⏎"_s, u"text|Three⏎"_s,
                                  u"tool|now|running|c1"_s, u"tool|now|running|c2"_s}));
    takeEvents();
    const Message answer = stored({TextPart{u"One."_s, false, {}, {}}}, MessageStatus::Interrupted);
    m_messages->upsertMessage(answer);
    QCOMPARE(rows(), (QStringList{u"question|Go"_s, u"text|One."_s}));
    QCOMPARE(takeEvents(), (QStringList{u"remove 2-3"_s, u"change 1-1"_s, u"remove 2-2"_s, u"remove 2-2"_s, u"change 1-1"_s}));
    QCOMPARE(m_model->index(1).data(ConversationBlockModel::StatusRole).toString(), u"interrupted"_s);
}

void TestConversationBlockModel::toolSummaryIsOneLine()
{
    QCOMPARE(ConversationBlockModel::toolSummary(u"read_file"_s, QJsonObject{{u"path"_s, u"/etc/hosts"_s}}), u"read_file — /etc/hosts"_s);
    QCOMPARE(ConversationBlockModel::toolSummary(u"now"_s, {}), u"now"_s);
    // The telling argument before the first in order.
    QCOMPARE(ConversationBlockModel::toolSummary(u"create_document"_s, QJsonObject{{u"content"_s, u"# Notes"_s}, {u"title"_s, u"Notes"_s}}),
             u"create_document — Notes"_s);
    QCOMPARE(ConversationBlockModel::toolSummary(u"calc"_s, QJsonObject{{u"x"_s, 2.5}}), u"calc — 2.5"_s);
    const QString longText(200, u'x');
    QCOMPARE(ConversationBlockModel::toolSummary(u"echo"_s, QJsonObject{{u"text"_s, longText}}), u"echo — "_s + QString(79, u'x') + u'…');
}

QTEST_GUILESS_MAIN(TestConversationBlockModel)
#include "tst_conversationblockmodel.moc"
