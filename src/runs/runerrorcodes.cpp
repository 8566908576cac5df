#include "runerrorcodes.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace AgentDesk {

const QStringList &RunErrorCodes::all()
{
    static const QStringList codes = {
        u"RUN_INVALID_INPUT"_s, u"RUN_MAX_ITERATIONS_REACHED"_s, u"RUN_TOOL_EXECUTION_FAILED"_s, u"RUN_NO_MODEL_FOUND"_s,
        u"RUN_ANONYMIZATION_UNAVAILABLE"_s, u"ANONYMIZATION_INPUT_TOO_LONG"_s, u"INFERENCE_FAILED"_s,
        u"INFERENCE_MALFORMED_TOOL_CALL"_s, u"INFERENCE_TOKEN_LIMIT"_s, u"INFERENCE_ABORTED"_s,
        u"INFERENCE_IMAGE_TOO_LARGE"_s, u"INFERENCE_TIMEOUT"_s, u"MODEL_RATE_LIMIT_EXCEEDED"_s,
        u"MESSAGE_CREATION_FAILED"_s, u"PROVIDER_AUTH_FAILED"_s, u"BUDGET_EXCEEDED"_s, u"CONTEXT_TOO_LONG"_s,
        u"RUN_THREAD_BUSY"_s,
    };
    return codes;
}

namespace {
const QRegularExpression &providerUnavailable()
{
    static const QRegularExpression re(u"^PROVIDER_UNAVAILABLE_(CONNECTION|TIMEOUT|SERVER|REJECTED)_[A-Z0-9_]+$"_s);
    return re;
}
} // namespace

bool RunErrorCodes::isKnown(const QString &code)
{
    return all().contains(code) || providerUnavailable().match(code).hasMatch();
}

bool RunErrorCodes::isTransient(const QString &code)
{
    return code == "MODEL_RATE_LIMIT_EXCEEDED"_L1 || code == "INFERENCE_TIMEOUT"_L1
        || providerUnavailable().match(code).hasMatch();
}

} // namespace AgentDesk
