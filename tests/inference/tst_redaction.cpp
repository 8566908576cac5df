#include "inference/redaction.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestRedaction : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headersAndUrls();
    void freeText();
};

void TestRedaction::headersAndUrls()
{
    QNetworkRequest request(QUrl(u"https://user:pw@generativelanguage.googleapis.com/v1beta/models?key=AIzaSECRET&alt=sse"_s));
    request.setRawHeader("Authorization", "Bearer sk-SECRET123456");
    request.setRawHeader("x-api-key", "sk-ant-SECRET");
    request.setRawHeader("api-key", "azureSECRET");
    request.setRawHeader("x-goog-api-key", "AIzaSECRET");
    request.setRawHeader("anthropic-version", "2023-06-01");
    const QString line = Redaction::describe("POST", request);
    QVERIFY2(!line.contains(u"SECRET"_s), qPrintable(line));
    QVERIFY2(!line.contains(u"pw@"_s), qPrintable(line));
    QCOMPARE(line, u"POST https://generativelanguage.googleapis.com/v1beta/models?key=[redacted]&alt=sse "
                   "{authorization: [redacted]; x-api-key: [redacted]; api-key: [redacted]; x-goog-api-key: [redacted]; "
                   "anthropic-version: 2023-06-01}"_s);
}

void TestRedaction::freeText()
{
    QCOMPARE(Redaction::text(u"header Bearer abc.DEF-123 and url ?key=xyz&x=1 and sk-proj-abcdefgh1234 ok"_s),
             u"header Bearer [redacted] and url ?key=[redacted]&x=1 and [redacted] ok"_s);
    QCOMPARE(Redaction::text(u"nothing secret here"_s), u"nothing secret here"_s);
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
