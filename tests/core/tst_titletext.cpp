#include "core/titletext.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestTitleText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prompt();
    void clean_data();
    void clean();
};

void TestTitleText::prompt()
{
    QCOMPARE(TitleText::prompt(u"Plan a trip"_s),
             u"Based on the following user message, generate a short, concise title (maximum 50 characters):\n      \n"
             "      \"Plan a trip\"\n      \n      Title:"_s);
}

void TestTitleText::clean_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("title");
    QTest::addRow("plain") << u"Weekend in Rome"_s << u"Weekend in Rome"_s;
    QTest::addRow("quotes and whitespace") << u"  \"Weekend   in\nRome\"  "_s << u"Weekend in Rome"_s;
    QTest::addRow("markdown") << u"## **Weekend** in _Rome_ with `code` and [a link](https://x.y)"_s
                              << u"Weekend in Rome with code and a link"_s;
    QTest::addRow("think tags") << u"<think>The user wants…</think>Budget 2026"_s << u"Budget 2026"_s;
    QTest::addRow("unclosed thinking") << u"Title here<thinking>never closed"_s << u"Title here"_s;
    QTest::addRow("title prefix") << u"Title: Steuererklärung"_s << u"Steuererklärung"_s;
    QTest::addRow("typographic quotes") << u"„Angebot“ prüfen"_s << u"Angebot prüfen"_s;
    QTest::addRow("empty") << u"<think>only thoughts</think>"_s << QString();
    QTest::addRow("capped at a word") << QString(u"word "_s).repeated(30)
                                      << QString(u"word "_s).repeated(16).trimmed() + u"…"_s;
}

void TestTitleText::clean()
{
    QFETCH(QString, answer);
    QFETCH(QString, title);
    QCOMPARE(TitleText::clean(answer), title);
    QVERIFY(TitleText::clean(answer).size() <= TitleText::MaxLength);
}

QTEST_GUILESS_MAIN(TestTitleText)
#include "tst_titletext.moc"
