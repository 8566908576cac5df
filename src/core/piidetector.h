#pragma once

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace AgentDesk {

// The categories anonymous mode masks (product.md §10).
enum class PiiCategory { Email, Phone, Iban, CreditCard, IpAddress, Url, Date, TaxId, PersonName, Organization };

// One detected value: [start, start + length) of the text.
struct PiiSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    PiiCategory category = PiiCategory::Email;
    friend bool operator==(const PiiSpan &, const PiiSpan &) = default;
};

// Finds personal data locally, in C++: e-mail addresses, phone numbers (international and German
// or other European national formats), IBANs (length per country and mod-97), credit card numbers
// (issuer prefix and Luhn), IPv4/IPv6 addresses, URLs, calendar dates, German tax identification
// numbers (digit rule and check digit), and the user's lists of names and organisations. Checks
// that can be computed are computed, so order numbers, version strings, timestamps and code are
// left alone. Overlaps keep the outermost span. Whitelisted values (per category, full-match,
// case-insensitive patterns) are not reported. Pure logic, any thread; const use is thread-safe.
class PiiDetector
{
public:
    struct Options
    {
        QStringList personNames;
        QStringList organizations;
        QHash<PiiCategory, QStringList> whitelist; // regular expressions
    };

    PiiDetector();
    explicit PiiDetector(const Options &options);

    QList<PiiSpan> detect(const QString &text) const;

    // "EMAIL_ADDRESS", "PHONE_NUMBER", … as in `{{pii:EMAIL_ADDRESS_1}}`.
    static QString categoryName(PiiCategory category);
    static QList<PiiCategory> allCategories();

    static bool isValidIban(QStringView compact);
    static bool passesLuhn(QStringView digits);
    static bool isValidGermanTaxId(QStringView digits);

private:
    void findEmails(const QString &text, QList<PiiSpan> &out) const;
    void findUrls(const QString &text, QList<PiiSpan> &out) const;
    void findIbans(const QString &text, QList<PiiSpan> &out) const;
    void findCards(const QString &text, QList<PiiSpan> &out) const;
    void findTaxIds(const QString &text, QList<PiiSpan> &out) const;
    void findIps(const QString &text, QList<PiiSpan> &out) const;
    void findDates(const QString &text, QList<PiiSpan> &out) const;
    void findPhones(const QString &text, QList<PiiSpan> &out) const;
    void findListed(const QString &text, const QList<QRegularExpression> &patterns, PiiCategory category, QList<PiiSpan> &out) const;
    bool whitelisted(PiiCategory category, QStringView value) const;

    QList<QRegularExpression> m_names;
    QList<QRegularExpression> m_organizations;
    QHash<PiiCategory, QList<QRegularExpression>> m_whitelist;
};

} // namespace AgentDesk
