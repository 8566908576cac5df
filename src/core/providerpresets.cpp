#include "providerpresets.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

const QList<ProviderPreset> &ProviderPresets::all()
{
    static const QList<ProviderPreset> presets = {
        {u"openai"_s, u"OpenAI"_s, ProviderKind::OpenAi, QUrl(u"https://api.openai.com/v1"_s), true, false},
        {u"anthropic"_s, u"Anthropic"_s, ProviderKind::Anthropic, QUrl(u"https://api.anthropic.com/v1"_s), true, false},
        {u"gemini"_s, u"Google Gemini"_s, ProviderKind::Gemini, QUrl(u"https://generativelanguage.googleapis.com/v1beta"_s), true, false},
        {u"ollama"_s, u"Ollama"_s, ProviderKind::Ollama, QUrl(u"http://127.0.0.1:11434"_s), false, true},
        {u"ollama-openai"_s, u"Ollama (OpenAI-compatible)"_s, ProviderKind::OpenAiCompatible, QUrl(u"http://127.0.0.1:11434/v1"_s), false, true},
        {u"lmstudio"_s, u"LM Studio"_s, ProviderKind::OpenAiCompatible, QUrl(u"http://127.0.0.1:1234/v1"_s), false, true},
        {u"llamacpp"_s, u"llama.cpp server"_s, ProviderKind::OpenAiCompatible, QUrl(u"http://127.0.0.1:8080/v1"_s), false, true},
        {u"vllm"_s, u"vLLM"_s, ProviderKind::OpenAiCompatible, QUrl(u"http://127.0.0.1:8000/v1"_s), false, true},
        {u"openrouter"_s, u"OpenRouter"_s, ProviderKind::OpenAiCompatible, QUrl(u"https://openrouter.ai/api/v1"_s), true, false},
        {u"mistral"_s, u"Mistral"_s, ProviderKind::OpenAiCompatible, QUrl(u"https://api.mistral.ai/v1"_s), true, false},
        {u"groq"_s, u"Groq"_s, ProviderKind::OpenAiCompatible, QUrl(u"https://api.groq.com/openai/v1"_s), true, false},
        {u"deepseek"_s, u"DeepSeek"_s, ProviderKind::OpenAiCompatible, QUrl(u"https://api.deepseek.com/v1"_s), true, false},
        // Azure: replace RESOURCE and DEPLOYMENT; the api-version query and the api-key header are
        // handled for every *.openai.azure.com URL.
        {u"azure"_s, u"Azure OpenAI"_s, ProviderKind::OpenAiCompatible,
         QUrl(u"https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT?api-version=2024-10-21"_s), true, false},
    };
    return presets;
}

const ProviderPreset *ProviderPresets::find(const QString &id)
{
    for (const auto &preset : all()) {
        if (preset.id == id)
            return &preset;
    }
    return nullptr;
}

} // namespace AgentDesk
