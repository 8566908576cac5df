#pragma once

#include <QString>
#include <QStringList>

namespace AgentDesk {

// The error codes a run reports (product.md §5). `PROVIDER_UNAVAILABLE_<CLASS>_<PROVIDER>` is a
// family; isKnown() accepts its members.
class RunErrorCodes
{
public:
    static const QStringList &all();
    static bool isKnown(const QString &code);
    // Whether sending the same request again may succeed (rate limits, time-outs, outages).
    static bool isTransient(const QString &code);
};

} // namespace AgentDesk
