#pragma once

#include "streamparser.h"

#include "core/thinktagsplitter.h"

#include <memory>

namespace AgentDesk {

namespace Json {
class Reader;
}

// OpenAI Chat Completions chunks (protocols.md A1), also for OpenAI-compatible servers:
// `reasoning_content` / `reasoning` become thinking (one of them, never both), `<think>` tags in
// the content optionally too; `[DONE]` terminates; an `error` object inside the stream becomes an
// error chunk; usage-only chunks with empty, null or missing `choices` are read.
class OpenAiStreamParser : public StreamParser
{
public:
    explicit OpenAiStreamParser(bool splitThinkTags = false);
    ~OpenAiStreamParser() override;

    Framing framing() const override { return Framing::Sse; }
    void parse(QByteArrayView eventType, QByteArrayView data, QList<StreamChunk> &out) override;
    void finish(QList<StreamChunk> &out) override;

private:
    bool parseJson(QByteArrayView data, QList<StreamChunk> &out);
    void emitText(const QString &text, QList<StreamChunk> &out);

    std::unique_ptr<Json::Reader> m_reader;
    std::unique_ptr<ThinkTagSplitter> m_splitter;
};

} // namespace AgentDesk
