<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentDesk::AgentEditor</name>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="76"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="117"/>
        <source>Agents and skills</source>
        <translation>Agenten und Skills</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="120"/>
        <location filename="../src/ui/agenteditor.cpp" line="161"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="121"/>
        <location filename="../src/ui/agenteditor.cpp" line="226"/>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="170"/>
        <source>Agent name</source>
        <translation>Name des Agenten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="172"/>
        <source>Agent description</source>
        <translation>Beschreibung des Agenten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="175"/>
        <source>Agent instructions</source>
        <translation>Anweisungen des Agenten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="177"/>
        <source>Agent model</source>
        <translation>Modell des Agenten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="178"/>
        <source>Built-in tools of the agent</source>
        <translation>Eingebaute Werkzeuge des Agenten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="179"/>
        <source>Skills of the agent</source>
        <translation>Skills des Agenten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="180"/>
        <source>MCP servers of the agent</source>
        <translation>MCP-Server des Agenten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="181"/>
        <source>Sources of the agent</source>
        <translation>Quellen des Agenten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="184"/>
        <location filename="../src/ui/agenteditor.cpp" line="245"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="185"/>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="186"/>
        <location filename="../src/ui/agenteditor.cpp" line="247"/>
        <source>Instructions:</source>
        <translation>Anweisungen:</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="187"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="188"/>
        <source>Tools:</source>
        <translation>Werkzeuge:</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="189"/>
        <source>Skills:</source>
        <translation>Skills:</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="190"/>
        <location filename="../src/ui/agenteditor.cpp" line="250"/>
        <source>MCP servers:</source>
        <translation>MCP-Server:</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="191"/>
        <location filename="../src/ui/agenteditor.cpp" line="251"/>
        <source>Sources:</source>
        <translation>Quellen:</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="193"/>
        <location filename="../src/ui/agenteditor.cpp" line="252"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="196"/>
        <location filename="../src/ui/agenteditor.cpp" line="255"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="197"/>
        <source>New agent</source>
        <translation>Neuer Agent</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="199"/>
        <location filename="../src/ui/agenteditor.cpp" line="258"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="200"/>
        <source>Delete the agent</source>
        <translation>Den Agenten löschen</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="202"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="203"/>
        <source>Export the agent as JSON</source>
        <translation>Den Agenten als JSON exportieren</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="205"/>
        <source>Export agent</source>
        <translation>Agent exportieren</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="206"/>
        <location filename="../src/ui/agenteditor.cpp" line="213"/>
        <source>Agent files (*.json)</source>
        <translation>Agenten-Dateien (*.json)</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="210"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="211"/>
        <source>Import an agent from JSON</source>
        <translation>Einen Agenten aus JSON importieren</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="213"/>
        <source>Import agent</source>
        <translation>Agent importieren</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="235"/>
        <source>Skill name</source>
        <translation>Name des Skills</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="237"/>
        <source>Short description of the skill</source>
        <translation>Kurzbeschreibung des Skills</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="239"/>
        <source>Skill instructions</source>
        <translation>Anweisungen des Skills</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="240"/>
        <source>Offered to the model</source>
        <translation>Dem Modell angeboten</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="241"/>
        <source>Shown as a quick action</source>
        <translation>Als Schnellaktion angezeigt</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="242"/>
        <source>MCP servers of the skill</source>
        <translation>MCP-Server des Skills</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="243"/>
        <source>Sources of the skill</source>
        <translation>Quellen des Skills</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="246"/>
        <source>Short description:</source>
        <translation>Kurzbeschreibung:</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="256"/>
        <source>New skill</source>
        <translation>Neuer Skill</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="259"/>
        <source>Delete the skill</source>
        <translation>Den Skill löschen</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="261"/>
        <source>Export SKILL.md…</source>
        <translation>SKILL.md exportieren…</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="263"/>
        <source>Export skill</source>
        <translation>Skill exportieren</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="263"/>
        <location filename="../src/ui/agenteditor.cpp" line="269"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="267"/>
        <source>Import SKILL.md…</source>
        <translation>SKILL.md importieren…</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="269"/>
        <source>Import skill</source>
        <translation>Skill importieren</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="280"/>
        <source>The conversation&apos;s model</source>
        <translation>Das Modell der Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="357"/>
        <source>Give the agent a name.</source>
        <translation>Geben Sie dem Agenten einen Namen.</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="365"/>
        <location filename="../src/ui/agenteditor.cpp" line="471"/>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="378"/>
        <location filename="../src/ui/agenteditor.cpp" line="485"/>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="400"/>
        <source>%1 is not an agent file: %2</source>
        <translation>%1 ist keine Agenten-Datei: %2</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="408"/>
        <location filename="../src/ui/agenteditor.cpp" line="513"/>
        <source>Imported %1.</source>
        <translation>%1 importiert.</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="457"/>
        <source>Give the skill a name.</source>
        <translation>Geben Sie dem Skill einen Namen.</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="460"/>
        <source>Write the skill&apos;s instructions: they are what the skill does.</source>
        <translation>Schreiben Sie die Anweisungen des Skills: Sie bestimmen, was der Skill tut.</translation>
    </message>
    <message>
        <location filename="../src/ui/agenteditor.cpp" line="492"/>
        <source>Choose a skill first.</source>
        <translation>Wählen Sie zuerst einen Skill.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ArtifactPanel</name>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="32"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="32"/>
        <source>Save as new version</source>
        <translation>Als neue Version speichern</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="33"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="37"/>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="43"/>
        <source>Artifact content</source>
        <translation>Inhalt des Artefakts</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="46"/>
        <source>Edit the artifact</source>
        <translation>Das Artefakt bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="59"/>
        <location filename="../src/ui/artifactpanel.cpp" line="141"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="72"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="73"/>
        <source>Compare with the current version</source>
        <translation>Mit der aktuellen Version vergleichen</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="74"/>
        <source>Revert to this version</source>
        <translation>Auf diese Version zurücksetzen</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="142"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="142"/>
        <source>Compare the chosen version with the current one</source>
        <translation>Die gewählte Version mit der aktuellen vergleichen</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="143"/>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="143"/>
        <source>Revert to the chosen version</source>
        <translation>Auf die gewählte Version zurücksetzen</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="112"/>
        <location filename="../src/ui/artifactpanel.cpp" line="119"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="113"/>
        <source>Export the artifact</source>
        <translation>Das Artefakt exportieren</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="236"/>
        <source>Version %1 (current)</source>
        <translation>Version %1 (aktuell)</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="237"/>
        <source>Version %1 of %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="265"/>
        <source>Version %1 → %2: %3 line(s) added, %4 removed</source>
        <translation>Version %1 → %2: %3 Zeile(n) hinzugefügt, %4 entfernt</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="298"/>
        <source>Nothing is being edited.</source>
        <translation>Es wird nichts bearbeitet.</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="305"/>
        <source>Saved as version %1.</source>
        <translation>Als Version %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="322"/>
        <source>Version %1 restored as version %2.</source>
        <translation>Version %1 als Version %2 wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="330"/>
        <source>Unknown format %1</source>
        <translation>Unbekanntes Format %1</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="343"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../src/ui/artifactpanel.cpp" line="344"/>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ArtifactVersionModel</name>
    <message>
        <location filename="../src/itemmodels/artifactlistmodel.cpp" line="54"/>
        <source>Version %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/artifactlistmodel.cpp" line="56"/>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/artifactlistmodel.cpp" line="56"/>
        <source>assistant</source>
        <translation>Assistent</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatPane</name>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="98"/>
        <source>Send a first message, then activate a skill for this conversation.</source>
        <translation>Senden Sie eine erste Nachricht und aktivieren Sie dann einen Skill für diese Unterhaltung.</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="128"/>
        <source>Copied to the clipboard</source>
        <translation>In die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="136"/>
        <source>The event could not be written: %1</source>
        <translation>Der Termin konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="141"/>
        <source>The event was handed to your calendar.</source>
        <translation>Der Termin wurde an Ihren Kalender übergeben.</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="305"/>
        <source>No model is set up yet. Add a provider and a model in Settings (Ctrl+,).</source>
        <translation>Noch ist kein Modell eingerichtet. Fügen Sie in den Einstellungen (Strg+,) einen Anbieter und ein Modell hinzu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/chatpane.cpp" line="348"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird gelesen…</numerusform>
            <numerusform>%n Dateien werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="369"/>
        <source>The API key could not be read from the keychain: %1</source>
        <translation>Der API-Schlüssel konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="442"/>
        <source>Editing a message: Send adds your text as a new version; the old one stays.</source>
        <translation>Nachricht bearbeiten: Senden fügt Ihren Text als neue Version hinzu; die alte bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="449"/>
        <source>An edited message keeps its own images. Send the edit first, then attach files to a new message.</source>
        <translation>Eine bearbeitete Nachricht behält ihre eigenen Bilder. Senden Sie zuerst die Änderung und hängen Sie Dateien dann an eine neue Nachricht an.</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="571"/>
        <source>Forked into a new conversation</source>
        <translation>In eine neue Unterhaltung abgezweigt</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="618"/>
        <source>%1 in · %2 out</source>
        <translation>%1 ein · %2 aus</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="647"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../src/ui/chatpane.cpp" line="650"/>
        <source>Full-size image</source>
        <translation>Bild in voller Größe</translation>
    </message>
