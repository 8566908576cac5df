#pragma once

#include "streamparser.h"

#include <memory>

namespace AgentDesk {

namespace Json {
class Reader;
}

// Gemini streamGenerateContent?alt=sse (protocols.md A4): parts with `thought: true` are thinking,
// function calls come whole (ids synthesized, stable within the response, when absent), thought
// signatures are kept for echoing, usage is cumulative, a `finishReason` is the end of the
// response, a blocked prompt (`promptFeedback.blockReason`) becomes an error chunk.
class GeminiStreamParser : public StreamParser
{
public:
    GeminiStreamParser();
    ~GeminiStreamParser() override;

    Framing framing() const override { return Framing::Sse; }
    void parse(QByteArrayView eventType, QByteArrayView data, QList<StreamChunk> &out) override;

private:
    std::unique_ptr<Json::Reader> m_reader;
    int m_calls = 0;
};

} // namespace AgentDesk
