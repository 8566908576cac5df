#include "provider.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

QString providerKindName(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi: return u"openai"_s;
    case ProviderKind::OpenAiCompatible: return u"openai-compatible"_s;
    case ProviderKind::Anthropic: return u"anthropic"_s;
    case ProviderKind::Ollama: return u"ollama"_s;
    case ProviderKind::Gemini: return u"gemini"_s;
    }
    return {};
}

std::optional<ProviderKind> providerKindFromName(QStringView name)
{
    for (auto kind : {ProviderKind::OpenAi, ProviderKind::OpenAiCompatible, ProviderKind::Anthropic,
                      ProviderKind::Ollama, ProviderKind::Gemini}) {
        if (name == providerKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QStringList providerKindNames()
{
    return {u"openai"_s, u"openai-compatible"_s, u"anthropic"_s, u"ollama"_s, u"gemini"_s};
}

} // namespace AgentDesk
