#pragma once

#include "streamparser.h"

#include <memory>

namespace AgentDesk {

namespace Json {
class Reader;
}

// Ollama's native /api/chat NDJSON (protocols.md A3): whole tool calls with object arguments (ids
// synthesized when the server sends none), `thinking`, `done: true` terminates with usage from
// `prompt_eval_count`/`eval_count`; `done_reason: "stop"` after tool calls is a tool-call turn; an
// `{"error": …}` line becomes an error chunk. Content that begins with a `<think>` block (models
// without Ollama's own thinking support) has that block as thinking.
class OllamaStreamParser : public StreamParser
{
public:
    OllamaStreamParser();
    ~OllamaStreamParser() override;

    Framing framing() const override { return Framing::Ndjson; }
    void parse(QByteArrayView eventType, QByteArrayView data, QList<StreamChunk> &out) override;
    void finish(QList<StreamChunk> &out) override;

private:
    std::unique_ptr<Json::Reader> m_reader;
    ThinkTagSplitter m_splitter; // a model that writes its reasoning into the content
    int m_calls = 0;
};

} // namespace AgentDesk
