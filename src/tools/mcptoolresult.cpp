#include "mcptoolresult.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

bool forTheModel(const QJsonObject &block)
{
    const QJsonValue audience = block.value("annotations"_L1).toObject().value("audience"_L1);
    if (!audience.isArray())
        return true;
    return audience.toArray().contains(u"assistant"_s);
}

// The size of base64 data, decoded.
qint64 decodedSize(const QString &base64)
{
    const qint64 padding = base64.endsWith(u"=="_s) ? 2 : base64.endsWith(u'=') ? 1 : 0;
    return std::max<qint64>(0, base64.size() / 4 * 3 - padding);
}

QString describeBinary(const QString &what, const QString &mimeType, const QString &data)
{
    return u"[%1 (%2, %3 bytes) shown to the user]"_s.arg(what, mimeType.isEmpty() ? u"unknown type"_s : mimeType).arg(decodedSize(data));
}

} // namespace

ToolResult McpToolResult::toToolResult(const QJsonObject &callToolResult)
{
    QStringList parts;
    bool hasText = false;
    for (const QJsonValue &value : callToolResult.value("content"_L1).toArray()) {
        const QJsonObject block = value.toObject();
        if (!forTheModel(block))
            continue;
        const QString type = block.value("type"_L1).toString();
        if (type == "text"_L1) {
            parts << block.value("text"_L1).toString();
            hasText = true;
        } else if (type == "image"_L1) {
            parts << describeBinary(u"image"_s, block.value("mimeType"_L1).toString(), block.value("data"_L1).toString());
        } else if (type == "audio"_L1) {
            parts << describeBinary(u"audio"_s, block.value("mimeType"_L1).toString(), block.value("data"_L1).toString());
        } else if (type == "resource"_L1) {
            const QJsonObject resource = block.value("resource"_L1).toObject();
            const QString uri = resource.value("uri"_L1).toString();
            if (resource.contains("text"_L1)) {
                parts << u"Resource %1:\n%2"_s.arg(uri, resource.value("text"_L1).toString());
                hasText = true;
            } else {
                parts << describeBinary(u"resource "_s + uri, resource.value("mimeType"_L1).toString(), resource.value("blob"_L1).toString());
            }
        } else if (type == "resource_link"_L1) {
            QString link = u"Resource link: %1 (%2)"_s.arg(block.value("name"_L1).toString(), block.value("uri"_L1).toString());
            if (const QString description = block.value("description"_L1).toString(); !description.isEmpty())
                link += u" — "_s + description;
            parts << link;
        } else if (!type.isEmpty()) {
            parts << u"[content of type %1]"_s.arg(type);
        }
    }
    // Structured content is mirrored as text by well-behaved servers; sent only when it is not.
    if (!hasText && callToolResult.value("structuredContent"_L1).isObject())
        parts << QString::fromUtf8(QJsonDocument(callToolResult.value("structuredContent"_L1).toObject()).toJson(QJsonDocument::Compact));
    QString text = parts.join(u"\n\n"_s);
    if (text.isEmpty())
        text = u"The tool returned no content."_s;
    return ToolResult{text, callToolResult.value("isError"_L1).toBool()};
}

} // namespace AgentDesk
