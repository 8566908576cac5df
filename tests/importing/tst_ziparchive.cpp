#include "support/zipwriter.h"

#include "importing/ziparchive.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Archives from outside are hostile: what is refused is refused with its reason, nothing outside
// the caps is ever unpacked, and what is fine reads back byte for byte.
class TestZipArchive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsMembersWholeAndInChunks();
    void refusesUnsafeNamesAndLinks();
    void zipBombsStopAtTheCaps();
    void notAZipAndTruncated();
    void safeNames_data();
    void safeNames();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestZipArchive::readsMembersWholeAndInChunks()
{
    QByteArray big;
    for (int i = 0; i < 300000; ++i)
        big += QByteArray::number(i) + ',';
    QVERIFY(writeZip(path(u"a.zip"_s), {{u"conversations.json"_s, big}, {u"dalle-generations/file-1.webp"_s, "RIFF", false, true},
                                        {u"名前 (1).txt"_s, "text"}}));
    auto archive = ZipArchive::open(path(u"a.zip"_s));
    QVERIFY2(archive, qPrintable(archive ? QString() : archive.error().message));
    ZipArchive &zip = **archive;
    QCOMPARE(zip.entries().size(), 3);
    QCOMPARE(zip.entries().at(2).name, u"名前 (1).txt"_s);
    QVERIFY(zip.entries().at(2).refused.isEmpty());
    QCOMPARE(zip.entry(u"conversations.json"_s)->size, big.size());
    QCOMPARE(zip.entry(u"missing"_s), nullptr);
    QCOMPARE(zip.read(u"dalle-generations/file-1.webp"_s, 100).value(), QByteArray("RIFF"));
    QCOMPARE(zip.read(u"名前 (1).txt"_s, 100).value(), QByteArray("text"));
    // Streamed in chunks of at most a megabyte, the same bytes.
    QByteArray streamed;
    int chunks = 0;
    QVERIFY(zip.stream(u"conversations.json"_s, [&](QByteArrayView chunk) {
        ++chunks;
        streamed.append(chunk);
        return true;
    }));
    QCOMPARE(streamed, big);
    QVERIFY(chunks >= 2);
    // Read whole only up to a size; a sink can stop early.
    QVERIFY(!zip.read(u"conversations.json"_s, 1000));
    int seen = 0;
    QVERIFY(zip.stream(u"conversations.json"_s, [&](QByteArrayView) { return ++seen < 1; }));
    QCOMPARE(seen, 1);
    QCOMPARE(zip.read(u"missing"_s, 10).error().code, QString(ErrorCode::NotFound));
}

void TestZipArchive::refusesUnsafeNamesAndLinks()
{
    QVERIFY(writeZip(path(u"evil.zip"_s), {{u"../../etc/passwd"_s, "root"},
                                           {u"/tmp/absolute"_s, "abs"},
                                           {u"dir/../../up"_s, "up"},
                                           {u"link"_s, "/etc/shadow", true},
                                           {u"fine.txt"_s, "fine"}}));
    auto archive = ZipArchive::open(path(u"evil.zip"_s));
    QVERIFY(archive);
    ZipArchive &zip = **archive;
    QCOMPARE(zip.entries().size(), 5);
    QCOMPARE(zip.entries().at(0).refused, u"the name is absolute or leaves the archive (\"..\")"_s);
    QCOMPARE(zip.entries().at(1).refused, u"the name is absolute or leaves the archive (\"..\")"_s);
    QCOMPARE(zip.entries().at(2).refused, u"the name is absolute or leaves the archive (\"..\")"_s);
    QCOMPARE(zip.entries().at(3).refused, u"it is a symbolic link"_s);
    QVERIFY(zip.entries().at(4).refused.isEmpty());
    const auto refused = zip.read(u"link"_s, 100);
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, path(u"evil.zip"_s) + u": link is not read: it is a symbolic link"_s);
    QVERIFY(!zip.read(u"../../etc/passwd"_s, 100));
    QCOMPARE(zip.read(u"fine.txt"_s, 100).value(), QByteArray("fine"));
}

