#pragma once

#include "core/agent.h"
#include "core/error.h"
#include "core/model.h"
#include "core/provider.h"
#include "core/thread.h"

#include <QSqlDatabase>

#include <optional>

namespace AgentDesk {

// Who answers a thread: its agent (if any and still there), the model — the agent's overrides the
// thread's, the default model stands in when neither names one — and that model's provider.
struct RunTarget
{
    Thread thread;
    std::optional<Agent> agent;
    Model model;
    Provider provider;

    // RUN_NO_MODEL_FOUND when no model can be determined or the named one is gone.
    static Result<RunTarget> resolve(const QSqlDatabase &db, const QString &threadId);
};

} // namespace AgentDesk
