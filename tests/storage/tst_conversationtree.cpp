// Conversations as trees (issue 15): the repository against a tiny model of the same tree.
#include "testsupport.h"

#include "storage/database.h"
#include "storage/ftstokenizer.h"
#include "storage/messagerepository.h"
#include "storage/migrations.h"
#include "storage/searchindex.h"
#include "storage/threadrepository.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QSqlError>
#include <QSqlQuery>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestConversationTree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editAndRegenerateKeepEveryVersion();
    void switchingFollowsTheVersionSelectedLast();
    void pagesWalkTheActivePath();
    void removeRefusesToOrphanAndRepairsTheLeaf();
    void pruneAndCopyPath();
    void randomOperationsMatchAModel();
    void deepVersionsAndPagesBelowASwitch();
    void migratesAVersion2DatabaseIntoPaths();
};

namespace {

Message text(const QString &threadId, const QString &body, MessageRole role = MessageRole::User, const QString &parentId = {})
{
    Message m;
    m.threadId = threadId;
    m.role = role;
    m.parentId = parentId;
    m.content = {TextPart{body, false, {}, {}}};
    return m;
}

QStringList texts(const QList<Message> &messages)
{
    QStringList list;
    for (const Message &m : messages)
        list << m.plainText();
    return list;
}

// The tree as the tests expect it: creation order, parents, the version selected last below
// each message and the active leaf of each thread.
struct ModelTree
{
    struct Node
    {
        QString thread;
        QString parent;
        qint64 order = 0;
        qint64 chosen = 0;
        QString text;
    };
    QHash<QString, Node> nodes;
    QHash<QString, QString> leaf; // by thread
    qint64 clock = 0;

    QList<QString> children(const QString &thread, const QString &parent) const
    {
        QList<QString> ids;
        for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
            if (it->thread == thread && it->parent == parent)
                ids << it.key();
        }
        std::sort(ids.begin(), ids.end(), [this](const QString &a, const QString &b) { return nodes[a].order < nodes[b].order; });
        return ids;
    }
    QString best(const QString &thread, const QString &parent) const
    {
        QString found;
        for (const QString &id : children(thread, parent)) {
            if (found.isEmpty() || nodes[id].chosen > nodes[found].chosen
                || (nodes[id].chosen == nodes[found].chosen && nodes[id].order > nodes[found].order))
                found = id;
        }
        return found;
    }
    QString descend(const QString &thread, QString id) const
    {
        for (QString next = best(thread, id); !next.isEmpty(); next = best(thread, id))
            id = next;
        return id;
    }
    QStringList path(const QString &thread, QString id) const
    {
        QStringList ids;
        for (; !id.isEmpty(); id = nodes[id].parent)
            ids.prepend(id);
        Q_UNUSED(thread);
        return ids;
    }
    void add(const QString &id, const QString &thread, const QString &parent, const QString &body)
    {
        // Below a message not shown, the new branch becomes the one chosen last all the way up.
        const bool shown = parent.isEmpty() || path(thread, leaf.value(thread)).contains(parent);
        qint64 top = 0;
        for (const QString &sibling : children(thread, parent))
            top = std::max(top, nodes[sibling].chosen);
        nodes.insert(id, Node{thread, parent, ++clock, top + 1, body});
        if (!shown)
            promote(id);
        leaf[thread] = id;
    }
    void select(const QString &id)
    {
        promote(id);
        leaf[nodes[id].thread] = descend(nodes[id].thread, id);
    }
    // The message and every ancestor become the version chosen last among their siblings.
    void promote(const QString &id)
    {
        const QString thread = nodes[id].thread;
        for (const QString &step : path(thread, id)) {
            Node &node = nodes[step];
            qint64 top = 0;
            bool behind = false;
            for (const QString &sibling : children(thread, node.parent)) {
                top = std::max(top, nodes[sibling].chosen);
                if (sibling != step && nodes[sibling].chosen >= node.chosen)
                    behind = true;
            }
            if (behind)
                node.chosen = top + 1;
        }
    }
    void repair(const QString &thread, const QStringList &formerPath)
    {
        if (nodes.contains(leaf.value(thread)))
            return;
        for (auto it = formerPath.crbegin(); it != formerPath.crend(); ++it) {
            if (nodes.contains(*it)) {
                leaf[thread] = descend(thread, *it);
                return;
            }
        }
        const QString root = best(thread, QString());
        leaf[thread] = root.isEmpty() ? QString() : descend(thread, root);
    }
    QStringList removeBranch(const QString &id)
    {
        const QString thread = nodes[id].thread;
        const QStringList former = path(thread, leaf.value(thread));
        QStringList gone{id};
        for (qsizetype i = 0; i < gone.size(); ++i)
            gone << children(thread, gone.at(i));
        for (const QString &g : std::as_const(gone))
            nodes.remove(g);
        repair(thread, former);
        return gone;
    }
};

} // namespace

