#include "testsupport.h"

#include "runs/anonymizer.h"
#include "runs/toolresultcollectorservice.h"
#include "storage/threadrepository.h"
#include "tools/builtintools.h"

#include <QJsonDocument>
#include <QTimer>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// runs-reference.md §4.1 and §4.4, as the reference's tool-result-collector spec lists them.
class TestToolResultCollectorService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chartIsAcknowledgedWithoutExecution();
    void validWidgetEndsTheRun();
    void invalidWidgetKeepsTheRunGoing();
    void backendRunsOnceAndItsResultGoesBack();
    void hybridRunsOnceAndTheModelSeesTheAcknowledgement();
    void mixedBatchSettlesEverySibling();
    void explicitClientResultBypassesValidation();
    void unknownToolIsAnAnswer();
    void longResultsAreTruncated();
    void personalDataIsAnonymized();
    void cancelStopsTheRunningTool();

private:
    struct Counting;
};

// A backend or hybrid tool that counts its executions and can answer later (like a fetch).
struct TestToolResultCollectorService::Counting : public Tool
{
    Counting(QString name, ToolKind kind, QString answer, bool async = false, bool personal = false)
        : m_name(std::move(name)), m_kind(kind), m_answer(std::move(answer)), m_async(async), m_personal(personal)
    {
    }
    QString name() const override { return m_name; }
    ToolKind kind() const override { return m_kind; }
    QString description() const override { return u"test tool"_s; }
    QJsonObject inputSchema() const override
    {
        return QJsonDocument::fromJson(R"({"type":"object","properties":{"q":{"type":"string"}},"required":["q"]})").object();
    }
    bool returnsPersonalData() const override { return m_personal; }
    void execute(const QJsonObject &arguments, const ToolContext &, Done done) override
    {
        ++executions;
        lastArguments = arguments;
        if (!m_async)
            return done(ToolResult{m_answer, m_answer.startsWith(u"FAIL"_s)});
        pending = std::move(done);
        QTimer::singleShot(50, [this] {
            if (pending)
                std::exchange(pending, nullptr)(ToolResult{m_answer, false});
        });
    }
    void cancel() override
    {
        cancelled = true;
        pending = nullptr;
    }
    int executions = 0;
    bool cancelled = false;
    QJsonObject lastArguments;
    Done pending;

private:
    QString m_name;
    ToolKind m_kind;
    QString m_answer;
    bool m_async;
    bool m_personal;
};

