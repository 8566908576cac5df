#include "core/piidetector.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// Anonymous mode's detector: the checksums, then precision and recall per category over the
// labelled corpus in tests/fixtures/pii (321 spans with traps: order numbers, versions,
// timestamps, code, hashes, amounts). Figures go to docs/benchmarks.md.
class TestPiiDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checksums();
    void examples_data();
    void examples();
    void whitelist();
    void corpus();
};

namespace {

PiiCategory categoryFromTag(const QString &tag)
{
    static const QHash<QString, PiiCategory> tags = {
        {u"EMAIL"_s, PiiCategory::Email}, {u"PHONE"_s, PiiCategory::Phone},   {u"IBAN"_s, PiiCategory::Iban},
        {u"CARD"_s, PiiCategory::CreditCard}, {u"IP"_s, PiiCategory::IpAddress}, {u"URL"_s, PiiCategory::Url},
        {u"DATE"_s, PiiCategory::Date},   {u"TAXID"_s, PiiCategory::TaxId},   {u"NAME"_s, PiiCategory::PersonName},
        {u"ORG"_s, PiiCategory::Organization}};
    return tags.value(tag);
}

// "text with [[CAT|value]]" -> plain text and the gold spans.
std::pair<QString, QList<PiiSpan>> unmark(const QString &line)
{
    static const QRegularExpression mark(u"\\[\\[([A-Z]+)\\|(.*?)\\]\\]"_s);
    QString text;
    QList<PiiSpan> gold;
    qsizetype last = 0;
    for (auto it = mark.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        text += QStringView(line).mid(last, m.capturedStart() - last);
        gold.append({text.size(), m.capturedLength(2), categoryFromTag(m.captured(1))});
        text += m.captured(2);
        last = m.capturedEnd();
    }
    text += QStringView(line).mid(last);
    return {text, gold};
}

QString describe(const QString &text, const QList<PiiSpan> &spans)
{
    QStringList out;
    for (const auto &s : spans)
        out << PiiDetector::categoryName(s.category) + u'=' + text.mid(s.start, s.length);
    return out.join(u", "_s);
}

} // namespace

void TestPiiDetector::checksums()
{
    QVERIFY(PiiDetector::isValidIban(u"DE89370400440532013000"));
    QVERIFY(!PiiDetector::isValidIban(u"DE89370400440532013001"));
    QVERIFY(!PiiDetector::isValidIban(u"DE8937040044053201300")); // wrong length for DE
    QVERIFY(PiiDetector::isValidIban(u"GB82WEST12345698765432"));
    QVERIFY(PiiDetector::passesLuhn(u"4111111111111111"));
    QVERIFY(!PiiDetector::passesLuhn(u"4111111111111112"));
    QVERIFY(PiiDetector::isValidGermanTaxId(u"86095742719")); // the BZSt's published example
    QVERIFY(!PiiDetector::isValidGermanTaxId(u"86095742718"));
    QVERIFY(!PiiDetector::isValidGermanTaxId(u"12345678901")); // no digit repeats
    QVERIFY(!PiiDetector::isValidGermanTaxId(u"06095742719"));
}

void TestPiiDetector::examples_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("found");
    QTest::addRow("email in a sentence") << u"Schreiben Sie an max.mustermann@example.de."_s << u"EMAIL_ADDRESS=max.mustermann@example.de"_s;
    QTest::addRow("iban with spaces") << u"IBAN: DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX"_s << u"IBAN=DE89 3704 0044 0532 0130 00"_s;
    QTest::addRow("card") << u"Visa 4111 1111 1111 1111 bitte belasten"_s << u"CREDIT_CARD=4111 1111 1111 1111"_s;
    QTest::addRow("order number passing Luhn") << u"Bestellung 1234567812345670"_s << QString();
    QTest::addRow("tax id") << u"Steuer-ID 86 095 742 719"_s << u"TAX_ID=86 095 742 719"_s;
    QTest::addRow("url swallows ip and email") << u"Siehe http://192.168.0.1/admin?mail=a@b.de."_s << u"URL=http://192.168.0.1/admin?mail=a@b.de"_s;
    QTest::addRow("url in parentheses") << u"(see https://example.org/page)"_s << u"URL=https://example.org/page"_s;
    QTest::addRow("versions are not addresses") << u"Qt 6.4.2, version 1.2.3.4, v10.0.0.1"_s << QString();
    QTest::addRow("timestamp is not a date") << u"at 2026-11-23T16:40:32Z and 2026-11-23 16:40"_s << QString();
    QTest::addRow("iso date") << u"born 1989-09-07"_s << u"DATE=1989-09-07"_s;
    QTest::addRow("impossible date") << u"on 31.02.2026"_s << QString();
    QTest::addRow("german phone") << u"Tel. 030 12345678, Fax 030/12345679"_s << u"PHONE_NUMBER=030 12345678, PHONE_NUMBER=030/12345679"_s;
    QTest::addRow("international phone") << u"call +49 (0)711 987654 now"_s << u"PHONE_NUMBER=+49 (0)711 987654"_s;
    QTest::addRow("ipv6") << u"host 2001:db8::8a2e:370:7334 is up"_s << u"IP_ADDRESS=2001:db8::8a2e:370:7334"_s;
    QTest::addRow("code is not ipv6") << u"std::vector and Foo::bar and ab::cd"_s << QString();
    QTest::addRow("amount is not a phone") << u"Summe 0,99 EUR und 1.234,56 EUR"_s << QString();
}

