#include "piidetector.h"

#include <QDate>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr auto unicode = QRegularExpression::UseUnicodePropertiesOption;

int priority(PiiCategory category)
{
    switch (category) {
    case PiiCategory::Iban: return 0;
    case PiiCategory::CreditCard: return 1;
    case PiiCategory::TaxId: return 2;
    case PiiCategory::Email: return 3;
    case PiiCategory::Url: return 4;
    case PiiCategory::IpAddress: return 5;
    case PiiCategory::Date: return 6;
    case PiiCategory::Phone: return 7;
    case PiiCategory::PersonName: return 8;
    case PiiCategory::Organization: return 9;
    }
    return 10;
}

QString digitsOnly(QStringView text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    return digits;
}

// Version strings and similar technical numbers announce themselves just before the number.
bool afterVersionWord(const QString &text, qsizetype start)
{
    static const QRegularExpression re(u"(?:\\bv|\\bversion\\s*|\\brelease\\s*|\\bbuild\\s*|\\bqt\\s*|\\bpython\\s*|\\bnode\\s*|\\bgcc\\s*)$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const qsizetype from = std::max<qsizetype>(0, start - 12);
    return re.match(text.mid(from, start - from)).hasMatch();
}

bool validDate(int day, int month, int year)
{
    if (year < 100)
        year += year < 50 ? 2000 : 1900;
    return year >= 1900 && year <= 2100 && QDate::isValid(year, month, day);
}

int monthFromName(const QString &name)
{
    static const QStringList months[] = {
        {u"jan"_s, u"januar"_s, u"january"_s, u"jänner"_s},  {u"feb"_s, u"februar"_s, u"february"_s},
        {u"mär"_s, u"märz"_s, u"maerz"_s, u"mar"_s, u"march"_s}, {u"apr"_s, u"april"_s},
        {u"mai"_s, u"may"_s},                                  {u"jun"_s, u"juni"_s, u"june"_s},
        {u"jul"_s, u"juli"_s, u"july"_s},                      {u"aug"_s, u"august"_s},
        {u"sep"_s, u"sept"_s, u"september"_s},                 {u"okt"_s, u"oct"_s, u"oktober"_s, u"october"_s},
        {u"nov"_s, u"november"_s},                             {u"dez"_s, u"dec"_s, u"dezember"_s, u"december"_s}};
    const QString key = name.toLower().remove(u'.');
    for (int m = 0; m < 12; ++m) {
        if (months[m].contains(key))
            return m + 1;
    }
    return 0;
}

int ibanLength(QStringView country)
{
    static const QHash<QString, int> lengths = {
        {u"AD"_s, 24}, {u"AT"_s, 20}, {u"BE"_s, 16}, {u"BG"_s, 22}, {u"CH"_s, 21}, {u"CY"_s, 28}, {u"CZ"_s, 24},
        {u"DE"_s, 22}, {u"DK"_s, 18}, {u"EE"_s, 20}, {u"ES"_s, 24}, {u"FI"_s, 18}, {u"FR"_s, 27}, {u"GB"_s, 22},
        {u"GR"_s, 27}, {u"HR"_s, 21}, {u"HU"_s, 28}, {u"IE"_s, 22}, {u"IS"_s, 26}, {u"IT"_s, 27}, {u"LI"_s, 21},
        {u"LT"_s, 20}, {u"LU"_s, 20}, {u"LV"_s, 21}, {u"MC"_s, 27}, {u"MT"_s, 31}, {u"NL"_s, 18}, {u"NO"_s, 15},
        {u"PL"_s, 28}, {u"PT"_s, 25}, {u"RO"_s, 24}, {u"SE"_s, 24}, {u"SI"_s, 19}, {u"SK"_s, 24}, {u"SM"_s, 27}};
    return lengths.value(country.toString(), 0);
}

bool validIpv4(QStringView text)
{
    const auto parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const auto part : parts) {
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok || value < 0 || value > 255 || part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
            return false;
    }
    return true;
}

bool validIpv6(QStringView text)
{
    if (text.count(u':') < 2)
        return false;
    const qsizetype doubleColon = text.indexOf(u"::");
    if (doubleColon >= 0 && text.indexOf(u"::", doubleColon + 1) >= 0)
        return false;
    int groups = 0;
    bool digit = false;
    const auto pieces = text.split(u':');
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const auto piece = pieces.at(i);
        if (piece.isEmpty())
            continue;
        if (i == pieces.size() - 1 && piece.contains(u'.')) {
            if (!validIpv4(piece))
                return false;
            groups += 2;
            digit = true;
            continue;
        }
        if (piece.size() > 4)
            return false;
        for (const QChar c : piece) {
            if (!(c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f')))
                return false;
            digit = digit || c.isDigit();
        }
        ++groups;
    }
    // A compressed address needs a digit somewhere ("ab::cd" is more likely code than an address).
    return digit && (doubleColon >= 0 ? groups < 8 : groups == 8);
}

} // namespace

