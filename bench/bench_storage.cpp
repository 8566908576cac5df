// Storage benchmark (issue: foundation): builds a database of 10,000 threads and 1,000,000
// messages of realistic lengths in mixed languages, then measures opening a 10,000-message thread
// to its newest page, FTS search latency, finalised-message insert throughput and size per message.
// Prints one JSON object. Usage: bench_storage WORKDIR [--threads N] [--messages N]
#include "storage/database.h"
#include "storage/messagerepository.h"
#include "storage/searchindex.h"
#include "storage/threadrepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int GeneratorVersion = 2;

const QStringList english = {
    u"the"_s, u"model"_s, u"answer"_s, u"database"_s, u"thread"_s, u"search"_s, u"performance"_s, u"because"_s,
    u"function"_s, u"returns"_s, u"value"_s, u"error"_s, u"request"_s, u"server"_s, u"client"_s, u"token"_s,
    u"stream"_s, u"would"_s, u"should"_s, u"could"_s, u"example"_s, u"configuration"_s, u"project"_s, u"meeting"_s,
    u"report"_s, u"customer"_s, u"invoice"_s, u"summary"_s, u"question"_s, u"about"_s, u"with"_s, u"this"_s,
    u"that"_s, u"from"_s, u"which"_s, u"their"_s, u"there"_s, u"kubernetes"_s, u"python"_s, u"compiler"_s,
    u"memory"_s, u"latency"_s, u"throughput"_s, u"benchmark"_s, u"holiday"_s, u"recipe"_s, u"garden"_s, u"travel"_s};
const QStringList german = {
    u"der"_s, u"die"_s, u"das"_s, u"und"_s, u"für"_s, u"über"_s, u"Müller"_s, u"Größe"_s, u"Straße"_s, u"Grüße"_s,
    u"Rechnung"_s, u"Besprechung"_s, u"Kunde"_s, u"Änderung"_s, u"Übersicht"_s, u"Datenbank"_s, u"schön"_s,
    u"möglich"_s, u"natürlich"_s, u"Prüfung"_s, u"Lösung"_s, u"Frühstück"_s, u"Bäckerei"_s, u"Geschäftsführer"_s,
    u"Vertrag"_s, u"Kündigung"_s, u"Urlaub"_s, u"München"_s, u"Köln"_s, u"Düsseldorf"_s, u"weil"_s, u"nicht"_s};
const QStringList chinese = {u"我们"_s, u"明天"_s, u"北京"_s, u"上海"_s, u"数据库"_s, u"模型"_s, u"问题"_s, u"回答"_s,
                             u"会议"_s, u"报告"_s, u"客户"_s, u"性能"_s, u"搜索"_s, u"因为"_s, u"所以"_s, u"可以"_s};
const QStringList japanese = {u"東京"_s, u"データベース"_s, u"検索"_s, u"質問"_s, u"回答"_s, u"会議"_s, u"報告書"_s,
                              u"お客様"_s, u"性能"_s, u"です"_s, u"ます"_s, u"について"_s, u"ください"_s};

// Words follow Zipf's law as in real text: a few very common words, a long tail of rare ones
// (the real words above first, then syllable-built words for the tail), so search terms have the
// spread of frequencies real queries meet.
class Vocabulary
{
public:
    Vocabulary(const QStringList &common, const QStringList &syllables, int tailSize, bool cjk, std::mt19937_64 &rng)
        : m_words(common), m_cjk(cjk)
    {
        while (m_words.size() < common.size() + tailSize) {
            QString word;
            const int parts = 2 + int(rng() % 3);
            for (int i = 0; i < parts; ++i)
                word += syllables.at(int(rng() % syllables.size()));
            m_words << word;
        }
        std::vector<double> weights;
        for (qsizetype i = 0; i < m_words.size(); ++i)
            weights.push_back(1.0 / std::pow(double(i + 1), 1.05));
        m_distribution = std::discrete_distribution<int>(weights.begin(), weights.end());
    }
    const QString &word(std::mt19937_64 &rng) { return m_words.at(m_distribution(rng)); }
    bool cjk() const { return m_cjk; }

private:
    QStringList m_words;
    bool m_cjk;
    std::discrete_distribution<int> m_distribution;
};