void TestConversationTree::editAndRegenerateKeepEveryVersion()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    const Message q1 = AD_VERIFY_OK(messages.append(text(thread.id, u"q1"_s))).value();
    QCOMPARE(q1.parentId, QString());
    QCOMPARE(q1.siblingCount, 1);
    const Message a1 = AD_VERIFY_OK(messages.append(text(thread.id, u"a1"_s, MessageRole::Assistant))).value();
    QCOMPARE(a1.parentId, q1.id);
    // Regenerate: a second answer below the same question.
    const Message a2 = AD_VERIFY_OK(messages.append(text(thread.id, u"a2"_s, MessageRole::Assistant, q1.id), MessageRepository::Placement::UnderParent)).value();
    QCOMPARE(a2.parentId, q1.id);
    QCOMPARE(a2.siblingIndex, 1);
    QCOMPARE(a2.siblingCount, 2);
    QCOMPARE(texts(AD_VERIFY_OK(messages.path(thread.id)).value()), (QStringList{u"q1"_s, u"a2"_s}));
    // Edit of the first question: a new first message.
    const Message q2 = AD_VERIFY_OK(messages.append(text(thread.id, u"q2"_s), MessageRepository::Placement::UnderParent)).value();
    QCOMPARE(q2.parentId, QString());
    QCOMPARE(q2.siblingIndex, 1);
    QCOMPARE(q2.siblingCount, 2);
    QCOMPARE(texts(AD_VERIFY_OK(messages.path(thread.id)).value()), (QStringList{u"q2"_s}));
    QCOMPARE(AD_VERIFY_OK(messages.count(thread.id)).value(), 4);
    // Every version is kept, in creation order, with its numbers.
    const QList<Message> all = AD_VERIFY_OK(messages.tree(thread.id)).value();
    QCOMPARE(texts(all), (QStringList{u"q1"_s, u"a1"_s, u"a2"_s, u"q2"_s}));
    QCOMPARE(all.at(1).siblingIndex, 0);
    QCOMPARE(all.at(1).siblingCount, 2);
    QCOMPARE(all.at(0).siblingIndex, 0);
    QCOMPARE(all.at(0).siblingCount, 2);
    QCOMPARE(AD_VERIFY_OK(messages.siblings(a1.id)).value(), (QStringList{a1.id, a2.id}));
    QCOMPARE(AD_VERIFY_OK(messages.get(a1.id)).value().siblingCount, 2);
    // A parent from another thread is refused, and nothing is stored.
    const Thread other = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    auto foreign = messages.append(text(other.id, u"x"_s, MessageRole::User, q1.id), MessageRepository::Placement::UnderParent);
    QCOMPARE(foreign.error().code, QString(ErrorCode::NotFound));
    QCOMPARE(AD_VERIFY_OK(messages.count(other.id)).value(), 0);
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(other.id)).value(), QString());
}

