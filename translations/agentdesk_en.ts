<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentDesk::ChatPane</name>
    <message numerus="yes">
        <location filename="../src/ui/chatpane.cpp" line="348"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::HistoryActions</name>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="95"/>
        <source>%n conversation(s), </source>
        <translation>
            <numerusform>%n conversation, </numerusform>
            <numerusform>%n conversations, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="95"/>
        <location filename="../src/ui/historyactions.cpp" line="108"/>
        <location filename="../src/ui/historyactions.cpp" line="153"/>
        <location filename="../src/ui/historyactions.cpp" line="173"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="107"/>
        <source>Imported from %1: %n conversation(s)</source>
        <translation>
            <numerusform>Imported from %1: %n conversation</numerusform>
            <numerusform>Imported from %1: %n conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="108"/>
        <source>%n image(s).</source>
        <translation>
            <numerusform>%n image.</numerusform>
            <numerusform>%n images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="110"/>
        <source>%n conversation(s) were imported before and had nothing new.</source>
        <translation>
            <numerusform>%n conversation was imported before and had nothing new.</numerusform>
            <numerusform>%n conversations were imported before and had nothing new.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="115"/>
        <source>%n item(s) skipped; see the details.</source>
        <translation>
            <numerusform>%n item skipped; see the details.</numerusform>
            <numerusform>%n items skipped; see the details.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="153"/>
        <source>Exported %n conversation(s)</source>
        <translation>
            <numerusform>Exported %n conversation</numerusform>
            <numerusform>Exported %n conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="154"/>
        <location filename="../src/ui/historyactions.cpp" line="174"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="173"/>
        <source>Backed up %n conversation(s)</source>
        <translation>
            <numerusform>Backed up %n conversation</numerusform>
            <numerusform>Backed up %n conversations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::LocalApiPage</name>
    <message numerus="yes">
        <location filename="../src/ui/localapipage.cpp" line="237"/>
        <source>Serving, %n request(s) being answered</source>
        <translation>
            <numerusform>Serving, %n request being answered</numerusform>
            <numerusform>Serving, %n requests being answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::MainWindow</name>
    <message numerus="yes">
        <location filename="../src/ui/mainwindow.cpp" line="336"/>
        <source>Local API: %1 · %n answering</source>
        <translation>
            <numerusform>Local API: %1 · %n answering</numerusform>
            <numerusform>Local API: %1 · %n answering</numerusform>
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
        <location filename="../src/ui/mcpserverspage.cpp" line="284"/>
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
        <location filename="../src/ui/messagedelegate.cpp" line="472"/>
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
        <location filename="../src/ui/threadsidebar.cpp" line="261"/>
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
