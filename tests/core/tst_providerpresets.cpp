#include "core/providerpresets.h"

#include <QSet>
#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestProviderPresets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void localServersOnTheirDefaultPorts_data();
    void localServersOnTheirDefaultPorts();
    void everyPresetIsUsable();
};

void TestProviderPresets::localServersOnTheirDefaultPorts_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind");
    QTest::addRow("ollama") << u"ollama"_s << u"http://127.0.0.1:11434"_s << int(ProviderKind::Ollama);
    QTest::addRow("ollama /v1") << u"ollama-openai"_s << u"http://127.0.0.1:11434/v1"_s << int(ProviderKind::OpenAiCompatible);
    QTest::addRow("lm studio") << u"lmstudio"_s << u"http://127.0.0.1:1234/v1"_s << int(ProviderKind::OpenAiCompatible);
    QTest::addRow("llama.cpp") << u"llamacpp"_s << u"http://127.0.0.1:8080/v1"_s << int(ProviderKind::OpenAiCompatible);
    QTest::addRow("anthropic") << u"anthropic"_s << u"https://api.anthropic.com/v1"_s << int(ProviderKind::Anthropic);
}

void TestProviderPresets::localServersOnTheirDefaultPorts()
{
    QFETCH(QString, id);
    QFETCH(QString, url);
    QFETCH(int, kind);
    const ProviderPreset *preset = ProviderPresets::find(id);
    QVERIFY(preset);
    QCOMPARE(preset->baseUrl.toString(), url);
    QCOMPARE(int(preset->kind), kind);
    QCOMPARE(preset->local, preset->baseUrl.host() == "127.0.0.1"_L1);
}

void TestProviderPresets::everyPresetIsUsable()
{
    QSet<QString> ids;
    for (const auto &preset : ProviderPresets::all()) {
        QVERIFY2(!ids.contains(preset.id), qPrintable(preset.id));
        ids.insert(preset.id);
        QVERIFY(preset.baseUrl.isValid());
        QCOMPARE(preset.needsApiKey, !preset.local);
        QVERIFY(!preset.displayName.isEmpty());
    }
    QCOMPARE(ProviderPresets::find(u"nonexistent"_s), nullptr);
}

QTEST_GUILESS_MAIN(TestProviderPresets)
#include "tst_providerpresets.moc"
