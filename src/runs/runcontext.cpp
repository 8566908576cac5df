#include "runcontext.h"

#include "storage/agentrepository.h"
#include "storage/providerrepository.h"
#include "storage/threadrepository.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

Result<RunTarget> RunTarget::resolve(const QSqlDatabase &db, const QString &threadId)
{
    RunTarget target;
    auto thread = ThreadRepository(db).get(threadId);
    if (!thread)
        return std::unexpected(thread.error());
    target.thread = *thread;
    if (!thread->agentId.isEmpty()) {
        if (auto agent = AgentRepository(db).agent(thread->agentId))
            target.agent = *agent;
    }
    ProviderRepository providers(db);
    QString modelName = target.agent && !target.agent->model.isEmpty() ? target.agent->model : thread->model;
    Result<Model> model = modelName.isEmpty() ? providers.defaultModel() : providers.model(modelName);
    if (!model) {
        const QString message = modelName.isEmpty() ? u"No model is selected for this thread and no default model is set"_s
                                                     : u"The model %1 is not configured"_s.arg(modelName);
        return makeError(u"RUN_NO_MODEL_FOUND"_s, message);
    }
    target.model = *model;
    auto provider = providers.providerById(model->providerId);
    if (!provider)
        return makeError(u"RUN_NO_MODEL_FOUND"_s, u"The provider of %1 is not configured"_s.arg(model->qualifiedName()));
    target.provider = *provider;
    return target;
}

} // namespace AgentDesk
