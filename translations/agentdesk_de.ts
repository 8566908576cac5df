<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentDesk::MainWindow</name>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="19"/>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="22"/>
        <source>Threads</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="40"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="53"/>
        <source>No conversations yet.</source>
        <translation>Noch keine Unterhaltungen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/ui/mainwindow.cpp" line="58"/>
        <source>%n conversation(s). Select one to read it.</source>
        <translation>
            <numerusform>%n Unterhaltung. Wählen Sie sie aus, um sie zu lesen.</numerusform>
            <numerusform>%n Unterhaltungen. Wählen Sie eine aus, um sie zu lesen.</numerusform>
        </translation>
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
    <name>AgentDesk::ThreadListModel</name>
    <message>
        <location filename="../src/itemmodels/threadlistmodel.cpp" line="20"/>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/main.cpp" line="37"/>
        <source>AgentDesk, a desktop client for AI models and agents.</source>
        <translation>AgentDesk, ein Desktop-Programm für KI-Modelle und Agenten.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="40"/>
        <source>Data directory holding agentdesk.sqlite3.</source>
        <translation>Datenverzeichnis mit agentdesk.sqlite3.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="41"/>
        <source>Save a picture of the main window to FILE and quit.</source>
        <translation>Ein Bild des Hauptfensters in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="53"/>
        <source>AgentDesk cannot start</source>
        <translation>AgentDesk kann nicht starten</translation>
    </message>
    <message>
        <location filename="../src/app/main.cpp" line="54"/>
        <source>The database could not be opened:

%1</source>
        <translation>Die Datenbank konnte nicht geöffnet werden:

%1</translation>
    </message>
</context>
</TS>
