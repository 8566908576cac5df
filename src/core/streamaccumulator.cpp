#include "streamaccumulator.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString finishReasonName(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Stop: return u"stop"_s;
    case FinishReason::Length: return u"length"_s;
    case FinishReason::ToolCalls: return u"tool_calls"_s;
    case FinishReason::ContentFilter: return u"content_filter"_s;
    case FinishReason::Other: break;
    }
    return u"other"_s;
}

namespace {

// "" (a tool without parameters) is {}; anything else must be one JSON object.
std::optional<QJsonObject> parseArguments(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

void merge(std::optional<qint64> &into, const std::optional<qint64> &value)
{
    if (value)
        into = value;
}

} // namespace

int StreamAccumulator::toolCallBlock(const ToolCallDelta &delta)
{
    auto create = [&]() {
        Block block{BlockKind::ToolCall, {}, delta.id, {}, delta.name, delta.index, delta.complete, delta.providerMetadata};
        m_blocks.append(block);
        const int at = int(m_blocks.size()) - 1;
        if (!delta.id.isEmpty())
            m_callById.insert(delta.id, at);
        if (delta.index >= 0)
            m_callByIndex.insert(delta.index, at);
        return at;
    };
    if (delta.complete)
        return create();
    if (!delta.id.isEmpty()) {
        if (const auto it = m_callById.constFind(delta.id); it != m_callById.cend())
            return *it;
        // Fragments that came before the id (same index, no id yet) belong to this call.
        if (delta.index >= 0) {
            if (const auto it = m_callByIndex.constFind(delta.index); it != m_callByIndex.cend() && m_blocks.at(*it).id.isEmpty()) {
                m_blocks[*it].id = delta.id;
                m_callById.insert(delta.id, *it);
                return *it;
            }
        }
        return create();
    }
    if (delta.index >= 0) {
        if (const auto it = m_callByIndex.constFind(delta.index); it != m_callByIndex.cend())
            return *it;
        return create();
    }
    for (int i = int(m_blocks.size()) - 1; i >= 0; --i) {
        if (m_blocks.at(i).kind == BlockKind::ToolCall)
            return i;
    }
    return create();
}

std::optional<StreamAccumulator::Change> StreamAccumulator::apply(const StreamChunk &chunk)
{
    if (const auto *text = std::get_if<TextDelta>(&chunk)) {
        if (text->text.isEmpty() && text->providerMetadata.isEmpty())
            return std::nullopt;
        if (m_blocks.isEmpty() || m_blocks.back().kind != BlockKind::Text)
            m_blocks.append(Block{BlockKind::Text, {}, {}, {}, {}, -1, false, {}});
        Block &block = m_blocks.back();
        block.text += text->text;
        for (auto it = text->providerMetadata.begin(); it != text->providerMetadata.end(); ++it)
            block.metadata.insert(it.key(), it.value());
        if (text->text.isEmpty())
            return std::nullopt;
        return Change{int(m_blocks.size()) - 1, ContentPartType::Text, text->text, {}, {}};
    }
    if (const auto *thinking = std::get_if<ThinkingDelta>(&chunk)) {
        if (thinking->text.isEmpty())
            return std::nullopt;
        if (m_blocks.isEmpty() || m_blocks.back().kind != BlockKind::Thinking || m_blocks.back().id != thinking->blockId
            || !m_blocks.back().signature.isEmpty())
            m_blocks.append(Block{BlockKind::Thinking, {}, thinking->blockId, {}, {}, -1, false, {}});
        m_blocks.back().text += thinking->text;
        return Change{int(m_blocks.size()) - 1, ContentPartType::Thinking, thinking->text, {}, {}};
    }
    if (const auto *signature = std::get_if<ThinkingSignature>(&chunk)) {
        // Attach to the thinking block it closes; a signature-only block still has to be echoed.
        const QJsonObject metadata = signature->redacted ? QJsonObject{{u"redacted"_s, true}} : QJsonObject();
        for (int i = int(m_blocks.size()) - 1; i >= 0 && !signature->redacted; --i) {
            if (m_blocks.at(i).kind == BlockKind::Thinking && m_blocks.at(i).id == signature->blockId) {
                m_blocks[i].signature += signature->signature;
                return std::nullopt;
            }
        }
        m_blocks.append(Block{BlockKind::Thinking, {}, signature->blockId, signature->signature, {}, -1, false, metadata});
        return std::nullopt;
    }
    if (const auto *call = std::get_if<ToolCallDelta>(&chunk)) {
        const int at = toolCallBlock(*call);
        Block &block = m_blocks[at];
        if (!call->name.isEmpty())
            block.name = call->name;
        for (auto it = call->providerMetadata.begin(); it != call->providerMetadata.end(); ++it)
            block.metadata.insert(it.key(), it.value());
        block.text += call->arguments;
        return Change{at, ContentPartType::ToolUse, call->arguments, block.id, block.name};
    }
    if (const auto *finish = std::get_if<FinishChunk>(&chunk)) {
        m_finish = finish->reason;
        m_rawFinish = finish->raw;
        return std::nullopt;
    }
    if (const auto *usage = std::get_if<UsageChunk>(&chunk)) {
        merge(m_usage.inputTokens, usage->inputTokens);
        merge(m_usage.outputTokens, usage->outputTokens);
        merge(m_usage.cachedInputTokens, usage->cachedInputTokens);
        merge(m_usage.reasoningTokens, usage->reasoningTokens);
        m_usage.reasoningIncludedInOutput = usage->reasoningIncludedInOutput;
        return std::nullopt;
    }
    if (const auto *error = std::get_if<StreamErrorChunk>(&chunk))
        m_errors.append(*error);
    return std::nullopt;
}

QList<ContentPart> StreamAccumulator::content(bool keepPartialArguments) const
{
    QList<ContentPart> parts;
    parts.reserve(m_blocks.size());
    int synthesized = 0;
    for (const Block &block : m_blocks) {
        switch (block.kind) {
        case BlockKind::Text: parts.append(TextPart{block.text, false, block.metadata, {}}); break;
        case BlockKind::Thinking: parts.append(ThinkingPart{block.text, block.id, block.signature, block.metadata, {}}); break;
        case BlockKind::ToolCall: {
            ++synthesized;
            const auto arguments = parseArguments(block.text);
            QJsonObject extra;
            if (keepPartialArguments && !arguments && !block.text.isEmpty())
                extra.insert("partialArguments"_L1, block.text);
            parts.append(ToolUsePart{block.id.isEmpty() ? u"call_%1"_s.arg(synthesized) : block.id, block.name,
                                     arguments.value_or(QJsonObject()), std::nullopt, block.metadata, extra});
            break;
        }
        }
    }
    return parts;
}

QStringList StreamAccumulator::malformedToolCalls() const
{
    QStringList ids;
    int synthesized = 0;
    for (const Block &block : m_blocks) {
        if (block.kind != BlockKind::ToolCall)
            continue;
        ++synthesized;
        if (!parseArguments(block.text) || block.name.isEmpty())
            ids.append(block.id.isEmpty() ? u"call_%1"_s.arg(synthesized) : block.id);
    }
    return ids;
}

bool StreamAccumulator::hasToolCalls() const
{
    return std::any_of(m_blocks.cbegin(), m_blocks.cend(), [](const Block &b) { return b.kind == BlockKind::ToolCall; });
}

bool StreamAccumulator::hasVisibleOutput() const
{
    return std::any_of(m_blocks.cbegin(), m_blocks.cend(), [](const Block &b) {
        return b.kind == BlockKind::ToolCall || (b.kind == BlockKind::Text && !b.text.trimmed().isEmpty());
    });
}

} // namespace AgentDesk
