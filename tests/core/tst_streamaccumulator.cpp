#include "core/streamaccumulator.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// protocols.md E21–E27, E36–E37 at the accumulation level.
class TestStreamAccumulator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textAndThinkingInOrder();
    void parallelCallsByIndex();
    void sameIndexDifferentIdsAreSeparateCalls();
    void argumentsBeforeTheId();
    void emptyArgumentsAreAnEmptyObject();
    void malformedArgumentsAreReported();
    void completeCallsNeverMerge();
    void usageIsLastWinsPerField();
    void signatureOnlyThinkingIsKept();
    void changesDescribeTheDelta();
};

namespace {
ToolCallDelta call(const QString &id, int index, const QString &name, const QString &args)
{
    ToolCallDelta d;
    d.id = id;
    d.index = index;
    d.name = name;
    d.arguments = args;
    return d;
}

QList<ToolUsePart> calls(const StreamAccumulator &acc)
{
    QList<ToolUsePart> list;
    for (const auto &part : acc.content()) {
        if (const auto *c = std::get_if<ToolUsePart>(&part))
            list << *c;
    }
    return list;
}
} // namespace

void TestStreamAccumulator::textAndThinkingInOrder()
{
    StreamAccumulator acc;
    acc.apply(ThinkingDelta{u"Let me "_s, u"0"_s});
    acc.apply(ThinkingDelta{u"think."_s, u"0"_s});
    acc.apply(ThinkingSignature{u"sig=="_s, u"0"_s});
    acc.apply(TextDelta{u"Hello"_s, {}});
    acc.apply(TextDelta{u", world"_s, {}});
    acc.apply(FinishChunk{FinishReason::Stop, u"stop"_s});
    const auto parts = acc.content();
    QCOMPARE(parts.size(), 2);
    QCOMPARE(std::get<ThinkingPart>(parts.at(0)).text, u"Let me think."_s);
    QCOMPARE(std::get<ThinkingPart>(parts.at(0)).signature, u"sig=="_s);
    QCOMPARE(std::get<TextPart>(parts.at(1)).text, u"Hello, world"_s);
    QCOMPARE(acc.finishReason(), std::optional(FinishReason::Stop));
    QVERIFY(acc.hasVisibleOutput());
    QVERIFY(!acc.hasToolCalls());
}

void TestStreamAccumulator::parallelCallsByIndex()
{
    // E23: fragments of two calls interleaved; later fragments carry only the index.
    StreamAccumulator acc;
    acc.apply(call(u"call_a"_s, 0, u"add"_s, QString()));
    acc.apply(call(u"call_b"_s, 1, u"multiply"_s, QString()));
    acc.apply(call(QString(), 0, QString(), u"{\"a\""_s));
    acc.apply(call(QString(), 1, QString(), u"{\"x\": 2, "_s));
    acc.apply(call(QString(), 0, QString(), u": 2, \"b\": 3}"_s));
    acc.apply(call(QString(), 1, QString(), u"\"y\": 5}"_s));
    const auto list = calls(acc);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, u"call_a"_s);
    QCOMPARE(list.at(0).name, u"add"_s);
    QCOMPARE(list.at(0).params, (QJsonObject{{u"a"_s, 2}, {u"b"_s, 3}}));
    QCOMPARE(list.at(1).params, (QJsonObject{{u"x"_s, 2}, {u"y"_s, 5}}));
    QCOMPARE(acc.malformedToolCalls(), QStringList());
}

void TestStreamAccumulator::sameIndexDifferentIdsAreSeparateCalls()
{
    // E24: Ollama's /v1 sends index 0 for every parallel call.
    StreamAccumulator acc;
    acc.apply(call(u"c1"_s, 0, u"search"_s, u"{\"q\":\"a\"}"_s));
    acc.apply(call(u"c2"_s, 0, u"search"_s, u"{\"q\":\"b\"}"_s));
    const auto list = calls(acc);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).params, (QJsonObject{{u"q"_s, u"a"_s}}));
    QCOMPARE(list.at(1).params, (QJsonObject{{u"q"_s, u"b"_s}}));
}

void TestStreamAccumulator::argumentsBeforeTheId()
{
    // E25: arguments (and the name) arrive before the id.
    StreamAccumulator acc;
    acc.apply(call(QString(), 0, QString(), u"{\"city\":"_s));
    acc.apply(call(u"call_9"_s, 0, u"weather"_s, QString()));
    acc.apply(call(QString(), 0, QString(), u"\"Rome\"}"_s));
    const auto list = calls(acc);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).id, u"call_9"_s);
    QCOMPARE(list.at(0).name, u"weather"_s);
    QCOMPARE(list.at(0).params, (QJsonObject{{u"city"_s, u"Rome"_s}}));
}

