#pragma once

// A representative conversation for the request-building tests: system prompt, a user message
// with an image, an assistant turn with thinking, text and a tool call, its result, a follow-up.

#include "core/inferencerequest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace AgentDesk::Test {

inline InferenceRequest sampleRequest()
{
    using namespace Qt::StringLiterals;
    InferenceRequest r;
    r.model = u"model-x"_s;
    r.systemPrompt = u"You are helpful."_s;
    r.images.insert(u"b10b"_s, QByteArray("PNGDATA"));
    Message user;
    user.role = MessageRole::User;
    user.content = {TextPart{u"What is on this picture?"_s, false, {}, {}}, ImagePart{0, u"image/png"_s, {}, u"b10b"_s, {}}};
    Message assistant;
    assistant.role = MessageRole::Assistant;
    assistant.content = {ThinkingPart{u"Look closely."_s, u"0"_s, u"sig-1"_s, {}, {}}, TextPart{u"Let me check."_s, false, {}, {}},
                         ToolUsePart{u"call_1"_s, u"lookup"_s, QJsonObject{{u"q"_s, u"cat"_s}}, std::nullopt,
                                     QJsonObject{{u"thoughtSignature"_s, u"ts-1"_s}}, {}}};
    Message tool;
    tool.role = MessageRole::Tool;
    tool.content = {ToolResultPart{u"call_1"_s, u"lookup"_s, u"A cat."_s, false, {}}};
    Message followUp;
    followUp.role = MessageRole::User;
    followUp.content = {TextPart{u"Thanks!"_s, false, {}, {}}};
    r.messages = {user, assistant, tool, followUp};
    r.tools = {ToolDefinition{u"lookup"_s, u"Looks things up."_s,
                              QJsonObject{{u"$schema"_s, u"http://json-schema.org/draft-07/schema#"_s},
                                          {u"type"_s, u"object"_s},
                                          {u"properties"_s, QJsonObject{{u"q"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
                                          {u"required"_s, QJsonArray{u"q"_s}},
                                          {u"additionalProperties"_s, false}}}};
    r.maxOutputTokens = 1000;
    return r;
}

inline QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace AgentDesk::Test
