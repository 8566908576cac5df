#include "testsupport.h"

#include "storage/messagerepository.h"
#include "storage/searchindex.h"
#include "storage/threadrepository.h"

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSearchIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void finds_data();
    void finds();
    void snippetsHighlightTheOriginalText();
    void titlesComeFirst();
    void ranksDenserMatchesHigher();
    void indexesOnlyFinalisedMessages();
    void forgetsDeletedMessagesAndThreads();
    void treatsOperatorsAsText();
    void prefixOnlyWhenWholeWordsAreTooFew();

private:
    QString add(const QString &text, MessageStatus status = MessageStatus::Complete);
    QStringList hitTexts(const QString &query);

    std::unique_ptr<Test::TempDatabase> m_t;
    Thread m_thread;
};

void TestSearchIndex::init()
{
    m_t = std::make_unique<Test::TempDatabase>();
    Thread thread;
    thread.title = u"Reiseplanung"_s;
    m_thread = AD_VERIFY_OK(ThreadRepository(m_t->connection()).create(thread)).value();
    const QStringList corpus = {
        u"Herr Müller wohnt in der Schloßstraße in München."_s,
        u"Frau Mueller fährt nach Köln."_s,
        u"The quick brown fox jumps over the lazy dog."_s,
        u"Database migrations run in one transaction each."_s,
        u"我们明天去北京市政府开会。"_s,
        u"東京タワーは赤いです。"_s,
        u"Ein Café in Zürich serviert Crème brûlée."_s,
        u"The configuration file is config.yaml, see section 3.2."_s,
    };
    for (const QString &text : corpus)
        add(text);
}

void TestSearchIndex::cleanup()
{
    m_t.reset();
}

QString TestSearchIndex::add(const QString &text, MessageStatus status)
{
    Message m;
    m.threadId = m_thread.id;
    m.role = MessageRole::Assistant;
    m.status = status;
    m.content = {ThinkingPart{u"hidden thought about foxes"_s, {}, {}, {}, {}}, TextPart{text, false, {}, {}}};
    return AD_VERIFY_OK(MessageRepository(m_t->connection()).append(m)).value().id;
}

QStringList TestSearchIndex::hitTexts(const QString &query)
{
    QStringList texts;
    const auto list_ = AD_VERIFY_OK(SearchIndex(m_t->connection()).search(query)).value();
    for (const auto &hit : list_) {
        if (hit.messageId.isEmpty())
            texts << u"title: "_s + hit.threadTitle;
        else
            texts << AD_VERIFY_OK(MessageRepository(m_t->connection()).get(hit.messageId)).value().plainText();
    }
    texts.sort();
    return texts;
}

void TestSearchIndex::finds_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    const QString mueller1 = u"Herr Müller wohnt in der Schloßstraße in München."_s;
    const QString mueller2 = u"Frau Mueller fährt nach Köln."_s;
    QTest::addRow("umlaut finds both spellings") << u"Müller "_s << QStringList{mueller2, mueller1};
    QTest::addRow("transliteration finds both") << u"mueller "_s << QStringList{mueller2, mueller1};
    QTest::addRow("plain vowel finds the umlaut") << u"muller "_s << QStringList{mueller1};
    QTest::addRow("upper case") << u"MÜLLER "_s << QStringList{mueller2, mueller1};
    QTest::addRow("eszett as ss") << u"Schlossstrasse "_s << QStringList{mueller1};
    QTest::addRow("eszett as typed") << u"Schloßstraße "_s << QStringList{mueller1};
    QTest::addRow("ö as oe") << u"Koeln "_s << QStringList{mueller2};
    QTest::addRow("french diacritics") << u"creme brulee "_s << QStringList{u"Ein Café in Zürich serviert Crème brûlée."_s};
    QTest::addRow("prefix while typing") << u"migrat"_s << QStringList{u"Database migrations run in one transaction each."_s};
    QTest::addRow("explicit prefix") << u"transact* run "_s << QStringList{u"Database migrations run in one transaction each."_s};
    QTest::addRow("whole words only when finished") << u"migrat "_s << QStringList{};
    QTest::addRow("all words must match") << u"quick database "_s << QStringList{};
    QTest::addRow("phrase") << u"\"lazy dog\""_s << QStringList{u"The quick brown fox jumps over the lazy dog."_s};
    QTest::addRow("phrase order matters") << u"\"dog lazy\""_s << QStringList{};
    QTest::addRow("chinese substring") << u"北京"_s << QStringList{u"我们明天去北京市政府开会。"_s};
    QTest::addRow("chinese longer substring") << u"北京市政府"_s << QStringList{u"我们明天去北京市政府开会。"_s};
    QTest::addRow("chinese single character") << u"府"_s << QStringList{u"我们明天去北京市政府开会。"_s};
    QTest::addRow("chinese non-substring") << u"北府"_s << QStringList{};
    QTest::addRow("japanese katakana inside") << u"タワー"_s << QStringList{u"東京タワーは赤いです。"_s};
    QTest::addRow("title") << u"reiseplan"_s << QStringList{u"title: Reiseplanung"_s};
    QTest::addRow("thinking is not indexed") << u"thought "_s << QStringList{};
    QTest::addRow("file names") << u"config.yaml"_s << QStringList{u"The configuration file is config.yaml, see section 3.2."_s};
}

