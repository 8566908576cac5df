#include "core/threadexport.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestThreadExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void markdown();
    void json();

private:
    static Thread thread();
    static QList<Message> messages();
};

Thread TestThreadExport::thread()
{
    Thread t;
    t.id = u"11111111-2222-3333-4444-555555555555"_s;
    t.title = u"Quarterly report"_s;
    t.model = u"local/llama3"_s;
    t.createdAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, QTimeZone::utc());
    t.updatedAt = t.lastActivityAt = t.createdAt;
    return t;
}

QList<Message> TestThreadExport::messages()
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1'700'000'060'000, QTimeZone::utc());
    ThinkingPart thought{u"Use a chart"_s, {}, {}, {}, {}};
    thought.durationMs = 4217;
    Message user{u"m1"_s, thread().id, MessageRole::User, MessageStatus::Complete, at,
                 {TextPart{u"Draw the sales"_s, false, {}, {}}}, {}, 0, 1, {}};
    Message assistant{u"m2"_s, thread().id, MessageRole::Assistant, MessageStatus::Interrupted, at.addSecs(1),
                      {thought, TextPart{u"Here:\n```\ncode\n```"_s, false, {}, {}},
                       ToolUsePart{u"c1"_s, u"bar_chart"_s, QJsonObject{{u"chartTitle"_s, u"Sales"_s}}, std::nullopt, {}, {}}},
                      u"m1"_s, 1, 2, {}};
    Message tool{u"m3"_s, thread().id, MessageRole::Tool, MessageStatus::Complete, at.addSecs(2),
                 {ToolResultPart{u"c1"_s, u"bar_chart"_s, u"Chart shown"_s, false, {}}}, u"m2"_s, 0, 1, {}};
    return {user, assistant, tool};
}

void TestThreadExport::markdown()
{
    const QString expected = uR"(# Quarterly report

- Thread: `11111111-2222-3333-4444-555555555555`
- Model: local/llama3
- Created: 2023-11-14T22:13:20.000Z

## User

*2023-11-14T22:14:20.000Z*

Draw the sales

## Assistant (interrupted)

*2023-11-14T22:14:21.000Z*

<details><summary>Thinking (4.2 s)</summary>

Use a chart

</details>

Here:
```
code
```

**Tool call** `bar_chart`

```json
{
    "chartTitle": "Sales"
}
```

## Tool results

*2023-11-14T22:14:22.000Z*

**Result of** `bar_chart`

````
Chart shown
````
)"_s;
    const QString actual = ThreadExport::toMarkdown(thread(), messages());
    QCOMPARE(actual, QString(expected).replace(u"````"_s, u"```"_s));
}

void TestThreadExport::json()
{
    const QJsonObject json = ThreadExport::toJson(thread(), messages());
    QCOMPARE(json.value("id"_L1).toString(), thread().id);
    QCOMPARE(json.value("title"_L1).toString(), u"Quarterly report"_s);
    QVERIFY(json.value("agent"_L1).isNull());
    const QJsonArray array = json.value("messages"_L1).toArray();
    QCOMPARE(array.size(), 3);
    QCOMPARE(array.at(1).toObject().value("status"_L1).toString(), u"interrupted"_s);
    QCOMPARE(array.at(1).toObject().value("content"_L1).toArray().at(0).toObject(),
             (QJsonObject{{u"type"_s, u"thinking"_s}, {u"thinking"_s, u"Use a chart"_s}, {u"durationMs"_s, 4217}}));
    QCOMPARE(messageFromJson(array.at(2).toObject()), messages().at(2));
    // The tree: each message names its parent and its place among its versions.
    QCOMPARE(array.at(0).toObject().value("parentId"_L1), QJsonValue(QJsonValue::Null));
    QCOMPARE(array.at(1).toObject().value("parentId"_L1).toString(), u"m1"_s);
    QCOMPARE(array.at(1).toObject().value("siblingIndex"_L1).toInt(), 1);
    QCOMPARE(array.at(1).toObject().value("siblingCount"_L1).toInt(), 2);
    QCOMPARE(messageFromJson(array.at(1).toObject()), messages().at(1));
    QCOMPARE(json.value("activeLeafId"_L1), QJsonValue(QJsonValue::Null));
    QCOMPARE(ThreadExport::toJson(thread(), messages(), u"m3"_s).value("activeLeafId"_L1).toString(), u"m3"_s);
}

QTEST_GUILESS_MAIN(TestThreadExport)
#include "tst_threadexport.moc"