class Generator
{
public:
    explicit Generator(quint64 seed)
        : m_rng(seed)
        , m_english(english, {u"ka"_s, u"ron"_s, u"ter"_s, u"bel"_s, u"mi"_s, u"sto"_s, u"vax"_s, u"len"_s, u"qui"_s, u"dor"_s}, 20000, false, m_rng)
        , m_german(german, {u"ge"_s, u"schaf"_s, u"tün"_s, u"berg"_s, u"lich"_s, u"wär"_s, u"ung"_s, u"kei"_s, u"stra"_s, u"ße"_s}, 15000, false, m_rng)
        , m_chinese(chinese, {u"电"_s, u"脑"_s, u"网"_s, u"络"_s, u"学"_s, u"习"_s, u"工"_s, u"作"_s, u"时"_s, u"间"_s, u"市"_s, u"场"_s}, 3000, true, m_rng)
        , m_japanese(japanese, {u"カ"_s, u"タ"_s, u"ロ"_s, u"グ"_s, u"ス"_s, u"テ"_s, u"ム"_s, u"の"_s, u"は"_s, u"を"_s}, 3000, true, m_rng)
    {
    }

    // 70 % English, 20 % German, 6 % Chinese, 4 % Japanese; lengths log-normally distributed
    // (most messages a few hundred characters, some several thousand).
    QString text(bool assistant)
    {
        const int language = int(m_rng() % 100);
        Vocabulary &words = language < 70 ? m_english : language < 90 ? m_german : language < 96 ? m_chinese : m_japanese;
        std::lognormal_distribution<double> length(assistant ? 6.3 : 4.8, 0.8);
        const int target = std::clamp(int(length(m_rng)), 8, assistant ? 12000 : 4000);
        QString out;
        out.reserve(target + 16);
        int sentence = 0;
        while (out.size() < target) {
            if (!words.cjk() && !out.isEmpty())
                out += u' ';
            out += words.word(m_rng);
            if (++sentence > 6 + int(m_rng() % 10)) {
                out += words.cjk() ? u"。"_s : u"."_s;
                sentence = 0;
                if (m_rng() % 5 == 0)
                    out += u"\n\n"_s;
            }
        }
        return out;
    }

private:
    std::mt19937_64 m_rng;
    Vocabulary m_english;
    Vocabulary m_german;
    Vocabulary m_chinese;
    Vocabulary m_japanese;
};