void TestZipArchive::zipBombsStopAtTheCaps()
{
    const QByteArray zeros(32 << 20, '\0'); // packs about 1000:1
    QVERIFY(writeZip(path(u"bomb.zip"_s), {{u"bomb.json"_s, zeros}, {u"small.txt"_s, "small"}}));
    auto archive = ZipArchive::open(path(u"bomb.zip"_s));
    QVERIFY(archive);
    const ZipArchive::Entry *bomb = (*archive)->entry(u"bomb.json"_s);
    QVERIFY(bomb->refused.startsWith(u"it unpacks to "_s));
    QVERIFY(bomb->refused.endsWith(u" times its packed size (a zip bomb?)"_s));
    int chunks = 0;
    QVERIFY(!(*archive)->stream(u"bomb.json"_s, [&](QByteArrayView) { return ++chunks > 0; }));
    QCOMPARE(chunks, 0);
    QCOMPARE((*archive)->bytesRead(), 0);
    QCOMPARE((*archive)->read(u"small.txt"_s, 10).value(), QByteArray("small"));

    // Caps per member and in total.
    ZipArchive::Limits limits;
    limits.maxEntryBytes = 4 << 20;
    limits.maxRatio = 100000;
    auto capped = ZipArchive::open(path(u"bomb.zip"_s), limits);
    QVERIFY(capped);
    QCOMPARE((*capped)->entry(u"bomb.json"_s)->refused, u"it unpacks to %1 bytes, more than the %2 allowed"_s.arg(32 << 20).arg(4 << 20));
    limits.maxEntryBytes = qint64(1) << 30;
    limits.maxTotalBytes = 8 << 20;
    auto total = ZipArchive::open(path(u"bomb.zip"_s), limits);
    QVERIFY(total);
    const auto stopped = (*total)->stream(u"bomb.json"_s, [](QByteArrayView) { return true; });
    QVERIFY(!stopped);
    QVERIFY(stopped.error().message.endsWith(u"the archive unpacks to more than 8388608 bytes in all"_s));
    QVERIFY((*total)->bytesRead() <= (9 << 20));

    // A member whose headers lie about its size: the bytes that come out are counted.
    const QByteArray payload(6 << 20, 'x');
    QVERIFY(writeZip(path(u"liar.zip"_s), {{u"liar.json"_s, payload}}));
    QFile file(path(u"liar.zip"_s));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    const auto patchSize = [&](qsizetype headerAt, qsizetype sizeOffset) {
        const quint32 declared = 1000;
        for (int b = 0; b < 4; ++b)
            bytes[headerAt + sizeOffset + b] = char((declared >> (8 * b)) & 0xff);
    };
    patchSize(bytes.indexOf("PK\x03\x04"), 22); // local header: uncompressed size
    patchSize(bytes.indexOf("PK\x01\x02"), 24); // central directory: uncompressed size
    file.seek(0);
    file.write(bytes);
    file.close();
    auto liar = ZipArchive::open(path(u"liar.zip"_s));
    if (!liar) // libzip itself may already see the inconsistency
        return;
    QCOMPARE((*liar)->entry(u"liar.json"_s)->size, 1000);
    qint64 out = 0;
    QVERIFY(!(*liar)->stream(u"liar.json"_s, [&](QByteArrayView chunk) {
        out += chunk.size();
        return true;
    }));
    QVERIFY(out <= 1000);
}

void TestZipArchive::notAZipAndTruncated()
{
    QFile text(path(u"notes.json"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("[{\"title\": \"not a zip\"}]");
    text.close();
    const auto notZip = ZipArchive::open(path(u"notes.json"_s));
    QVERIFY(!notZip);
    QCOMPARE(notZip.error().message, path(u"notes.json"_s) + u": not a zip archive"_s);

    QByteArray data;
    for (int i = 0; i < 20000; ++i)
        data += "line " + QByteArray::number(i) + '\n';
    QVERIFY(writeZip(path(u"whole.zip"_s), {{u"a.txt"_s, data}, {u"b.txt"_s, data}}));
    QFile whole(path(u"whole.zip"_s));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    QFile cut(path(u"cut.zip"_s));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() / 2));
    cut.close();
    const auto truncated = ZipArchive::open(path(u"cut.zip"_s));
    QVERIFY(!truncated);
    QVERIFY2(truncated.error().message == path(u"cut.zip"_s) + u": not a zip archive"_s
                 || truncated.error().message == path(u"cut.zip"_s) + u": the zip archive is damaged or truncated"_s,
             qPrintable(truncated.error().message));
    QCOMPARE(ZipArchive::open(path(u"missing.zip"_s)).error().message, path(u"missing.zip"_s) + u": no such file"_s);
}

void TestZipArchive::safeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("safe");
    QTest::newRow("plain") << u"conversations.json"_s << true;
    QTest::newRow("folder") << u"user-abc/file_1.png"_s << true;
    QTest::newRow("dots in a name") << u"a..b/..c"_s << true;
    QTest::newRow("parent") << u"../x"_s << false;
    QTest::newRow("inner parent") << u"a/../../x"_s << false;
    QTest::newRow("absolute") << u"/etc/passwd"_s << false;
    QTest::newRow("backslash") << u"..\\x"_s << false;
    QTest::newRow("drive") << u"C:/x"_s << false;
    QTest::newRow("NUL") << u"a\u0000b"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestZipArchive::safeNames()
{
    QFETCH(QString, name);
    QFETCH(bool, safe);
    QCOMPARE(ZipArchive::isSafeName(name), safe);
}

QTEST_GUILESS_MAIN(TestZipArchive)
#include "tst_ziparchive.moc"
