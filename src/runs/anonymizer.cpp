#include "anonymizer.h"

#include "core/piiunmasker.h"

#include "storage/piimaskrepository.h"
#include "storage/settingsrepository.h"
#include "storage/sqlhelpers.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace AgentDesk {

Result<Anonymizer> Anonymizer::forUser(const QSqlDatabase &db)
{
    auto privacy = SettingsRepository(db).privacySettings();
    if (!privacy)
        return std::unexpected(privacy.error());
    PiiDetector::Options options;
    options.personNames = privacy->personNames;
    options.organizations = privacy->organizations;
    for (PiiCategory category : PiiDetector::allCategories()) {
        const QStringList patterns = privacy->whitelist.value(PiiDetector::categoryName(category));
        if (!patterns.isEmpty())
            options.whitelist.insert(category, patterns);
    }
    return Anonymizer(db, PiiDetector(options));
}

Result<Anonymizer::Masked> Anonymizer::anonymize(const QString &threadId, const QString &text) const
{
    const qsizetype codePoints = text.toUcs4().size();
    if (codePoints > MaxInputLength) {
        return makeError(u"ANONYMIZATION_INPUT_TOO_LONG"_s,
                         u"The text has %1 characters; anonymous mode can check at most %2 at a time."_s.arg(codePoints).arg(MaxInputLength),
                         {{u"length"_s, codePoints}, {u"maxLength"_s, MaxInputLength}});
    }
    const QList<PiiSpan> spans = m_detector.detect(text);
    return Sql::transaction(m_db, [&]() -> Result<Masked> {
        PiiMaskRepository repository(m_db);
        auto before = repository.masks(threadId);
        if (!before)
            return std::unexpected(before.error());
        Masked masked;
        masked.text = text;
        // End to start, so earlier offsets stay valid.
        for (qsizetype i = spans.size() - 1; i >= 0; --i) {
            const PiiSpan &span = spans.at(i);
            auto mask = repository.maskFor(threadId, PiiDetector::categoryName(span.category), text.mid(span.start, span.length));
            if (!mask)
                return std::unexpected(mask.error());
            masked.text.replace(span.start, span.length, mask->token);
        }
        auto after = repository.masks(threadId);
        if (!after)
            return std::unexpected(after.error());
        masked.changed = after->size() != before->size();
        masked.masks = *after;
        return masked;
    });
}

QString Anonymizer::unmask(const QString &text, const QList<PiiMask> &masks)
{
    return PiiUnmasker(masks).unmask(text);
}

} // namespace AgentDesk
