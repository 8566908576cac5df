#include "core/markdownblocks.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The conversation view's block splitter (house-style.md §3): exact blocks for the Markdown an
// answer contains, and the property that makes streaming cheap: re-splitting from the start of
// the last block gives the same blocks as splitting everything, at every length of the text.
class TestMarkdownBlocks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void blocks_data();
    void blocks();
    void codeBlockParts();
    void aCompleteTextClosesItsLastFence();
    void resplittingFromTheLastBlockMatchesAFullSplitAtEveryLength();
};

namespace {

// "T:<text>" or "C(lang,closed):<code>" per block, for readable comparisons.
QStringList describe(QStringView text, const QList<MarkdownBlock> &blocks)
{
    QStringList out;
    for (const MarkdownBlock &b : blocks) {
        if (b.kind == MarkdownBlock::Kind::Text)
            out << u"T:"_s + text.sliced(b.start, b.length).toString();
        else
            out << u"C(%1,%2):%3"_s.arg(b.language, b.closed ? u"closed"_s : u"open"_s,
                                          text.sliced(b.codeStart, b.codeLength).toString());
    }
    return out;
}

const QString Sample = u"# Plan\n\nFirst a paragraph\nthat wraps.\n\n1. one\n\n2. two\n   more of two\n\n"
                       "| a | b |\n|---|---|\n| 1 | 2 |\n\nCode:\n```cpp\nint main()\n{\n\n    return 0;\n}\n```\n"
                       "After the code.\n~~~\n```not a close\n~~~\n\n- x\n- y\n\nEnd."_s;

} // namespace

void TestMarkdownBlocks::blocks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("empty") << QString() << QStringList{};
    QTest::addRow("one paragraph") << u"Hello\nworld"_s << QStringList{u"T:Hello\nworld"_s};
    QTest::addRow("two paragraphs") << u"a\n\nb\n"_s << QStringList{u"T:a\n\n"_s, u"T:b\n"_s};
    QTest::addRow("an incomplete line decides nothing") << u"a\n\nb"_s << QStringList{u"T:a\n\nb"_s};
    QTest::addRow("loose list stays one block") << u"1. a\n\n2. b\n\n   c\n\nd\n"_s
                                                << QStringList{u"T:1. a\n\n2. b\n\n   c\n\n"_s, u"T:d\n"_s};
    QTest::addRow("leading blank lines") << u"\n\nx\n"_s << QStringList{u"T:\n\nx\n"_s};
    QTest::addRow("fence ends a paragraph") << u"see:\n```\ncode\n```\nafter\n"_s
                                           << QStringList{u"T:see:\n"_s, u"C(,closed):code\n"_s, u"T:after\n"_s};
    QTest::addRow("unclosed fence runs to the end") << u"```py\nprint(1)\nprint"_s
                                                     << QStringList{u"C(py,open):print(1)\nprint"_s};
    QTest::addRow("incomplete fence line is text") << u"a\n```py"_s << QStringList{u"T:a\n```py"_s};
    QTest::addRow("tilde fence, longer close") << u"~~~~ js x\n~~~\nin\n~~~~~\n"_s
                                               << QStringList{u"C(js,closed):~~~\nin\n"_s};
    QTest::addRow("indented four spaces is no fence") << u"    ```\nx\n"_s << QStringList{u"T:    ```\nx\n"_s};
    QTest::addRow("crlf") << u"a\r\n\r\nb\r\n```\r\nc\r\n```\r\n"_s
                          << QStringList{u"T:a\r\n\r\n"_s, u"T:b\r\n"_s, u"C(,closed):c\r\n"_s};
    QTest::addRow("sample") << Sample
                            << QStringList{u"T:# Plan\n\n"_s,
                                           u"T:First a paragraph\nthat wraps.\n\n1. one\n\n2. two\n   more of two\n\n"_s,
                                           u"T:| a | b |\n|---|---|\n| 1 | 2 |\n\n"_s,
                                           u"T:Code:\n"_s,
                                           u"C(cpp,closed):int main()\n{\n\n    return 0;\n}\n"_s,
                                           u"T:After the code.\n"_s,
                                           u"C(,closed):```not a close\n"_s,
                                           u"T:\n- x\n- y\n\nEnd."_s}; // "End." has no line break yet
}

void TestMarkdownBlocks::blocks()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const QList<MarkdownBlock> blocks = MarkdownBlocks::split(text);
    if (describe(text, blocks) != expected)
        qWarning().noquote() << describe(text, blocks).join(u" | "_s);
    QCOMPARE(describe(text, blocks), expected);
    // The blocks tile the text without gaps.
    qsizetype pos = 0;
    for (const MarkdownBlock &b : blocks) {
        QCOMPARE(b.start, pos);
        pos = b.end();
    }
    QCOMPARE(pos, text.size());
}

void TestMarkdownBlocks::codeBlockParts()
{
    const QString text = u"x\n```rust extra words\nfn main() {}\n```\n"_s;
    const QList<MarkdownBlock> blocks = MarkdownBlocks::split(text);
    QCOMPARE(blocks.size(), 2);
    const MarkdownBlock &code = blocks.at(1);
    QCOMPARE(code.kind, MarkdownBlock::Kind::Code);
    QCOMPARE(code.start, 2);
    QCOMPARE(code.length, text.size() - 2);
    QCOMPARE(code.language, u"rust"_s);
    QCOMPARE(code.codeStart, text.indexOf(u"fn"_s));
    QCOMPARE(code.codeLength, 13);
    QVERIFY(code.closed);
}

void TestMarkdownBlocks::aCompleteTextClosesItsLastFence()
{
    // A stored answer often ends with the closing fence and no line break.
    const QString text = u"Run:\n```sh\nmake\n```"_s;
    QCOMPARE(describe(text, MarkdownBlocks::split(text)), (QStringList{u"T:Run:\n"_s, u"C(sh,open):make\n```"_s}));
    QCOMPARE(describe(text, MarkdownBlocks::split(text, 0, true)), (QStringList{u"T:Run:\n"_s, u"C(sh,closed):make\n"_s}));
    const QString list = u"a\n\n- b"_s;
    QCOMPARE(describe(list, MarkdownBlocks::split(list, 0, true)), QStringList{u"T:a\n\n- b"_s});
    const QString paragraphs = u"a\n\nb"_s;
    QCOMPARE(describe(paragraphs, MarkdownBlocks::split(paragraphs, 0, true)), (QStringList{u"T:a\n\n"_s, u"T:b"_s}));
}

void TestMarkdownBlocks::resplittingFromTheLastBlockMatchesAFullSplitAtEveryLength()
{
    // Appending one character at a time, as a stream does: keep all blocks but the last, re-split
    // from its start, and compare with splitting the whole prefix.
    QList<MarkdownBlock> incremental;
    for (qsizetype n = 0; n <= Sample.size(); ++n) {
        const QStringView prefix = QStringView(Sample).first(n);
        const qsizetype from = incremental.isEmpty() ? 0 : incremental.constLast().start;
        if (!incremental.isEmpty())
            incremental.removeLast();
        incremental += MarkdownBlocks::split(prefix, from);
        const QList<MarkdownBlock> full = MarkdownBlocks::split(prefix);
        if (incremental != full)
            QFAIL(qPrintable(u"differs at length %1:\n%2\nvs\n%3"_s.arg(n).arg(describe(prefix, incremental).join(u" | "_s),
                                                                          describe(prefix, full).join(u" | "_s))));
    }
    QCOMPARE(incremental.size(), 8);
}

QTEST_APPLESS_MAIN(TestMarkdownBlocks)
#include "tst_markdownblocks.moc"
