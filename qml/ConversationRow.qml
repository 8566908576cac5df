// One row of ConversationBlockModel: a question, the thinking (collapsed), a Markdown block of the
// answer, a code block, a tool call (one line, with the approval buttons while it waits) or an image.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import AgentDesk.Quick

Item {
    id: row

    required property QuickAskController controller
    required property string kind
    required property string text
    required property string language
    required property string status
    required property string toolCallId
    required property string toolState
    required property int index

    readonly property bool dark: palette.window.hslLightness < 0.5
    readonly property bool waiting: kind === "tool" && controller.pendingApprovals.indexOf(toolCallId) >= 0

    implicitHeight: loader.implicitHeight
    height: implicitHeight

    Loader {
        id: loader
        width: parent.width
        sourceComponent: {
            switch (row.kind) {
            case "question": return questionRow
            case "thinking": return thinkingRow
            case "code": return codeRow
            case "tool": return toolRow
            case "image": return imageRow
            default: return textRow
            }
        }
    }

    Component {
        id: questionRow
        Item {
            implicitHeight: bubble.implicitHeight
            Rectangle {
                id: bubble
                anchors.right: parent.right
                width: Math.min(questionText.implicitWidth + 20, parent.width * 0.85)
                implicitHeight: questionText.implicitHeight + 12
                radius: 6
                color: row.palette.alternateBase
                border.color: row.palette.mid
                Label {
                    id: questionText
                    anchors.fill: parent
                    anchors.margins: 6
                    anchors.leftMargin: 10
                    anchors.rightMargin: 10
                    text: row.text
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    Accessible.name: qsTr("You: %1").arg(row.text)
                }
            }
        }
    }

    Component {
        id: thinkingRow
        ColumnLayout {
            spacing: 2
            ToolButton {
                id: toggle
                checkable: true
                text: (checked ? "▾ " : "▸ ") + (row.status === "streaming" ? qsTr("Thinking…") : qsTr("Thought"))
                Accessible.name: checked ? qsTr("Hide the thinking") : qsTr("Show the thinking")
            }
            Label {
                Layout.fillWidth: true
                visible: toggle.checked
                text: row.text
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: row.palette.placeholderText
                leftPadding: 16
            }
        }
    }

    Component {
        id: textRow
        TextEdit {
            text: row.text
            textFormat: TextEdit.MarkdownText
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.Wrap
            color: row.palette.text
            selectionColor: row.palette.highlight
            selectedTextColor: row.palette.highlightedText
            font: Qt.application.font
            onLinkActivated: link => row.controller.openLink(link)
            Accessible.role: Accessible.StaticText
            Accessible.name: getText(0, length)
        }
    }

    Component {
        id: codeRow
        Rectangle {
            implicitHeight: code.implicitHeight + 16
            radius: 4
            color: row.dark ? Qt.darker(row.palette.base, 1.2) : Qt.darker(row.palette.base, 1.04)
            border.color: row.palette.mid
            TextEdit {
                id: code
                anchors.fill: parent
                anchors.margins: 8
                text: row.text.endsWith("\n") ? row.text.slice(0, -1) : row.text
                textFormat: TextEdit.PlainText
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                color: row.palette.text
                selectionColor: row.palette.highlight
                selectedTextColor: row.palette.highlightedText
                font.family: "monospace"
                Accessible.role: Accessible.StaticText
                Accessible.name: row.language !== "" ? qsTr("%1 code: %2").arg(row.language).arg(row.text) : qsTr("Code: %1").arg(row.text)
            }
            Row {
                anchors.top: parent.top
                anchors.right: parent.right
                anchors.margins: 2
                spacing: 4
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: row.language
                    color: row.palette.placeholderText
                    font.pointSize: Qt.application.font.pointSize * 0.85
                }
                ToolButton {
                    objectName: "copyCode"
                    text: qsTr("Copy")
                    font.pointSize: Qt.application.font.pointSize * 0.85
                    onClicked: row.controller.copyText(code.text)
                    Accessible.name: qsTr("Copy the code")
                }
            }
        }
    }

    Component {
        id: toolRow
        RowLayout {
            spacing: 6
            Label {
                text: row.toolState === "failed" ? "✗" : row.toolState === "done" ? "✓" : "⚙"
                color: row.toolState === "failed" ? (row.dark ? "#ef9a9a" : "#b71c1c") : row.palette.placeholderText
            }
            Label {
                Layout.fillWidth: true
                text: row.text
                elide: Text.ElideRight
                color: row.palette.placeholderText
                Accessible.name: row.toolState === "failed" ? qsTr("Tool %1 failed").arg(row.text)
                               : row.toolState === "done" ? qsTr("Tool %1 done").arg(row.text)
                               : row.waiting ? qsTr("Tool %1 waits for your approval").arg(row.text)
                               : qsTr("Tool %1 running").arg(row.text)
            }
            Button {
                objectName: "allowOnce"
                visible: row.waiting
                text: qsTr("Allow once")
                highlighted: true
                onClicked: row.controller.answerApproval(row.toolCallId, QuickAskController.AllowOnce)
            }
            Button {
                objectName: "allowForThread"
                visible: row.waiting
                text: qsTr("Allow in this conversation")
                onClicked: row.controller.answerApproval(row.toolCallId, QuickAskController.AllowForThread)
            }
            Button {
                objectName: "deny"
                visible: row.waiting
                text: qsTr("Deny")
                onClicked: row.controller.answerApproval(row.toolCallId, QuickAskController.Deny)
            }
        }
    }

    Component {
        id: imageRow
        Label {
            text: row.text !== "" ? qsTr("[Image: %1]").arg(row.text) : qsTr("[Image]")
            color: row.palette.placeholderText
        }
    }
}
