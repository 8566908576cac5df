#include "core/linediff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The artifact panel's comparison: exact edit scripts for typical edits, and for random edits
// that applying the script to the old text gives the new one, with no more edits than needed.
class TestLineDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scripts_data();
    void scripts();
    void lineNumbers();
    void randomEditsRoundTrip();
};

namespace {
QString render(const QList<DiffLine> &lines)
{
    QStringList out;
    for (const DiffLine &l : lines)
        out << (l.kind == DiffLine::Kind::Same ? u" "_s : l.kind == DiffLine::Kind::Added ? u"+"_s : u"-"_s) + l.text;
    return out.join(u'|');
}
} // namespace

void TestLineDiff::scripts_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("script");
    QTest::addRow("equal") << u"a\nb\n"_s << u"a\nb\n"_s << u" a| b"_s;
    QTest::addRow("both empty") << QString() << QString() << QString();
    QTest::addRow("from nothing") << QString() << u"x\ny"_s << u"+x|+y"_s;
    QTest::addRow("to nothing") << u"x\ny"_s << QString() << u"-x|-y"_s;
    QTest::addRow("one line changed") << u"# Plan\nBuy milk\nCall Ann\n"_s << u"# Plan\nBuy oat milk\nCall Ann\n"_s
                                      << u" # Plan|-Buy milk|+Buy oat milk| Call Ann"_s;
    QTest::addRow("inserted in the middle") << u"a\nb\nc"_s << u"a\nb\nnew\nc"_s << u" a| b|+new| c"_s;
    QTest::addRow("moved line") << u"a\nb\nc"_s << u"b\nc\na"_s << u"-a| b| c|+a"_s;
}

void TestLineDiff::scripts()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, script);
    QCOMPARE(render(LineDiff::diff(before, after)), script);
}

void TestLineDiff::lineNumbers()
{
    const QList<DiffLine> lines = LineDiff::diff(u"a\nb\nc"_s, u"a\nx\nc"_s);
    QCOMPARE(lines, (QList<DiffLine>{{DiffLine::Kind::Same, u"a"_s, 1, 1},
                                     {DiffLine::Kind::Removed, u"b"_s, 2, 0},
                                     {DiffLine::Kind::Added, u"x"_s, 0, 2},
                                     {DiffLine::Kind::Same, u"c"_s, 3, 3}}));
    QCOMPARE(LineDiff::stats(lines), (std::pair<int, int>{1, 1}));
}

void TestLineDiff::randomEditsRoundTrip()
{
    QRandomGenerator rng(42);
    for (int round = 0; round < 200; ++round) {
        QStringList before;
        for (int i = 0, n = int(rng.bounded(40)); i < n; ++i)
            before << QString::number(rng.bounded(8));
        QStringList after = before;
        int edits = int(rng.bounded(6));
        for (int e = 0; e < edits; ++e) {
            if (!after.isEmpty() && rng.bounded(2))
                after.removeAt(int(rng.bounded(int(after.size()))));
            else
                after.insert(int(rng.bounded(int(after.size()) + 1)), QString::number(rng.bounded(8)));
        }
        const QList<DiffLine> lines = LineDiff::diff(before, after);
        QStringList rebuiltOld;
        QStringList rebuiltNew;
        for (const DiffLine &l : lines) {
            if (l.kind != DiffLine::Kind::Added)
                rebuiltOld << l.text;
            if (l.kind != DiffLine::Kind::Removed)
                rebuiltNew << l.text;
        }
        QCOMPARE(rebuiltOld, before);
        QCOMPARE(rebuiltNew, after);
        const auto [added, removed] = LineDiff::stats(lines);
        QVERIFY2(added + removed <= edits, qPrintable(u"round %1: %2 changes for %3 edits"_s.arg(round).arg(added + removed).arg(edits)));
    }
}

QTEST_APPLESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