QString PiiDetector::categoryName(PiiCategory category)
{
    switch (category) {
    case PiiCategory::Email: return u"EMAIL_ADDRESS"_s;
    case PiiCategory::Phone: return u"PHONE_NUMBER"_s;
    case PiiCategory::Iban: return u"IBAN"_s;
    case PiiCategory::CreditCard: return u"CREDIT_CARD"_s;
    case PiiCategory::IpAddress: return u"IP_ADDRESS"_s;
    case PiiCategory::Url: return u"URL"_s;
    case PiiCategory::Date: return u"DATE"_s;
    case PiiCategory::TaxId: return u"TAX_ID"_s;
    case PiiCategory::PersonName: return u"PERSON_NAME"_s;
    case PiiCategory::Organization: return u"ORGANIZATION"_s;
    }
    return u"OTHER"_s;
}

QList<PiiCategory> PiiDetector::allCategories()
{
    return {PiiCategory::Email, PiiCategory::Phone, PiiCategory::Iban, PiiCategory::CreditCard, PiiCategory::IpAddress,
            PiiCategory::Url, PiiCategory::Date, PiiCategory::TaxId, PiiCategory::PersonName, PiiCategory::Organization};
}

bool PiiDetector::isValidIban(QStringView iban)
{
    if (iban.size() < 15 || iban.size() > 34 || ibanLength(iban.first(2)) != iban.size())
        return false;
    // ISO 13616: move the first four characters to the end, letters to numbers, mod 97 == 1.
    const QString rearranged = iban.sliced(4).toString() + iban.first(4).toString();
    int remainder = 0;
    for (const QChar c : rearranged) {
        if (c.isDigit()) {
            remainder = (remainder * 10 + c.digitValue()) % 97;
        } else if (c >= u'A' && c <= u'Z') {
            const int value = c.unicode() - 'A' + 10;
            remainder = (remainder * 100 + value) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

bool PiiDetector::passesLuhn(QStringView digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).digitValue();
        if (d < 0)
            return false;
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return !digits.isEmpty() && sum % 10 == 0;
}

bool PiiDetector::isValidGermanTaxId(QStringView digits)
{
    if (digits.size() != 11 || digits.front() == u'0')
        return false;
    // In the first ten digits one digit occurs twice or three times, the others at most once.
    int counts[10] = {};
    for (int i = 0; i < 10; ++i)
        ++counts[digits.at(i).digitValue()];
    int repeated = 0;
    for (int c : counts) {
        if (c > 3)
            return false;
        if (c >= 2)
            ++repeated;
    }
    if (repeated != 1)
        return false;
    // Check digit: ISO 7064 MOD 11,10.
    int product = 10;
    for (int i = 0; i < 10; ++i) {
        int sum = (digits.at(i).digitValue() + product) % 10;
        if (sum == 0)
            sum = 10;
        product = (sum * 2) % 11;
    }
    int check = 11 - product;
    if (check == 10)
        check = 0;
    return check == digits.at(10).digitValue();
}

PiiDetector::PiiDetector() : PiiDetector(Options{}) {}

PiiDetector::PiiDetector(const Options &options)
{
    auto compileList = [](const QStringList &words) {
        QList<QRegularExpression> list;
        for (const QString &word : words) {
            if (!word.trimmed().isEmpty())
                list.append(QRegularExpression(u"(?<![\\w])"_s + QRegularExpression::escape(word.trimmed()) + u"(?![\\w])"_s,
                                               QRegularExpression::CaseInsensitiveOption | unicode));
        }
        return list;
    };
    m_names = compileList(options.personNames);
    m_organizations = compileList(options.organizations);
    for (auto it = options.whitelist.cbegin(); it != options.whitelist.cend(); ++it) {
        for (const QString &pattern : it.value()) {
            QRegularExpression re(QRegularExpression::anchoredPattern(pattern), QRegularExpression::CaseInsensitiveOption | unicode);
            if (re.isValid()) // an invalid pattern exempts nothing
                m_whitelist[it.key()].append(re);
        }
    }
}

bool PiiDetector::whitelisted(PiiCategory category, QStringView value) const
{
    const auto it = m_whitelist.constFind(category);
    if (it == m_whitelist.cend())
        return false;
    return std::any_of(it->cbegin(), it->cend(), [&](const QRegularExpression &re) { return re.match(value.toString()).hasMatch(); });
}

void PiiDetector::findEmails(const QString &text, QList<PiiSpan> &out) const
{
    static const QRegularExpression re(u"(?<![\\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])"_s);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out.append({m.capturedStart(), m.capturedLength(), PiiCategory::Email});
    }
}

void PiiDetector::findUrls(const QString &text, QList<PiiSpan> &out) const
{
    static const QRegularExpression re(u"(?<![\\w@])(?:https?://|www\\.)[^\\s<>\"'`\\[\\]{}|\\\\^]+"_s, QRegularExpression::CaseInsensitiveOption);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        qsizetype length = m.capturedLength();
        const QStringView url = QStringView(text).mid(m.capturedStart(), length);
        // Sentence punctuation after a URL is not part of it; a closing bracket only if unbalanced.
        while (length > 0) {
            const QChar last = url.at(length - 1);
            if (QStringView(u".,;:!?").contains(last)) {
                --length;
            } else if (last == u')' && url.first(length).count(u'(') < url.first(length).count(u')')) {
                --length;
            } else {
                break;
            }
        }
        if (length > 8)
            out.append({m.capturedStart(), length, PiiCategory::Url});
    }
}