void TestStreamAccumulator::emptyArgumentsAreAnEmptyObject()
{
    // E26 / E36.
    StreamAccumulator acc;
    acc.apply(call(u"a"_s, 0, u"now"_s, QString()));
    acc.apply(call(u"b"_s, 1, u"today"_s, u"{}"_s));
    acc.apply(call(u"c"_s, 2, u"later"_s, u"  "_s));
    const auto list = calls(acc);
    QCOMPARE(list.size(), 3);
    for (const auto &c : list)
        QCOMPARE(c.params, QJsonObject());
    QCOMPARE(acc.malformedToolCalls(), QStringList());
}

void TestStreamAccumulator::malformedArgumentsAreReported()
{
    // E27: truncated or concatenated JSON is never turned into params.
    StreamAccumulator acc;
    acc.apply(call(u"a"_s, 0, u"f"_s, u"{\"a\":1"_s));
    acc.apply(call(u"b"_s, 1, u"g"_s, u"{\"a\":1}{\"b\":2}"_s));
    acc.apply(call(u"c"_s, 2, u"h"_s, u"[1,2]"_s));
    acc.apply(call(u"d"_s, 3, u"i"_s, u"{\"ok\":true}"_s));
    QCOMPARE(acc.malformedToolCalls(), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(calls(acc).at(3).params, (QJsonObject{{u"ok"_s, true}}));
}

void TestStreamAccumulator::completeCallsNeverMerge()
{
    StreamAccumulator acc;
    ToolCallDelta first = call(u"g1"_s, 0, u"add"_s, u"{\"a\":2}"_s);
    first.complete = true;
    first.providerMetadata = QJsonObject{{u"thoughtSignature"_s, u"sig"_s}};
    ToolCallDelta second = call(u"g2"_s, 0, u"add"_s, u"{\"a\":3}"_s);
    second.complete = true;
    acc.apply(first);
    acc.apply(second);
    const auto list = calls(acc);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).providerMetadata, (QJsonObject{{u"thoughtSignature"_s, u"sig"_s}}));
    QCOMPARE(list.at(1).params, (QJsonObject{{u"a"_s, 3}}));
}

void TestStreamAccumulator::usageIsLastWinsPerField()
{
    // E37: cumulative usage overwrites.
    StreamAccumulator acc;
    acc.apply(UsageChunk{43, 6, 0, std::nullopt});
    acc.apply(UsageChunk{std::nullopt, 60, std::nullopt, std::nullopt});
    acc.apply(UsageChunk{61, 119, std::nullopt, 12});
    QCOMPARE(acc.usage(), (UsageChunk{61, 119, 0, 12}));
}

void TestStreamAccumulator::signatureOnlyThinkingIsKept()
{
    StreamAccumulator acc;
    acc.apply(ThinkingSignature{u"opaque"_s, u"0"_s});
    acc.apply(TextDelta{u"Hi"_s, {}});
    const auto parts = acc.content();
    QCOMPARE(parts.size(), 2);
    QCOMPARE(std::get<ThinkingPart>(parts.at(0)).signature, u"opaque"_s);
    QCOMPARE(std::get<ThinkingPart>(parts.at(0)).text, QString());
    QVERIFY(acc.hasVisibleOutput());

    StreamAccumulator whitespace;
    whitespace.apply(ThinkingDelta{u"hmm"_s, {}});
    whitespace.apply(TextDelta{u"  \n"_s, {}});
    QVERIFY(!whitespace.hasVisibleOutput());
    QVERIFY(whitespace.hasAnyOutput());
}

void TestStreamAccumulator::changesDescribeTheDelta()
{
    StreamAccumulator acc;
    QCOMPARE(acc.apply(ThinkingDelta{u"a"_s, {}}), std::optional(StreamAccumulator::Change{0, ContentPartType::Thinking, u"a"_s, {}, {}}));
    QCOMPARE(acc.apply(TextDelta{u"b"_s, {}}), std::optional(StreamAccumulator::Change{1, ContentPartType::Text, u"b"_s, {}, {}}));
    QCOMPARE(acc.apply(call(u"x"_s, 0, u"f"_s, u"{"_s)),
             std::optional(StreamAccumulator::Change{2, ContentPartType::ToolUse, u"{"_s, u"x"_s, u"f"_s}));
    QCOMPARE(acc.apply(TextDelta{u"c"_s, {}}), std::optional(StreamAccumulator::Change{3, ContentPartType::Text, u"c"_s, {}, {}}));
    QCOMPARE(acc.apply(UsageChunk{1, 2, {}, {}}), std::nullopt);
    QCOMPARE(acc.apply(TextDelta{QString(), {}}), std::nullopt);
}

QTEST_GUILESS_MAIN(TestStreamAccumulator)
#include "tst_streamaccumulator.moc"
