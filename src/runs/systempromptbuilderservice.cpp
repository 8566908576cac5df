#include "systempromptbuilderservice.h"

#include "core/systemprompt.h"
#include "storage/agentrepository.h"
#include "storage/settingsrepository.h"
#include "storage/sourcerepository.h"
#include "storage/threadrepository.h"
#include "tools/builtintools.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString fileType(const Source &source)
{
    if (source.kind == SourceKind::Text)
        return u"TEXT"_s;
    const QString suffix = QFileInfo(source.name).suffix().toUpper();
    if (suffix == "MD"_L1)
        return u"MARKDOWN"_s;
    return suffix.isEmpty() ? u"FILE"_s : suffix;
}

SystemPrompt::FileStatus fileStatus(SourceStatus status)
{
    switch (status) {
    case SourceStatus::Ready: return SystemPrompt::FileStatus::Ready;
    case SourceStatus::Processing: return SystemPrompt::FileStatus::Processing;
    case SourceStatus::Failed: return SystemPrompt::FileStatus::Failed;
    }
    return SystemPrompt::FileStatus::Failed;
}

} // namespace

Result<QString> SystemPromptBuilderService::build(const RunTarget &target, const ToolRegistry &tools, bool anonymous,
                                                  const QDate &today, const QString &activatedSkillName) const
{
    SystemPrompt::Input input;
    input.date = today;
    input.toolsAllowed = target.model.capabilities.tools;
    input.anonymous = anonymous;
    input.activatedSkillName = activatedSkillName;
    for (const auto &tool : tools.tools())
        input.tools.append({tool->name(), tool->longDescription()});
    if (tools.find(u"activate_skill"_s)) {
        const QList<ActivateSkillTool::Entry> entries =
            ActivateSkillTool::entriesFor(m_db, true, target.agent ? target.agent->skillIds : QStringList());
        const auto skills = AgentRepository(m_db).skills();
        for (const auto &entry : entries) {
            QString description;
            for (const Skill &skill : skills.value_or(QList<Skill>())) {
                if (skill.id == entry.skillId)
                    description = skill.shortDescription;
            }
            input.skills.append({entry.slug, description});
        }
    }
    ThreadRepository threads(m_db);
    SourceRepository sources(m_db);
    QStringList sourceIds;
    auto attached = threads.attachments(target.thread.id, ThreadRepository::AttachmentKind::Source);
    if (!attached)
        return std::unexpected(attached.error());
    for (const auto &a : *attached)
        sourceIds << a.id;
    if (target.agent) {
        for (const QString &id : target.agent->sourceIds) {
            if (!sourceIds.contains(id))
                sourceIds << id;
        }
    }
    for (const QString &id : std::as_const(sourceIds)) {
        if (const auto source = sources.get(id))
            input.files.append({source->id, source->name, fileType(*source), fileStatus(source->status), source->error});
    }
    auto kbs = threads.attachments(target.thread.id, ThreadRepository::AttachmentKind::KnowledgeBase);
    if (!kbs)
        return std::unexpected(kbs.error());
    for (const auto &a : *kbs) {
        if (const auto kb = sources.knowledgeBase(a.id))
            input.knowledgeBases.append({kb->id, kb->name});
    }
    if (target.agent) {
        input.agentName = target.agent->name;
        input.agentInstructions = target.agent->instructions;
    }
    auto settings = SettingsRepository(m_db).chatSettings();
    if (!settings)
        return std::unexpected(settings.error());
    input.userInstructions = settings->userSystemPrompt;
    return SystemPrompt::build(input);
}

} // namespace AgentDesk
