<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentDesk::AgentEditor</name>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="77"/>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="85"/>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="96"/>
        <source>Agents and skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="99"/>
        <location filename="../src/ui/agenteditor.cpp" line="140"/>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="100"/>
        <location filename="../src/ui/agenteditor.cpp" line="221"/>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="149"/>
        <source>Agent name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="151"/>
        <source>Agent description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="154"/>
        <source>Agent instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="156"/>
        <source>Agent model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="157"/>
        <source>Built-in tools of the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="158"/>
        <source>Skills of the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="159"/>
        <source>MCP servers of the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="160"/>
        <source>Sources of the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="163"/>
        <location filename="../src/ui/agenteditor.cpp" line="240"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="164"/>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="165"/>
        <location filename="../src/ui/agenteditor.cpp" line="242"/>
        <source>Instructions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="166"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="167"/>
        <source>Tools:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="168"/>
        <source>Skills:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="169"/>
        <location filename="../src/ui/agenteditor.cpp" line="245"/>
        <source>MCP servers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="170"/>
        <location filename="../src/ui/agenteditor.cpp" line="246"/>
        <source>Sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="172"/>
        <location filename="../src/ui/agenteditor.cpp" line="247"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="175"/>
        <location filename="../src/ui/agenteditor.cpp" line="250"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="176"/>
        <source>New agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="178"/>
        <location filename="../src/ui/agenteditor.cpp" line="253"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="179"/>
        <source>Delete the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="181"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="182"/>
        <source>Export the agent as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="184"/>
        <source>Export agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="185"/>
        <location filename="../src/ui/agenteditor.cpp" line="192"/>
        <source>Agent files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="189"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="190"/>
        <source>Import an agent from JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="192"/>
        <source>Import agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="230"/>
        <source>Skill name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="232"/>
        <source>Short description of the skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="234"/>
        <source>Skill instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="235"/>
        <source>Offered to the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="236"/>
        <source>Shown as a quick action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="237"/>
        <source>MCP servers of the skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="238"/>
        <source>Sources of the skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="241"/>
        <source>Short description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="251"/>
        <source>New skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="254"/>
        <source>Delete the skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="256"/>
        <source>Export SKILL.md…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="258"/>
        <source>Export skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="258"/>
        <location filename="../src/ui/agenteditor.cpp" line="264"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="262"/>
        <source>Import SKILL.md…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="264"/>
        <source>Import skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="291"/>
        <source>The conversation&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="368"/>
        <source>Give the agent a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="376"/>
        <location filename="../src/ui/agenteditor.cpp" line="482"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="389"/>
        <location filename="../src/ui/agenteditor.cpp" line="496"/>
        <source>Deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="411"/>
        <source>%1 is not an agent file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="419"/>
        <location filename="../src/ui/agenteditor.cpp" line="524"/>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="468"/>
        <source>Give the skill a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="471"/>
        <source>Write the skill&apos;s instructions: they are what the skill does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="503"/>
        <source>Choose a skill first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ArtifactPanel</name>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="31"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="31"/>
        <source>Save as new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="32"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="36"/>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="42"/>
        <source>Artifact content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="45"/>
        <source>Edit the artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="50"/>
        <location filename="../src/ui/artifactpanel.cpp" line="122"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="63"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="64"/>
        <source>Compare with the current version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="65"/>
        <source>Revert to this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="79"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="80"/>
        <source>Compare the chosen version with the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="86"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="87"/>
        <source>Revert to the chosen version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="95"/>
        <location filename="../src/ui/artifactpanel.cpp" line="102"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="96"/>
        <source>Export the artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="213"/>
        <source>Version %1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="214"/>
        <source>Version %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="242"/>
        <source>Version %1 → %2: %3 line(s) added, %4 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="275"/>
        <source>Nothing is being edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="282"/>
        <source>Saved as version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="299"/>
        <source>Version %1 restored as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="307"/>
        <source>Unknown format %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="320"/>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="321"/>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ArtifactVersionModel</name>
    <message>
        <location filename="../src/itemmodels/artifactlistmodel.cpp" line="54"/>
        <source>Version %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/artifactlistmodel.cpp" line="56"/>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/artifactlistmodel.cpp" line="56"/>
        <source>assistant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatPane</name>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="86"/>
        <source>Send a first message, then activate a skill for this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="107"/>
        <source>Copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="115"/>
        <source>The event could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="120"/>
        <source>The event was handed to your calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="282"/>
        <source>No model is set up yet. Add a provider and a model in Settings (Ctrl+,).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="340"/>
        <location filename="../src/ui/chatpane.cpp" line="484"/>
        <source>The API key could not be read from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="434"/>
        <source>Editing a message: Send replaces it and everything after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="516"/>
        <source>%1 in · %2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="545"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="548"/>
        <source>Full-size image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::Composer</name>
    <message>
        <location filename="../src/ui/composer.cpp" line="87"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="88"/>
        <source>Message the assistant (Enter sends, Shift+Enter adds a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="112"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="116"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="121"/>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="122"/>
        <source>Skill quick actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="128"/>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="129"/>
        <source>Anonymous mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="130"/>
        <source>Mask names, e-mail addresses and other personal data before they reach the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="138"/>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="139"/>
        <location filename="../src/ui/composer.cpp" line="141"/>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="243"/>
        <source>Pasted image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="273"/>
        <source>Remove attachment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="279"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="302"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="302"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="303"/>
        <source>Stop the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="303"/>
        <source>Send the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="304"/>
        <source>Stop (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="304"/>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="334"/>
        <source>No agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ConversationView</name>
    <message>
        <location filename="../src/ui/conversationview.cpp" line="27"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/conversationview.cpp" line="439"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::MainWindow</name>
    <message numerus="yes">
        <source>%n conversation(s). Select one to read it.</source>
        <translation type="vanished">
            <numerusform>%n conversation. Select it to read it.</numerusform>
            <numerusform>%n conversations. Select one to read it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="41"/>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="94"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="96"/>
        <source>Undo the deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="136"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="137"/>
        <source>&amp;New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="141"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="144"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="149"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="150"/>
        <source>&amp;Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="153"/>
        <source>&amp;Go to conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="157"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="158"/>
        <source>Show &amp;archived conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="162"/>
        <source>A&amp;rtifacts panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="170"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="171"/>
        <source>&amp;Agents and skills…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="173"/>
        <source>&amp;Usage and budgets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="180"/>
        <source>&amp;Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="181"/>
        <source>&amp;Stop the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="186"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::MarkdownFlow</name>
    <message>
        <location filename="../src/ui/markdownflow.cpp" line="270"/>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/markdownflow.cpp" line="274"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::McpServerListModel</name>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="24"/>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="32"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="26"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="27"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="29"/>
        <source>Ready, %n tool(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="30"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="31"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::McpServersPage</name>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="37"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="42"/>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="49"/>
        <source>Server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="50"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="51"/>
        <source>Local program (stdio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="52"/>
        <source>Remote (Streamable HTTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="53"/>
        <source>Remote (HTTP with SSE, legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="54"/>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="56"/>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="62"/>
        <source>Tools of the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="64"/>
        <source>Server log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="79"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="80"/>
        <source>Add an MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="82"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="83"/>
        <source>Remove the MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="88"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="89"/>
        <source>Import servers from an mcpServers JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="91"/>
        <source>Import MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="91"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="96"/>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="100"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="106"/>
        <source>Connect and list tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="111"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="112"/>
        <source>Transport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="113"/>
        <source>Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="114"/>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="122"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="125"/>
        <source>Tools:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="127"/>
        <source>Log (stderr):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="230"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="259"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/mcpserverspage.cpp" line="262"/>
        <source>%n server(s) imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="272"/>
        <source>Save the server first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::MessageDelegate</name>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="469"/>
        <source>Allow once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="470"/>
        <source>Allow for this thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="471"/>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="427"/>
        <location filename="../src/ui/messagedelegate.cpp" line="530"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="60"/>
        <source>**To:** %1  
**Subject:** %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="420"/>
        <source>Open in mail app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="421"/>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="426"/>
        <source>Add to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="533"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="535"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="538"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="540"/>
        <location filename="../src/ui/messagedelegate.cpp" line="653"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="604"/>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/messagedelegate.cpp" line="606"/>
        <source>Thought for %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="608"/>
        <source>Thoughts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="628"/>
        <source>E-mail draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="629"/>
        <source>Calendar event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="648"/>
        <source>Waiting for your approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="651"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="651"/>
        <source>No result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="656"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="662"/>
        <source>Result of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="670"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="674"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="687"/>
        <source>Image missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ProvidersPage</name>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="53"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="53"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="54"/>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="55"/>
        <source>Default model for new conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="56"/>
        <source>Writes conversation titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="57"/>
        <source>Only in anonymous mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="61"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="69"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="71"/>
        <source>Add a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="76"/>
        <source>Other (enter the details)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="78"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="80"/>
        <source>Remove the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="84"/>
        <source>Provider name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="86"/>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="90"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="93"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="96"/>
        <source>Environment variable with the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="97"/>
        <source>optional, e.g. OPENAI_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="102"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="105"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="108"/>
        <source>Discover models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="113"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="114"/>
        <source>Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="115"/>
        <source>Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="116"/>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="117"/>
        <source>Or from variable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="127"/>
        <location filename="../src/ui/providerspage.cpp" line="218"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="134"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="135"/>
        <source>The model can call tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="136"/>
        <source>The model reads images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="137"/>
        <source>The model reasons before answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="139"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="140"/>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="141"/>
        <source>Context window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="146"/>
        <source>no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="148"/>
        <source>Input price per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="149"/>
        <source>Output price per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="152"/>
        <source>Save model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="158"/>
        <source>Add model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="159"/>
        <source>Add a model by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="162"/>
        <location filename="../src/ui/providerspage.cpp" line="382"/>
        <source>Save the provider first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="164"/>
        <source>Add model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="164"/>
        <source>Model name as the provider knows it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="176"/>
        <source>Remove model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="195"/>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="196"/>
        <source>Can:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="197"/>
        <source>Context window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="198"/>
        <source>Input $ / 1M tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="199"/>
        <source>Output $ / 1M tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="216"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="272"/>
        <source>not needed for local servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="273"/>
        <source>stored in the system keychain (type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="319"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="331"/>
        <source>The provider was saved, but the system keychain refused the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="338"/>
        <source>Saved. The key is in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="357"/>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="380"/>
        <source>Enter the provider&apos;s base URL first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="383"/>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/providerspage.cpp" line="394"/>
        <source>Connected. %1 offers %n model(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/providerspage.cpp" line="412"/>
        <source>%n new model(s) added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="455"/>
        <source>Choose a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="473"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::QuickSwitcher</name>
    <message>
        <location filename="../src/ui/quickswitcher.cpp" line="19"/>
        <source>Go to conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/quickswitcher.cpp" line="23"/>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/quickswitcher.cpp" line="24"/>
        <source>Type to find a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/quickswitcher.cpp" line="27"/>
        <source>Matching conversations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::RunController</name>
    <message>
        <location filename="../src/runs/runcontroller.cpp" line="39"/>
        <source>This conversation is still answering. Stop it or wait until it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SearchResultModel</name>
    <message>
        <location filename="../src/itemmodels/searchresultmodel.cpp" line="29"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsDialog</name>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="46"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="66"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="68"/>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="71"/>
        <source>Providers and models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="71"/>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="71"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="72"/>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="72"/>
        <location filename="../src/ui/settingsdialog.cpp" line="257"/>
        <source>Tool approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="73"/>
        <source>Appearance and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="110"/>
        <source>Your instructions for every conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="111"/>
        <source>For example: answer in German; I work as a tax advisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="116"/>
        <source>Start new conversations in anonymous mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="120"/>
        <source>Monthly budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="124"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="127"/>
        <source>Model turns per answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="131"/>
        <location filename="../src/ui/settingsdialog.cpp" line="198"/>
        <location filename="../src/ui/settingsdialog.cpp" line="265"/>
        <location filename="../src/ui/settingsdialog.cpp" line="351"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="134"/>
        <source>Monthly budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="135"/>
        <source>Model turns per answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="137"/>
        <source>Your instructions, added to every conversation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="163"/>
        <source>%1 / %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="173"/>
        <source>Your instructions are %1 characters long; at most %2 fit. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="188"/>
        <source>Names to mask, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="191"/>
        <source>Organisations to mask, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="194"/>
        <source>Values never masked, as category: value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="200"/>
        <source>In anonymous mode these are replaced by placeholders before anything reaches the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="203"/>
        <source>People (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="206"/>
        <source>Organisations (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="211"/>
        <source>Never mask (category: value, one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="245"/>
        <source>“%1” is not of the form category: value. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="258"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="258"/>
        <source>When the model calls it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="267"/>
        <source>Whether a tool runs at once, asks you first, or never runs. Tools of MCP servers ask unless you decide otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="298"/>
        <source>Policy for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="300"/>
        <source>run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="300"/>
        <source>ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="300"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="301"/>
        <source>Default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="302"/>
        <source>Run without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="303"/>
        <source>Ask me first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="304"/>
        <source>Never run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="334"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="335"/>
        <location filename="../src/ui/settingsdialog.cpp" line="342"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="336"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="337"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="341"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="351"/>
        <source>Saved. The language changes when AgentDesk starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="354"/>
        <source>Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="355"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ThreadListModel</name>
    <message>
        <location filename="../src/itemmodels/threadlistmodel.cpp" line="20"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ThreadSidebar</name>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="33"/>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="34"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="35"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="36"/>
        <source>Previous 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="37"/>
        <source>Older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="151"/>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="152"/>
        <source>Search conversations (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="167"/>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="177"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="242"/>
        <source>No conversation contains “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="278"/>
        <source>A title cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="315"/>
        <location filename="../src/ui/threadsidebar.cpp" line="328"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="316"/>
        <source>Deleted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="328"/>
        <source>Restored “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="361"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="363"/>
        <source>Rename conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="363"/>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="370"/>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="370"/>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="371"/>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="371"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="374"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::UsageTotalsModel</name>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="92"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="92"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="93"/>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="94"/>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="95"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="96"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::UsageView</name>
    <message>
        <location filename="../src/ui/usageview.cpp" line="37"/>
        <source>Usage chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="53"/>
        <source>No usage in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="94"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="95"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="96"/>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="96"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="96"/>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="98"/>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="99"/>
        <source>By day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="99"/>
        <source>By model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="102"/>
        <source>Usage table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="114"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="116"/>
        <source>Monthly budget, all providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="117"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="118"/>
        <source>Monthly budget of the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="125"/>
        <source>Save budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="129"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="136"/>
        <source>Budgets (runs stop when a budget is used up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="138"/>
        <source>All providers, per month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="142"/>
        <source>One provider, per month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="217"/>
        <source>%1 input and %2 output tokens, $%3 in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="222"/>
        <source>This month: $%1 of the $%2 budget.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::WelcomePage</name>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="37"/>
        <source>Welcome to AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="42"/>
        <source>To start a conversation, connect a model: one running on this computer, or a cloud service with your API key. Keys are kept in your system&apos;s keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="48"/>
        <source>On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="52"/>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="54"/>
        <source>Look for local model servers again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="61"/>
        <source>Cloud services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="71"/>
        <source>Set up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="76"/>
        <source>Other…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="77"/>
        <source>Set up another provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="81"/>
        <source>Continue without a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="163"/>
        <source>Looking for Ollama, LM Studio and llama.cpp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="168"/>
        <source>No local model server is running (Ollama on port 11434, LM Studio on 1234, llama.cpp on 8080). Start one and look again, or use a cloud service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/welcomepage.cpp" line="181"/>
        <source>%1 with %n model(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="182"/>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="204"/>
        <source>%1 was not found on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/main.cpp" line="81"/>
        <source>AgentDesk, a desktop client for AI models and agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="84"/>
        <source>Data directory holding agentdesk.sqlite3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="85"/>
        <source>Save a picture of the main window to FILE and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="87"/>
        <source>Open the conversation with this ID at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="103"/>
        <source>AgentDesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="104"/>
        <source>The database could not be opened:

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