// The tree benchmark's thread (issue 15): an active path of `pathLength` messages where every tenth
// message has a second version with one answer below it (1,000 branch points for 10,000), stored
// once in the benchmark database and found again by its settings key.
Result<QString> branchedThread(const QSqlDatabase &db, int pathLength)
{
    QSqlQuery q(db);
    q.exec(u"SELECT value FROM settings WHERE key = 'bench.branchedThread'"_s);
    if (q.next())
        return q.value(0).toString();
    Generator gen(15);
    ThreadRepository threads(db);
    MessageRepository messages(db);
    QSqlQuery(db).exec(u"BEGIN"_s);
    Thread t;
    t.title = u"Branched thread"_s;
    auto thread = threads.create(t);
    if (!thread)
        return std::unexpected(thread.error());
    QString parent;
    for (int i = 0; i < pathLength; ++i) {
        Message m;
        m.threadId = thread->id;
        m.role = i % 2 == 0 ? MessageRole::User : MessageRole::Assistant;
        m.parentId = parent;
        m.content = {TextPart{gen.text(m.role == MessageRole::Assistant), false, {}, {}}};
        if (i % 10 == 5) { // an older version first, with an answer below it
            Message older = m;
            older.content = {TextPart{gen.text(false), false, {}, {}}};
            auto stored = messages.append(older, MessageRepository::Placement::UnderParent);
            if (!stored)
                return std::unexpected(stored.error());
            Message below;
            below.threadId = thread->id;
            below.role = m.role == MessageRole::User ? MessageRole::Assistant : MessageRole::User;
            below.parentId = stored->id;
            below.content = {TextPart{gen.text(true), false, {}, {}}};
            if (auto answer = messages.append(below, MessageRepository::Placement::UnderParent); !answer)
                return std::unexpected(answer.error());
        }
        auto stored = messages.append(m, MessageRepository::Placement::UnderParent);
        if (!stored)
            return std::unexpected(stored.error());
        parent = stored->id;
    }
    q.prepare(u"INSERT OR REPLACE INTO settings (key, value) VALUES ('bench.branchedThread', ?)"_s);
    q.addBindValue(thread->id);
    q.exec();
    QSqlQuery(db).exec(u"COMMIT"_s);
    return thread->id;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(index);
}

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_storage WORKDIR [--threads N] [--messages N]\n");
        return 2;
    }
    const QString workDir = args.at(1);
    int threadCount = 10000;
    int messageCount = 1000000;
    for (int i = 2; i + 1 < args.size(); i += 2) {
        if (args.at(i) == "--threads"_L1)
            threadCount = args.at(i + 1).toInt();
        else if (args.at(i) == "--messages"_L1)
            messageCount = args.at(i + 1).toInt();
    }
    const int longThreadMessages = std::min(10000, messageCount / 2);
    const QString dataDir = QDir(workDir).filePath(u"db-v%1-%2-%3"_s.arg(GeneratorVersion).arg(threadCount).arg(messageCount));
    const QString doneMarker = QDir(dataDir).filePath(u"complete"_s);
    QJsonObject result{{u"threads"_s, threadCount}, {u"messages"_s, messageCount}};

    auto opened = Database::open(dataDir);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<Database> db = std::move(*opened);
    ThreadRepository threads(db->connection());
    MessageRepository messages(db->connection());
    QString longThreadId;

    if (!QFileInfo::exists(doneMarker)) {
        // Generate. Threads first, then messages in thread order; bulk phases batch 20,000 rows per
        // transaction (through the same triggers and index as the app), which is how an import
        // would write, and keeps the build to minutes.
        Generator gen(42);
        QElapsedTimer build;
        build.start();
        QSqlQuery(db->connection()).exec(u"BEGIN"_s);
        QStringList threadIds;
        const QDateTime start = QDateTime(QDate(2024, 1, 1), QTime(8, 0), QTimeZone::utc());
        for (int i = 0; i < threadCount; ++i) {
            Thread t;
            t.title = gen.text(false).left(60);
            t.createdAt = t.updatedAt = t.lastActivityAt = start.addSecs(qint64(i) * 3000);
            threadIds << threads.create(t).value().id;
        }
        QSqlQuery(db->connection()).exec(u"COMMIT"_s);
        longThreadId = threadIds.constFirst();
        const int perThread = (messageCount - longThreadMessages) / std::max(1, threadCount - 1);
        int written = 0;
        QSqlQuery(db->connection()).exec(u"BEGIN"_s);
        for (int t = 0; t < threadCount && written < messageCount; ++t) {
            const int count = t == 0 ? longThreadMessages : (t == threadCount - 1 ? messageCount - written : perThread);
            for (int i = 0; i < count && written < messageCount; ++i, ++written) {
                Message m;
                m.threadId = threadIds.at(t);
                m.role = i % 2 == 0 ? MessageRole::User : MessageRole::Assistant;
                m.createdAt = start.addSecs(qint64(t) * 3000 + i);
                m.content = {TextPart{gen.text(m.role == MessageRole::Assistant), false, {}, {}}};
                if (!messages.append(m)) {
                    std::fprintf(stderr, "insert failed\n");
                    return 1;
                }
                if (written % 20000 == 19999) {
                    QSqlQuery(db->connection()).exec(u"COMMIT"_s);
                    QSqlQuery(db->connection()).exec(u"BEGIN"_s);
                    std::fprintf(stderr, "\r%d messages", written + 1);
                }
            }
        }
        QSqlQuery(db->connection()).exec(u"COMMIT"_s);
        QSqlQuery(db->connection()).exec(u"INSERT INTO message_fts(message_fts) VALUES ('optimize')"_s);
        QSqlQuery(db->connection()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        QSqlQuery(db->connection()).exec(u"INSERT INTO settings (key, value) VALUES ('bench.longThread', ?)"_s);
        {
            QSqlQuery q(db->connection());
            q.prepare(u"INSERT OR REPLACE INTO settings (key, value) VALUES ('bench.longThread', ?)"_s);
            q.addBindValue(longThreadId);
            q.exec();
        }
        std::fprintf(stderr, "\rbuilt in %.1f s\n", ms(build) / 1000);
        result.insert(u"buildSeconds"_s, ms(build) / 1000);
        QFile marker(doneMarker);
        marker.open(QIODevice::WriteOnly);
    } else {
        QSqlQuery q(db->connection());
        q.exec(u"SELECT value FROM settings WHERE key = 'bench.longThread'"_s);
        q.next();
        longThreadId = q.value(0).toString();
    }

    // Size per message (after a checkpoint, so the WAL is in the main file).
    QSqlQuery(db->connection()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    const qint64 fileSize = QFileInfo(db->filePath()).size();
    result.insert(u"databaseBytes"_s, fileSize);
    result.insert(u"bytesPerMessage"_s, double(fileSize) / messageCount);

    // Open the long thread and read its newest page: a fresh connection each time, as the GUI
    // does on start, so the page cache is cold for SQLite (the OS cache is warm).
    {
        QList<double> samples;
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer timer;
            timer.start();
            auto fresh = Database::open(dataDir);
            const double openMs = ms(timer);
            auto thread = ThreadRepository((*fresh)->connection()).get(longThreadId);
            auto page = MessageRepository((*fresh)->connection()).page(longThreadId, 0, MessageRepository::DefaultPageSize);
            if (!thread || !page || page->messages.size() != MessageRepository::DefaultPageSize) {
                std::fprintf(stderr, "reading the long thread failed\n");
                return 1;
            }
            samples << ms(timer) - openMs;
        }
        result.insert(u"openLongThreadNewestPageMs"_s,
                      QJsonObject{{u"p50"_s, percentile(samples, 0.5)}, {u"p95"_s, percentile(samples, 0.95)},
                                  {u"first"_s, samples.constFirst()}, {u"messagesInThread"_s, longThreadMessages},
                                  {u"pageSize"_s, MessageRepository::DefaultPageSize}});
    }

    // The newest page of a 10,000-message path with 1,000 branch points (issue 15: ≤ 20 ms), read
    // like the long thread's; and switching a version in that page (the other version and the path
    // below it, what the GUI reads for "‹ ›").
    {
        QElapsedTimer built;
        built.start();
        auto branched = branchedThread(db->connection(), 10000);
        if (!branched) {
            std::fprintf(stderr, "building the branched thread failed: %s\n", qPrintable(branched.error().message));
            return 1;
        }
        const double buildMs = ms(built);
        {
            // The main path is the one measured (a run of bench_gui may have left another version shown):
            // its leaf is the thread's newest message.
            QSqlQuery newest(db->connection());
            newest.prepare(u"SELECT id FROM messages WHERE tid = (SELECT tid FROM threads WHERE id = ?) ORDER BY mid DESC LIMIT 1"_s);
            newest.addBindValue(*branched);
            if (!newest.exec() || !newest.next() || !MessageRepository(db->connection()).select(newest.value(0).toString())) {
                std::fprintf(stderr, "showing the branched thread's main path failed\n");
                return 1;
            }
        }
        QList<double> samples;
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer timer;
            timer.start();
            auto fresh = Database::open(dataDir);
            const double openMs = ms(timer);
            auto page = MessageRepository((*fresh)->connection()).page(*branched, 0, MessageRepository::DefaultPageSize);
            if (!page || page->messages.size() != MessageRepository::DefaultPageSize) {
                std::fprintf(stderr, "reading the branched thread failed\n");
                return 1;
            }
            samples << ms(timer) - openMs;
        }
        MessageRepository tree(db->connection());
        const QList<Message> newest = tree.page(*branched, 0, MessageRepository::DefaultPageSize).value().messages;
        QString point;
        for (const Message &m : newest) {
            if (m.siblingCount > 1)
                point = m.id; // the last branch point of the page
        }
        QList<double> switches;
        QString shown = point;
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer timer;
            timer.start();
            const QStringList versions = tree.siblings(shown).value();
            const QString other = versions.at(versions.indexOf(shown) == 0 ? 1 : 0);
            auto leaf = tree.select(other);
            auto below = tree.activePathFrom(other);
            if (!leaf || !below || below->isEmpty()) {
                std::fprintf(stderr, "switching a version failed\n");
                return 1;
            }
            switches << ms(timer);
            shown = other;
        }
        if (shown != point)
            (void)tree.select(point);
        int branchPoints = 0;
        QSqlQuery q(db->connection());
        q.prepare(u"SELECT count(*) FROM (SELECT parent_mid FROM messages WHERE tid = (SELECT tid FROM threads WHERE id = ?) "
                  "GROUP BY parent_mid HAVING count(*) > 1)"_s);
        q.addBindValue(*branched);
        if (q.exec() && q.next())
            branchPoints = q.value(0).toInt();
        result.insert(u"branchedThreadNewestPageMs"_s,
                      QJsonObject{{u"p50"_s, percentile(samples, 0.5)}, {u"p95"_s, percentile(samples, 0.95)},
                                  {u"first"_s, samples.constFirst()}, {u"pathLength"_s, int(tree.path(*branched).value().size())},
                                  {u"messagesInThread"_s, tree.count(*branched).value()}, {u"branchPoints"_s, branchPoints},
                                  {u"buildMs"_s, buildMs}});
        result.insert(u"switchVersionMs"_s, QJsonObject{{u"p50"_s, percentile(switches, 0.5)}, {u"p95"_s, percentile(switches, 0.95)},
                                                        {u"max"_s, percentile(switches, 1.0)}});
    }

    // FTS search latency over a fixed query mix.
    {
        const QStringList queries = {
            u"database"_s, u"kubernetes latency"_s, u"Müller"_s, u"mueller"_s, u"Straße"_s, u"strasse"_s, u"Rechnung Kunde"_s,
            u"北京"_s, u"数据库"_s, u"東京"_s, u"データ"_s, u"perf"_s, u"bench"_s, u"Geschäfts"_s, u"\"the model\""_s,
            u"holiday recipe"_s, u"compiler memory"_s, u"Kündigung Vertrag"_s, u"客户 报告"_s, u"invoice"_s,
            u"throughput"_s, u"Frühstück"_s, u"garden travel"_s, u"question about"_s, u"会議"_s};
        SearchIndex index(db->connection());
        QList<double> samples;
        QJsonObject perQuery;
        for (int round = 0; round < 4; ++round) {
            for (const QString &q : queries) {
                QElapsedTimer timer;
                timer.start();
                auto hits = index.search(q, 20);
                const double t = ms(timer);
                if (!hits) {
                    std::fprintf(stderr, "search failed: %s\n", qPrintable(hits.error().message));
                    return 1;
                }
                if (round > 0) // round 0 warms the cache
                    samples << t;
                if (round == 3)
                    perQuery.insert(q, QJsonObject{{u"ms"_s, t}, {u"hits"_s, int(hits->size())}});
            }
        }
        result.insert(u"searchMs"_s, QJsonObject{{u"p50"_s, percentile(samples, 0.5)}, {u"p95"_s, percentile(samples, 0.95)},
                                                 {u"max"_s, percentile(samples, 1.0)}, {u"queries"_s, perQuery}});
    }

    // Finalised-message inserts the way the app writes them: one transaction per message.
    {
        Thread t;
        t.title = u"insert benchmark"_s;
        const QString threadId = threads.create(t).value().id;
        Generator gen(7);
        constexpr int Inserts = 5000;
        QList<Message> batch;
        for (int i = 0; i < Inserts; ++i) {
            Message m;
            m.threadId = threadId;
            m.role = i % 2 ? MessageRole::Assistant : MessageRole::User;
            m.content = {TextPart{gen.text(m.role == MessageRole::Assistant), false, {}, {}}};
            batch << m;
        }
        QElapsedTimer timer;
        timer.start();
        for (const Message &m : std::as_const(batch)) {
            if (!messages.append(m))
                return 1;
        }
        const double elapsed = ms(timer);
        result.insert(u"insertFinalisedMessage"_s, QJsonObject{{u"perSecond"_s, Inserts / (elapsed / 1000)},
                                                              {u"meanMs"_s, elapsed / Inserts},
                                                              {u"transactionsPerMessage"_s, 1}});
        threads.remove(threadId);
    }

    result.insert(u"dataDir"_s, dataDir);
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
