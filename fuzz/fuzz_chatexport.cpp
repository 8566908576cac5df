// libFuzzer: an export's conversations.json, hostile. The array splitter never crashes and hands
// out elements whose bytes are a slice of the input (whatever the chunking); every element read as
// a ChatGPT and as a Claude conversation never crashes, and what comes out is a tree: each
// message's parent comes before it, ids are unique, every part fits its role, and the shown leaf
// is one of the messages.
#include "importing/chatgptexport.h"
#include "importing/claudeexport.h"
#include "importing/jsonarraysplitter.h"

#include <QJsonDocument>
#include <QSet>

#include <cstdlib>

using namespace AgentDesk;

namespace {

void check(const Result<ImportedConversation> &read)
{
    if (!read)
        return;
    QSet<QString> seen;
    for (const ImportedMessage &m : read->messages) {
        if (m.originId.isEmpty() || seen.contains(m.originId))
            std::abort();
        if (!m.parentOriginId.isEmpty() && !seen.contains(m.parentOriginId))
            std::abort();
        if (!m.message.hasValidContentForRole())
            std::abort();
        seen.insert(m.originId);
    }
    if (!read->activeLeafOriginId.isEmpty() && !seen.contains(read->activeLeafOriginId))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype cut = size > 0 ? qsizetype(data[0]) % qsizetype(size) : 0;
    JsonArraySplitter splitter(1 << 20);
    const auto element = [&](QByteArrayView piece) {
        if (piece.size() > bytes.size())
            std::abort();
        const QJsonObject json = QJsonDocument::fromJson(piece.toByteArray()).object();
        check(ChatGptExport::conversation(json, {}));
        check(ClaudeExport::conversation(json));
        return true;
    };
    if (splitter.feed(bytes.first(cut), element))
        (void)splitter.feed(bytes.sliced(cut), element);
    (void)splitter.finish();
    return 0;
}