namespace {

Message turn(const QList<ToolUsePart> &calls)
{
    Message m;
    m.role = MessageRole::Assistant;
    for (const auto &c : calls)
        m.content.append(c);
    return m;
}

ToolUsePart call(const QString &id, const QString &name, const char *params)
{
    return ToolUsePart{id, name, QJsonDocument::fromJson(params).object(), std::nullopt, {}, {}};
}

const char *validChart = R"({"chartTitle":"Sales","xAxis":["Q1"],"yAxis":[{"label":"2026","values":[3]}],"insight":"Up."})";
const char *validEmail = R"({"to":"a@b.de","subject":"Hi","body":"Text"})";

ToolResultCollectorService::PhaseResult collect(const Message &message, const ToolRegistry &registry,
                                                std::optional<RunToolResultInput> explicitResult = std::nullopt,
                                                const Anonymizer *anonymizer = nullptr, const QString &threadId = {})
{
    ToolResultCollectorService service;
    std::optional<ToolResultCollectorService::PhaseResult> result;
    service.collect(message, registry, threadId, explicitResult, anonymizer, [&](const auto &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
        qFatal("the tool phase did not finish");
    return *result;
}

QStringList results(const ToolResultCollectorService::PhaseResult &phase)
{
    QStringList out;
    for (const auto &part : phase.results) {
        const auto &r = std::get<ToolResultPart>(part);
        out << r.toolId + u": "_s + r.result + (r.isError ? u" [error]"_s : QString());
    }
    return out;
}

ToolRegistry widgets()
{
    ToolRegistry r;
    r.add(std::make_shared<SendEmailTool>());
    r.add(std::make_shared<ChartTool>(ChartTool::Type::Bar));
    return r;
}

} // namespace

void TestToolResultCollectorService::chartIsAcknowledgedWithoutExecution()
{
    const Message m = turn({call(u"c1"_s, u"bar_chart"_s, validChart)});
    QCOMPARE(results(collect(m, widgets())), QStringList{u"c1: Tool has been displayed successfully"_s});
    QVERIFY(!ToolResultCollectorService::endsRun(m, widgets())); // charts continue the loop
}

void TestToolResultCollectorService::validWidgetEndsTheRun()
{
    const Message m = turn({call(u"e1"_s, u"send_email"_s, validEmail)});
    QCOMPARE(results(collect(m, widgets())), QStringList{u"e1: Tool execution is handled externally"_s});
    QVERIFY(ToolResultCollectorService::endsRun(m, widgets()));
    QVERIFY(ToolResultCollectorService::endsRun(turn({}), widgets())); // no tool call at all
}

void TestToolResultCollectorService::invalidWidgetKeepsTheRunGoing()
{
    const Message m = turn({call(u"e1"_s, u"send_email"_s, R"({"to":"a@b.de","subject":null})")});
    QVERIFY(!ToolResultCollectorService::endsRun(m, widgets()));
    const auto phase = collect(m, widgets());
    QCOMPARE(phase.outcomes.size(), 1);
    QVERIFY(!phase.outcomes.at(0).succeeded);
    QVERIFY2(phase.outcomes.at(0).result.startsWith(u"The tool didn't provide any result due to the following error in tool usage: "_s),
             qPrintable(phase.outcomes.at(0).result));
    QVERIFY(phase.outcomes.at(0).result.contains(u"'subject'"_s)); // the null was stripped, so it is missing
}

void TestToolResultCollectorService::backendRunsOnceAndItsResultGoesBack()
{
    ToolRegistry registry;
    auto tool = std::make_shared<Counting>(u"lookup"_s, ToolKind::Backend, u"42 results"_s, true);
    registry.add(tool);
    const auto phase = collect(turn({call(u"b1"_s, u"lookup"_s, R"({"q":"x","extra":null})")}), registry);
    QCOMPARE(results(phase), QStringList{u"b1: 42 results"_s});
    QCOMPARE(tool->executions, 1);
    QCOMPARE(tool->lastArguments, (QJsonObject{{u"q"_s, u"x"_s}}));
}

void TestToolResultCollectorService::hybridRunsOnceAndTheModelSeesTheAcknowledgement()
{
    ToolRegistry registry;
    auto tool = std::make_shared<Counting>(u"create_document"_s, ToolKind::Hybrid, u"Document created. Artifact ID: a1, version: 1"_s);
    registry.add(tool);
    QCOMPARE(results(collect(turn({call(u"h1"_s, u"create_document"_s, R"({"q":"x"})")}), registry)),
             QStringList{u"h1: Tool has been displayed successfully"_s});
    QCOMPARE(tool->executions, 1);
}

void TestToolResultCollectorService::mixedBatchSettlesEverySibling()
{
    ToolRegistry registry = widgets();
    auto backend = std::make_shared<Counting>(u"lookup"_s, ToolKind::Backend, u"found"_s);
    registry.add(backend);
    const Message m = turn({call(u"b1"_s, u"lookup"_s, R"({"q":"x"})"), call(u"c1"_s, u"bar_chart"_s, validChart),
                            call(u"e1"_s, u"send_email"_s, validEmail)});
    QVERIFY(ToolResultCollectorService::endsRun(m, registry));
    QCOMPARE(results(collect(m, registry)), (QStringList{u"b1: found"_s, u"c1: Tool has been displayed successfully"_s,
                                                          u"e1: Tool execution is handled externally"_s}));
    QCOMPARE(backend->executions, 1);
}

void TestToolResultCollectorService::explicitClientResultBypassesValidation()
{
    const Message m = turn({call(u"e1"_s, u"send_email"_s, R"({"broken":true})")});
    const auto phase = collect(m, widgets(), RunToolResultInput{u"e1"_s, u"send_email"_s, u"The user sent the e-mail."_s});
    QCOMPARE(results(phase), QStringList{u"e1: The user sent the e-mail."_s});
}

void TestToolResultCollectorService::unknownToolIsAnAnswer()
{
    const auto phase = collect(turn({call(u"x1"_s, u"delete_everything"_s, "{}")}), widgets());
    QCOMPARE(results(phase), QStringList{u"x1: A tool with the name delete_everything was not found. Only use tools that are available in "
                                         "your given list of tools. [error]"_s});
}

void TestToolResultCollectorService::longResultsAreTruncated()
{
    ToolRegistry registry;
    const QString big = QString(u"0123456789"_s).repeated(2001); // 20,010 characters
    registry.add(std::make_shared<Counting>(u"dump"_s, ToolKind::Backend, big));
    const auto phase = collect(turn({call(u"d1"_s, u"dump"_s, R"({"q":"x"})")}), registry);
    QCOMPARE(phase.outcomes.at(0).result,
             u"The tool result was too long to display. Please use the tool in a way that produces a shorter result. Here's the "
             "beginning of the result: "_s + big.left(200));
    QCOMPARE(ToolResultCollectorService::truncated(big.left(20000)), big.left(20000));
}

void TestToolResultCollectorService::personalDataIsAnonymized()
{
    Test::TempDatabase t;
    const QString thread = AD_VERIFY_OK(ThreadRepository(t.connection()).create({})).value().id;
    const Anonymizer anonymizer = AD_VERIFY_OK(Anonymizer::forUser(t.connection())).value();
    ToolRegistry registry;
    registry.add(std::make_shared<Counting>(u"source_query"_s, ToolKind::Backend, u"Contact: anna@example.org"_s, false, true));
    registry.add(std::make_shared<Counting>(u"public"_s, ToolKind::Backend, u"Contact: bob@example.org"_s, false, false));
    const auto phase = collect(turn({call(u"s1"_s, u"source_query"_s, R"({"q":"x"})"), call(u"p1"_s, u"public"_s, R"({"q":"x"})")}),
                               registry, std::nullopt, &anonymizer, thread);
    QCOMPARE(results(phase), (QStringList{u"s1: Contact: {{pii:EMAIL_ADDRESS_1}}"_s, u"p1: Contact: bob@example.org"_s}));
}

void TestToolResultCollectorService::cancelStopsTheRunningTool()
{
    ToolRegistry registry;
    auto slow = std::make_shared<Counting>(u"slow"_s, ToolKind::Backend, u"late"_s, true);
    auto after = std::make_shared<Counting>(u"after"_s, ToolKind::Backend, u"never"_s);
    registry.add(slow);
    registry.add(after);
    ToolResultCollectorService service;
    std::optional<ToolResultCollectorService::PhaseResult> result;
    service.collect(turn({call(u"s1"_s, u"slow"_s, R"({"q":"x"})"), call(u"a1"_s, u"after"_s, R"({"q":"x"})")}), registry, {}, {},
                    nullptr, [&](const auto &r) { result = r; });
    QVERIFY(!result);
    service.cancel();
    QVERIFY(result);
    QVERIFY(result->cancelled);
    QVERIFY(result->results.isEmpty());
    QVERIFY(slow->cancelled);
    QTest::qWait(100);
    QCOMPARE(after->executions, 0);
}

QTEST_GUILESS_MAIN(TestToolResultCollectorService)
#include "tst_toolresultcollectorservice.moc"
