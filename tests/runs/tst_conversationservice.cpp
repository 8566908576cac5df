// The use cases of a conversation, once for every front end (house-style.md §10).
#include "testsupport.h"

#include "runs/conversationservice.h"
#include "runs/threadrunlock.h"
#include "storage/blobstore.h"
#include "storage/messagerepository.h"
#include "storage/piimaskrepository.h"
#include "storage/providerrepository.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"

#include <QFile>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestConversationService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sendCreatesTheThreadOnlyWhenItsModelIsUsable();
    void aRefusedFileTakesBackEverything();
    void editKeepsTheImagesAndPlacesTheVersion();
    void regenerateFindsTheQuestion();
    void switchVersionStepsThroughTheVersions();
    void forkCopiesThePathAndWhatTheThreadHas();
    void switchAndPruneWaitForNoRun();
    void attachingIsAllOrNothing();

private:
    Message add(MessageRole role, const QString &text, std::optional<QString> parent = std::nullopt, QList<ContentPart> extra = {});

    std::unique_ptr<Test::TempDatabase> m_t;
    std::unique_ptr<ConversationService> m_service;
    QString m_thread;
};

void TestConversationService::init()
{
    m_t = std::make_unique<Test::TempDatabase>();
    m_service = std::make_unique<ConversationService>(m_t->connection(), m_t->dir.path());
    ProviderRepository providers(m_t->connection());
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::OpenAiCompatible;
    p.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s);
    QVERIFY(providers.addProvider(p));
    Model m;
    m.providerName = u"local"_s;
    m.name = u"m"_s;
    m.isDefault = true;
    QVERIFY(providers.addModel(m));
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
}

void TestConversationService::cleanup()
{
    m_service.reset();
    m_t.reset();
}

Message TestConversationService::add(MessageRole role, const QString &text, std::optional<QString> parent, QList<ContentPart> extra)
{
    Message m;
    m.threadId = m_thread;
    m.role = role;
    m.content = {TextPart{text, false, {}, {}}};
    m.content += extra;
    m.parentId = parent.value_or(QString());
    return AD_VERIFY_OK(MessageRepository(m_t->connection()).append(m, parent ? MessageRepository::Placement::UnderParent
                                                                              : MessageRepository::Placement::AtActiveLeaf)).value();
}

void TestConversationService::sendCreatesTheThreadOnlyWhenItsModelIsUsable()
{
    ThreadRepository threads(m_t->connection());
    const int before = AD_VERIFY_OK(threads.count()).value();
    auto refused = m_service->prepareSend({}, {u"local/gone"_s, {}, false}, RunUserInput{u"Hi"_s, {}, {}, {}});
    QCOMPARE(refused.error().code, u"RUN_NO_MODEL_FOUND"_s);
    QCOMPARE(AD_VERIFY_OK(threads.count()).value(), before);

    const auto prepared = AD_VERIFY_OK(m_service->prepareSend({}, {u"local/m"_s, {}, true}, RunUserInput{u"Hi"_s, {}, {}, {}})).value();
    QVERIFY(prepared.threadCreated);
    QCOMPARE(prepared.provider.name, u"local"_s);
    QCOMPARE(std::get<RunUserInput>(prepared.input).text, u"Hi"_s);
    QCOMPARE(AD_VERIFY_OK(threads.get(prepared.threadId)).value().anonymous, true);
    // The key could not be read: the new thread goes again.
    m_service->abandon(prepared);
    QCOMPARE(AD_VERIFY_OK(threads.count()).value(), before);

    const auto existing = AD_VERIFY_OK(m_service->prepareSend(m_thread, {}, RunUserInput{u"Hi"_s, {}, {}, {}})).value();
    QVERIFY(!existing.threadCreated);
    m_service->abandon(existing);
    QVERIFY(threads.get(m_thread));
    QCOMPARE(m_service->prepareSend(u"no-such-thread"_s, {}, RunUserInput{u"Hi"_s, {}, {}, {}}).error().code, QString(ErrorCode::NotFound));
}