void TestPiiDetector::examples()
{
    QFETCH(QString, text);
    QFETCH(QString, found);
    QCOMPARE(describe(text, PiiDetector().detect(text)), found);
}

void TestPiiDetector::whitelist()
{
    PiiDetector::Options options;
    options.personNames = {u"Anna Schmidt"_s};
    options.organizations = {u"Stadtwerke Ulm"_s};
    options.whitelist[PiiCategory::Email] = {u".*@example\\.org"_s, u"[invalid"_s};
    options.whitelist[PiiCategory::Organization] = {u"stadtwerke ulm"_s};
    const PiiDetector detector(options);
    const QString text = u"anna schmidt (ANNA SCHMIDT) schreibt an info@example.org und an chef@example.com; Stadtwerke Ulm zahlt."_s;
    QCOMPARE(describe(text, detector.detect(text)),
             u"PERSON_NAME=anna schmidt, PERSON_NAME=ANNA SCHMIDT, EMAIL_ADDRESS=chef@example.com"_s);
}

void TestPiiDetector::corpus()
{
    QFile file(qEnvironmentVariable("AGENTDESK_SOURCE_DIR") + u"/tests/fixtures/pii/corpus.txt"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    PiiDetector::Options options;
    QList<std::pair<QString, QList<PiiSpan>>> samples;
    for (const QString &line : lines) {
        if (line.startsWith(u'#') || line.trimmed().isEmpty())
            continue;
        if (line.startsWith("@names:"_L1)) {
            for (const QString &n : line.mid(7).split(u','))
                options.personNames << n.trimmed();
        } else if (line.startsWith("@orgs:"_L1)) {
            for (const QString &o : line.mid(6).split(u','))
                options.organizations << o.trimmed();
        } else {
            samples.append(unmark(line));
        }
    }
    const PiiDetector detector(options);
    QHash<PiiCategory, int> tp, fp, fn;
    int goldSpans = 0;
    QStringList mistakes;
    for (const auto &[text, gold] : samples) {
        goldSpans += int(gold.size());
        const QList<PiiSpan> found = detector.detect(text);
        for (const PiiSpan &span : found) {
            if (gold.contains(span)) {
                ++tp[span.category];
            } else {
                ++fp[span.category];
                mistakes << u"false positive "_s + describe(text, {span}) + u" in: "_s + text;
            }
        }
        for (const PiiSpan &span : gold) {
            if (!found.contains(span)) {
                ++fn[span.category];
                mistakes << u"missed "_s + describe(text, {span}) + u" in: "_s + text;
            }
        }
    }
    QVERIFY2(goldSpans >= 300, "the corpus must hold at least 300 labelled spans");
    QString table = u"\ncategory           spans  precision  recall\n"_s;
    bool goalsMet = true;
    for (PiiCategory category : PiiDetector::allCategories()) {
        const int t = tp.value(category), p = fp.value(category), n = fn.value(category);
        const double precision = t + p == 0 ? 1.0 : double(t) / (t + p);
        const double recall = t + n == 0 ? 1.0 : double(t) / (t + n);
        table += u"%1 %2 %3 %4\n"_s.arg(PiiDetector::categoryName(category), -18).arg(t + n, 5).arg(precision, 10, 'f', 3).arg(recall, 7, 'f', 3);
        goalsMet = goalsMet && precision >= 0.95 && recall >= 0.95;
    }
    qInfo().noquote() << table;
    if (!mistakes.isEmpty())
        qInfo().noquote() << mistakes.join(u'\n');
    QVERIFY2(goalsMet, "precision and recall must be at least 0.95 in every category");
}

QTEST_GUILESS_MAIN(TestPiiDetector)
#include "tst_piidetector.moc"