void TestConversationTree::switchingFollowsTheVersionSelectedLast()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    const Message q = AD_VERIFY_OK(messages.append(text(thread.id, u"q"_s))).value();
    const Message a1 = AD_VERIFY_OK(messages.append(text(thread.id, u"a1"_s, MessageRole::Assistant))).value();
    const Message f1 = AD_VERIFY_OK(messages.append(text(thread.id, u"f1"_s))).value();
    const Message b1 = AD_VERIFY_OK(messages.append(text(thread.id, u"b1"_s, MessageRole::Assistant))).value();
    const Message b2 = AD_VERIFY_OK(messages.append(text(thread.id, u"b2"_s, MessageRole::Assistant, f1.id), MessageRepository::Placement::UnderParent)).value();
    const Message a2 = AD_VERIFY_OK(messages.append(text(thread.id, u"a2"_s, MessageRole::Assistant, q.id), MessageRepository::Placement::UnderParent)).value();
    QCOMPARE(texts(AD_VERIFY_OK(messages.path(thread.id)).value()), (QStringList{u"q"_s, u"a2"_s}));
    // Back to the first answer: below it, b2 (the newest) is shown.
    QCOMPARE(AD_VERIFY_OK(messages.select(a1.id)).value(), b2.id);
    QCOMPARE(texts(AD_VERIFY_OK(messages.path(thread.id)).value()), (QStringList{u"q"_s, u"a1"_s, u"f1"_s, u"b2"_s}));
    // The user prefers b1; after a visit to a2 and back, b1 is what comes back.
    QCOMPARE(AD_VERIFY_OK(messages.select(b1.id)).value(), b1.id);
    QCOMPARE(AD_VERIFY_OK(messages.select(a2.id)).value(), a2.id);
    QCOMPARE(AD_VERIFY_OK(messages.select(a1.id)).value(), b1.id);
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(thread.id)).value(), b1.id);
    QCOMPARE(texts(AD_VERIFY_OK(messages.activePathFrom(a1.id)).value()), (QStringList{u"a1"_s, u"f1"_s, u"b1"_s}));
    QCOMPARE(AD_VERIFY_OK(messages.activePathFrom(a2.id)).value(), QList<Message>());
    QCOMPARE(texts(AD_VERIFY_OK(messages.pathTo(b2.id)).value()), (QStringList{u"q"_s, u"a1"_s, u"f1"_s, u"b2"_s}));
    QCOMPARE(messages.select(u"missing"_s).error().code, QString(ErrorCode::NotFound));
}

void TestConversationTree::pagesWalkTheActivePath()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    QString branchPoint;
    for (int i = 0; i < 30; ++i) {
        const Message m = AD_VERIFY_OK(messages.append(text(thread.id, QString::number(i)))).value();
        if (i == 9)
            branchPoint = m.id;
    }
    // Another branch below message 9, longer than a page; then back to the first one.
    const Message other = AD_VERIFY_OK(messages.append(text(thread.id, u"x0"_s, MessageRole::User, branchPoint), MessageRepository::Placement::UnderParent)).value();
    for (int i = 1; i < 25; ++i)
        QVERIFY(messages.append(text(thread.id, u"x%1"_s.arg(i))));
    const auto branch = AD_VERIFY_OK(messages.page(thread.id, 0, 20)).value();
    QCOMPARE(texts(branch.messages).constFirst(), u"x5"_s);
    QCOMPARE(texts(branch.messages).constLast(), u"x24"_s);
    QVERIFY(branch.hasMore);
    const auto before = AD_VERIFY_OK(messages.page(thread.id, branch.cursor, 20)).value();
    QStringList expected;
    for (int i = 0; i <= 9; ++i)
        expected << QString::number(i);
    expected << u"x0"_s << u"x1"_s << u"x2"_s << u"x3"_s << u"x4"_s;
    QCOMPARE(texts(before.messages), expected.mid(expected.size() - 15));
    QVERIFY(!before.hasMore);
    QCOMPARE(texts(before.messages).size(), 15);
    QCOMPARE(before.messages.at(10).siblingIndex, 1);
    QCOMPARE(before.messages.at(10).siblingCount, 2);

    const QStringList firstBranch = [&] {
        QStringList list;
        for (int i = 0; i < 30; ++i)
            list << QString::number(i);
        return list;
    }();
    QVERIFY(messages.select(AD_VERIFY_OK(messages.siblings(other.id)).value().constFirst()));
    const auto newest = AD_VERIFY_OK(messages.page(thread.id, 0, 25)).value();
    QCOMPARE(texts(newest.messages), firstBranch.mid(5));
    const auto oldest = AD_VERIFY_OK(messages.page(thread.id, newest.cursor, 25)).value();
    QCOMPARE(texts(oldest.messages), firstBranch.mid(0, 5));
    QVERIFY(!oldest.hasMore);
}

void TestConversationTree::removeRefusesToOrphanAndRepairsTheLeaf()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    const Message q = AD_VERIFY_OK(messages.append(text(thread.id, u"q"_s))).value();
    const Message a1 = AD_VERIFY_OK(messages.append(text(thread.id, u"a1"_s, MessageRole::Assistant))).value();
    const Message a2 = AD_VERIFY_OK(messages.append(text(thread.id, u"a2"_s, MessageRole::Assistant, q.id), MessageRepository::Placement::UnderParent)).value();
    const Message f = AD_VERIFY_OK(messages.append(text(thread.id, u"f"_s))).value();
    // q has answers below it that would stay: nothing is deleted.
    auto refused = messages.remove({q.id, f.id});
    QCOMPARE(refused.error().code, QString(ErrorCode::InvalidArgument));
    QCOMPARE(AD_VERIFY_OK(messages.count(thread.id)).value(), 4);
    // The failed tip goes; the leaf moves to the other version below q.
    QVERIFY(messages.remove({f.id, a2.id}));
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(thread.id)).value(), a1.id);
    QCOMPARE(AD_VERIFY_OK(messages.get(a1.id)).value().siblingCount, 1);
    QVERIFY(messages.remove({a1.id, q.id}));
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(thread.id)).value(), QString());
    QCOMPARE(AD_VERIFY_OK(messages.path(thread.id)).value(), QList<Message>());
    QCOMPARE(AD_VERIFY_OK(messages.page(thread.id)).value().messages, QList<Message>());
}

