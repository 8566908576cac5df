// The Quick Ask window: a question, the answer streaming below it, and the way on to the main
// window. Layout only: every action is a call on the controller (QuickAskController).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import AgentDesk.Quick

ApplicationWindow {
    id: root

    required property QuickAskController controller
    readonly property bool hasConversation: controller.threadId !== "" || conversation.count > 0
    readonly property bool dark: palette.window.hslLightness < 0.5

    function focusQuestion() {
        question.forceActiveFocus()
    }
    function send() {
        if (controller.send(question.text))
            question.text = ""
    }

    Connections {
        target: root.controller
        // A question that got no answer comes back, before what was typed since.
        function onQuestionReturned(text) {
            question.text = question.text === "" || text.indexOf(question.text) >= 0 ? text : text + "\n\n" + question.text
            question.cursorPosition = question.length
        }
    }

    title: qsTr("Quick Ask")
    flags: Qt.Tool | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint
    width: 720
    // As tall as what it shows (the help too, while it is open), up to 640 px.
    height: Math.min(Math.max(layout.implicitHeight + 2 * layout.anchors.margins, help.visible ? help.implicitHeight + 32 : 0), 640)
    minimumWidth: 480
    minimumHeight: 72
    visible: false

    // A frame: there is no title bar to tell the window from what is behind it.
    Rectangle {
        anchors.fill: parent
        z: 10
        color: "transparent"
        border.color: root.palette.mid
        border.width: 1
    }

    Shortcut {
        sequences: [StandardKey.Cancel]
        onActivated: root.hide()
    }
    Shortcut {
        sequence: "Ctrl+N"
        onActivated: {
            root.controller.newConversation()
            root.focusQuestion()
        }
    }
    Shortcut {
        sequence: "Ctrl+Shift+C"
        enabled: root.hasConversation
        onActivated: root.controller.copyAnswer()
    }
    Shortcut {
        sequence: "Ctrl+O"
        enabled: root.controller.threadId !== ""
        onActivated: root.controller.continueInMainWindow()
    }
    Shortcut {
        sequence: "F1"
        onActivated: help.open()
    }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8
        Accessible.role: Accessible.Pane
        Accessible.name: root.title
        Accessible.description: qsTr("Ask a question; the answer appears below.")

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            ScrollView {
                Layout.fillWidth: true
                Layout.maximumHeight: 160
                TextArea {
                    id: question
                    objectName: "question"
                    focus: true
                    wrapMode: TextEdit.Wrap
                    placeholderText: root.hasConversation ? qsTr("Ask a follow-up…") : qsTr("Ask anything…")
                    Accessible.name: qsTr("Question")
                    Accessible.description: qsTr("Enter sends, Shift+Enter starts a new line, Escape hides the window.")
                    Keys.onPressed: event => {
                        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                && !(event.modifiers & Qt.ShiftModifier)) {
                            root.send()
                            event.accepted = true
                        } else if (event.key === Qt.Key_Tab) {
                            // Tab moves on (it never types a tab here); past the picker while it is fixed.
                            (picker.enabled ? picker : sendButton).forceActiveFocus(Qt.TabFocusReason)
                            event.accepted = true
                        } else if (event.key === Qt.Key_Down && text === "" && recent.visible) {
                            recent.forceActiveFocus()
                            event.accepted = true
                        }
                    }
                }
            }
            Item {
                Layout.preferredWidth: 200
                implicitHeight: picker.implicitHeight
                ComboBox {
                    id: picker
                    objectName: "picker"
                    anchors.fill: parent
                    model: root.controller.choices
                    currentIndex: root.controller.choice
                    displayText: count === 0 ? qsTr("No model set up") : currentText
                    enabled: root.controller.threadId === ""
                    onActivated: index => root.controller.choice = index
                    Accessible.name: qsTr("Model or agent")
                    Accessible.description: enabled ? "" : pickerHint.text
                    KeyNavigation.tab: sendButton
                    KeyNavigation.backtab: question
                }
                // A disabled control gets no hover: the hint listens on its parent.
                HoverHandler {
                    id: pickerHover
                }
                ToolTip {
                    id: pickerHint
                    visible: pickerHover.hovered && !picker.enabled
                    text: qsTr("A new question (Ctrl+N) can use another model or agent.")
                }
            }
            Button {
                id: sendButton
                objectName: "send"
                text: root.controller.running ? qsTr("Stop") : qsTr("Send")
                highlighted: !root.controller.running
                enabled: root.controller.running || question.text.trim() !== ""
                onClicked: root.controller.running ? root.controller.stop() : root.send()
                Accessible.name: text
            }
        }

        // Conversations to pick up again, while nothing is asked yet.
        ListView {
            id: recent
            objectName: "recent"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 6 * 32)
            visible: !root.hasConversation && question.text === "" && count > 0
            clip: true
            model: root.controller.recent
            keyNavigationEnabled: true
            Accessible.name: qsTr("Recent conversations")
            Accessible.role: Accessible.List
            header: Label {
                text: qsTr("Recent")
                font.bold: true
                bottomPadding: 4
            }
            delegate: ItemDelegate {
                required property string threadId
                required property string title
                required property int index
                width: ListView.view.width
                height: 32
                text: title !== "" ? title : qsTr("Untitled conversation")
                highlighted: ListView.isCurrentItem && recent.activeFocus
                onClicked: root.controller.openThread(threadId)
                Keys.onReturnPressed: root.controller.openThread(threadId)
                Accessible.name: text
            }
            Keys.onUpPressed: event => {
                if (currentIndex <= 0)
                    root.focusQuestion()
                else
                    decrementCurrentIndex()
            }
        }

        ListView {
            id: conversation
            objectName: "conversation"
            property bool follow: true

            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: Math.min(contentHeight, 440)
            visible: count > 0
            clip: true
            spacing: 8
            model: root.controller.conversation
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Answer")
            Accessible.role: Accessible.List
            delegate: ConversationRow {
                width: ListView.view.width - 12
                controller: root.controller
            }
            // The end stays in view while the answer streams, unless the reader scrolled up.
            onMovementEnded: follow = atYEnd
            onContentHeightChanged: if (follow) positionViewAtEnd()
            onCountChanged: if (follow) positionViewAtEnd()
        }

        Label {
            objectName: "error"
            Layout.fillWidth: true
            visible: text !== ""
            text: root.controller.error
            color: root.dark ? "#ef9a9a" : "#b71c1c"
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            visible: root.hasConversation
            spacing: 8
            BusyIndicator {
                Layout.preferredHeight: 24
                Layout.preferredWidth: 24
                running: root.controller.running
                visible: running
                Accessible.name: qsTr("Answering")
            }
            Label {
                id: status
                Layout.fillWidth: true
                elide: Text.ElideRight
                color: root.palette.placeholderText
                Connections {
                    target: root.controller
                    function onAnswerCopied() { status.text = qsTr("Copied") }
                    function onThreadChanged() { status.text = "" }
                }
            }
            Button {
                objectName: "copy"
                text: qsTr("Copy")
                enabled: !root.controller.running
                onClicked: root.controller.copyAnswer()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Copy the answer (Ctrl+Shift+C)")
            }
            Button {
                objectName: "continue"
                text: qsTr("Continue in AgentDesk")
                enabled: root.controller.threadId !== ""
                onClicked: root.controller.continueInMainWindow()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Open this conversation in the main window (Ctrl+O)")
            }
            Button {
                objectName: "new"
                text: qsTr("New")
                onClicked: {
                    root.controller.newConversation()
                    root.focusQuestion()
                }
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ask a new question (Ctrl+N)")
            }
        }

        Label {
            Layout.fillWidth: true
            visible: !root.hasConversation
            text: root.controller.shortcut !== ""
                  ? qsTr("%1 opens this window from anywhere. F1: help").arg(root.controller.shortcut)
                  : qsTr("F1: how to open this window with a key")
            color: root.palette.placeholderText
            font.pointSize: Qt.application.font.pointSize * 0.9
        }
    }

    Popup {
        id: help
        objectName: "help"
        anchors.centerIn: parent
        width: root.width - 48
        modal: true
        focus: true
        contentItem: ColumnLayout {
            spacing: 8
            Label {
                text: qsTr("Quick Ask")
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                textFormat: Text.MarkdownText
                text: qsTr("Enter sends, Shift+Enter starts a new line, Esc hides the window (an answer goes on). "
                           + "Ctrl+N asks something new, Ctrl+Shift+C copies the answer, Ctrl+O continues in AgentDesk.\n\n"
                           + "**A key for Quick Ask.** Bind the command `agentdesk --quick-ask` to a key:\n\n"
                           + "- GNOME: Settings → Keyboard → View and Customize Shortcuts → Custom Shortcuts → +.\n"
                           + "- KDE Plasma: System Settings → Keyboard → Shortcuts → Add New → Command or Script.")
            }
            Button {
                text: qsTr("Close")
                Layout.alignment: Qt.AlignRight
                onClicked: help.close()
            }
        }
    }
}
