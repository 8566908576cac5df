#include "testsupport.h"

#include "documents/pdftext.h"
#include "documents/sourceingest.h"
#include "storage/leasefile.h"
#include "storage/sourcerepository.h"

#include <QPainter>
#include <QSysInfo>
#include <QPdfWriter>
#include <QStringEncoder>
#include <QTextDocument>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSourceIngest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void decode_data();
    void decode();
    void textFilesBecomeReadyWithLines_data();
    void textFilesBecomeReadyWithLines();
    void failuresAreStoredWithTheReason_data();
    void failuresAreStoredWithTheReason();
    void missingFileStoresNothing();
    void pdfText();
    void pdfWithoutTextLayerFails();
    void textSource();
    void aSourceLeftProcessingByACrashFails();

private:
    QString write(const QString &name, const QByteArray &bytes);
    std::unique_ptr<Test::TempDatabase> m_t;
};

void TestSourceIngest::init()
{
    m_t = std::make_unique<Test::TempDatabase>();
}

QString TestSourceIngest::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_t->dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestSourceIngest::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text"); // empty: an error
    QTest::addRow("utf-8") << QByteArray("Gr\xc3\xbc\xc3\x9f" "e") << u"Grüße"_s;
    QTest::addRow("utf-8 bom") << QByteArray("\xef\xbb\xbfOK \xe2\x82\xac") << u"OK €"_s;
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QTest::addRow("utf-16le bom") << QByteArray(utf16.encode(u"Übersicht\nZeile 2"_s)) << u"Übersicht\nZeile 2"_s;
    QTest::addRow("latin-1") << QByteArray("Stra\xdf" "e, M\xfcnchen") << u"Straße, München"_s;
    QTest::addRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << QString();
}

void TestSourceIngest::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    const auto decoded = SourceIngest::decode(bytes);
    if (text.isEmpty()) {
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().message, u"the file is not a text file"_s);
    } else {
        QCOMPARE(decoded.value(), text);
    }
}

void TestSourceIngest::textFilesBecomeReadyWithLines_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mime");
    QTest::addColumn<int>("lines");
    QTest::addRow("markdown") << u"notes.md"_s << QByteArray("# Notes\n\n- one\n- two\n") << u"text/markdown"_s << 4;
    QTest::addRow("csv") << u"costs.csv"_s << QByteArray("item,amount\r\nrent,900\r\n") << u"text/csv"_s << 2;
    QTest::addRow("python") << u"tool.py"_s << QByteArray("def f():\n    return 42\n") << u"text/x-python3"_s << 2;
    QTest::addRow("no suffix, text") << u"README"_s << QByteArray("plain words\nmore") << u"text/plain"_s << 2;
}

void TestSourceIngest::textFilesBecomeReadyWithLines()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mime);
    QFETCH(int, lines);
    const Source s = AD_VERIFY_OK(SourceIngest(m_t->connection()).addFile(write(name, bytes))).value();
    QCOMPARE(s.status, SourceStatus::Ready);
    QCOMPARE(s.error, QString());
    QCOMPARE(s.name, name);
    QCOMPARE(s.lineCount, lines);
    QCOMPARE(s.sizeBytes, bytes.size());
    QVERIFY2(s.mimeType == mime || s.mimeType.startsWith(u"text/"_s), qPrintable(s.mimeType));
    const QString all = AD_VERIFY_OK(SourceRepository(m_t->connection()).text(s.id)).value();
    QCOMPARE(all, QString::fromUtf8(bytes).replace(u"\r\n"_s, u"\n"_s).chopped(QString::fromUtf8(bytes).endsWith(u'\n') ? 1 : 0));
}

void TestSourceIngest::failuresAreStoredWithTheReason_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::addRow("image") << u"photo.png"_s << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                           << u"unsupported file type PNG image (image/png)"_s;
    QTest::addRow("binary without a known type") << u"blob.bin"_s << QByteArray("\x01\x02\0\x03", 4) << u"the file is not a text file"_s;
    QTest::addRow("empty") << u"empty.txt"_s << QByteArray("  \n\n") << u"the file contains no text"_s;
    QTest::addRow("broken pdf") << u"broken.pdf"_s << QByteArray("%PDF-1.4\nnot really")
                                << (PdfText::available() ? u"the file is not a readable PDF"_s
                                                         : u"unsupported: this build of AgentDesk cannot read PDF text (built without Qt Pdf)"_s);
}

void TestSourceIngest::failuresAreStoredWithTheReason()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const Source s = AD_VERIFY_OK(SourceIngest(m_t->connection()).addFile(write(name, bytes))).value();
    QCOMPARE(s.status, SourceStatus::Failed);
    QCOMPARE(s.error, error);
    QCOMPARE(s.lineCount, 0);
    QCOMPARE(AD_VERIFY_OK(SourceRepository(m_t->connection()).get(s.id)).value(), s); // visible to the user as stored
}

void TestSourceIngest::missingFileStoresNothing()
{
    const auto r = SourceIngest(m_t->connection()).addFile(m_t->dir.filePath(u"nope.md"_s));
    QVERIFY(!r);
    QCOMPARE(r.error().message, u"%1 does not exist"_s.arg(m_t->dir.filePath(u"nope.md"_s)));
    QVERIFY(AD_VERIFY_OK(SourceRepository(m_t->connection()).list()).value().isEmpty());
}

