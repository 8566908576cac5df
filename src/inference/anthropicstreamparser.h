#pragma once

#include "streamparser.h"

#include <QHash>

#include <memory>

namespace AgentDesk {

namespace Json {
class Reader;
}

// Anthropic Messages stream events (protocols.md A2). Dispatches on the JSON `type` (the SSE event
// name only when the JSON has none); thinking with its signature (and redacted thinking, kept
// opaque) become thinking chunks, `input_json_delta` fragments join their tool_use block, usage is
// cumulative, `message_stop` terminates, an `error` event becomes an error chunk.
class AnthropicStreamParser : public StreamParser
{
public:
    AnthropicStreamParser();
    ~AnthropicStreamParser() override;

    Framing framing() const override { return Framing::Sse; }
    void parse(QByteArrayView eventType, QByteArrayView data, QList<StreamChunk> &out) override;

private:
    std::unique_ptr<Json::Reader> m_reader;
    QHash<qint64, QString> m_toolIdByBlock;
};

} // namespace AgentDesk
