#include "core/skillmarkdown.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestSkillMarkdown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void roundTrip_data();
    void roundTrip();
    void writeExact();
};

void TestSkillMarkdown::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("instructions");
    QTest::addRow("plain") << u"---\nname: pdf-processing\ndescription: Extract text from PDFs. Use when the user sends a PDF.\n---\n\n# PDF\n\nUse pdfplumber.\n"_s
                           << u"pdf-processing"_s << u"Extract text from PDFs. Use when the user sends a PDF."_s << u"# PDF\n\nUse pdfplumber."_s;
    QTest::addRow("quoted, other keys, comments")
        << u"---\r\n# a comment\r\nname: \"Angebot prüfen\"\r\nlicense: MIT\r\ndescription: 'It''s for offers: check them' # trailing\r\nmetadata:\r\n  version: 2\r\n  author: x\r\nallowed-tools: Read, Grep\r\n---\r\nStep 1\r\n"_s
        << u"Angebot prüfen"_s << u"It's for offers: check them"_s << u"Step 1"_s;
    QTest::addRow("double-quoted escapes") << u"---\nname: \"A \\\"quoted\\\" name\"\ndescription: \"Line\\nbreak \\u00e4\"\n---\nx"_s
                                           << u"A \"quoted\" name"_s << u"Line\nbreak ä"_s << u"x"_s;
    QTest::addRow("folded block") << u"---\nname: writer\ndescription: >\n  Writes letters\n  in German.\n\n  Formal tone.\n---\nBody"_s
                                  << u"writer"_s << u"Writes letters in German.\nFormal tone."_s << u"Body"_s;
    QTest::addRow("literal block") << u"---\nname: writer\ndescription: |\n  First line\n    indented\n  last\nother: 1\n---\nBody"_s
                                   << u"writer"_s << u"First line\n  indented\nlast"_s << u"Body"_s;
    QTest::addRow("plain continued") << u"---\nname: writer\ndescription: Writes letters\n  in German.\n---\nBody"_s
                                     << u"writer"_s << u"Writes letters in German."_s << u"Body"_s;
    QTest::addRow("bom and dots end") << u"\uFEFF---\nname: n\ndescription: d\n...\n\n\nText\n\n"_s << u"n"_s << u"d"_s << u"Text"_s;
}

void TestSkillMarkdown::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QString, description);
    QFETCH(QString, instructions);
    const auto skill = SkillMarkdown::parse(text);
    QVERIFY2(skill, skill ? "" : qPrintable(skill.error().message));
    QCOMPARE(skill->name, name);
    QCOMPARE(skill->shortDescription, description);
    QCOMPARE(skill->instructions, instructions);
}

void TestSkillMarkdown::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("no front matter") << u"# Just markdown"_s
                                     << u"A SKILL.md file starts with a front matter block: a line \"---\", name: and description:, and another \"---\""_s;
    QTest::addRow("unclosed") << u"---\nname: x\n"_s << u"The front matter block is never closed with a line \"---\""_s;
    QTest::addRow("no name") << u"---\ndescription: d\n---\nx"_s << u"The front matter has no name:"_s;
    QTest::addRow("no description") << u"---\nname: n\n---\nx"_s << u"The front matter has no description: (it tells the model when to use the skill)"_s;
    QTest::addRow("no body") << u"---\nname: n\ndescription: d\n---\n\n  \n"_s << u"The skill has no instructions: the Markdown after the front matter is empty"_s;
    QTest::addRow("not key value") << u"---\nname n\n---\nx"_s << u"line 2: expected \"key: value\""_s;
    QTest::addRow("open quote") << u"---\nname: \"n\ndescription: d\n---\nx"_s << u"line 2: the double quote is never closed"_s;
}

void TestSkillMarkdown::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const auto skill = SkillMarkdown::parse(text);
    QVERIFY(!skill);
    QCOMPARE(skill.error().message, error);
}

void TestSkillMarkdown::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("instructions");
    QTest::addRow("simple") << u"Angebot prüfen"_s << u"Checks offers against the guideline"_s << u"# Steps\n\n1. Read\n2. Compare"_s;
    QTest::addRow("yaml-special") << u"yes"_s << u"Use when: the user says \"go\" # now"_s << u"---\nnot front matter\n---"_s;
    QTest::addRow("leading dash and colon") << u"- list-like"_s << u"key: value"_s << u"x"_s;
    QTest::addRow("number-like") << u"2026 plan"_s << u"'quoted' and \\ backslash"_s << u"y"_s;
}

void TestSkillMarkdown::roundTrip()
{
    QFETCH(QString, name);
    QFETCH(QString, description);
    QFETCH(QString, instructions);
    Skill skill;
    skill.name = name;
    skill.shortDescription = description;
    skill.instructions = instructions;
    const QString text = SkillMarkdown::write(skill);
    const auto back = SkillMarkdown::parse(text);
    QVERIFY2(back, back ? "" : qPrintable(back.error().message + u"\n"_s + text));
    QCOMPARE(back->name, name);
    QCOMPARE(back->shortDescription, description);
    QCOMPARE(back->instructions, instructions);
}

void TestSkillMarkdown::writeExact()
{
    Skill skill;
    skill.name = u"Angebot prüfen"_s;
    skill.shortDescription = u"Use when: an offer arrives"_s;
    skill.instructions = u"# Steps\n\n1. Read"_s;
    QCOMPARE(SkillMarkdown::write(skill), u"---\nname: Angebot prüfen\ndescription: \"Use when: an offer arrives\"\n---\n\n# Steps\n\n1. Read\n"_s);
}

QTEST_APPLESS_MAIN(TestSkillMarkdown)
#include "tst_skillmarkdown.moc"