void TestSearchIndex::finds()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    expected.sort();
    QCOMPARE(hitTexts(query), expected);
}

void TestSearchIndex::snippetsHighlightTheOriginalText()
{
    SearchIndex index(m_t->connection());
    auto hits = AD_VERIFY_OK(index.search(u"mueller "_s)).value();
    QStringList snippets;
    for (const auto &hit : hits)
        snippets << SearchIndex::renderSnippet(hit.snippet, u"["_s, u"]"_s);
    snippets.sort();
    QCOMPARE(snippets, (QStringList{u"Frau [Mueller] fährt nach Köln."_s,
                                    u"Herr [Müller] wohnt in der Schloßstraße in München."_s}));
    hits = AD_VERIFY_OK(index.search(u"北京市"_s)).value();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(SearchIndex::renderSnippet(hits.constFirst().snippet, u"["_s, u"]"_s), u"我们明天去[北京市]政府开会。"_s);
    QCOMPARE(hits.constFirst().threadId, m_thread.id);
    QCOMPARE(hits.constFirst().threadTitle, u"Reiseplanung"_s);
    QCOMPARE(hits.constFirst().role, u"assistant"_s);

    // Long messages are cut around the match.
    add(u"Anfang "_s + QString(u"füllwort "_s).repeated(40) + u"Nadel "_s + QString(u"füllwort "_s).repeated(40));
    hits = AD_VERIFY_OK(index.search(u"nadel "_s)).value();
    QCOMPARE(hits.size(), 1);
    const QString snippet = SearchIndex::renderSnippet(hits.constFirst().snippet, u"["_s, u"]"_s);
    QVERIFY2(snippet.startsWith(u"…"_s) && snippet.endsWith(u"…"_s) && snippet.contains(u"[Nadel]"_s), qPrintable(snippet));
    QVERIFY2(snippet.size() < 200, qPrintable(snippet));
}

void TestSearchIndex::titlesComeFirst()
{
    ThreadRepository threads(m_t->connection());
    Thread other;
    other.title = u"Fox facts"_s;
    other = AD_VERIFY_OK(threads.create(other)).value();
    const auto hits = AD_VERIFY_OK(SearchIndex(m_t->connection()).search(u"fox "_s)).value();
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.at(0).threadId, other.id);
    QVERIFY(hits.at(0).messageId.isEmpty());
    QCOMPARE(SearchIndex::renderSnippet(hits.at(0).snippet, u"<"_s, u">"_s), u"<Fox> facts"_s);
    QVERIFY(!hits.at(1).messageId.isEmpty());
    // Renaming re-indexes the title.
    QVERIFY(threads.rename(other.id, u"Wolf facts"_s));
    QCOMPARE(AD_VERIFY_OK(SearchIndex(m_t->connection()).search(u"fox "_s)).value().size(), 1);
    QCOMPARE(AD_VERIFY_OK(SearchIndex(m_t->connection()).search(u"wolf "_s)).value().size(), 1);
}

