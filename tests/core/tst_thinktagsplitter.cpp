#include "core/thinktagsplitter.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestThinkTagSplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splits_data();
    void splits();
};

namespace {
// "T:" marks thinking, "A:" answer; consecutive segments of one kind are merged.
QStringList run(const QStringList &chunks)
{
    ThinkTagSplitter splitter;
    QList<ThinkTagSplitter::Segment> all;
    auto add = [&](const QList<ThinkTagSplitter::Segment> &segments) {
        for (const auto &s : segments) {
            if (!all.isEmpty() && all.back().thinking == s.thinking)
                all.back().text += s.text;
            else
                all.append(s);
        }
    };
    for (const QString &chunk : chunks)
        add(splitter.feed(chunk));
    add(splitter.finish());
    QStringList out;
    for (const auto &s : all)
        out << (s.thinking ? u"T:"_s : u"A:"_s) + s.text;
    return out;
}
} // namespace

void TestThinkTagSplitter::splits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("plain") << u"Hello <b>world</b> a<t b"_s << QStringList{u"A:Hello <b>world</b> a<t b"_s};
    QTest::addRow("think first") << u"<think>Let me see.</think>The answer is 4."_s
                                 << QStringList{u"T:Let me see."_s, u"A:The answer is 4."_s};
    QTest::addRow("think later in the text stays text") << u"Sure. <think>hmm</think> Done"_s
                                                       << QStringList{u"A:Sure. <think>hmm</think> Done"_s};
    QTest::addRow("whitespace before the block") << u"\n  <think>plan</think>\n\nAnswer"_s
                                                 << QStringList{u"T:plan"_s, u"A:\n\nAnswer"_s};
    QTest::addRow("a second block after the answer began") << u"<think>a</think>B <think>c</think>"_s
                                                          << QStringList{u"T:a"_s, u"A:B <think>c</think>"_s};
    QTest::addRow("only whitespace") << u"  \n"_s << QStringList{u"A:  \n"_s};
    QTest::addRow("a partial tag at the start") << u"<thi"_s << QStringList{u"A:<thi"_s};
    QTest::addRow("unclosed with a partial close tag") << u"<think>deep </thi"_s << QStringList{u"T:deep </thi"_s};
    QTest::addRow("unclosed think") << u"<think>still thinking"_s << QStringList{u"T:still thinking"_s};
    QTest::addRow("literal less-than at the end") << u"if a <"_s << QStringList{u"A:if a <"_s};
    QTest::addRow("tag-like text") << u"use <thin> or <thinker>"_s << QStringList{u"A:use <thin> or <thinker>"_s};
}

void TestThinkTagSplitter::splits()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(run({text}), expected);
    // Every split into single characters, and every split into two pieces.
    QStringList chars;
    for (const QChar c : text)
        chars << QString(c);
    QCOMPARE(run(chars), expected);
    for (qsizetype i = 1; i < text.size(); ++i)
        QCOMPARE(run({text.left(i), text.mid(i)}), expected);
}

QTEST_GUILESS_MAIN(TestThinkTagSplitter)
#include "tst_thinktagsplitter.moc"
