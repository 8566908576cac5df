<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentDesk::ChatPane</name>
    <message numerus="yes">
        <location filename="../src/ui/chatpane.cpp" line="337"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::McpServerListModel</name>
    <message numerus="yes">
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="29"/>
        <source>Ready, %n tool(s)</source>
        <translation>
            <numerusform>Ready, %n tool</numerusform>
            <numerusform>Ready, %n tools</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::McpServersPage</name>
    <message numerus="yes">
        <location filename="../src/ui/mcpserverspage.cpp" line="265"/>
        <source>%n server(s) imported.</source>
        <translation>
            <numerusform>%n server imported.</numerusform>
            <numerusform>%n servers imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::MessageDelegate</name>
    <message numerus="yes">
        <location filename="../src/ui/messagedelegate.cpp" line="404"/>
        <source>Thought for %n second(s)</source>
        <translation>
            <numerusform>Thought for %n second</numerusform>
            <numerusform>Thought for %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::ProvidersPage</name>
    <message numerus="yes">
        <location filename="../src/ui/providerspage.cpp" line="431"/>
        <source>Connected. %1 offers %n model(s).</source>
        <translation>
            <numerusform>Connected. %1 offers %n model.</numerusform>
            <numerusform>Connected. %1 offers %n models.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/providerspage.cpp" line="449"/>
        <source>%n new model(s) added.</source>
        <translation>
            <numerusform>%n new model added.</numerusform>
            <numerusform>%n new models added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::ThreadSidebar</name>
    <message numerus="yes">
        <location filename="../src/ui/threadsidebar.cpp" line="244"/>
        <source>The search was shortened to its first %n different word(s).</source>
        <translation>
            <numerusform>The search was shortened to its first %n different word.</numerusform>
            <numerusform>The search was shortened to its first %n different words.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::WelcomePage</name>
    <message numerus="yes">
        <location filename="../src/ui/welcomepage.cpp" line="179"/>
        <source>%1 with %n model(s)</source>
        <translation>
            <numerusform>%1 with %n model</numerusform>
            <numerusform>%1 with %n models</numerusform>
        </translation>
    </message>
</context>
</TS>