void TestConversationTree::pruneAndCopyPath()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    ThreadRepository threads(t.connection());
    const Thread thread = AD_VERIFY_OK(threads.create({})).value();
    const Message q = AD_VERIFY_OK(messages.append(text(thread.id, u"alpha question"_s))).value();
    const Message a1 = AD_VERIFY_OK(messages.append(text(thread.id, u"bravo answer"_s, MessageRole::Assistant))).value();
    const Message f = AD_VERIFY_OK(messages.append(text(thread.id, u"charlie followup"_s))).value();
    const Message a2 = AD_VERIFY_OK(messages.append(text(thread.id, u"delta answer"_s, MessageRole::Assistant, q.id), MessageRepository::Placement::UnderParent)).value();
    QVERIFY(messages.select(f.id));
    // A copy of the path up to the follow-up, in another thread.
    const Thread fork = AD_VERIFY_OK(threads.create({})).value();
    const QList<Message> copies = AD_VERIFY_OK(messages.copyPath(f.id, fork.id)).value();
    QCOMPARE(texts(copies), (QStringList{u"alpha question"_s, u"bravo answer"_s, u"charlie followup"_s}));
    QCOMPARE(copies.at(1).parentId, copies.at(0).id);
    QCOMPARE(copies.at(1).siblingCount, 1);
    QCOMPARE(copies.at(0).createdAt, q.createdAt);
    QVERIFY(copies.at(0).id != q.id);
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(fork.id)).value(), copies.at(2).id);
    // Pruning the shown branch leaves the other version, and search forgets the pruned text.
    const QStringList removed = AD_VERIFY_OK(messages.removeBranch(a1.id)).value();
    QCOMPARE(removed, (QStringList{a1.id, f.id}));
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(thread.id)).value(), a2.id);
    const auto hits = AD_VERIFY_OK(SearchIndex(t.connection()).search(u"charlie"_s, 10)).value();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.constFirst().threadId, fork.id);
    QCOMPARE(messages.removeBranch(a1.id).error().code, QString(ErrorCode::NotFound));
}