void TestSearchIndex::ranksDenserMatchesHigher()
{
    const QString dense = add(u"Kafka. Kafka streams. Kafka consumers."_s);
    const QString sparse = add(u"A long text that mentions Kafka once among many other words about queues and logs and brokers."_s);
    const auto hits = AD_VERIFY_OK(SearchIndex(m_t->connection()).search(u"kafka "_s)).value();
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.at(0).messageId, dense);
    QCOMPARE(hits.at(1).messageId, sparse);
    QVERIFY(hits.at(0).score < hits.at(1).score);
    QCOMPARE(AD_VERIFY_OK(SearchIndex(m_t->connection()).search(u"kafka "_s, 1)).value().size(), 1);
}

void TestSearchIndex::indexesOnlyFinalisedMessages()
{
    MessageRepository messages(m_t->connection());
    const QString id = add(u"Streaming zebra"_s, MessageStatus::Streaming);
    QCOMPARE(hitTexts(u"zebra "_s), QStringList());
    QVERIFY(messages.update(id, {TextPart{u"Streaming zebra and giraffe"_s, false, {}, {}}}, MessageStatus::Streaming));
    QCOMPARE(hitTexts(u"zebra "_s), QStringList());
    QVERIFY(messages.update(id, {TextPart{u"Final zebra and giraffe"_s, false, {}, {}}}, MessageStatus::Complete));
    QCOMPARE(hitTexts(u"zebra "_s), QStringList{u"Final zebra and giraffe"_s});
    // An edit of a finalised message replaces its index entry.
    QVERIFY(messages.update(id, {TextPart{u"Final okapi"_s, false, {}, {}}}, MessageStatus::Interrupted));
    QCOMPARE(hitTexts(u"zebra "_s), QStringList());
    QCOMPARE(hitTexts(u"okapi "_s), QStringList{u"Final okapi"_s});
    QCOMPARE(AD_VERIFY_OK(m_t->db->integrityCheck()).value(), u"ok"_s);
}

void TestSearchIndex::forgetsDeletedMessagesAndThreads()
{
    const QString id = add(u"Ephemeral walrus"_s);
    QCOMPARE(hitTexts(u"walrus "_s).size(), 1);
    QVERIFY(MessageRepository(m_t->connection()).remove({id}));
    QCOMPARE(hitTexts(u"walrus "_s), QStringList());
    QVERIFY(ThreadRepository(m_t->connection()).remove(m_thread.id));
    QCOMPARE(hitTexts(u"fox "_s), QStringList());
    QCOMPARE(hitTexts(u"reiseplanung "_s), QStringList());
    QCOMPARE(AD_VERIFY_OK(m_t->db->integrityCheck()).value(), u"ok"_s);
}

void TestSearchIndex::treatsOperatorsAsText()
{
    SearchIndex index(m_t->connection());
    for (const QString &query : {u"AND"_s, u"OR NOT"_s, u"NEAR("_s, u"\""_s, u"*"_s, u"col:fox"_s, u"^fox"_s, u"{a b}"_s, u"-fox"_s})
        QVERIFY2(index.search(query).has_value(), qPrintable(query));
    QCOMPARE(AD_VERIFY_OK(index.search(QString())).value().size(), 0);
}

void TestSearchIndex::prefixOnlyWhenWholeWordsAreTooFew()
{
    const QString a = add(u"Kiwi one"_s);
    const QString b = add(u"Kiwi two"_s);
    const QString longer = add(u"Kiwis three"_s);
    SearchIndex index(m_t->connection());
    auto ids = [&](int limit) {
        QStringList list;
        const auto found = AD_VERIFY_OK(index.search(u"kiwi"_s, limit)).value();
        for (const auto &hit : found)
            list << hit.messageId;
        list.sort();
        return list;
    };
    QStringList exact{a, b};
    exact.sort();
    QCOMPARE(ids(2), exact);
    QStringList all{a, b, longer};
    all.sort();
    QCOMPARE(ids(3), all);
    QCOMPARE(ids(10), all);
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
