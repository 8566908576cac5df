#include "core/htmltext.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestHtmlText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convert_data();
    void convert();
    void titleAndPageFurniture();
    void entities_data();
    void entities();
    void declaredCharset_data();
    void declaredCharset();
};

void TestHtmlText::convert_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::addRow("paragraphs") << u"<p>One\n  two</p><p>Three</p>"_s << u"One two\n\nThree"_s;
    QTest::addRow("inline elements keep spaces") << u"<p>a <b>bold</b> <a href='x'>link</a>.</p>"_s << u"a bold link."_s;
    QTest::addRow("headings and lists") << u"<h2>Menu</h2><ul><li>Soup</li><li>Bread <i>fresh</i></li></ul>"_s
                                        << u"## Menu\n\n- Soup\n- Bread fresh"_s;
    QTest::addRow("line breaks") << u"Street 1<br>12345 Town<br/>Country"_s << u"Street 1\n12345 Town\nCountry"_s;
    QTest::addRow("table") << u"<table><tr><th>Item</th><th>Price</th></tr><tr><td>Tea</td><td>2 €</td></tr></table>"_s
                           << u"Item | Price\nTea | 2 €"_s;
    QTest::addRow("pre keeps whitespace") << u"<p>Code:</p><pre>int x;\n  return x;</pre><p>after</p>"_s
                                          << u"Code:\n\nint x;\n  return x;\n\nafter"_s;
    QTest::addRow("scripts and styles") << u"<p>a</p><script>if (a < b) { document.write('<p>x</p>'); }</script><style>p{}</style><p>b</p>"_s
                                        << u"a\n\nb"_s;
    QTest::addRow("script closing tag in capitals") << u"x<SCRIPT type=module>let s = '</p>';</SCRIPT>y"_s << u"xy"_s;
    QTest::addRow("comments") << u"a<!-- <p>hidden</p> -->b"_s << u"ab"_s;
    QTest::addRow("hidden elements") << u"<div hidden>secret</div><span aria-hidden=\"true\">icon</span><p class=\"hidden-xs\">shown</p>"_s
                                     << u"shown"_s;
    QTest::addRow("image alt") << u"<p>Logo: <img src=x.png alt=\"ACME &amp; Co\"></p>"_s << u"Logo: [ACME & Co]"_s;
    QTest::addRow("a stray less-than") << u"<p>1 < 2 and 3 > 2</p>"_s << u"1 < 2 and 3 > 2"_s;
    QTest::addRow("unclosed tags") << u"<p>first<p>second<div>third"_s << u"first\n\nsecond\nthird"_s;
    QTest::addRow("attribute with >") << u"<a title=\"a > b\">text</a>"_s << u"text"_s;
    QTest::addRow("truncated tag") << u"text<a href=\"x"_s << u"text"_s;
    QTest::addRow("nested skipped") << u"<nav><nav>x</nav>y</nav>z"_s << u"z"_s;
}

void TestHtmlText::convert()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(HtmlText::convert(html).text, text);
}

void TestHtmlText::titleAndPageFurniture()
{
    const QString html = uR"(<!DOCTYPE html><html><head><title>  Opening
hours – Museum </title><meta charset="utf-8"><link rel=stylesheet href=s.css></head>
<body><header><a href="/">Home</a> <a href="/shop">Shop</a></header>
<nav><ul><li>Visit</li><li>Collection</li></ul></nav>
<main><h1>Opening hours</h1><p>Tuesday to Sunday, 10&nbsp;am&ndash;6&nbsp;pm.</p><p>Closed on Mondays.</p>
<form><input name=q><button>Search</button></form></main>
<aside>Newsletter</aside><footer>© 2026 Museum</footer></body></html>)"_s;
    const HtmlText::Page page = HtmlText::convert(html);
    QCOMPARE(page.title, u"Opening hours – Museum"_s);
    QCOMPARE(page.text, u"# Opening hours\n\nTuesday to Sunday, 10 am–6 pm.\n\nClosed on Mondays."_s);
}

void TestHtmlText::entities_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::addRow("named") << u"&lt;a&gt; &amp; &quot;q&quot; &auml;&szlig;"_s << u"<a> & \"q\" äß"_s;
    QTest::addRow("numeric") << u"&#228;&#xE4;&#X1F600;"_s << u"ää😀"_s;
    QTest::addRow("unknown stays") << u"&bogus; & &;"_s << u"&bogus; & &;"_s;
    QTest::addRow("invalid code points stay") << u"&#0;&#xD800;&#x110000;"_s << u"&#0;&#xD800;&#x110000;"_s;
    QTest::addRow("no semicolon") << u"AT&T rocks"_s << u"AT&T rocks"_s;
}

void TestHtmlText::entities()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(HtmlText::decodeEntities(in), out);
}

void TestHtmlText::declaredCharset_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("charset");
    QTest::addRow("meta charset") << QByteArray("<html><head><meta charset=\"ISO-8859-1\">") << QByteArray("iso-8859-1");
    QTest::addRow("http-equiv") << QByteArray("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")
                                << QByteArray("windows-1252");
    QTest::addRow("unquoted") << QByteArray("<META CHARSET=utf-8>") << QByteArray("utf-8");
    QTest::addRow("none") << QByteArray("<html><body>charset=utf-8 in text") << QByteArray();
}

void TestHtmlText::declaredCharset()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, charset);
    QCOMPARE(HtmlText::declaredCharset(head), charset);
}

QTEST_APPLESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
