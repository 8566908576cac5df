#pragma once

#include "core/error.h"
#include "core/piidetector.h"
#include "core/piimask.h"

#include <QSqlDatabase>

namespace AgentDesk {

// Anonymous mode (product.md §10): replaces personal data in text with the thread's stable masks
// `{{pii:CATEGORY_N}}` (created and stored as needed, one transaction) and puts the real values
// back for display and export. Text longer than MaxInputLength code points is refused with
// ANONYMIZATION_INPUT_TOO_LONG; any failure returns an error, never unmasked text.
// Thread affinity: the thread of its connection.
class Anonymizer
{
public:
    static constexpr int MaxInputLength = 30'000;

    Anonymizer(QSqlDatabase db, PiiDetector detector) : m_db(std::move(db)), m_detector(std::move(detector)) {}
    // A detector with the user's lists and whitelists from the settings.
    static Result<Anonymizer> forUser(const QSqlDatabase &db);

    struct Masked
    {
        QString text;
        QList<PiiMask> masks; // the thread's whole dictionary after this text
        bool changed = false; // new masks were created
    };
    Result<Masked> anonymize(const QString &threadId, const QString &text) const;

    // Tokens of `masks` replaced by their values; unknown tokens stay as written.
    static QString unmask(const QString &text, const QList<PiiMask> &masks);

private:
    QSqlDatabase m_db;
    PiiDetector m_detector;
};

} // namespace AgentDesk
