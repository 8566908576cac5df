#include "enumnames.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString enumName(SourceStatus value)
{
    switch (value) {
    case SourceStatus::Processing: return u"processing"_s;
    case SourceStatus::Ready: return u"ready"_s;
    case SourceStatus::Failed: return u"failed"_s;
    }
    return {};
}

QString enumName(SourceKind value)
{
    return value == SourceKind::File ? u"file"_s : u"text"_s;
}

QString enumName(ArtifactType value)
{
    switch (value) {
    case ArtifactType::Document: return u"document"_s;
    case ArtifactType::Spreadsheet: return u"spreadsheet"_s;
    case ArtifactType::Diagram: return u"diagram"_s;
    }
    return {};
}

QString enumName(ArtifactAuthor value)
{
    return value == ArtifactAuthor::User ? u"user"_s : u"assistant"_s;
}

QString enumName(McpTransportKind value)
{
    switch (value) {
    case McpTransportKind::Stdio: return u"stdio"_s;
    case McpTransportKind::StreamableHttp: return u"http"_s;
    case McpTransportKind::LegacySse: return u"sse"_s;
    }
    return {};
}

QString enumName(ToolPolicy value)
{
    switch (value) {
    case ToolPolicy::Allow: return u"allow"_s;
    case ToolPolicy::Ask: return u"ask"_s;
    case ToolPolicy::Deny: return u"deny"_s;
    }
    return {};
}

namespace {
template<typename E, std::size_t N>
std::optional<E> find(QStringView name, const E (&values)[N])
{
    for (E value : values) {
        if (enumName(value) == name)
            return value;
    }
    return std::nullopt;
}
} // namespace

template<>
std::optional<SourceStatus> enumFromName<SourceStatus>(QStringView name)
{
    return find(name, {SourceStatus::Processing, SourceStatus::Ready, SourceStatus::Failed});
}
template<>
std::optional<SourceKind> enumFromName<SourceKind>(QStringView name)
{
    return find(name, {SourceKind::File, SourceKind::Text});
}
template<>
std::optional<ArtifactType> enumFromName<ArtifactType>(QStringView name)
{
    return find(name, {ArtifactType::Document, ArtifactType::Spreadsheet, ArtifactType::Diagram});
}
template<>
std::optional<ArtifactAuthor> enumFromName<ArtifactAuthor>(QStringView name)
{
    return find(name, {ArtifactAuthor::User, ArtifactAuthor::Assistant});
}
template<>
std::optional<McpTransportKind> enumFromName<McpTransportKind>(QStringView name)
{
    return find(name, {McpTransportKind::Stdio, McpTransportKind::StreamableHttp, McpTransportKind::LegacySse});
}
template<>
std::optional<ToolPolicy> enumFromName<ToolPolicy>(QStringView name)
{
    return find(name, {ToolPolicy::Allow, ToolPolicy::Ask, ToolPolicy::Deny});
}

} // namespace AgentDesk