</context>
<context>
    <name>AgentDesk::Composer</name>
    <message>
        <location filename="../src/ui/composer.cpp" line="97"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="98"/>
        <source>Message the assistant (Enter sends, Shift+Enter adds a line)</source>
        <translation>Nachricht an den Assistenten (Eingabe sendet, Umschalt+Eingabe fügt eine Zeile ein)</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="125"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="129"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="134"/>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="135"/>
        <source>Skill quick actions</source>
        <translation>Skill-Schnellaktionen</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="141"/>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="142"/>
        <source>Anonymous mode</source>
        <translation>Anonymer Modus</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="143"/>
        <source>Mask names, e-mail addresses and other personal data before they reach the model</source>
        <translation>Namen, E-Mail-Adressen und andere persönliche Daten maskieren, bevor sie das Modell erreichen</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="151"/>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="152"/>
        <location filename="../src/ui/composer.cpp" line="154"/>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="252"/>
        <source>Pasted image %1</source>
        <translation>Eingefügtes Bild %1</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="282"/>
        <source>Remove attachment %1</source>
        <translation>Anhang %1 entfernen</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="288"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="311"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="311"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="312"/>
        <source>Stop the answer</source>
        <translation>Die Antwort stoppen</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="312"/>
        <source>Send the message</source>
        <translation>Die Nachricht senden</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="313"/>
        <source>Stop (Esc)</source>
        <translation>Stoppen (Esc)</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="313"/>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabe)</translation>
    </message>
    <message>
        <location filename="../src/ui/composer.cpp" line="343"/>
        <source>No agent</source>
        <translation>Kein Agent</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ConversationView</name>
    <message>
        <location filename="../src/ui/conversationview.cpp" line="28"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/ui/conversationview.cpp" line="531"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../src/ui/conversationviewinput.cpp" line="180"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../src/ui/conversationviewinput.cpp" line="186"/>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <location filename="../src/ui/conversationviewinput.cpp" line="195"/>
        <source>Fork into new conversation</source>
        <translation>In neue Unterhaltung abzweigen</translation>
    </message>