void PiiDetector::findIbans(const QString &text, QList<PiiSpan> &out) const
{
    static const QRegularExpression re(u"(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])"_s);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString compact = m.captured().remove(u' ');
        if (isValidIban(compact))
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::Iban});
    }
}

void PiiDetector::findCards(const QString &text, QList<PiiSpan> &out) const
{
    static const QRegularExpression re(u"(?<![\\d.,-])\\d(?:[ -]?\\d){12,18}(?![\\d-]|[.,]\\d)"_s);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString digits = digitsOnly(m.captured());
        if (digits.size() < 13 || digits.size() > 19 || !passesLuhn(digits))
            continue;
        const int two = digits.left(2).toInt();
        const int four = digits.left(4).toInt();
        const bool issuer = digits.startsWith(u'4') || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) || two == 34
            || two == 37 || digits.startsWith("6011"_L1) || two == 65 || (digits.left(3).toInt() >= 644 && digits.left(3).toInt() <= 649)
            || two == 35 || two == 36 || two == 38 || digits.startsWith("300"_L1) || two == 62;
        if (issuer)
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::CreditCard});
    }
}

void PiiDetector::findTaxIds(const QString &text, QList<PiiSpan> &out) const
{
    static const QRegularExpression re(u"(?<![\\d.,/-])\\d{2} ?\\d{3} ?\\d{3} ?\\d{3}(?![\\d/-]|[.,]\\d)"_s);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (isValidGermanTaxId(digitsOnly(m.captured())))
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::TaxId});
    }
}

void PiiDetector::findIps(const QString &text, QList<PiiSpan> &out) const
{
    static const QRegularExpression v4(u"(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\w]|\\.\\d)"_s);
    for (auto it = v4.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validIpv4(m.capturedView()) && !afterVersionWord(text, m.capturedStart()))
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::IpAddress});
    }
    static const QRegularExpression v6(u"(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?::\\d{1,3}(?:\\.\\d{1,3}){3})?(?![\\w:])"_s);
    for (auto it = v6.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validIpv6(m.capturedView()))
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::IpAddress});
    }
}

void PiiDetector::findDates(const QString &text, QList<PiiSpan> &out) const
{
    // A date with a time of day is a machine timestamp (logs, code), not someone's date.
    static const QRegularExpression iso(u"(?<![\\w.-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\w-]|T\\d| \\d{1,2}:\\d{2})"_s);
    for (auto it = iso.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt()))
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::Date});
    }
    static const QRegularExpression dotted(u"(?<![\\w.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?![\\w]|\\.\\d|,\\d| \\d{1,2}:\\d{2})"_s);
    for (auto it = dotted.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()) && !afterVersionWord(text, m.capturedStart()))
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::Date});
    }
    static const QRegularExpression slashed(u"(?<![\\w/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\w/])"_s);
    for (auto it = slashed.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int a = m.captured(1).toInt();
        const int b = m.captured(2).toInt();
        const int year = m.captured(3).toInt();
        if (validDate(b, a, year) || validDate(a, b, year)) // US month/day, or day/month
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::Date});
    }
    static const QString monthNames =
        u"(Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
        "January|February|March|May|June|July|October|December|Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Oct|Nov|Dez|Dec)\\.?"_s;
    static const QRegularExpression dayMonthYear(u"(?<![\\w])(\\d{1,2})\\.?\\s+"_s + monthNames + u"\\s+(\\d{4})(?![\\w])"_s,
                                                 QRegularExpression::CaseInsensitiveOption | unicode);
    for (auto it = dayMonthYear.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validDate(m.captured(1).toInt(), monthFromName(m.captured(2)), m.captured(3).toInt()))
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::Date});
    }
    static const QRegularExpression monthDayYear(u"(?<![\\w])"_s + monthNames + u"\\s+(\\d{1,2}),?\\s+(\\d{4})(?![\\w])"_s,
                                                 QRegularExpression::CaseInsensitiveOption | unicode);
    for (auto it = monthDayYear.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validDate(m.captured(2).toInt(), monthFromName(m.captured(1)), m.captured(3).toInt()))
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::Date});
    }
}