void TestConversationTree::randomOperationsMatchAModel()
{
    Test::TempDatabase t;
    QSqlDatabase db = t.connection();
    MessageRepository messages(db);
    ThreadRepository threads(db);
    ModelTree model;
    QStringList threadIds;
    QRandomGenerator random(15); // fixed: the same run every time
    int counter = 0;
    QHash<QString, int> done;

    const auto verifyThread = [&](const QString &threadId) {
        // The active path, through both reads.
        const QStringList expectedPath = model.path(threadId, model.leaf.value(threadId));
        const QList<Message> stored = AD_VERIFY_OK(messages.path(threadId)).value();
        QStringList path;
        for (const Message &m : stored)
            path << m.id;
        QCOMPARE(path, expectedPath);
        QStringList paged;
        for (qint64 cursor = 0;;) {
            const auto page = AD_VERIFY_OK(messages.page(threadId, cursor, 7)).value();
            QStringList ids;
            for (const Message &m : page.messages)
                ids << m.id;
            paged = ids + paged;
            if (!page.hasMore)
                break;
            cursor = page.cursor;
        }
        QCOMPARE(paged, expectedPath);
        QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(threadId)).value(), model.leaf.value(threadId));
        // The active path is the chain of versions chosen last, so a page below any of its
        // messages read downwards is the same path; so is the limited walk up.
        if (!expectedPath.isEmpty()) {
            const qsizetype from = random.bounded(int(expectedPath.size()));
            const auto ids = [](const QList<Message> &list) {
                QStringList out;
                for (const Message &m : list)
                    out << m.id;
                return out;
            };
            QCOMPARE(ids(AD_VERIFY_OK(messages.shownBranchFrom(expectedPath.constFirst(), 100000)).value()), expectedPath);
            QCOMPARE(ids(AD_VERIFY_OK(messages.shownBranchFrom(expectedPath.at(from), 4)).value()), expectedPath.mid(from, 4));
            QCOMPARE(ids(AD_VERIFY_OK(messages.activePathFrom(expectedPath.at(from), 3)).value()), expectedPath.mid(from, 3));
        }
        // Every message, its parent and its place among its versions.
        const QList<Message> all = AD_VERIFY_OK(messages.tree(threadId)).value();
        QList<QString> expectedAll;
        for (auto it = model.nodes.cbegin(); it != model.nodes.cend(); ++it) {
            if (it->thread == threadId)
                expectedAll << it.key();
        }
        std::sort(expectedAll.begin(), expectedAll.end(), [&](const QString &a, const QString &b) { return model.nodes[a].order < model.nodes[b].order; });
        QHash<QString, QList<QString>> byParent; // in creation order, as expectedAll is
        for (const QString &id : std::as_const(expectedAll))
            byParent[model.nodes[id].parent].append(id);
        QCOMPARE(all.size(), expectedAll.size());
        for (qsizetype i = 0; i < all.size(); ++i) {
            const Message &m = all.at(i);
            QCOMPARE(m.id, expectedAll.at(i));
            const auto &node = model.nodes[m.id];
            QCOMPARE(m.parentId, node.parent);
            QCOMPARE(m.plainText(), node.text);
            const QList<QString> siblings = byParent.value(node.parent);
            QCOMPARE(m.siblingCount, int(siblings.size()));
            QCOMPARE(m.siblingIndex, int(siblings.indexOf(m.id)));
        }
    };
    const auto verifyDatabase = [&] {
        QSqlQuery q(db);
        // No orphans, no parent in another thread, every active leaf a leaf of its own thread.
        QVERIFY(q.exec(u"SELECT count(*) FROM messages AS m WHERE m.parent_mid IS NOT NULL AND NOT EXISTS "
                       "(SELECT 1 FROM messages AS p WHERE p.mid = m.parent_mid AND p.tid = m.tid)"_s));
        q.next();
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(u"SELECT count(*) FROM threads AS t WHERE t.active_mid IS NOT NULL AND (NOT EXISTS "
                       "(SELECT 1 FROM messages AS m WHERE m.mid = t.active_mid AND m.tid = t.tid) OR EXISTS "
                       "(SELECT 1 FROM messages AS c WHERE c.parent_mid = t.active_mid))"_s));
        q.next();
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(u"SELECT count(*) FROM threads AS t WHERE t.active_mid IS NULL AND EXISTS (SELECT 1 FROM messages AS m WHERE m.tid = t.tid)"_s));
        q.next();
        QCOMPARE(q.value(0).toInt(), 0);
        // The search index holds exactly the stored messages.
        QVERIFY(q.exec(u"SELECT (SELECT count(*) FROM message_fts_docsize), (SELECT count(*) FROM messages)"_s));
        q.next();
        QCOMPARE(q.value(0).toInt(), q.value(1).toInt());
        QCOMPARE(q.value(1).toInt(), int(model.nodes.size()));
    };
    const auto randomMessage = [&]() -> QString {
        if (model.nodes.isEmpty())
            return {};
        auto it = model.nodes.cbegin();
        std::advance(it, random.bounded(int(model.nodes.size())));
        return it.key();
    };

    constexpr int Steps = 2500;
    for (int step = 0; step < Steps; ++step) {
        const int dice = random.bounded(100);
        QString touched;
        if (threadIds.isEmpty() || dice < 3) {
            const Thread thread = AD_VERIFY_OK(threads.create({})).value();
            threadIds << thread.id;
            model.leaf.insert(thread.id, QString());
            ++done[u"new thread"_s];
            touched = thread.id;
        } else if (dice < 40) { // send: at the end of the active path
            const QString thread = threadIds.at(random.bounded(int(threadIds.size())));
            const QString body = u"word%1"_s.arg(++counter);
            const MessageRole role = random.bounded(2) ? MessageRole::User : MessageRole::Assistant;
            const Message m = AD_VERIFY_OK(messages.append(text(thread, body, role))).value();
            model.add(m.id, thread, model.leaf.value(thread), body);
            QCOMPARE(m.parentId, model.nodes[m.id].parent);
            ++done[u"send"_s];
            touched = thread;
        } else if (dice < 60) { // edit or regenerate: a new version beside a message
            const QString of = randomMessage();
            if (of.isEmpty())
                continue;
            const auto node = model.nodes[of];
            const QString body = u"word%1"_s.arg(++counter);
            const Message m = AD_VERIFY_OK(messages.append(text(node.thread, body, MessageRole::User, node.parent), MessageRepository::Placement::UnderParent)).value();
            model.add(m.id, node.thread, node.parent, body);
            ++done[u"version"_s];
            touched = node.thread;
        } else if (dice < 80) { // switch
            const QString to = randomMessage();
            if (to.isEmpty())
                continue;
            const QString leaf = AD_VERIFY_OK(messages.select(to)).value();
            model.select(to);
            QCOMPARE(leaf, model.leaf.value(model.nodes[to].thread));
            ++done[u"switch"_s];
            touched = model.nodes[to].thread;
        } else if (dice < 88) { // prune
            const QString at = randomMessage();
            if (at.isEmpty())
                continue;
            const QString thread = model.nodes[at].thread;
            QStringList removed = AD_VERIFY_OK(messages.removeBranch(at)).value();
            QStringList expected = model.removeBranch(at);
            std::sort(removed.begin(), removed.end());
            std::sort(expected.begin(), expected.end());
            QCOMPARE(removed, expected);
            ++done[u"prune"_s];
            touched = thread;
        } else if (dice < 95) { // the cleanup after a failed run: the active leaf goes
            const QString thread = threadIds.at(random.bounded(int(threadIds.size())));
            const QString leaf = model.leaf.value(thread);
            if (leaf.isEmpty())
                continue;
            const QStringList former = model.path(thread, leaf);
            QVERIFY(messages.remove({leaf}));
            model.nodes.remove(leaf);
            model.repair(thread, former);
            ++done[u"remove tip"_s];
            touched = thread;
        } else { // fork: a copy of the path up to a message, in a new thread
            const QString at = randomMessage();
            if (at.isEmpty())
                continue;
            const Thread fork = AD_VERIFY_OK(threads.create({})).value();
            threadIds << fork.id;
            model.leaf.insert(fork.id, QString());
            const QList<Message> copies = AD_VERIFY_OK(messages.copyPath(at, fork.id)).value();
            const QStringList original = model.path(model.nodes[at].thread, at);
            QCOMPARE(copies.size(), original.size());
            QString parent;
            for (qsizetype i = 0; i < copies.size(); ++i) {
                model.add(copies.at(i).id, fork.id, parent, model.nodes[original.at(i)].text);
                parent = copies.at(i).id;
            }
            ++done[u"fork"_s];
            touched = fork.id;
        }
        verifyThread(touched);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"diverged at step %1"_s.arg(step)));
        if (step % 100 == 0)
            verifyDatabase();
    }
    for (const QString &thread : std::as_const(threadIds))
        verifyThread(thread);
    verifyDatabase();
    // Every kind of operation really ran, many times.
    for (const QString &kind : {u"send"_s, u"version"_s, u"switch"_s, u"prune"_s, u"remove tip"_s, u"fork"_s, u"new thread"_s})
        QVERIFY2(done.value(kind) >= 40, qPrintable(kind));
    QVERIFY(model.nodes.size() > 200);
}