</context>
<context>
    <name>AgentDesk::DesktopApp</name>
    <message>
        <location filename="../src/app/desktopapp.cpp" line="55"/>
        <source>%1 (agent)</source>
        <translation>%1 (Agent)</translation>
    </message>
    <message>
        <location filename="../src/app/desktopapp.cpp" line="226"/>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location filename="../src/app/desktopapp.cpp" line="157"/>
        <location filename="../src/app/desktopapp.cpp" line="229"/>
        <location filename="../src/app/desktopapp.cpp" line="243"/>
        <source>Quick Ask</source>
        <translation>Schnellfrage</translation>
    </message>
    <message>
        <location filename="../src/app/desktopapp.cpp" line="157"/>
        <source>The Quick Ask window could not be loaded; its QML modules may be missing (see the log).</source>
        <translation>Das Schnellfrage-Fenster konnte nicht geladen werden; vielleicht fehlen seine QML-Module (siehe das Protokoll).</translation>
    </message>
    <message>
        <location filename="../src/app/desktopapp.cpp" line="230"/>
        <source>Show AgentDesk</source>
        <translation>AgentDesk anzeigen</translation>
    </message>
    <message>
        <location filename="../src/app/desktopapp.cpp" line="232"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>AgentDesk::HistoryActions</name>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="45"/>
        <source>&amp;Import conversations…</source>
        <translation>Unterhaltungen &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="46"/>
        <location filename="../src/ui/historyactions.cpp" line="84"/>
        <location filename="../src/ui/historyactions.cpp" line="101"/>
        <location filename="../src/ui/historyactions.cpp" line="113"/>
        <source>Import conversations</source>
        <translation>Unterhaltungen importieren</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="47"/>
        <source>ChatGPT, Claude or AgentDesk export (*.zip *.json);;All files (*)</source>
        <translation>Export von ChatGPT, Claude oder AgentDesk (*.zip *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="52"/>
        <source>&amp;Export all conversations…</source>
        <translation>Alle Unterhaltungen &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="53"/>
        <location filename="../src/ui/historyactions.cpp" line="148"/>
        <location filename="../src/ui/historyactions.cpp" line="152"/>
        <source>Export all conversations</source>
        <translation>Alle Unterhaltungen exportieren</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="55"/>
        <location filename="../src/ui/historyactions.cpp" line="63"/>
        <source>Zip archive (*.zip)</source>
        <translation>Zip-Archiv (*.zip)</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="60"/>
        <source>&amp;Back up…</source>
        <translation>&amp;Sichern…</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="61"/>
        <location filename="../src/ui/historyactions.cpp" line="169"/>
        <location filename="../src/ui/historyactions.cpp" line="172"/>
        <source>Back up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="82"/>
        <source>Reading the export…</source>
        <translation>Der Export wird gelesen…</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="82"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="95"/>
        <source>%n conversation(s), </source>
        <translation>
            <numerusform>%n Unterhaltung, </numerusform>
            <numerusform>%n Unterhaltungen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="95"/>
        <location filename="../src/ui/historyactions.cpp" line="108"/>
        <location filename="../src/ui/historyactions.cpp" line="153"/>
        <location filename="../src/ui/historyactions.cpp" line="173"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="101"/>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="106"/>
        <source>Cancelled. </source>
        <translation>Abgebrochen. </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="107"/>
        <source>Imported from %1: %n conversation(s)</source>
        <translation>
            <numerusform>Aus %1 importiert: %n Unterhaltung</numerusform>
            <numerusform>Aus %1 importiert: %n Unterhaltungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="108"/>
        <source>%n image(s).</source>
        <translation>
            <numerusform>%n Bild.</numerusform>
            <numerusform>%n Bilder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="110"/>
        <source>%n conversation(s) were imported before and had nothing new.</source>
        <translation>
            <numerusform>%n Unterhaltung war schon importiert und hatte nichts Neues.</numerusform>
            <numerusform>%n Unterhaltungen waren schon importiert und hatten nichts Neues.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="112"/>
        <source>Import the same file again to go on where it stopped.</source>
        <translation>Importieren Sie dieselbe Datei noch einmal, um dort weiterzumachen, wo es aufgehört hat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="115"/>
        <source>%n item(s) skipped; see the details.</source>
        <translation>
            <numerusform>%n Eintrag übersprungen; siehe Details.</numerusform>
            <numerusform>%n Einträge übersprungen; siehe Details.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="123"/>
        <source>Cancelling after the conversation being stored…</source>
        <translation>Abbruch nach der Unterhaltung, die gerade gespeichert wird…</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="142"/>
        <source>Exporting all conversations to %1…</source>
        <translation>Alle Unterhaltungen werden nach %1 exportiert…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="153"/>
        <source>Exported %n conversation(s)</source>
        <translation>
            <numerusform>%n Unterhaltung exportiert</numerusform>
            <numerusform>%n Unterhaltungen exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="154"/>
        <location filename="../src/ui/historyactions.cpp" line="174"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="155"/>
        <source>to %1. Import it in AgentDesk to bring everything back.</source>
        <translation>nach %1. Importieren Sie die Datei in AgentDesk, um alles zurückzuholen.</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="148"/>
        <source>Nothing was exported: %1</source>
        <translation>Nichts wurde exportiert: %1</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="156"/>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="163"/>
        <source>Backing up to %1…</source>
        <translation>Sicherung nach %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/historyactions.cpp" line="173"/>
        <source>Backed up %n conversation(s)</source>
        <translation>
            <numerusform>%n Unterhaltung gesichert</numerusform>
            <numerusform>%n Unterhaltungen gesichert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="174"/>
        <source>to %1.</source>
        <translation>nach %1.</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="169"/>
        <source>The backup failed: %1</source>
        <translation>Die Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="175"/>
        <source>Backed up to %1</source>
        <translation>Nach %1 gesichert</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="175"/>
        <source>To restore it, close AgentDesk and run: agentdesk-cli restore FILE</source>
        <translation>Zum Wiederherstellen AgentDesk schließen und ausführen: agentdesk-cli restore DATEI</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="197"/>
        <source>The automatic backup failed: %1</source>
        <translation>Die automatische Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/ui/historyactions.cpp" line="199"/>
        <source>Backed up automatically to %1</source>
        <translation>Automatisch nach %1 gesichert</translation>
    </message>
</context>
<context>
    <name>AgentDesk::LocalApiPage</name>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="40"/>
        <source>Serve the local API</source>
        <translation>Die lokale API anbieten</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="41"/>
        <location filename="../src/ui/localapipage.cpp" line="136"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="42"/>
        <source>Keep API conversations (in the API section of the thread list)</source>
        <translation>API-Unterhaltungen behalten (im Abschnitt API der Unterhaltungsliste)</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="43"/>
        <source>Allow tools that ask, for API requests</source>
        <translation>Werkzeuge, die fragen, für API-Anfragen erlauben</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="44"/>
        <location filename="../src/ui/localapipage.cpp" line="180"/>
        <source>Largest request</source>
        <translation>Größte Anfrage</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="44"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="45"/>
        <source>Requests answered at once</source>
        <translation>Gleichzeitig beantwortete Anfragen</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="46"/>
        <location filename="../src/ui/localapipage.cpp" line="182"/>
        <source>Requests a minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="51"/>
        <source>Address to listen on</source>
        <translation>Adresse, auf der gelauscht wird</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="53"/>
        <location filename="../src/ui/localapipage.cpp" line="87"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="58"/>
        <source>Base URL for clients</source>
        <translation>Basis-URL für Programme</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="61"/>
        <location filename="../src/ui/localapipage.cpp" line="94"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="66"/>
        <source>Show the access token</source>
        <translation>Das Zugriffstoken anzeigen</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="123"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="125"/>
        <source>Copy the access token</source>
        <translation>Das Zugriffstoken kopieren</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="126"/>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="128"/>
        <source>Make a new access token</source>
        <translation>Ein neues Zugriffstoken erzeugen</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="68"/>
        <source>Example request</source>
        <translation>Beispielanfrage</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="157"/>
        <source>Copy example</source>
        <translation>Beispiel kopieren</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="79"/>
        <source>Web pages allowed to call the API</source>
        <translation>Webseiten, die die API aufrufen dürfen</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="80"/>
        <source>None (for example: http://localhost:3000, https://app.example.com)</source>
        <translation>Keine (zum Beispiel: http://localhost:3000, https://app.example.com)</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="84"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="91"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="92"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="93"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="95"/>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="171"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="175"/>
        <source>No one can answer a tool&apos;s question during an API request: without this, a tool whose policy is to ask (network and MCP tools) is denied.</source>
        <translation>Während einer API-Anfrage kann niemand die Frage eines Werkzeugs beantworten: ohne diese Einstellung wird ein Werkzeug, das fragen soll (Netzwerk- und MCP-Werkzeuge), abgelehnt.</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="179"/>
        <source>Allowed web pages</source>
        <translation>Erlaubte Webseiten</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="181"/>
        <source>Answered at once</source>
        <translation>Gleichzeitig beantwortet</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="98"/>
        <source>Tools that speak the OpenAI or Anthropic API can use your models as &lt;b&gt;PROVIDER/MODEL&lt;/b&gt; and your agents as &lt;b&gt;agent/NAME&lt;/b&gt;: set their base URL to the one above and their API key to the access token.</source>
        <translation>Programme, die die OpenAI- oder Anthropic-API sprechen, können Ihre Modelle als &lt;b&gt;ANBIETER/MODELL&lt;/b&gt; und Ihre Agenten als &lt;b&gt;agent/NAME&lt;/b&gt; nutzen: Stellen Sie dort die Basis-URL von oben und als API-Schlüssel das Zugriffstoken ein.</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="101"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="136"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="141"/>
        <source>The access token was copied.</source>
        <translation>Das Zugriffstoken wurde kopiert.</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="164"/>
        <source>The example was copied, with the access token.</source>
        <translation>Das Beispiel wurde kopiert, mit dem Zugriffstoken.</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="147"/>
        <source>A new access token is in use; clients with the old one are refused.</source>
        <translation>Ein neues Zugriffstoken gilt; Programme mit dem alten werden abgewiesen.</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="223"/>
        <source>Saved. %1 can be reached from other computers: anyone there with the access token can use your agents.</source>
        <translation>Gespeichert. %1 ist von anderen Rechnern erreichbar: Wer dort das Zugriffstoken hat, kann Ihre Agenten nutzen.</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="224"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="233"/>
        <source>Not serving</source>
        <translation>Nicht aktiv</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="234"/>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="235"/>
        <source>Not serving: %1</source>
        <translation>Nicht aktiv: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/localapipage.cpp" line="237"/>
        <source>Serving, %n request(s) being answered</source>
        <translation>
            <numerusform>Aktiv, %n Anfrage wird beantwortet</numerusform>
            <numerusform>Aktiv, %n Anfragen werden beantwortet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/localapipage.cpp" line="237"/>
        <source>Serving</source>
        <translation>Aktiv</translation>
    </message>
</context>
<context>
    <name>AgentDesk::MainWindow</name>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="46"/>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="105"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="107"/>
        <source>Undo the deletion</source>
        <translation>Das Löschen rückgängig machen</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="153"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="154"/>
        <source>&amp;New conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="168"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="160"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="166"/>
        <source>&amp;Close Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="174"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="175"/>
        <source>&amp;Search conversations</source>
        <translation>Unterhaltungen &amp;durchsuchen</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="178"/>
        <source>&amp;Go to conversation…</source>
        <translation>&amp;Gehe zu Unterhaltung…</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="182"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="183"/>
        <source>Show &amp;archived conversations</source>
        <translation>&amp;Archivierte Unterhaltungen anzeigen</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="187"/>
        <source>A&amp;rtifacts panel</source>
        <translation>A&amp;rtefakt-Bereich</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="195"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="196"/>
        <source>&amp;Agents and skills…</source>
        <translation>&amp;Agenten und Skills…</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="198"/>
        <source>&amp;Usage and budgets…</source>
        <translation>&amp;Nutzung und Budgets…</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="205"/>
        <source>&amp;Conversation</source>
        <translation>&amp;Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="206"/>
        <source>&amp;Stop the answer</source>
        <translation>Antwort &amp;stoppen</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="213"/>
        <source>&amp;Allow the waiting tool call once</source>
        <translation>Wartenden Werkzeugaufruf einmal &amp;erlauben</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="214"/>
        <source>Allow the waiting tool for this &amp;thread</source>
        <translation>Wartendes Werkzeug für diese &amp;Unterhaltung erlauben</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="215"/>
        <source>&amp;Deny the waiting tool call</source>
        <translation>Wartenden Werkzeugaufruf &amp;ablehnen</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="232"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="324"/>
        <source>Local API</source>
        <translation>Lokale API</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="333"/>
        <source>Local API starting…</source>
        <translation>Lokale API startet…</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="334"/>
        <source>Local API not serving</source>
        <translation>Lokale API nicht aktiv</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/mainwindow.cpp" line="336"/>
        <source>Local API: %1 · %n answering</source>
        <translation>
            <numerusform>Lokale API: %1 · %n antwortet</numerusform>
            <numerusform>Lokale API: %1 · %n antworten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="337"/>
        <source>Local API: %1</source>
        <translation>Lokale API: %1</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="341"/>
        <source>Settings → Local API</source>
        <translation>Einstellungen → Lokale API</translation>
    </message>
</context>
<context>
    <name>AgentDesk::MarkdownFlow</name>
    <message>
        <location filename="../src/ui/markdownflow.cpp" line="301"/>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../src/ui/markdownflow.cpp" line="305"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>AgentDesk::McpServerListModel</name>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="24"/>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="32"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="26"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="27"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="29"/>
        <source>Ready, %n tool(s)</source>
        <translation>
            <numerusform>Bereit, %n Werkzeug</numerusform>
            <numerusform>Bereit, %n Werkzeuge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="30"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/mcpserverlistmodel.cpp" line="31"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>AgentDesk::McpServersPage</name>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="40"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="58"/>
        <source>MCP servers</source>
        <translation>MCP-Server</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="65"/>
        <source>Server name</source>
        <translation>Name des Servers</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="66"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="67"/>
        <source>Local program (stdio)</source>
        <translation>Lokales Programm (stdio)</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="68"/>
        <source>Remote (Streamable HTTP)</source>
        <translation>Entfernt (Streamable HTTP)</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="69"/>
        <source>Remote (HTTP with SSE, legacy)</source>
        <translation>Entfernt (HTTP mit SSE, veraltet)</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="70"/>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="72"/>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="78"/>
        <source>Tools of the server</source>
        <translation>Werkzeuge des Servers</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="80"/>
        <source>Server log</source>
        <translation>Server-Protokoll</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="108"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="109"/>
        <source>Add an MCP server</source>
        <translation>Einen MCP-Server hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="111"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="112"/>
        <source>Remove the MCP server</source>
        <translation>Den MCP-Server entfernen</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="113"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="124"/>
        <source>Import servers from an mcpServers JSON file</source>
        <translation>Server aus einer mcpServers-JSON-Datei importieren</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="114"/>
        <source>Import MCP servers</source>
        <translation>MCP-Server importieren</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="114"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="134"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="140"/>
        <source>Connect and list tools</source>
        <translation>Verbinden und Werkzeuge auflisten</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="145"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="146"/>
        <source>Transport:</source>
        <translation>Transport:</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="147"/>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="148"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="156"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="159"/>
        <source>Tools:</source>
        <translation>Werkzeuge:</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="161"/>
        <source>Log (stderr):</source>
        <translation>Protokoll (stderr):</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="252"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="281"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/mcpserverspage.cpp" line="284"/>
        <source>%n server(s) imported.</source>
        <translation>
            <numerusform>%n Server importiert.</numerusform>
            <numerusform>%n Server importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/mcpserverspage.cpp" line="294"/>
        <source>Save the server first.</source>
        <translation>Speichern Sie zuerst den Server.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::MessageDelegate</name>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="356"/>
        <source>Allow once</source>
        <translation>Einmal erlauben</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="357"/>
        <source>Allow for this thread</source>
        <translation>Für diese Unterhaltung erlauben</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="358"/>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="309"/>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="389"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../src/ui/widgetcards.cpp" line="27"/>
        <source>**To:** %1  
**Subject:** %2</source>
        <translation>**An:** %1  
**Betreff:** %2</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="302"/>
        <source>Open in mail app</source>
        <translation>Im E-Mail-Programm öffnen</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="303"/>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="308"/>
        <source>Add to calendar</source>
        <translation>Zum Kalender hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="392"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="394"/>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="397"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="287"/>
        <location filename="../src/ui/messagedelegatelayout.cpp" line="399"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="461"/>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/messagedelegate.cpp" line="472"/>
        <source>Thought for %n second(s)</source>
        <translation>
            <numerusform>%n Sekunde nachgedacht</numerusform>
            <numerusform>%n Sekunden nachgedacht</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="471"/>
        <source>Thoughts</source>
        <translation>Gedanken</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="263"/>
        <source>E-mail draft</source>
        <translation>E-Mail-Entwurf</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="264"/>
        <source>Calendar event</source>
        <translation>Kalendertermin</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="282"/>
        <source>Waiting for your approval</source>
        <translation>Wartet auf Ihre Freigabe</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="285"/>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="285"/>
        <source>No result</source>
        <translation>Kein Ergebnis</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="290"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="296"/>
        <source>Result of %1</source>
        <translation>Ergebnis von %1</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="304"/>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="308"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="325"/>
        <source>Image missing</source>
        <translation>Bild fehlt</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="486"/>
        <source>Hide thoughts</source>
        <translation>Gedanken ausblenden</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="486"/>
        <source>Show thoughts</source>
        <translation>Gedanken anzeigen</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="487"/>
        <source>Hide the details of %1</source>
        <translation>Details von %1 ausblenden</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="488"/>
        <source>Show the details of %1</source>
        <translation>Details von %1 anzeigen</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="499"/>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="508"/>
        <source>Copy the message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="510"/>
        <source>Previous version</source>
        <translation>Vorherige Version</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="510"/>
        <source>Next version</source>
        <translation>Nächste Version</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="524"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="524"/>
        <source>Tool result</source>
        <translation>Werkzeugergebnis</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="524"/>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="527"/>
        <source>(writing…)</source>
        <translation>(schreibt …)</translation>
    </message>
    <message>
        <location filename="../src/ui/messagedelegate.cpp" line="536"/>
        <source>Version %1 of %2</source>
        <translation>Version %1 von %2</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ProvidersPage</name>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="52"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="52"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="53"/>
        <source>Reasoning</source>
        <translation>Schlussfolgern</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="54"/>
        <source>Default model for new conversations</source>
        <translation>Standardmodell für neue Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="55"/>
        <source>Writes conversation titles</source>
        <translation>Schreibt die Titel der Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="56"/>
        <source>Only in anonymous mode</source>
        <translation>Nur im anonymen Modus</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="82"/>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="90"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="92"/>
        <source>Add a provider</source>
        <translation>Einen Anbieter hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="97"/>
        <source>Other (enter the details)…</source>
        <translation>Andere (Angaben eintragen)…</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="99"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="101"/>
        <source>Remove the provider</source>
        <translation>Den Anbieter entfernen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="116"/>
        <source>Provider name</source>
        <translation>Name des Anbieters</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="118"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="122"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="125"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="128"/>
        <source>Environment variable with the API key</source>
        <translation>Umgebungsvariable mit dem API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="129"/>
        <source>optional, e.g. OPENAI_API_KEY</source>
        <translation>optional, z. B. OPENAI_API_KEY</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="134"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="137"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="140"/>
        <source>Discover models</source>
        <translation>Modelle abfragen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="145"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="146"/>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="147"/>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="148"/>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="149"/>
        <source>Or from variable:</source>
        <translation>Oder aus Variable:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="163"/>
        <location filename="../src/ui/providerspage.cpp" line="222"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="170"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="171"/>
        <source>The model can call tools</source>
        <translation>Das Modell kann Werkzeuge aufrufen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="172"/>
        <source>The model reads images</source>
        <translation>Das Modell liest Bilder</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="173"/>
        <source>The model reasons before answering</source>
        <translation>Das Modell denkt vor der Antwort nach</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="175"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="176"/>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="177"/>
        <source>Context window</source>
        <translation>Kontextfenster</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="182"/>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="184"/>
        <source>Input price per million tokens</source>
        <translation>Eingabepreis pro Million Token</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="185"/>
        <source>Output price per million tokens</source>
        <translation>Ausgabepreis pro Million Token</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="188"/>
        <source>Save model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="194"/>
        <source>Add model…</source>
        <translation>Modell hinzufügen…</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="195"/>
        <source>Add a model by name</source>
        <translation>Ein Modell über seinen Namen hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="235"/>
        <location filename="../src/ui/providerspage.cpp" line="422"/>
        <source>Save the provider first.</source>
        <translation>Speichern Sie zuerst den Anbieter.</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="237"/>
        <source>Add model</source>
        <translation>Modell hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="237"/>
        <source>Model name as the provider knows it:</source>
        <translation>Modellname, wie der Anbieter ihn kennt:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="197"/>
        <source>Remove model</source>
        <translation>Modell entfernen</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="207"/>
        <source>Display name:</source>
        <translation>Anzeigename:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="208"/>
        <source>Can:</source>
        <translation>Kann:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="209"/>
        <source>Context window:</source>
        <translation>Kontextfenster:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="210"/>
        <source>Input $ / 1M tokens:</source>
        <translation>Eingabe $ / 1 Mio. Token:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="211"/>
        <source>Output $ / 1M tokens:</source>
        <translation>Ausgabe $ / 1 Mio. Token:</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="60"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="299"/>
        <source>not needed for local servers</source>
        <translation>für lokale Server nicht nötig</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="300"/>
        <source>stored in the system keychain (type to replace)</source>
        <translation>im Schlüsselbund des Systems gespeichert (zum Ersetzen tippen)</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="344"/>
        <source>The base URL holds a password and the key field a different key. Remove the password from the URL, or the key from its field.</source>
        <translation>Die Basis-URL enthält ein Passwort und das Schlüsselfeld einen anderen Schlüssel. Entfernen Sie das Passwort aus der URL oder den Schlüssel aus seinem Feld.</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="361"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="372"/>
        <source>The provider was saved, but the system keychain refused the key: %1</source>
        <translation>Der Anbieter wurde gespeichert, aber der Schlüsselbund des Systems hat den Schlüssel abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="380"/>
        <source>Saved. The password from the URL is now the key, kept in the system keychain.</source>
        <translation>Gespeichert. Das Passwort aus der URL ist jetzt der Schlüssel und liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="381"/>
        <source>Saved. The key is in the system keychain.</source>
        <translation>Gespeichert. Der Schlüssel liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="399"/>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="420"/>
        <source>Enter the provider&apos;s base URL first.</source>
        <translation>Tragen Sie zuerst die Basis-URL des Anbieters ein.</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="423"/>
        <source>Asking %1…</source>
        <translation>Frage %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/providerspage.cpp" line="431"/>
        <source>Connected. %1 offers %n model(s).</source>
        <translation>
            <numerusform>Verbunden. %1 bietet %n Modell an.</numerusform>
            <numerusform>Verbunden. %1 bietet %n Modelle an.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/providerspage.cpp" line="449"/>
        <source>%n new model(s) added.</source>
        <translation>
            <numerusform>%n neues Modell hinzugefügt.</numerusform>
            <numerusform>%n neue Modelle hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="492"/>
        <source>Choose a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <location filename="../src/ui/providerspage.cpp" line="510"/>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::QuickAskController</name>
    <message>
        <location filename="../qml/quickaskcontroller.cpp" line="110"/>
        <source>No model is set up yet. Add a provider and a model in AgentDesk&apos;s settings.</source>
        <translation>Noch ist kein Modell eingerichtet. Fügen Sie in den Einstellungen von AgentDesk einen Anbieter und ein Modell hinzu.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::QuickSwitcher</name>
    <message>
        <location filename="../src/ui/quickswitcher.cpp" line="19"/>
        <source>Go to conversation</source>
        <translation>Gehe zu Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/ui/quickswitcher.cpp" line="23"/>
        <source>Conversation title</source>
        <translation>Titel der Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/ui/quickswitcher.cpp" line="24"/>
        <source>Type to find a conversation</source>
        <translation>Tippen, um eine Unterhaltung zu finden</translation>
    </message>
    <message>
        <location filename="../src/ui/quickswitcher.cpp" line="27"/>
        <source>Matching conversations</source>
        <translation>Passende Unterhaltungen</translation>
    </message>
</context>
<context>
    <name>AgentDesk::RunController</name>
    <message>
        <location filename="../src/runs/runcontroller.cpp" line="39"/>
        <source>This conversation is still answering. Stop it or wait until it has finished.</source>
        <translation>Diese Unterhaltung antwortet noch. Halte sie an oder warte, bis sie fertig ist.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SearchResultModel</name>
    <message>
        <location filename="../src/itemmodels/searchresultmodel.cpp" line="29"/>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsDialog</name>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="56"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="85"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="87"/>
        <source>Settings pages</source>
        <translation>Seiten der Einstellungen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="90"/>
        <source>Providers and models</source>
        <translation>Anbieter und Modelle</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="90"/>
        <source>MCP servers</source>
        <translation>MCP-Server</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="90"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="91"/>
        <location filename="../src/ui/settingsdialog.cpp" line="337"/>
        <source>Tool approvals</source>
        <translation>Werkzeug-Freigaben</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="91"/>
        <source>Privacy and data</source>
        <translation>Datenschutz und Daten</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="92"/>
        <source>Appearance and language</source>
        <translation>Darstellung und Sprache</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="92"/>
        <source>Local API</source>
        <translation>Lokale API</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="129"/>
        <source>Your instructions for every conversation</source>
        <translation>Ihre Anweisungen für jede Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="130"/>
        <source>For example: answer in German; I work as a tax advisor.</source>
        <translation>Zum Beispiel: Antworte auf Deutsch; ich arbeite als Steuerberaterin.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="135"/>
        <source>Start new conversations in anonymous mode</source>
        <translation>Neue Unterhaltungen im anonymen Modus beginnen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="139"/>
        <source>Monthly budget</source>
        <translation>Monatsbudget</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="143"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="146"/>
        <source>Model turns per answer</source>
        <translation>Modell-Durchläufe pro Antwort</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="150"/>
        <location filename="../src/ui/settingsdialog.cpp" line="214"/>
        <location filename="../src/ui/settingsdialog.cpp" line="345"/>
        <location filename="../src/ui/settingsdialog.cpp" line="428"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="153"/>
        <source>Monthly budget:</source>
        <translation>Monatsbudget:</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="154"/>
        <source>Model turns per answer:</source>
        <translation>Modell-Durchläufe pro Antwort:</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="156"/>
        <source>Your instructions, added to every conversation:</source>
        <translation>Ihre Anweisungen, die jeder Unterhaltung beigefügt werden:</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="179"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 Zeichen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="189"/>
        <source>Your instructions are %1 characters long; at most %2 fit. Nothing was saved.</source>
        <translation>Ihre Anweisungen sind %1 Zeichen lang; höchstens %2 passen. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="204"/>
        <source>Names to mask, one per line</source>
        <translation>Zu maskierende Namen, einer pro Zeile</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="207"/>
        <source>Organisations to mask, one per line</source>
        <translation>Zu maskierende Organisationen, eine pro Zeile</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="210"/>
        <source>Values never masked, as category: value</source>
        <translation>Nie maskierte Werte, als Kategorie: Wert</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="216"/>
        <source>In anonymous mode these are replaced by placeholders before anything reaches the model.</source>
        <translation>Im anonymen Modus werden diese durch Platzhalter ersetzt, bevor etwas das Modell erreicht.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="219"/>
        <source>People (one per line):</source>
        <translation>Personen (eine pro Zeile):</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="222"/>
        <source>Organisations (one per line):</source>
        <translation>Organisationen (eine pro Zeile):</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="227"/>
        <source>Never mask (category: value, one per line):</source>
        <translation>Nie maskieren (Kategorie: Wert, einer pro Zeile):</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="238"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="239"/>
        <source>Back up automatically once a day</source>
        <translation>Einmal täglich automatisch sichern</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="244"/>
        <source>How many automatic backups to keep</source>
        <translation>Wie viele automatische Sicherungen behalten werden</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="247"/>
        <location filename="../src/ui/settingsdialog.cpp" line="253"/>
        <source>Folder for automatic backups</source>
        <translation>Ordner für automatische Sicherungen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="249"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="259"/>
        <source>Keep the last</source>
        <translation>Die letzten</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="261"/>
        <source>backups, in</source>
        <translation>Sicherungen behalten, in</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="268"/>
        <source>File → Back up… makes one now. To restore a backup, close AgentDesk and run &lt;code&gt;agentdesk-cli restore FILE&lt;/code&gt;; the database in place is backed up first.</source>
        <translation>Datei → Sichern… legt sofort eine an. Zum Wiederherstellen AgentDesk schließen und &lt;code&gt;agentdesk-cli restore DATEI&lt;/code&gt; ausführen; die vorhandene Datenbank wird vorher gesichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="287"/>
        <source>No automatic backup yet.</source>
        <translation>Noch keine automatische Sicherung.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="288"/>
        <source>Newest automatic backup: %1, %2</source>
        <translation>Neueste automatische Sicherung: %1, %2</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="317"/>
        <source>“%1” is not of the form category: value. Nothing was saved.</source>
        <translation>„%1“ hat nicht die Form Kategorie: Wert. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="325"/>
        <source>The backup folder must be a full path. Nothing was saved.</source>
        <translation>Der Sicherungsordner muss ein vollständiger Pfad sein. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="338"/>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="338"/>
        <source>When the model calls it</source>
        <translation>Wenn das Modell es aufruft</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="347"/>
        <source>Whether a tool runs at once, asks you first, or never runs. Tools of MCP servers ask unless you decide otherwise.</source>
        <translation>Ob ein Werkzeug sofort läuft, Sie zuerst fragt oder nie läuft. Werkzeuge von MCP-Servern fragen, solange Sie nichts anderes festlegen.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="375"/>
        <source>Policy for %1</source>
        <translation>Regel für %1</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="377"/>
        <source>run</source>
        <translation>ausführen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="377"/>
        <source>ask</source>
        <translation>fragen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="377"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="378"/>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="379"/>
        <source>Run without asking</source>
        <translation>Ohne Nachfrage ausführen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="380"/>
        <source>Ask me first</source>
        <translation>Mich zuerst fragen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="381"/>
        <source>Never run</source>
        <translation>Nie ausführen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="411"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="412"/>
        <location filename="../src/ui/settingsdialog.cpp" line="419"/>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="413"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="414"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="418"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="428"/>
        <source>Saved. The language changes when AgentDesk starts again.</source>
        <translation>Gespeichert. Die Sprache wechselt beim nächsten Start von AgentDesk.</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="431"/>
        <source>Colours:</source>
        <translation>Farben:</translation>
    </message>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="432"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ThreadListModel</name>
    <message>
        <location filename="../src/itemmodels/threadlistmodel.cpp" line="20"/>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/threadlistmodel.cpp" line="23"/>
        <location filename="../src/itemmodels/threadlistmodel.cpp" line="27"/>
        <source>Asked by %1 through the local API</source>
        <translation>Von %1 über die lokale API gefragt</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/threadlistmodel.cpp" line="23"/>
        <location filename="../src/itemmodels/threadlistmodel.cpp" line="27"/>
        <source>a program</source>
        <translation>einem Programm</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/threadlistmodel.cpp" line="61"/>
        <source>Imported from %1</source>
        <translation>Importiert aus %1</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ThreadSidebar</name>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="35"/>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="36"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="37"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="38"/>
        <source>Previous 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="39"/>
        <source>Older</source>
        <translation>Älter</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="40"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="170"/>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="171"/>
        <source>Search conversations (Ctrl+F)</source>
        <translation>Unterhaltungen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="186"/>
        <source>Threads</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="196"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/threadsidebar.cpp" line="261"/>
        <source>The search was shortened to its first %n different word(s).</source>
        <translation>
            <numerusform>Die Suche wurde auf %n verschiedenes Wort gekürzt.</numerusform>
            <numerusform>Die Suche wurde auf die ersten %n verschiedenen Wörter gekürzt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="263"/>
        <source>No conversation contains “%1”.</source>
        <translation>Keine Unterhaltung enthält „%1“.</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="299"/>
        <source>A title cannot be empty.</source>
        <translation>Ein Titel darf nicht leer sein.</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="336"/>
        <location filename="../src/ui/threadsidebar.cpp" line="349"/>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="337"/>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="349"/>
        <source>Restored “%1”.</source>
        <translation>„%1“ wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="382"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="384"/>
        <source>Rename conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="384"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="391"/>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="391"/>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="392"/>
        <source>Unarchive</source>
        <translation>Aus dem Archiv holen</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="392"/>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <location filename="../src/ui/threadsidebar.cpp" line="395"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>AgentDesk::UsageTotalsModel</name>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="92"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="92"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="93"/>
        <source>Input tokens</source>
        <translation>Eingabe-Token</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="94"/>
        <source>Output tokens</source>
        <translation>Ausgabe-Token</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="95"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../src/itemmodels/usagetotalsmodel.cpp" line="96"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
</context>
<context>
    <name>AgentDesk::UsageView</name>
    <message>
        <location filename="../src/ui/usageview.cpp" line="36"/>
        <source>Usage chart</source>
        <translation>Nutzungsdiagramm</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="52"/>
        <source>No usage in this period</source>
        <translation>Keine Nutzung in diesem Zeitraum</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="93"/>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="94"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="95"/>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="95"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="95"/>
        <source>All time</source>
        <translation>Gesamte Zeit</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="97"/>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="98"/>
        <source>By day</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="98"/>
        <source>By model</source>
        <translation>Nach Modell</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="101"/>
        <source>Usage table</source>
        <translation>Nutzungstabelle</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="113"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="115"/>
        <source>Monthly budget, all providers</source>
        <translation>Monatsbudget, alle Anbieter</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="116"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="117"/>
        <source>Monthly budget of the provider</source>
        <translation>Monatsbudget des Anbieters</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="124"/>
        <source>Save budgets</source>
        <translation>Budgets speichern</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="128"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="135"/>
        <source>Budgets (runs stop when a budget is used up)</source>
        <translation>Budgets (Antworten stoppen, wenn ein Budget aufgebraucht ist)</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="137"/>
        <source>All providers, per month:</source>
        <translation>Alle Anbieter, pro Monat:</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="141"/>
        <source>One provider, per month:</source>
        <translation>Ein Anbieter, pro Monat:</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="216"/>
        <source>%1 input and %2 output tokens, $%3 in this period.</source>
        <translation>%1 Eingabe- und %2 Ausgabe-Token, $%3 in diesem Zeitraum.</translation>
    </message>
    <message>
        <location filename="../src/ui/usageview.cpp" line="221"/>
        <source>This month: $%1 of the $%2 budget.</source>
        <translation>Diesen Monat: $%1 vom Budget von $%2.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::WelcomePage</name>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="37"/>
        <source>Welcome to AgentDesk</source>
        <translation>Willkommen bei AgentDesk</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="42"/>
        <source>To start a conversation, connect a model: one running on this computer, or a cloud service with your API key. Keys are kept in your system&apos;s keychain.</source>
        <translation>Um eine Unterhaltung zu beginnen, verbinden Sie ein Modell: eines, das auf diesem Computer läuft, oder einen Cloud-Dienst mit Ihrem API-Schlüssel. Schlüssel liegen im Schlüsselbund Ihres Systems.</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="48"/>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="52"/>
        <source>Look again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="54"/>
        <source>Look for local model servers again</source>
        <translation>Erneut nach lokalen Modell-Servern suchen</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="61"/>
        <source>Cloud services</source>
        <translation>Cloud-Dienste</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="71"/>
        <source>Set up %1</source>
        <translation>%1 einrichten</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="76"/>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="77"/>
        <source>Set up another provider</source>
        <translation>Einen anderen Anbieter einrichten</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="81"/>
        <source>Continue without a provider</source>
        <translation>Ohne Anbieter fortfahren</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="161"/>
        <source>Looking for Ollama, LM Studio and llama.cpp…</source>
        <translation>Suche nach Ollama, LM Studio und llama.cpp…</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="166"/>
        <source>No local model server is running (Ollama on port 11434, LM Studio on 1234, llama.cpp on 8080). Start one and look again, or use a cloud service.</source>
        <translation>Es läuft kein lokaler Modell-Server (Ollama auf Port 11434, LM Studio auf 1234, llama.cpp auf 8080). Starten Sie einen und suchen Sie erneut, oder nutzen Sie einen Cloud-Dienst.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/welcomepage.cpp" line="179"/>
        <source>%1 with %n model(s)</source>
        <translation>
            <numerusform>%1 mit %n Modell</numerusform>
            <numerusform>%1 mit %n Modellen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="180"/>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="202"/>
        <source>%1 was not found on this computer.</source>
        <translation>%1 wurde auf diesem Computer nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>ConversationRow</name>
    <message>
        <location filename="../qml/ConversationRow.qml" line="62"/>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="75"/>
        <source>Thinking…</source>
        <translation>Denkt nach …</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="75"/>
        <source>Thought</source>
        <translation>Nachgedacht</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="76"/>
        <source>Hide the thinking</source>
        <translation>Das Nachdenken verbergen</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="76"/>
        <source>Show the thinking</source>
        <translation>Das Nachdenken zeigen</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="129"/>
        <source>%1 code: %2</source>
        <translation>%1-Code: %2</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="129"/>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="144"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="147"/>
        <source>Copy the code</source>
        <translation>Den Code kopieren</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="166"/>
        <source>Tool %1 failed</source>
        <translation>Werkzeug %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="167"/>
        <source>Tool %1 done</source>
        <translation>Werkzeug %1 fertig</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="168"/>
        <source>Tool %1 waits for your approval</source>
        <translation>Werkzeug %1 wartet auf Ihre Erlaubnis</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="169"/>
        <source>Tool %1 running</source>
        <translation>Werkzeug %1 läuft</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="174"/>
        <source>Allow once</source>
        <translation>Einmal erlauben</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="181"/>
        <source>Allow in this conversation</source>
        <translation>In dieser Unterhaltung erlauben</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="187"/>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="196"/>
        <source>[Image: %1]</source>
        <translation>[Bild: %1]</translation>
    </message>
    <message>
        <location filename="../qml/ConversationRow.qml" line="196"/>
        <source>[Image]</source>
        <translation>[Bild]</translation>
    </message>
</context>
<context>
    <name>QuickAsk</name>
    <message>
        <location filename="../qml/QuickAsk.qml" line="32"/>
        <location filename="../qml/QuickAsk.qml" line="298"/>
        <source>Quick Ask</source>
        <translation>Schnellfrage</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="82"/>
        <source>Ask a question; the answer appears below.</source>
        <translation>Stellen Sie eine Frage; die Antwort erscheint darunter.</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="96"/>
        <source>Ask a follow-up…</source>
        <translation>Nachfrage stellen …</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="96"/>
        <source>Ask anything…</source>
        <translation>Fragen Sie etwas …</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="97"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="98"/>
        <source>Enter sends, Shift+Enter starts a new line, Escape hides the window.</source>
        <translation>Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile, Escape verbirgt das Fenster.</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="124"/>
        <source>No model set up</source>
        <translation>Kein Modell eingerichtet</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="127"/>
        <source>Model or agent</source>
        <translation>Modell oder Agent</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="139"/>
        <source>A new question (Ctrl+N) can use another model or agent.</source>
        <translation>Eine neue Frage (Strg+N) kann ein anderes Modell oder einen anderen Agenten nutzen.</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="145"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="145"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="163"/>
        <source>Recent conversations</source>
        <translation>Letzte Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="166"/>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="176"/>
        <source>Untitled conversation</source>
        <translation>Unterhaltung ohne Titel</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="204"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="236"/>
        <source>Answering</source>
        <translation>Antwortet</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="245"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="251"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="255"/>
        <source>Copy the answer (Ctrl+Shift+C)</source>
        <translation>Die Antwort kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="259"/>
        <source>Continue in AgentDesk</source>
        <translation>In AgentDesk fortsetzen</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="263"/>
        <source>Open this conversation in the main window (Ctrl+O)</source>
        <translation>Diese Unterhaltung im Hauptfenster öffnen (Strg+O)</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="267"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="273"/>
        <source>Ask a new question (Ctrl+N)</source>
        <translation>Eine neue Frage stellen (Strg+N)</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="281"/>
        <source>%1 opens this window from anywhere. F1: help</source>
        <translation>%1 öffnet dieses Fenster von überall. F1: Hilfe</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="282"/>
        <source>F1: how to open this window with a key</source>
        <translation>F1: wie Sie dieses Fenster mit einer Taste öffnen</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="305"/>
        <source>Enter sends, Shift+Enter starts a new line, Esc hides the window (an answer goes on). Ctrl+N asks something new, Ctrl+Shift+C copies the answer, Ctrl+O continues in AgentDesk.

**A key for Quick Ask.** Bind the command `agentdesk --quick-ask` to a key:

- GNOME: Settings → Keyboard → View and Customize Shortcuts → Custom Shortcuts → +.
- KDE Plasma: System Settings → Keyboard → Shortcuts → Add New → Command or Script.</source>
        <translation>Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile, Esc verbirgt das Fenster (eine Antwort läuft weiter). Strg+N fragt etwas Neues, Strg+Umschalt+C kopiert die Antwort, Strg+O setzt in AgentDesk fort.

**Eine Taste für die Schnellfrage.** Legen Sie den Befehl `agentdesk --quick-ask` auf eine Taste:

- GNOME: Einstellungen → Tastatur → Tastenkombinationen anzeigen und anpassen → Eigene Tastenkombinationen → +.
- KDE Plasma: Systemeinstellungen → Tastatur → Kurzbefehle → Neu hinzufügen → Befehl oder Skript.</translation>
    </message>
    <message>
        <location filename="../qml/QuickAsk.qml" line="312"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/main.cpp" line="81"/>
        <source>AgentDesk, a desktop client for AI models and agents.</source>
        <translation>AgentDesk, ein Desktop-Programm für KI-Modelle und Agenten.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="84"/>
        <source>Data directory holding agentdesk.sqlite3.</source>
        <translation>Datenverzeichnis mit agentdesk.sqlite3.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="85"/>
        <source>Save a picture of the main window to FILE and quit.</source>
        <translation>Ein Bild des Hauptfensters in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="87"/>
        <source>Open the conversation with this ID.</source>
        <translation>Die Unterhaltung mit dieser ID öffnen.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="88"/>
        <source>Open the Quick Ask window (bind this to a key).</source>
        <translation>Das Schnellfrage-Fenster öffnen (legen Sie dies auf eine Taste).</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="89"/>
        <source>Files to attach to a new conversation.</source>
        <translation>Dateien, die an eine neue Unterhaltung angehängt werden.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="210"/>
        <source>AgentDesk cannot start</source>
        <translation>AgentDesk kann nicht starten</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="211"/>
        <source>The database could not be opened:

%1</source>
        <translation>Die Datenbank konnte nicht geöffnet werden:

%1</translation>
    </message>
</context>
</TS>
