#include "toolresultcollectorservice.h"

#include "anonymizer.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
const QString displayed = ToolResultCollectorService::displayedText();
const QString external = ToolResultCollectorService::externallyHandledText();

QString usageError(const QString &message)
{
    return u"The tool didn't provide any result due to the following error in tool usage: "_s + message;
}
} // namespace

QJsonObject ToolResultCollectorService::withoutNulls(const QJsonObject &arguments)
{
    QJsonObject out;
    for (auto it = arguments.begin(); it != arguments.end(); ++it) {
        if (!it.value().isNull())
            out.insert(it.key(), it.value());
    }
    return out;
}

QString ToolResultCollectorService::truncated(const QString &result)
{
    if (result.size() <= MaxResultLength)
        return result;
    return u"The tool result was too long to display. Please use the tool in a way that produces a shorter result. "
           "Here's the beginning of the result: "_s
        + result.left(TruncatedPreviewLength);
}

bool ToolResultCollectorService::endsRun(const Message &assistant, const ToolRegistry &registry)
{
    bool anyCall = false;
    bool widget = false;
    bool allValid = true;
    for (const ContentPart &part : assistant.content) {
        const auto *call = std::get_if<ToolUsePart>(&part);
        if (!call)
            continue;
        anyCall = true;
        const Tool *tool = registry.find(call->name);
        if (!tool) {
            allValid = false;
            continue;
        }
        if (tool->kind() == ToolKind::ExternallyHandled)
            widget = true;
        if ((tool->kind() == ToolKind::ExternallyHandled || tool->kind() == ToolKind::AcknowledgedDisplay)
            && !registry.validate(call->name, withoutNulls(call->params)).isEmpty())
            allValid = false;
    }
    return !anyCall || (widget && allValid);
}

void ToolResultCollectorService::collect(const Message &assistant, const ToolRegistry &registry, const QString &threadId,
                                         std::optional<RunToolResultInput> explicitResult, const Anonymizer *anonymizer, Done done)
{
    m_calls.clear();
    for (const ContentPart &part : assistant.content) {
        if (const auto *call = std::get_if<ToolUsePart>(&part))
            m_calls.append(*call);
    }
    m_index = 0;
    m_registry = &registry;
    m_threadId = threadId;
    m_explicit = std::move(explicitResult);
    m_anonymizer = anonymizer;
    m_done = std::move(done);
    m_result = PhaseResult{};
    ++m_generation;
    next();
}

void ToolResultCollectorService::settle(const ToolUsePart &call, const QString &text, bool succeeded, bool mayTruncate, bool personal)
{
    QString result = mayTruncate ? truncated(text) : text;
    if (personal && m_anonymizer) {
        auto masked = m_anonymizer->anonymize(m_threadId, result);
        if (!masked) {
            // Fail closed: an unmasked result must not reach the model.
            m_result.error = Error{u"RUN_ANONYMIZATION_UNAVAILABLE"_s,
                                   u"Anonymization is currently unavailable. The tool result was not sent to protect your data."_s,
                                   {{u"cause"_s, masked.error().code}}};
            Done done = std::move(m_done);
            m_done = nullptr;
            return done(m_result);
        }
        result = masked->text;
    }
    m_result.results.append(ToolResultPart{call.id, call.name, result, !succeeded, {}});
    m_result.outcomes.append({call.name, result, succeeded});
    ++m_index;
    next();
}

void ToolResultCollectorService::next()
{
    if (!m_done)
        return;
    if (m_index >= m_calls.size()) {
        Done done = std::move(m_done);
        m_done = nullptr;
        return done(m_result);
    }
    const ToolUsePart call = m_calls.at(m_index);
    Tool *tool = m_registry->find(call.name);
    if (!tool) {
        return settle(call, u"A tool with the name %1 was not found. Only use tools that are available in your given list of tools."_s.arg(call.name),
                      false, false, false);
    }
    const bool explicitForCall = m_explicit && m_explicit->toolId == call.id;
    const QJsonObject arguments = withoutNulls(call.params);
    switch (tool->kind()) {
    case ToolKind::AcknowledgedDisplay:
    case ToolKind::ExternallyHandled: {
        if (explicitForCall) // the user already interacted with it
            return settle(call, m_explicit->result, true, false, false);
        if (const QString error = m_registry->validate(call.name, arguments); !error.isEmpty())
            return settle(call, usageError(error), false, false, false);
        return settle(call, tool->kind() == ToolKind::ExternallyHandled ? external : displayed, true, false, false);
    }
    case ToolKind::Backend:
    case ToolKind::Hybrid: {
        if (const QString error = m_registry->validate(call.name, arguments); !error.isEmpty())
            return settle(call, usageError(error), false, false, false);
        if (!m_gate)
            return run(call, tool, arguments, explicitForCall);
        const quint64 generation = m_generation;
        m_gate(call, *tool, [this, generation, call, tool, arguments, explicitForCall](bool allowed) {
            if (!m_done || generation != m_generation)
                return; // stopped meanwhile
            if (!allowed)
                return settle(call, declinedText(), false, false, false);
            run(call, tool, arguments, explicitForCall);
        });
        return;
    }
    }
}

void ToolResultCollectorService::run(const ToolUsePart &call, Tool *tool, const QJsonObject &arguments, bool explicitForCall)
{
    {
        m_running = tool;
        const bool hybrid = tool->kind() == ToolKind::Hybrid;
        const bool personal = tool->returnsPersonalData();
        const std::optional<RunToolResultInput> explicitResult = explicitForCall ? m_explicit : std::nullopt;
        tool->execute(arguments, ToolContext{m_threadId, call.id}, [this, call, hybrid, personal, explicitResult](ToolResult result) {
            m_running = nullptr;
            if (!m_done)
                return; // cancelled meanwhile
            if (result.failed)
                return settle(call, usageError(result.text), false, true, personal);
            if (hybrid)
                return settle(call, explicitResult ? explicitResult->result : displayed, true, false, false);
            settle(call, result.text, true, true, personal);
        });
    }
}

void ToolResultCollectorService::cancel()
{
    if (!m_done)
        return;
    if (m_running) {
        m_running->cancel();
        m_running = nullptr;
    }
    m_result.cancelled = true;
    ++m_generation;
    Done done = std::move(m_done);
    m_done = nullptr;
    done(m_result);
}

} // namespace AgentDesk