void PiiDetector::findPhones(const QString &text, QList<PiiSpan> &out) const
{
    // International: +CC or 00CC, then groups (an optional "(0)"), 8 to 15 digits in all.
    static const QRegularExpression international(
        u"(?<![\\w+])(?:\\+|00)[1-9]\\d{0,2}(?:[ ./-]?\\(0\\))?(?:[ ./-]?\\(?\\d{1,5}\\)?){1,6}(?![\\d]|[.,]\\d)"_s);
    for (auto it = international.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString digits = digitsOnly(m.captured());
        const bool separated = m.captured().contains(u' ') || m.captured().contains(u'-') || m.captured().contains(u'/')
            || m.captured().startsWith(u'+');
        if (digits.size() >= 8 && digits.size() <= 17 && separated)
            out.append({m.capturedStart(), m.capturedLength(), PiiCategory::Phone});
    }
    // National: a trunk 0 and an area code, with the usual separators.
    // A short last group after a space is a switchboard extension ("06221 54 0").
    static const QRegularExpression national(
        u"(?<![\\w/.+-])(?:\\(0\\d{1,5}\\)|0\\d{1,5})(?:[ /.-]?\\d{2,}){1,4}(?: \\d{1,2})?(?![\\d]|[.-]\\d)"_s);
    // Numbers announced as article, order, customer or invoice numbers are not phone numbers.
    static const QRegularExpression numberLabel(
        u"(?:artikel|art\\.?-?nr\\.?|bestell\\w*|kunden\\w*|rechnung\\w*|auftrag\\w*|\\bnr\\.?|order|item|article|invoice|lot|sku|ticket)"
        "[\\s:#.-]*$"_s,
        QRegularExpression::CaseInsensitiveOption | unicode);
    static const QRegularExpression looksLikeDate(u"^\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}$"_s);
    for (auto it = national.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString digits = digitsOnly(m.captured());
        if (digits.size() < 7 || digits.size() > 13 || looksLikeDate.match(m.captured()).hasMatch())
            continue;
        const qsizetype from = std::max<qsizetype>(0, m.capturedStart() - 24);
        if (numberLabel.match(text.mid(from, m.capturedStart() - from)).hasMatch())
            continue;
        out.append({m.capturedStart(), m.capturedLength(), PiiCategory::Phone});
    }
}

void PiiDetector::findListed(const QString &text, const QList<QRegularExpression> &patterns, PiiCategory category,
                             QList<PiiSpan> &out) const
{
    for (const QRegularExpression &re : patterns) {
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            out.append({m.capturedStart(), m.capturedLength(), category});
        }
    }
}

QList<PiiSpan> PiiDetector::detect(const QString &text) const
{
    QList<PiiSpan> candidates;
    findEmails(text, candidates);
    findUrls(text, candidates);
    findIbans(text, candidates);
    findCards(text, candidates);
    findTaxIds(text, candidates);
    findIps(text, candidates);
    findDates(text, candidates);
    findPhones(text, candidates);
    findListed(text, m_names, PiiCategory::PersonName, candidates);
    findListed(text, m_organizations, PiiCategory::Organization, candidates);
    // Outermost first; at equal extent the more specific category.
    std::sort(candidates.begin(), candidates.end(), [](const PiiSpan &a, const PiiSpan &b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (a.length != b.length)
            return a.length > b.length;
        return priority(a.category) < priority(b.category);
    });
    QList<PiiSpan> spans;
    qsizetype end = 0;
    for (const PiiSpan &span : std::as_const(candidates)) {
        if (span.start < end)
            continue;
        if (whitelisted(span.category, QStringView(text).mid(span.start, span.length)))
            continue;
        spans.append(span);
        end = span.start + span.length;
    }
    return spans;
}

} // namespace AgentDesk
