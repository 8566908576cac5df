#include "core/systemprompt.h"

#include <QFile>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// Golden-file tests of the whole system prompt (runs-reference.md §7). Set
// AGENTDESK_UPDATE_GOLDEN=1 to rewrite the files after a deliberate change, then read the diff.
class TestSystemPrompt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void golden_data();
    void golden();
    void dateOnlyKeepsTheCachePrefixStable();
    void escapesNamesButNotInstructions();
};

namespace {

SystemPrompt::Input full()
{
    SystemPrompt::Input in;
    in.date = QDate(2026, 11, 23);
    in.tools = {{u"website_content"_s, u"Fetches a web page and returns its readable text. Use it for URLs the user gives."_s},
                {u"bar_chart"_s, QString()},
                {u"create_document"_s, u"Creates a Markdown document the user can edit and export."_s}};
    in.skills = {{u"user__angebot-pruefen"_s, u"Checks offers <quotes> & \"tenders\""_s}, {u"user__kurz"_s, u"Short answers"_s}};
    in.files = {{u"s1"_s, u"Haushalt 2026.pdf"_s, u"PDF"_s, SystemPrompt::FileStatus::Ready, {}},
                {u"s2"_s, u"notes.md"_s, u"MARKDOWN"_s, SystemPrompt::FileStatus::Processing, {}},
                {u"s3"_s, u"scan.pdf"_s, u"PDF"_s, SystemPrompt::FileStatus::Failed, u"no text layer"_s}};
    in.knowledgeBases = {{u"kb1"_s, u"HR policies"_s}};
    in.anonymous = true;
    in.agentName = u"Referent"_s;
    in.agentInstructions = u"You draft replies to citizens' letters.\nKeep them under 200 words."_s;
    in.userInstructions = u"Antworte auf Deutsch. Use <b>bold</b> sparingly."_s;
    in.activatedSkillName = u"Angebot prüfen"_s;
    return in;
}

QString goldenPath(const QString &name)
{
    return qEnvironmentVariable("AGENTDESK_SOURCE_DIR") + u"/tests/core/golden/systemprompt_"_s + name + u".txt"_s;
}

} // namespace

void TestSystemPrompt::golden_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("variant");
    QTest::addRow("minimal") << u"minimal"_s << 0;
    QTest::addRow("full") << u"full"_s << 1;
    QTest::addRow("no tools") << u"no_tools"_s << 2;
}

void TestSystemPrompt::golden()
{
    QFETCH(QString, name);
    QFETCH(int, variant);
    SystemPrompt::Input in;
    in.date = QDate(2026, 11, 23);
    if (variant == 1) {
        in = full();
    } else if (variant == 2) {
        in = full();
        in.toolsAllowed = false;
        in.anonymous = false;
        in.activatedSkillName.clear();
    }
    const QString prompt = SystemPrompt::build(in);
    QFile file(goldenPath(name));
    if (qEnvironmentVariableIsSet("AGENTDESK_UPDATE_GOLDEN")) {
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(prompt.toUtf8());
        return;
    }
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QCOMPARE(prompt, QString::fromUtf8(file.readAll()));
}

void TestSystemPrompt::dateOnlyKeepsTheCachePrefixStable()
{
    SystemPrompt::Input in = full();
    const QString morning = SystemPrompt::build(in);
    QVERIFY(morning.contains(u"Current date: 2026-11-23\n"_s));
    QVERIFY(!morning.contains(u"T0"_s) && !morning.contains(u":00"_s));
    in.date = QDate(2026, 11, 24);
    const QString tomorrow = SystemPrompt::build(in);
    QVERIFY(tomorrow != morning);
    QCOMPARE(SystemPrompt::build(full()), morning);
}

void TestSystemPrompt::escapesNamesButNotInstructions()
{
    const QString prompt = SystemPrompt::build(full());
    QVERIFY(prompt.contains(u"<description>Checks offers &lt;quotes&gt; &amp; &quot;tenders&quot;</description>"_s));
    QVERIFY(prompt.contains(u"Use <b>bold</b> sparingly."_s));
    QVERIFY(prompt.endsWith(u"Do not call activate_skill for this skill.\n</already_activated_skill>"_s));
    QCOMPARE(SystemPrompt::xmlEscaped(u"a'b"_s), u"a&apos;b"_s);
    // Order: agent instructions, user instructions, the closing line, the quick-action note.
    const auto at = [&](const char *needle) { return prompt.indexOf(QLatin1String(needle)); };
    QVERIFY(at("<tool_usage>") < at("<available_skills>"));
    QVERIFY(at("<available_skills>") < at("<available_files>"));
    QVERIFY(at("<available_knowledge_bases>") < at("<data_handling>"));
    QVERIFY(at("<anonymized_data>") < at("<response_guidelines>"));
    QVERIFY(at("<platform_information>") < at("<agent_instructions"));
    QVERIFY(at("<agent_instructions") < at("<user_instructions>"));
    QVERIFY(at("<user_instructions>") < at("You are now ready to assist the user."));
}

QTEST_GUILESS_MAIN(TestSystemPrompt)
#include "tst_systemprompt.moc"