// Paths longer than the walk that decides near the first message: switching deep down, near the
// top and to a message deep in a branch not shown all make the right path, and pages below a
// switched message are read downwards.
void TestConversationTree::deepVersionsAndPagesBelowASwitch()
{
    Test::TempDatabase t;
    MessageRepository messages(t.connection());
    const Thread thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value();
    QStringList ids;
    for (int i = 0; i < 200; ++i)
        ids << AD_VERIFY_OK(messages.append(text(thread.id, QString::number(i)))).value().id;
    const auto pathTexts = [&] { return texts(AD_VERIFY_OK(messages.path(thread.id)).value()); };
    QStringList numbers;
    for (int i = 0; i < 200; ++i)
        numbers << QString::number(i);
    // A version of message 100 with 80 messages below it, one of them with two versions.
    const Message b = AD_VERIFY_OK(messages.append(text(thread.id, u"b100"_s, MessageRole::User, ids.at(99)), MessageRepository::Placement::UnderParent)).value();
    QStringList branch{u"b100"_s};
    QString c1;
    for (int i = 101; i < 180; ++i) {
        const Message m = AD_VERIFY_OK(messages.append(text(thread.id, u"b%1"_s.arg(i)))).value();
        branch << m.plainText();
        if (i == 170)
            c1 = m.id;
    }
    const QString c1Parent = AD_VERIFY_OK(messages.get(c1)).value().parentId;
    const Message c2 = AD_VERIFY_OK(messages.append(text(thread.id, u"c2"_s, MessageRole::User, c1Parent), MessageRepository::Placement::UnderParent)).value();
    QCOMPARE(pathTexts(), numbers.mid(0, 100) + branch.mid(0, 70) + QStringList{u"c2"_s});
    // Back to the first version of message 100 (its parent is 99 messages down: the walk from the
    // leaf decides), then forward to a message deep in the branch not shown (c1: its ancestors
    // are promoted with it).
    QCOMPARE(AD_VERIFY_OK(messages.select(ids.at(100))).value(), ids.constLast());
    QCOMPARE(pathTexts(), numbers);
    const QString leafAtC1 = AD_VERIFY_OK(messages.select(c1)).value();
    QCOMPARE(pathTexts(), numbers.mid(0, 100) + branch);
    QCOMPARE(leafAtC1, AD_VERIFY_OK(messages.path(thread.id)).value().constLast().id);
    // Near the top: a version of message 3, and back.
    const Message v3 = AD_VERIFY_OK(messages.append(text(thread.id, u"v3"_s, MessageRole::User, ids.at(2)), MessageRepository::Placement::UnderParent)).value();
    QCOMPARE(pathTexts(), numbers.mid(0, 3) + QStringList{u"v3"_s});
    const QString leafAt3 = AD_VERIFY_OK(messages.select(ids.at(3))).value();
    QCOMPARE(pathTexts(), numbers.mid(0, 100) + branch); // the branch chosen last below it comes back
    QCOMPARE(leafAt3, AD_VERIFY_OK(messages.path(thread.id)).value().constLast().id);
    // A page below a switched message, read downwards; and below a message not shown, the
    // versions chosen last under it.
    QCOMPARE(texts(AD_VERIFY_OK(messages.shownBranchFrom(ids.at(3), 5)).value()), numbers.mid(3, 5));
    QCOMPARE(texts(AD_VERIFY_OK(messages.shownBranchFrom(b.id, 3)).value()), branch.mid(0, 3));
    QCOMPARE(texts(AD_VERIFY_OK(messages.shownBranchFrom(ids.at(195), 10)).value()), numbers.mid(195));
    QCOMPARE(texts(AD_VERIFY_OK(messages.shownBranchFrom(c2.id, 10)).value()), QStringList{u"c2"_s});
    QCOMPARE(texts(AD_VERIFY_OK(messages.activePathFrom(b.id, 2)).value()), branch.mid(0, 2));
    QCOMPARE(AD_VERIFY_OK(messages.activePathFrom(ids.at(150), 2)).value(), QList<Message>()); // not shown
    QCOMPARE(AD_VERIFY_OK(messages.activePathFrom(v3.id, 2)).value(), QList<Message>());
    QCOMPARE(messages.shownBranchFrom(u"missing"_s, 3).error().code, QString(ErrorCode::NotFound));
}

