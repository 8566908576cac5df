<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentDesk::MainWindow</name>
    <message numerus="yes">
        <location filename="../src/ui/mainwindow.cpp" line="58"/>
        <source>%n conversation(s). Select one to read it.</source>
        <translation>
            <numerusform>%n conversation. Select it to read it.</numerusform>
            <numerusform>%n conversations. Select one to read it.</numerusform>
        </translation>
    </message>
</context>
</TS>