void TestSourceIngest::pdfText()
{
    const QString path = m_t->dir.filePath(u"vertrag.pdf"_s);
    {
        QPdfWriter writer(path);
        QTextDocument document;
        document.setMarkdown(u"# Mietvertrag\n\nDie Kündigungsfrist beträgt drei Monate.\n\nDie Kaution beträgt 1.800 Euro."_s);
        document.print(&writer);
    }
    const Source s = AD_VERIFY_OK(SourceIngest(m_t->connection()).addFile(path)).value();
    if (!PdfText::available()) {
        QCOMPARE(s.status, SourceStatus::Failed);
        QCOMPARE(s.error, u"unsupported: this build of AgentDesk cannot read PDF text (built without Qt Pdf)"_s);
        return;
    }
    QCOMPARE(s.status, SourceStatus::Ready);
    QCOMPARE(s.mimeType, u"application/pdf"_s);
    const QString text = AD_VERIFY_OK(SourceRepository(m_t->connection()).text(s.id)).value();
    // Pdfium decides how lines of one paragraph join; the words and their order are what counts.
    QVERIFY2(text.startsWith(u"Mietvertrag\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Die Kündigungsfrist beträgt drei Monate."_s), qPrintable(text));
    QVERIFY2(text.indexOf(u"Die Kaution beträgt 1.800 Euro."_s) > text.indexOf(u"Monate."_s), qPrintable(text));
    const auto hits = AD_VERIFY_OK(SourceRepository(m_t->connection()).query({s.id}, u"Kaution"_s)).value();
    QCOMPARE(hits.size(), 1);
}

void TestSourceIngest::pdfWithoutTextLayerFails()
{
    const QString path = m_t->dir.filePath(u"scan.pdf"_s);
    {
        QPdfWriter writer(path);
        QPainter painter(&writer);
        painter.fillRect(QRect(100, 100, 2000, 1000), Qt::gray); // a "scanned" page: pixels, no text
    }
    const Source s = AD_VERIFY_OK(SourceIngest(m_t->connection()).addFile(path)).value();
    QCOMPARE(s.status, SourceStatus::Failed);
    QCOMPARE(s.error, PdfText::available() ? u"the PDF has no text layer (scanned pages would need OCR)"_s
                                           : u"unsupported: this build of AgentDesk cannot read PDF text (built without Qt Pdf)"_s);
}

void TestSourceIngest::textSource()
{
    SourceIngest ingest(m_t->connection());
    const Source s = AD_VERIFY_OK(ingest.addText(u" Meeting notes "_s, u"Alice: hi\r\nBob: hello\r\n"_s)).value();
    QCOMPARE(s.kind, SourceKind::Text);
    QCOMPARE(s.name, u"Meeting notes"_s);
    QCOMPARE(s.status, SourceStatus::Ready);
    QCOMPARE(s.lineCount, 2);
    QCOMPARE(AD_VERIFY_OK(SourceRepository(m_t->connection()).text(s.id, 2, 2)).value(), u"Bob: hello"_s);
    QCOMPARE(ingest.addText(u"x"_s, u" \n"_s).error().message, u"The text is empty"_s);
    QCOMPARE(AD_VERIFY_OK(SourceRepository(m_t->connection()).list()).value().size(), 1);
}

// Three sources left `processing`: one by a process that is gone without a lease file, one whose
// lease file names a dead process, one that a live process (here: this one) is still reading.
void TestSourceIngest::aSourceLeftProcessingByACrashFails()
{
    SourceRepository repository(m_t->connection());
    auto processing = [&](const QString &name) {
        Source source;
        source.kind = SourceKind::File;
        source.name = name;
        source.status = SourceStatus::Processing;
        return AD_VERIFY_OK(repository.add(source)).value().id;
    };
    const QString abandoned = processing(u"abandoned.md"_s);
    const QString dead = processing(u"dead.md"_s);
    const QString live = processing(u"live.md"_s);
    QDir().mkpath(m_t->dir.filePath(u"runs"_s));
    QFile stale(m_t->dir.filePath(u"runs/source-%1.lock"_s.arg(dead)));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("2147483000\nagentdesk\n" + QSysInfo::machineHostName().toUtf8() + '\n'); // no such process here
    stale.close();
    auto held = AD_VERIFY_OK(LeaseFile::tryAcquire(m_t->connection(), u"source-"_s + live));

    QStringList recovered = AD_VERIFY_OK(SourceIngest(m_t->connection()).recoverInterrupted()).value();
    recovered.sort();
    QStringList expected{abandoned, dead};
    expected.sort();
    QCOMPARE(recovered, expected);
    for (const QString &id : {abandoned, dead}) {
        const Source source = AD_VERIFY_OK(repository.get(id)).value();
        QCOMPARE(source.status, SourceStatus::Failed);
        QCOMPARE(source.error, SourceIngest::interruptedReason());
    }
    QCOMPARE(AD_VERIFY_OK(repository.get(live)).value().status, SourceStatus::Processing);
    // Once its reader is done (or gone), the next sweep takes it too; a ready source is never touched.
    held->reset();
    QCOMPARE(AD_VERIFY_OK(SourceIngest(m_t->connection()).recoverInterrupted()).value(), QStringList{live});
    const Source ready = AD_VERIFY_OK(SourceIngest(m_t->connection()).addFile(write(u"ok.md"_s, "fine\n"))).value();
    QCOMPARE(AD_VERIFY_OK(SourceIngest(m_t->connection()).recoverInterrupted()).value(), QStringList());
    QCOMPARE(AD_VERIFY_OK(repository.get(ready.id)).value().status, SourceStatus::Ready);
}

QTEST_MAIN(TestSourceIngest)
#include "tst_sourceingest.moc"
