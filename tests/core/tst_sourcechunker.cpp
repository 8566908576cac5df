#include "core/sourcechunker.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSourceChunker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lineEndings_data();
    void lineEndings();
    void chunksFollowLineAndCharacterLimits();
    void longLineIsAChunkOfItsOwn();
    void emptyText();
};

void TestSourceChunker::lineEndings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("lines");
    QTest::addRow("lf") << u"a\nb\n"_s << QStringList{u"a"_s, u"b"_s};
    QTest::addRow("crlf") << u"a\r\nb"_s << QStringList{u"a"_s, u"b"_s};
    QTest::addRow("cr") << u"a\rb\r"_s << QStringList{u"a"_s, u"b"_s};
    QTest::addRow("blank lines kept") << u"a\n\n\nb"_s << QStringList{u"a"_s, QString(), QString(), u"b"_s};
    QTest::addRow("only a line break") << u"\n"_s << QStringList{};
}

void TestSourceChunker::lineEndings()
{
    QFETCH(QString, text);
    QFETCH(QStringList, lines);
    QCOMPARE(SourceChunker::lines(text), lines);
}

void TestSourceChunker::chunksFollowLineAndCharacterLimits()
{
    QStringList lines;
    for (int i = 1; i <= 100; ++i)
        lines << u"line %1"_s.arg(i);
    SourceChunker::Result r = SourceChunker::split(lines.join(u'\n'), u"s1"_s);
    QCOMPARE(r.lineCount, 100);
    QCOMPARE(r.chunks.size(), 3);
    QCOMPARE(r.chunks.at(0), (SourceChunk{u"s1"_s, 1, 40, lines.mid(0, 40).join(u'\n')}));
    QCOMPARE(r.chunks.at(1), (SourceChunk{u"s1"_s, 41, 80, lines.mid(40, 40).join(u'\n')}));
    QCOMPARE(r.chunks.at(2), (SourceChunk{u"s1"_s, 81, 100, lines.mid(80, 20).join(u'\n')}));

    // 100-character lines: 14 fit into 1,500 characters with their line breaks (14 × 101 = 1,414).
    const QString wide(100, u'x');
    r = SourceChunker::split(QStringList(30, wide).join(u'\n'));
    QCOMPARE(r.chunks.size(), 3);
    QCOMPARE(r.chunks.at(0).startLine, 1);
    QCOMPARE(r.chunks.at(0).endLine, 14);
    QCOMPARE(r.chunks.at(1).startLine, 15);
    QCOMPARE(r.chunks.at(1).endLine, 28);
    QCOMPARE(r.chunks.at(2).endLine, 30);
}

void TestSourceChunker::longLineIsAChunkOfItsOwn()
{
    const QString huge(5000, u'y');
    const SourceChunker::Result r = SourceChunker::split(u"short\n"_s + huge + u"\nafter"_s);
    QCOMPARE(r.lineCount, 3);
    QCOMPARE(r.chunks.size(), 3);
    QCOMPARE(r.chunks.at(0), (SourceChunk{{}, 1, 1, u"short"_s}));
    QCOMPARE(r.chunks.at(1), (SourceChunk{{}, 2, 2, huge}));
    QCOMPARE(r.chunks.at(2), (SourceChunk{{}, 3, 3, u"after"_s}));
}

void TestSourceChunker::emptyText()
{
    const SourceChunker::Result r = SourceChunker::split(QString());
    QCOMPARE(r.lineCount, 0);
    QVERIFY(r.chunks.isEmpty());
}

QTEST_APPLESS_MAIN(TestSourceChunker)
#include "tst_sourcechunker.moc"
