#include "inference/apikeys.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestApiKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromEnvironment();
};

void TestApiKeys::fromEnvironment()
{
    Provider p;
    p.name = u"openai"_s;
    p.id = u"id-1"_s;
    QCOMPARE(ApiKeys::fromEnvironment(p).value(), QString()); // names no variable: a local server
    p.apiKey.envVar = u"AGENTDESK_TEST_KEY"_s;
    qunsetenv("AGENTDESK_TEST_KEY");
    const auto missing = ApiKeys::fromEnvironment(p);
    QCOMPARE(missing.error().code, u"PROVIDER_AUTH_FAILED"_s);
    QCOMPARE(missing.error().message, u"The environment variable AGENTDESK_TEST_KEY (the API key of provider openai) is not set"_s);
    qputenv("AGENTDESK_TEST_KEY", "  sk-abc \n");
    QCOMPARE(ApiKeys::fromEnvironment(p).value(), u"sk-abc"_s);
    QCOMPARE(ApiKeys::keychainKey(p), u"provider/id-1"_s);
}

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_apikeys.moc"
