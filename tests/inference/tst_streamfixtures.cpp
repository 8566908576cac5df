#include "streamharness.h"

#include "inference/anthropicstreamparser.h"
#include "inference/geministreamparser.h"
#include "inference/openaistreamparser.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// Real recorded provider streams (tests/fixtures/provider-streams): each decodes to the text,
// reasoning, finish reason and usage its .json names, whatever the read size.
class TestStreamFixtures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixtures_data();
    void fixtures();
};

void TestStreamFixtures::fixtures_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("readSize");
    const QDir dir(qEnvironmentVariable("AGENTDESK_SOURCE_DIR") + u"/tests/fixtures/provider-streams"_s);
    const QStringList bodies = dir.entryList({u"*.body"_s}, QDir::Files, QDir::Name);
    QVERIFY(bodies.size() >= 8);
    for (const QString &body : bodies) {
        const QString name = dir.filePath(body.chopped(5));
        for (int readSize : {1, 7, 64, 1 << 20})
            QTest::addRow("%s/%d", qPrintable(body.chopped(5)), readSize) << name << readSize;
    }
}

void TestStreamFixtures::fixtures()
{
    QFETCH(QString, name);
    QFETCH(int, readSize);
    QFile bodyFile(name + u".body"_s);
    QFile specFile(name + u".json"_s);
    QVERIFY(bodyFile.open(QIODevice::ReadOnly) && specFile.open(QIODevice::ReadOnly));
    const QByteArray body = bodyFile.readAll();
    const QJsonObject spec = QJsonDocument::fromJson(specFile.readAll()).object();
    const QString dialect = spec.value("dialect"_L1).toString();
    std::unique_ptr<StreamParser> parser;
    if (dialect == "openai"_L1)
        parser = std::make_unique<OpenAiStreamParser>(true);
    else if (dialect == "anthropic"_L1)
        parser = std::make_unique<AnthropicStreamParser>();
    else if (dialect == "gemini"_L1)
        parser = std::make_unique<GeminiStreamParser>();
    QVERIFY2(parser, qPrintable(dialect));
    const Test::StreamSummary s = Test::runStream(*parser, body, readSize);
    QCOMPARE(s.text, spec.value("expected_text"_L1).toString());
    QCOMPARE(s.reasoning, spec.value("expected_reasoning"_L1).toString());
    QCOMPARE(s.finish, spec.value("finish"_L1).toString());
    QCOMPARE(s.input, spec.value("usage"_L1).toObject().value("input"_L1).toInteger());
    QCOMPARE(s.output, spec.value("usage"_L1).toObject().value("output"_L1).toInteger());
    QCOMPARE(s.terminated, spec.value("terminated"_L1).toBool());
    QCOMPARE(s.errors, QStringList());
    QCOMPARE(parser->skippedPayloads(), 0);
}

QTEST_GUILESS_MAIN(TestStreamFixtures)
#include "tst_streamfixtures.moc"
