#include "storage/blobstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestBlobStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storesByContent();
    void rejectsBadAddresses();
};

void TestBlobStore::storesByContent()
{
    QTemporaryDir dir;
    BlobStore store(dir.path());
    const QByteArray png("\x89PNG\r\n\x1a\n fake image bytes", 24);
    const QString address = store.put(png).value();
    QCOMPARE(address, QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(store.path(address), dir.path() + u"/blobs/"_s + address.left(2) + u'/' + address);
    QVERIFY(store.contains(address));
    QCOMPARE(store.get(address).value(), png);
    // The same bytes again: same address, still one file.
    QCOMPARE(store.put(png).value(), address);
    QCOMPARE(QDir(dir.path() + u"/blobs/"_s + address.left(2)).entryList(QDir::Files), QStringList{address});
    QVERIFY(store.put(QByteArray("other")).value() != address);
}

void TestBlobStore::rejectsBadAddresses()
{
    QTemporaryDir dir;
    BlobStore store(dir.path());
    QCOMPARE(store.get(u"../../etc/passwd"_s).error().code, QString(ErrorCode::InvalidArgument));
    QCOMPARE(store.get(QString(64, u'0')).error().code, QString(ErrorCode::NotFound));
    QVERIFY(!store.contains(u"ABC"_s));
    QVERIFY(!BlobStore::isValidAddress(QString(64, u'A')));
}

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