void TestConversationTree::migratesAVersion2DatabaseIntoPaths()
{
    // A database as the previous release left it: schema 2, filled the way it stored messages
    // (no parents), with two threads interleaved, tool calls, an image and a row left streaming.
    QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(Database::FileName));
    const QStringList texts2 = {u"How warm is Lisbon?"_s, u""_s, u""_s, u"It is 21 °C in Lisbon."_s, u"And Porto?"_s, u"Porto: 18 °C, so far"_s};
    {
        QSqlDatabase old = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema2"_s);
        old.setDatabaseName(path);
        QVERIFY(old.open());
        AD_VERIFY_OK(FtsTokenizer::registerOn(old));
        QSqlQuery q(old);
        QVERIFY(q.exec(u"PRAGMA foreign_keys = ON"_s));
        for (const auto &migration : Migrations::all()) {
            if (migration.version > 2)
                continue;
            for (const QString &statement : migration.statements)
                QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
        }
        QVERIFY(q.exec(u"PRAGMA user_version = 2"_s));
        QVERIFY(q.exec(u"INSERT INTO threads (tid, id, title, created_at, updated_at, last_activity_at) VALUES "
                       "(1, 'thread-a', 'Weather', 1000, 1000, 1000), (2, 'thread-b', 'Other', 1000, 1000, 1000), (3, 'thread-c', 'Empty', 1000, 1000, 1000)"_s));
        const QStringList contents = {
            uR"([{"type":"text","text":"How warm is Lisbon?"},{"type":"image","index":0,"mimeType":"image/png","altText":"map","blob":"ab12"}])"_s,
            uR"([{"type":"tool_use","id":"c1","name":"get_weather","params":{"city":"Lisbon"}}])"_s,
            uR"([{"type":"tool_result","toolId":"c1","toolName":"get_weather","result":"21"}])"_s,
            uR"([{"type":"text","text":"It is 21 °C in Lisbon."}])"_s,
            uR"([{"type":"text","text":"And Porto?"}])"_s,
            uR"([{"type":"text","text":"Porto: 18 °C, so far"}])"_s,
        };
        const QStringList roles = {u"user"_s, u"assistant"_s, u"tool"_s, u"assistant"_s, u"user"_s, u"assistant"_s};
        for (int i = 0; i < contents.size(); ++i) {
            q.prepare(u"INSERT INTO messages (id, tid, role, status, created_at, content) VALUES (?, 1, ?, ?, ?, ?)"_s);
            q.addBindValue(u"a%1"_s.arg(i));
            q.addBindValue(roles.at(i));
            q.addBindValue(i == 5 ? u"streaming"_s : u"complete"_s);
            q.addBindValue(2000 + i);
            q.addBindValue(contents.at(i));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            // The other thread's messages come between them.
            q.prepare(u"INSERT INTO messages (id, tid, role, status, created_at, content) VALUES (?, 2, 'user', 'complete', ?, ?)"_s);
            q.addBindValue(u"b%1"_s.arg(i));
            q.addBindValue(2000 + i);
            q.addBindValue(uR"([{"type":"text","text":"other %1"}])"_s.arg(i));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        q.finish();
        old.close();
    }
    QSqlDatabase::removeDatabase(u"schema2"_s);

    auto db = AD_VERIFY_OK(Database::open(dir.path())).value();
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    const QStringList backups = QDir(dir.path()).entryList({u"*.backup-v2-*"_s});
    QCOMPARE(backups.size(), 1);
    MessageRepository messages(db->connection());
    // Each thread is one path in its old order, the newest message its active leaf.
    const QList<Message> a = AD_VERIFY_OK(messages.path(u"thread-a"_s)).value();
    QStringList ids;
    for (const Message &m : a)
        ids << m.id;
    QCOMPARE(ids, (QStringList{u"a0"_s, u"a1"_s, u"a2"_s, u"a3"_s, u"a4"_s, u"a5"_s}));
    QCOMPARE(a.at(0).parentId, QString());
    for (qsizetype i = 1; i < a.size(); ++i) {
        QCOMPARE(a.at(i).parentId, a.at(i - 1).id);
        QCOMPARE(a.at(i).siblingCount, 1);
    }
    QCOMPARE(a.at(0).content.size(), 2);
    QCOMPARE(std::get<ImagePart>(a.at(0).content.at(1)).blob, u"ab12"_s);
    QCOMPARE(std::get<ToolUsePart>(a.at(1).content.at(0)).name, u"get_weather"_s);
    QCOMPARE(a.at(5).status, MessageStatus::Streaming);
    QCOMPARE(a.at(5).plainText(), texts2.at(5));
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(u"thread-a"_s)).value(), u"a5"_s);
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(u"thread-b"_s)).value(), u"b5"_s);
    QCOMPARE(AD_VERIFY_OK(messages.path(u"thread-b"_s)).value().size(), 6);
    QCOMPARE(AD_VERIFY_OK(messages.activeLeaf(u"thread-c"_s)).value(), QString());
    // Search still finds the old messages; the tree works on from there.
    const auto hits = AD_VERIFY_OK(SearchIndex(db->connection()).search(u"Lisbon"_s, 10)).value();
    QCOMPARE(hits.size(), 2);
    const Message edit = AD_VERIFY_OK(messages.append(text(u"thread-a"_s, u"And Faro?"_s, MessageRole::User, u"a3"_s), MessageRepository::Placement::UnderParent)).value();
    QCOMPARE(edit.siblingIndex, 1);
    QCOMPARE(edit.siblingCount, 2);
    QCOMPARE(AD_VERIFY_OK(messages.path(u"thread-a"_s)).value().size(), 5);
    QSqlQuery check(db->connection());
    QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
    QCOMPARE(check.value(0).toString(), u"ok"_s);
}

QTEST_GUILESS_MAIN(TestConversationTree)
#include "tst_conversationtree.moc"