void TestConversationService::aRefusedFileTakesBackEverything()
{
    const QString readable = m_t->dir.filePath(u"notes.md"_s);
    QFile file(readable);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# Notes\nThe launch is on Tuesday.\n");
    file.close();
    ThreadRepository threads(m_t->connection());
    const int before = AD_VERIFY_OK(threads.count()).value();
    auto refused = m_service->prepareSend({}, {}, RunUserInput{u"Read it"_s, {}, {}, {}}, {readable, m_t->dir.filePath(u"missing.md"_s)});
    QVERIFY(!refused);
    QCOMPARE(AD_VERIFY_OK(threads.count()).value(), before);
    QCOMPARE(AD_VERIFY_OK(SourceRepository(m_t->connection()).list()).value().size(), 0);

    const auto prepared = AD_VERIFY_OK(m_service->prepareSend(m_thread, {}, RunUserInput{u"Read it"_s, {}, {}, {}}, {readable})).value();
    QCOMPARE(prepared.addedSourceIds.size(), 1);
    QCOMPARE(AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::Source)).value().size(), 1);
}

void TestConversationService::editKeepsTheImagesAndPlacesTheVersion()
{
    const QString blob = AD_VERIFY_OK(BlobStore(m_t->dir.path()).put("PNGBYTES")).value();
    const Message first = add(MessageRole::User, u"Hi"_s);
    const Message answer = add(MessageRole::Assistant, u"Hello"_s);
    const Message question = add(MessageRole::User, u"What is in the picture?"_s, std::nullopt, {ImagePart{0, u"image/png"_s, u"cat"_s, blob, {}}});
    const auto edit = AD_VERIFY_OK(m_service->prepareEdit(question.id, u"  Who is in the picture?  "_s)).value();
    const auto &input = std::get<RunUserInput>(edit.input);
    QCOMPARE(input.text, u"Who is in the picture?"_s);
    QCOMPARE(input.parentId, std::optional<QString>(answer.id));
    QCOMPARE(input.images.size(), 1);
    QCOMPARE(input.images.constFirst().bytes, QByteArray("PNGBYTES"));
    QCOMPARE(input.images.constFirst().altText, u"cat"_s);
    // The first message's edit is a new first message.
    QCOMPARE(std::get<RunUserInput>(AD_VERIFY_OK(m_service->prepareEdit(first.id, u"Hey"_s)).value().input).parentId, std::optional<QString>(QString()));
    QCOMPARE(m_service->prepareEdit(answer.id, u"x"_s).error().message, u"Only your own messages can be edited; an answer can be regenerated"_s);
    QCOMPARE(m_service->prepareEdit(first.id, u"  "_s).error().code, u"RUN_INVALID_INPUT"_s);
    QCOMPARE(m_service->prepareEdit(u"missing"_s, u"x"_s).error().code, QString(ErrorCode::NotFound));
    // Preparing stores nothing: the run stores the new version.
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(m_thread)).value(), 3);
}

void TestConversationService::regenerateFindsTheQuestion()
{
    const Message question = add(MessageRole::User, u"Weather?"_s);
    const Message calling = add(MessageRole::Assistant, u"Let me look"_s);
    const Message answer = add(MessageRole::Assistant, u"Sunny"_s);
    for (const QString &from : {QString(), calling.id, answer.id, question.id}) {
        const auto prepared = AD_VERIFY_OK(m_service->prepareRegenerate(m_thread, from)).value();
        QCOMPARE(std::get<RunRegenerateInput>(prepared.input).userMessageId, question.id);
        QCOMPARE(prepared.threadId, m_thread);
    }
    const QString other = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create({})).value().id;
    QCOMPARE(m_service->prepareRegenerate(other).error().message, u"The conversation has no message to answer again"_s);
    QCOMPARE(m_service->prepareRegenerate(other, answer.id).error().code, QString(ErrorCode::NotFound));
}

void TestConversationService::switchVersionStepsThroughTheVersions()
{
    const Message question = add(MessageRole::User, u"Q"_s);
    const Message a1 = add(MessageRole::Assistant, u"A1"_s);
    const Message a2 = add(MessageRole::Assistant, u"A2"_s, question.id);
    const Message a3 = add(MessageRole::Assistant, u"A3"_s, question.id);
    const auto versions = AD_VERIFY_OK(m_service->versions(a2.id)).value();
    QCOMPARE(versions.ids, (QStringList{a1.id, a2.id, a3.id}));
    QCOMPARE(versions.index, 1);
    QCOMPARE(AD_VERIFY_OK(m_service->switchVersion(a3.id, -1)).value(), a2.id);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).activeLeaf(m_thread)).value(), a2.id);
    QCOMPARE(AD_VERIFY_OK(m_service->switchVersion(a2.id, -1)).value(), a1.id);
    QCOMPARE(m_service->switchVersion(a1.id, -1).error().message, u"This is the first version (1 of 3)"_s);
    QCOMPARE(m_service->switchVersion(a3.id, 1).error().message, u"This is the newest version (3 of 3)"_s);
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).activeLeaf(m_thread)).value(), a1.id);
}

