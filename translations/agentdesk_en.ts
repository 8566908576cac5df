<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentDesk::AgentEditor</name>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="74"/>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="82"/>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="117"/>
        <source>Agents and skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="120"/>
        <location filename="../src/ui/agenteditor.cpp" line="161"/>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="121"/>
        <location filename="../src/ui/agenteditor.cpp" line="226"/>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="170"/>
        <source>Agent name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="172"/>
        <source>Agent description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="175"/>
        <source>Agent instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="177"/>
        <source>Agent model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="178"/>
        <source>Built-in tools of the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="179"/>
        <source>Skills of the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="180"/>
        <source>MCP servers of the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="181"/>
        <source>Sources of the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="184"/>
        <location filename="../src/ui/agenteditor.cpp" line="245"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="185"/>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="186"/>
        <location filename="../src/ui/agenteditor.cpp" line="247"/>
        <source>Instructions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="187"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="188"/>
        <source>Tools:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="189"/>
        <source>Skills:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="190"/>
        <location filename="../src/ui/agenteditor.cpp" line="250"/>
        <source>MCP servers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="191"/>
        <location filename="../src/ui/agenteditor.cpp" line="251"/>
        <source>Sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="193"/>
        <location filename="../src/ui/agenteditor.cpp" line="252"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="196"/>
        <location filename="../src/ui/agenteditor.cpp" line="255"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="197"/>
        <source>New agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="199"/>
        <location filename="../src/ui/agenteditor.cpp" line="258"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="200"/>
        <source>Delete the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="202"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="203"/>
        <source>Export the agent as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="205"/>
        <source>Export agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="206"/>
        <location filename="../src/ui/agenteditor.cpp" line="213"/>
        <source>Agent files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="210"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="211"/>
        <source>Import an agent from JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="213"/>
        <source>Import agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="235"/>
        <source>Skill name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="237"/>
        <source>Short description of the skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="239"/>
        <source>Skill instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="240"/>
        <source>Offered to the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="241"/>
        <source>Shown as a quick action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="242"/>
        <source>MCP servers of the skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="243"/>
        <source>Sources of the skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="246"/>
        <source>Short description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="256"/>
        <source>New skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="259"/>
        <source>Delete the skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="261"/>
        <source>Export SKILL.md…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="263"/>
        <source>Export skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="263"/>
        <location filename="../src/ui/agenteditor.cpp" line="269"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="267"/>
        <source>Import SKILL.md…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="269"/>
        <source>Import skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="280"/>
        <source>The conversation&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="357"/>
        <source>Give the agent a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="365"/>
        <location filename="../src/ui/agenteditor.cpp" line="471"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="378"/>
        <location filename="../src/ui/agenteditor.cpp" line="485"/>
        <source>Deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="400"/>
        <source>%1 is not an agent file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="408"/>
        <location filename="../src/ui/agenteditor.cpp" line="513"/>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="457"/>
        <source>Give the skill a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="460"/>
        <source>Write the skill&apos;s instructions: they are what the skill does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="492"/>
        <source>Choose a skill first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ArtifactPanel</name>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="32"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="32"/>
        <source>Save as new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="33"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="37"/>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="43"/>
        <source>Artifact content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="46"/>
        <source>Edit the artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="51"/>
        <location filename="../src/ui/artifactpanel.cpp" line="123"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="64"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="65"/>
        <source>Compare with the current version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="66"/>
        <source>Revert to this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="80"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="81"/>
        <source>Compare the chosen version with the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="87"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="88"/>
        <source>Revert to the chosen version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="96"/>
        <location filename="../src/ui/artifactpanel.cpp" line="103"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="97"/>
        <source>Export the artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="219"/>
        <source>Version %1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="220"/>
        <source>Version %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="248"/>
        <source>Version %1 → %2: %3 line(s) added, %4 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="281"/>
        <source>Nothing is being edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="288"/>
        <source>Saved as version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="305"/>
        <source>Version %1 restored as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="313"/>
        <source>Unknown format %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="326"/>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="327"/>
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
        <location filename="../src/ui/chatpane.cpp" line="84"/>
        <source>Send a first message, then activate a skill for this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="105"/>
        <source>Copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="113"/>
        <source>The event could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="118"/>
        <source>The event was handed to your calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="280"/>
        <source>No model is set up yet. Add a provider and a model in Settings (Ctrl+,).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/chatpane.cpp" line="338"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="357"/>
        <source>The API key could not be read from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="444"/>
        <source>Editing a message: Send replaces it and everything after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="510"/>
        <source>%1 in · %2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="539"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="542"/>
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
        <location filename="../src/ui/composer.cpp" line="238"/>
        <source>Pasted image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="268"/>
        <source>Remove attachment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="274"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="297"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="297"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="298"/>
        <source>Stop the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="298"/>
        <source>Send the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="299"/>
        <source>Stop (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="299"/>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="329"/>
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
        <location filename="../src/ui/conversationview.cpp" line="467"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/conversationviewinput.cpp" line="177"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/conversationviewinput.cpp" line="182"/>
        <source>Copy message</source>
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
        <location filename="../src/ui/mainwindow.cpp" line="42"/>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="96"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="98"/>
        <source>Undo the deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="138"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="139"/>
        <source>&amp;New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="143"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="146"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="151"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="152"/>
        <source>&amp;Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="155"/>
        <source>&amp;Go to conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="159"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="160"/>
        <source>Show &amp;archived conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="164"/>
        <source>A&amp;rtifacts panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="172"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="173"/>
        <source>&amp;Agents and skills…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="175"/>
        <source>&amp;Usage and budgets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="182"/>
        <source>&amp;Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="183"/>
        <source>&amp;Stop the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="190"/>
        <source>&amp;Allow the waiting tool call once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="191"/>
        <source>Allow the waiting tool for this &amp;thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="192"/>
        <source>&amp;Deny the waiting tool call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="209"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::MarkdownFlow</name>
    <message>
        <location filename="../src/ui/markdownflow.cpp" line="301"/>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/markdownflow.cpp" line="305"/>
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
        <translation>
            <numerusform>Ready, %n tool</numerusform>
            <numerusform>Ready, %n tools</numerusform>
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
        <location filename="../src/ui/mcpserverspage.cpp" line="38"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="43"/>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="50"/>
        <source>Server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="51"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="52"/>
        <source>Local program (stdio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="53"/>
        <source>Remote (Streamable HTTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="54"/>
        <source>Remote (HTTP with SSE, legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="55"/>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="57"/>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="63"/>
        <source>Tools of the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="65"/>
        <source>Server log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="80"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="81"/>
        <source>Add an MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="83"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="84"/>
        <source>Remove the MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="89"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="90"/>
        <source>Import servers from an mcpServers JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="92"/>
        <source>Import MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="92"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="97"/>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="101"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="107"/>
        <source>Connect and list tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="112"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="113"/>
        <source>Transport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="114"/>
        <source>Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="115"/>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="123"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="126"/>
        <source>Tools:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="128"/>
        <source>Log (stderr):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="231"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="260"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/mcpserverspage.cpp" line="263"/>
        <source>%n server(s) imported.</source>
        <translation>
            <numerusform>%n server imported.</numerusform>
            <numerusform>%n servers imported.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="273"/>
        <source>Save the server first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::MessageDelegate</name>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="334"/>
        <source>Allow once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="335"/>
        <source>Allow for this thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="336"/>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="292"/>
        <location filename="../src/ui/messagedelegate.cpp" line="395"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/widgetcards.cpp" line="27"/>
        <source>**To:** %1  
**Subject:** %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="285"/>
        <source>Open in mail app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="286"/>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="291"/>
        <source>Add to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="398"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="400"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="403"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="405"/>
        <location filename="../src/ui/messagedelegate.cpp" line="513"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="676"/>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/messagedelegate.cpp" line="687"/>
        <source>Thought for %n second(s)</source>
        <translation>
            <numerusform>Thought for %n second</numerusform>
            <numerusform>Thought for %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="686"/>
        <source>Thoughts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="493"/>
        <source>E-mail draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="494"/>
        <source>Calendar event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="508"/>
        <source>Waiting for your approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="511"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="511"/>
        <source>No result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="516"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="522"/>
        <source>Result of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="530"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="534"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="547"/>
        <source>Image missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="701"/>
        <source>Hide thoughts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="701"/>
        <source>Show thoughts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="702"/>
        <source>Hide the details of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="703"/>
        <source>Show the details of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="714"/>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="720"/>
        <source>Copy the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="732"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="732"/>
        <source>Tool result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="732"/>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="735"/>
        <source>(writing…)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ProvidersPage</name>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="50"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="50"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="51"/>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="52"/>
        <source>Default model for new conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="53"/>
        <source>Writes conversation titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="54"/>
        <source>Only in anonymous mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="58"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="66"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="68"/>
        <source>Add a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="73"/>
        <source>Other (enter the details)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="75"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="77"/>
        <source>Remove the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="81"/>
        <source>Provider name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="83"/>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="87"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="90"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="93"/>
        <source>Environment variable with the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="94"/>
        <source>optional, e.g. OPENAI_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="99"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="102"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="105"/>
        <source>Discover models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="110"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="111"/>
        <source>Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="112"/>
        <source>Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="113"/>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="114"/>
        <source>Or from variable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="124"/>
        <location filename="../src/ui/providerspage.cpp" line="215"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="131"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="132"/>
        <source>The model can call tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="133"/>
        <source>The model reads images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="134"/>
        <source>The model reasons before answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="136"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="137"/>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="138"/>
        <source>Context window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="143"/>
        <source>no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="145"/>
        <source>Input price per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="146"/>
        <source>Output price per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="149"/>
        <source>Save model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="155"/>
        <source>Add model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="156"/>
        <source>Add a model by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="159"/>
        <location filename="../src/ui/providerspage.cpp" line="382"/>
        <source>Save the provider first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="161"/>
        <source>Add model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="161"/>
        <source>Model name as the provider knows it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="173"/>
        <source>Remove model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="192"/>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="193"/>
        <source>Can:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="194"/>
        <source>Context window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="195"/>
        <source>Input $ / 1M tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="196"/>
        <source>Output $ / 1M tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="213"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="275"/>
        <source>not needed for local servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="276"/>
        <source>stored in the system keychain (type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="322"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="333"/>
        <source>The provider was saved, but the system keychain refused the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="341"/>
        <source>Saved. The key is in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="359"/>
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
        <location filename="../src/ui/providerspage.cpp" line="391"/>
        <source>Connected. %1 offers %n model(s).</source>
        <translation>
            <numerusform>Connected. %1 offers %n model.</numerusform>
            <numerusform>Connected. %1 offers %n models.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/providerspage.cpp" line="409"/>
        <source>%n new model(s) added.</source>
        <translation>
            <numerusform>%n new model added.</numerusform>
            <numerusform>%n new models added.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="452"/>
        <source>Choose a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="470"/>
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
        <location filename="../src/ui/settingsdialog.cpp" line="47"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="76"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="78"/>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="81"/>
        <source>Providers and models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="81"/>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="81"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="82"/>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="82"/>
        <location filename="../src/ui/settingsdialog.cpp" line="261"/>
        <source>Tool approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="83"/>
        <source>Appearance and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="120"/>
        <source>Your instructions for every conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="121"/>
        <source>For example: answer in German; I work as a tax advisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="126"/>
        <source>Start new conversations in anonymous mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="130"/>
        <source>Monthly budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="134"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="137"/>
        <source>Model turns per answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="141"/>
        <location filename="../src/ui/settingsdialog.cpp" line="205"/>
        <location filename="../src/ui/settingsdialog.cpp" line="269"/>
        <location filename="../src/ui/settingsdialog.cpp" line="352"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="144"/>
        <source>Monthly budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="145"/>
        <source>Model turns per answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="147"/>
        <source>Your instructions, added to every conversation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="170"/>
        <source>%1 / %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="180"/>
        <source>Your instructions are %1 characters long; at most %2 fit. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="195"/>
        <source>Names to mask, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="198"/>
        <source>Organisations to mask, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="201"/>
        <source>Values never masked, as category: value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="207"/>
        <source>In anonymous mode these are replaced by placeholders before anything reaches the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="210"/>
        <source>People (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="213"/>
        <source>Organisations (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="218"/>
        <source>Never mask (category: value, one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="249"/>
        <source>“%1” is not of the form category: value. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="262"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="262"/>
        <source>When the model calls it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="271"/>
        <source>Whether a tool runs at once, asks you first, or never runs. Tools of MCP servers ask unless you decide otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="299"/>
        <source>Policy for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="301"/>
        <source>run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="301"/>
        <source>ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="301"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="302"/>
        <source>Default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="303"/>
        <source>Run without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="304"/>
        <source>Ask me first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="305"/>
        <source>Never run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="335"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="336"/>
        <location filename="../src/ui/settingsdialog.cpp" line="343"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="337"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="338"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="342"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="352"/>
        <source>Saved. The language changes when AgentDesk starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="355"/>
        <source>Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="356"/>
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
        <location filename="../src/ui/usageview.cpp" line="36"/>
        <source>Usage chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="52"/>
        <source>No usage in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="93"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="94"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="95"/>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="95"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="95"/>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="97"/>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="98"/>
        <source>By day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="98"/>
        <source>By model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="101"/>
        <source>Usage table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="113"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="115"/>
        <source>Monthly budget, all providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="116"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="117"/>
        <source>Monthly budget of the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="124"/>
        <source>Save budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="128"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="135"/>
        <source>Budgets (runs stop when a budget is used up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="137"/>
        <source>All providers, per month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="141"/>
        <source>One provider, per month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="216"/>
        <source>%1 input and %2 output tokens, $%3 in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="221"/>
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
        <location filename="../src/ui/welcomepage.cpp" line="161"/>
        <source>Looking for Ollama, LM Studio and llama.cpp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="166"/>
        <source>No local model server is running (Ollama on port 11434, LM Studio on 1234, llama.cpp on 8080). Start one and look again, or use a cloud service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/welcomepage.cpp" line="179"/>
        <source>%1 with %n model(s)</source>
        <translation>
            <numerusform>%1 with %n model</numerusform>
            <numerusform>%1 with %n models</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="180"/>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="202"/>
        <source>%1 was not found on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/main.cpp" line="82"/>
        <source>AgentDesk, a desktop client for AI models and agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="85"/>
        <source>Data directory holding agentdesk.sqlite3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="86"/>
        <source>Save a picture of the main window to FILE and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="88"/>
        <source>Open the conversation with this ID at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="104"/>
        <source>AgentDesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="105"/>
        <source>The database could not be opened:

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