void TestConversationService::forkCopiesThePathAndWhatTheThreadHas()
{
    ThreadRepository threads(m_t->connection());
    QVERIFY(threads.rename(m_thread, u"Trip"_s));
    QVERIFY(threads.setAnonymous(m_thread, true));
    QVERIFY(PiiMaskRepository(m_t->connection()).maskFor(m_thread, u"PERSON"_s, u"Ada"_s));
    const QString readable = m_t->dir.filePath(u"plan.txt"_s);
    QFile file(readable);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Day 1: Lisbon\n");
    file.close();
    AD_VERIFY_OK(m_service->prepareSend(m_thread, {}, RunUserInput{u"x"_s, {}, {}, {}}, {readable}));
    const Message question = add(MessageRole::User, u"Plan for [PERSON_1]"_s);
    const Message answer = add(MessageRole::Assistant, u"Lisbon first"_s);
    add(MessageRole::User, u"And then?"_s);
    const Thread fork = AD_VERIFY_OK(m_service->fork(answer.id)).value();
    QVERIFY(fork.id != m_thread);
    QCOMPARE(fork.title, u"Trip"_s);
    QCOMPARE(fork.anonymous, true);
    const QList<Message> copied = AD_VERIFY_OK(MessageRepository(m_t->connection()).path(fork.id)).value();
    QCOMPARE(copied.size(), 2);
    QCOMPARE(copied.at(0).plainText(), question.plainText());
    QCOMPARE(copied.at(1).plainText(), answer.plainText());
    QCOMPARE(AD_VERIFY_OK(PiiMaskRepository(m_t->connection()).masks(fork.id)).value().size(), 1);
    QCOMPARE(AD_VERIFY_OK(threads.attachments(fork.id, ThreadRepository::AttachmentKind::Source)).value(),
             AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::Source)).value());
    // The original is unchanged.
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(m_thread)).value(), 3);
}

void TestConversationService::switchAndPruneWaitForNoRun()
{
    const Message question = add(MessageRole::User, u"Q"_s);
    const Message a1 = add(MessageRole::Assistant, u"A1"_s);
    const Message a2 = add(MessageRole::Assistant, u"A2"_s, question.id);
    {
        // A run answers in the thread (here or in another process): the tree stays as it is.
        auto lock = AD_VERIFY_OK(ThreadRunLock::tryAcquire(m_t->connection(), m_thread)).value();
        QCOMPARE(m_service->switchTo(a1.id).error().code, u"RUN_THREAD_BUSY"_s);
        QCOMPARE(m_service->prune(a2.id).error().code, u"RUN_THREAD_BUSY"_s);
        QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).activeLeaf(m_thread)).value(), a2.id);
        QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).count(m_thread)).value(), 3);
        // Forking only reads it.
        QVERIFY(m_service->fork(a1.id));
    }
    QCOMPARE(AD_VERIFY_OK(m_service->switchTo(a1.id)).value(), a1.id);
    QCOMPARE(AD_VERIFY_OK(m_service->prune(a1.id)).value(), QStringList{a1.id});
    QCOMPARE(AD_VERIFY_OK(MessageRepository(m_t->connection()).activeLeaf(m_thread)).value(), a2.id);
}

void TestConversationService::attachingIsAllOrNothing()
{
    Source text;
    text.kind = SourceKind::Text;
    text.name = u"Notes"_s;
    text.status = SourceStatus::Ready;
    const Source note = AD_VERIFY_OK(SourceRepository(m_t->connection()).add(text)).value();
    ThreadRepository threads(m_t->connection());
    // An unknown knowledge base after a good source: the thread stays as it was.
    auto refused = m_service->attachToThread(m_thread, {note.id.left(8)}, {u"No such base"_s});
    QVERIFY(!refused);
    QCOMPARE(AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::Source)).value().size(), 0);
    QVERIFY(m_service->attachToThread(m_thread, {note.id.left(8)}, {}));
    QCOMPARE(AD_VERIFY_OK(threads.attachments(m_thread, ThreadRepository::AttachmentKind::Source)).value().constFirst().id, note.id);
}

QTEST_GUILESS_MAIN(TestConversationService)
#include "tst_conversationservice.moc"
