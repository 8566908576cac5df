#include "itemmodels/messagelistmodel.h"
#include "ui/appearance.h"
#include "ui/conversationview.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QAccessibleActionInterface>
#include <QClipboard>
#include <QGuiApplication>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QFileInfo>
#include <QTranslator>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// The conversation view on its own (house-style.md §3, issue 6 §2): streaming re-lays out only the
// last block and never resets; the view sticks to the bottom until the user scrolls up; older
// pages come in above without moving what the user reads; code blocks copy; links, thinking and
// tool cards answer clicks where they are drawn.
class TestConversationView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void streamingRebuildsOnlyTheLastBlock();
    void sticksToTheBottomUntilTheUserScrollsUp();
    void olderPagesComeInAboveWithoutMovingTheView();
    void opensAtTheBottomWithTheNewestPageOnly();
    void rowsOutOfSightAreLaidOutOnlyWhenTheyComeIntoView();
    void scrollingDownBringsTheRowsBelowASwitch();
    void codeCopyLinkAndThinkingRespondWhereDrawn();
    void chartMailAndCalendarCards();
    void draggingSelectsTextAndCopyTakesExactlyIt();
    void doubleClickSelectsAWordAndShiftClickExtends();
    void assistiveTechnologyNamesAndPressesEveryButton();
    void thinkingSaysHowLongItLasted();

private:
    Message message(const QString &id, MessageRole role, const QString &text, qint64 seconds = 0) const;
    void stream(const QString &text);
    QStyleOptionViewItem optionFor(int row) const;
    QPoint find(int row, MessageDelegate::Hit::Kind kind) const;
    QPoint findText(int row, int block, int offset) const;
    void drag(const QPoint &from, const QPoint &to);
    int highlightedPixels() const;

    QList<Message> m_stored;
    QList<Message> m_branch; // another version's branch (from its first message)
    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<ConversationView> m_view;
};

Message TestConversationView::message(const QString &id, MessageRole role, const QString &text, qint64 seconds) const
{
    Message m;
    m.id = id;
    m.threadId = u"t"_s;
    m.role = role;
    m.createdAt = QDateTime::fromSecsSinceEpoch(1'790'000'000 + seconds, QTimeZone::utc());
    m.content = {TextPart{text, false, {}, {}}};
    return m;
}

void TestConversationView::initTestCase()
{
    // As the application loads its catalogue: a language without one (French, and the C locale the
    // tests run under) gets the English plural forms, "1 second" / "3 seconds".
    const QString directory = QFileInfo(QStringLiteral(ENGLISH_QM_PATH)).absolutePath();
    QCOMPARE(Appearance::installTranslations(QLocale(QLocale::French), directory), u"agentdesk_en"_s);
    QCOMPARE(Appearance::installTranslations(QLocale::c(), directory), u"agentdesk_en"_s);
}

void TestConversationView::init()
{
    m_stored.clear();
    m_branch.clear();
    m_model = std::make_unique<MessageListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Pages of the stored messages, newest first, like MessageRepository::page.
    m_model->setPageLoader([this](const QString &, qint64 cursor, int limit) -> Result<MessageListModel::Page> {
        const qsizetype end = cursor == 0 ? m_stored.size() : cursor;
        const qsizetype start = std::max<qsizetype>(0, end - limit);
        return MessageListModel::Page{m_stored.mid(start, end - start), start, start > 0};
    });
    // The shown branch below a message: in the stored thread or in the other version's branch.
    m_model->setPathLoader([this](const QString &id, int limit) -> Result<QList<Message>> {
        for (const QList<Message> *list : {&m_stored, &m_branch}) {
            for (qsizetype i = 0; i < list->size(); ++i) {
                if (list->at(i).id == id)
                    return list->mid(i, limit);
            }
        }
        return QList<Message>();
    });
    m_view = std::make_unique<ConversationView>();
    m_view->setModel(m_model.get());
    m_view->resize(800, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestConversationView::cleanup()
{
    m_view.reset();
    m_tester.reset();
    m_model.reset();
}

void TestConversationView::stream(const QString &text)
{
    RunMessageDeltaEvent delta;
    delta.messageId = u"a"_s;
    delta.text = text;
    m_model->applyDelta(delta);
    m_view->flushLayout();
}

// The row's option as the view paints it.
QStyleOptionViewItem TestConversationView::optionFor(int row) const
{
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(m_model->index(row));
    option.font = m_view->font();
    option.palette = m_view->palette();
    return option;
}

QPoint TestConversationView::find(int row, MessageDelegate::Hit::Kind kind) const
{
    const QModelIndex index = m_model->index(row);
    const QRect rect = m_view->visualRect(index).intersected(m_view->viewport()->rect());
    const QStyleOptionViewItem option = optionFor(row);
    for (int y = rect.top(); y < rect.bottom(); y += 2) {
        for (int x = rect.left(); x < rect.right(); x += 2) {
            if (m_view->messageDelegate()->hitTest(option, index, QPoint(x, y)).kind == kind)
                return QPoint(x, y);
        }
    }
    return {};
}

// The first point of the row whose text position is `offset` in the block `block` of part 0.
QPoint TestConversationView::findText(int row, int block, int offset) const
{
    const QModelIndex index = m_model->index(row);
    const QRect rect = m_view->visualRect(index).intersected(m_view->viewport()->rect());
    const QStyleOptionViewItem option = optionFor(row);
    for (int y = rect.top(); y < rect.bottom(); ++y) {
        for (int x = rect.left(); x < rect.right(); ++x) {
            const MessageDelegate::TextPoint point = m_view->messageDelegate()->textPointAt(option, index, QPoint(x, y));
            if (point.part == 0 && point.flow == 0 && point.position == MarkdownFlow::Position{block, offset})
                return QPoint(x, y);
        }
    }
    return {};
}

void TestConversationView::drag(const QPoint &from, const QPoint &to)
{
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    for (int step = 1; step <= 4; ++step) {
        const QPoint at = from + (to - from) * step / 4;
        QMouseEvent move(QEvent::MouseMove, at, m_view->viewport()->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, {});
        QCoreApplication::sendEvent(m_view->viewport(), &move);
    }
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
}

int TestConversationView::highlightedPixels() const
{
    const QImage image = m_view->viewport()->grab().toImage();
    const QRgb highlight = m_view->palette().color(QPalette::Highlight).rgb();
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += image.pixel(x, y) == highlight;
    }
    return n;
}

void TestConversationView::streamingRebuildsOnlyTheLastBlock()
{
    QVERIFY(m_model->openThread(u"t"_s));
    m_model->upsertMessage(message(u"u"_s, MessageRole::User, u"Write"_s));
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    for (int p = 0; p < 20; ++p)
        stream(u"Paragraph %1 has some words.\n\n"_s.arg(p));
    stream(u"```cpp\nint a = 1;\n"_s);
    const quint64 before = m_view->messageDelegate()->documentsBuilt();
    const int heightBefore = m_view->rowHeight(1);
    // Twenty more lines of code: the code block's document only grows, nothing is rebuilt.
    for (int i = 0; i < 20; ++i)
        stream(u"int b%1 = %1;\n"_s.arg(i));
    QCOMPARE(m_view->messageDelegate()->documentsBuilt(), before);
    QVERIFY(m_view->rowHeight(1) > heightBefore);
    // A paragraph streamed word by word: one document per delta (its own), none for the 21 before.
    stream(u"```\n\nLast"_s); // closing the fence rebuilds the code block once, then the new paragraph
    const quint64 atParagraph = m_view->messageDelegate()->documentsBuilt();
    for (int i = 0; i < 10; ++i)
        stream(u" word"_s);
    QCOMPARE(m_view->messageDelegate()->documentsBuilt(), atParagraph + 10);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(m_model->rowCount(), 2);
    // The final message replaces the streamed one: rebuilt once, same height.
    Message final = message(u"a"_s, MessageRole::Assistant, m_model->index(1).data(MessageListModel::TextRole).toString());
    const int streamedHeight = m_view->rowHeight(1);
    m_model->upsertMessage(final);
    m_view->flushLayout();
    QCOMPARE(m_view->rowHeight(1), streamedHeight + 28 + 4); // plus the row of actions under it
    QCOMPARE(resets.size(), 0);
}

void TestConversationView::sticksToTheBottomUntilTheUserScrollsUp()
{
    QVERIFY(m_model->openThread(u"t"_s));
    m_model->upsertMessage(message(u"u"_s, MessageRole::User, u"Count"_s));
    for (int i = 0; i < 60; ++i)
        stream(u"Line %1\n\n"_s.arg(i));
    QScrollBar *bar = m_view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->isStuckToBottom());
    // The user scrolls up: new text arrives below, the view stays where the user is.
    bar->setValue(bar->maximum() / 2);
    QVERIFY(!m_view->isStuckToBottom());
    const int held = bar->value();
    for (int i = 0; i < 10; ++i)
        stream(u"More %1\n\n"_s.arg(i));
    QCOMPARE(bar->value(), held);
    QVERIFY(bar->value() < bar->maximum());
    // Back at the bottom, it follows again.
    bar->setValue(bar->maximum());
    QVERIFY(m_view->isStuckToBottom());
    stream(u"Again\n\n"_s);
    QCOMPARE(bar->value(), bar->maximum());
}

void TestConversationView::olderPagesComeInAboveWithoutMovingTheView()
{
    for (int i = 0; i < 120; ++i)
        m_stored << message(u"m%1"_s.arg(i, 3, 10, QChar(u'0')), i % 2 ? MessageRole::Assistant : MessageRole::User,
                            u"Message number %1"_s.arg(i), i);
    QVERIFY(m_model->openThread(u"t"_s));
    QCOMPARE(m_model->rowCount(), 50);
    QScrollBar *bar = m_view->verticalScrollBar();
    QCOMPARE(bar->value(), bar->maximum());
    // Scroll so that the oldest loaded message sits 5 px below the top; older pages arrive.
    bar->setValue(m_view->rowTop(0) - 5 > 0 ? m_view->rowTop(0) - 5 : 0);
    const QString anchor = u"m070"_s;
    QTRY_VERIFY(m_model->rowCount() > 50);
    const int row = m_model->rowOf(anchor);
    QCOMPARE(row, m_model->rowCount() - 50);
    // The anchor message is drawn where it was.
    QCOMPARE(m_view->visualRect(m_model->index(row)).top(), 0);
    QCOMPARE(m_model->rowCount(), 100); // the view moved down by the new rows: no further page yet
    bar->setValue(0);
    QTRY_COMPARE(m_model->rowCount(), 120);
    QCOMPARE(m_model->index(0).data(MessageListModel::IdRole).toString(), u"m000"_s);
}

// A long thread of messages of every length opens at its end, stuck there, with one page loaded:
// the bottom of the view is not where older pages are fetched (Qt's default for item views).
void TestConversationView::opensAtTheBottomWithTheNewestPageOnly()
{
    for (int i = 0; i < 300; ++i)
        m_stored << message(u"m%1"_s.arg(i, 3, 10, QChar(u'0')), i % 2 ? MessageRole::Assistant : MessageRole::User,
                            u"Words of message %1. "_s.arg(i).repeated(1 + (i * 7) % 40), i);
    QVERIFY(m_model->openThread(u"t"_s));
    for (int i = 0; i < 5; ++i) {
        m_view->viewport()->repaint();
        QCoreApplication::processEvents();
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    QCOMPARE(m_model->rowCount(), MessageListModel::PageSize);
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->isStuckToBottom());
    const QRect last = m_view->visualRect(m_model->index(m_model->rowCount() - 1));
    QCOMPARE(last.bottom() + 1, m_view->viewport()->height());
}

// Switching a version near the top of a long thread replaces thousands of rows below it: only
// the rows in view (and half a page around them) are laid out, the message the user looks at
// stays where it is, and rows scrolled to later are laid out before they are drawn.
void TestConversationView::rowsOutOfSightAreLaidOutOnlyWhenTheyComeIntoView()
{
    for (int i = 0; i < 3000; ++i)
        m_stored << message(u"m%1"_s.arg(i, 4, 10, QChar(u'0')), i % 2 ? MessageRole::Assistant : MessageRole::User,
                            u"Message number %1 with a few words to wrap"_s.arg(i).repeated(1 + i % 7), i);
    QVERIFY(m_model->openThread(u"t"_s));
    while (m_model->canFetchOlder())
        m_model->fetchOlder();
    QCOMPARE(m_model->rowCount(), 3000);
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(0);
    m_view->viewport()->repaint();
    const auto laidOut = [this] {
        int n = 0;
        for (int row = 0; row < m_model->rowCount(); ++row)
            n += m_view->isRowLaidOut(row);
        return n;
    };
    const auto checkVisibleRows = [this] {
        const int offset = m_view->verticalScrollBar()->value();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const int top = m_view->rowTop(row);
            if (top + m_view->rowHeight(row) <= offset || top >= offset + m_view->viewport()->height())
                continue;
            QVERIFY2(m_view->isRowLaidOut(row), qPrintable(u"row %1 is shown with an estimated height"_s.arg(row)));
            QStyleOptionViewItem option = optionFor(row);
            QCOMPARE(m_view->rowHeight(row), m_view->messageDelegate()->sizeHint(option, m_model->index(row)).height());
        }
        for (int row = 1; row < m_model->rowCount(); ++row)
            QCOMPARE(m_view->rowTop(row), m_view->rowTop(row - 1) + m_view->rowHeight(row - 1));
    };
    // Scrolled all the way up: the bottom page laid out when the thread opened, the top page now.
    QVERIFY(laidOut() < 200);
    checkVisibleRows();
    QCOMPARE(m_view->visualRect(m_model->index(0)).top(), 0);

    // A switch at row 3 replaces the 2,997 rows below it.
    QList<Message> branch;
    for (int i = 0; i < 2997; ++i)
        branch << message(u"b%1"_s.arg(i, 4, 10, QChar(u'0')), i % 2 ? MessageRole::User : MessageRole::Assistant,
                          u"Another version, message %1"_s.arg(i).repeated(1 + i % 5), 5000 + i);
    bar->setValue(m_view->rowTop(3) - 40);
    const int shownTop = m_view->visualRect(m_model->index(3)).top();
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->replaceFrom(3, branch);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(m_model->rowCount(), 3000);
    QCOMPARE(m_model->index(3).data(MessageListModel::IdRole).toString(), u"b0000"_s);
    QCOMPARE(m_view->visualRect(m_model->index(3)).top(), shownTop);
    const int afterSwitch = laidOut();
    QVERIFY2(afterSwitch < 120, qPrintable(QString::number(afterSwitch)));
    checkVisibleRows();

    // Scrolling down page by page lays out each page before it is drawn; the top row stays put.
    for (int step = 0; step < 5; ++step) {
        bar->setValue(bar->value() + m_view->viewport()->height());
        const int topRow = m_view->indexAt(QPoint(10, 0)).row();
        const int topY = m_view->visualRect(m_model->index(topRow)).top();
        m_view->viewport()->repaint();
        QCOMPARE(m_view->visualRect(m_model->index(topRow)).top(), topY);
        checkVisibleRows();
    }
    QVERIFY(laidOut() > afterSwitch);

    // The bottom: the last row ends where the content ends, in view.
    bar->setValue(bar->maximum());
    m_view->viewport()->repaint();
    checkVisibleRows();
    const QRect last = m_view->visualRect(m_model->index(2999));
    QCOMPARE(last.bottom() + 1, m_view->viewport()->height());
    QCOMPARE(m_view->rowTop(2999) + m_view->rowHeight(2999), m_view->contentHeight());
    QVERIFY(m_view->isStuckToBottom());

    // A narrower window: the rows are estimated again and the shown ones laid out anew.
    m_view->resize(600, 600);
    m_view->viewport()->repaint();
    QVERIFY(laidOut() < 120);
    checkVisibleRows();
    QCOMPARE(m_view->verticalScrollBar()->value(), m_view->verticalScrollBar()->maximum());
}

void TestConversationView::scrollingDownBringsTheRowsBelowASwitch()
{
    for (int i = 0; i < 200; ++i)
        m_stored << message(u"m%1"_s.arg(i, 4, 10, QChar(u'0')), i % 2 ? MessageRole::Assistant : MessageRole::User, u"Message %1"_s.arg(i), i);
    for (int i = 0; i < 300; ++i)
        m_branch << message(u"b%1"_s.arg(i, 4, 10, QChar(u'0')), i % 2 ? MessageRole::User : MessageRole::Assistant, u"Branch %1"_s.arg(i), 1000 + i);
    QVERIFY(m_model->openThread(u"t"_s));
    while (m_model->canFetchOlder())
        m_model->fetchOlder();
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(0);
    m_view->viewport()->repaint();
    // The version of message 3 is shown with the first page of its branch.
    m_model->replaceFrom(3, m_branch.mid(0, MessageListModel::PageSize), true);
    QCOMPARE(m_model->rowCount(), 3 + MessageListModel::PageSize);
    QCOMPARE(bar->value(), 0);
    QVERIFY(!m_view->isStuckToBottom());
    // At the bottom of what is loaded, the next page comes; the view is not stuck to a bottom
    // that is not the conversation's end.
    int pages = 0;
    while (m_model->canFetchNewer() && pages < 10) {
        const int rows = m_model->rowCount();
        bar->setValue(bar->maximum());
        QTRY_VERIFY(m_model->rowCount() > rows);
        QVERIFY(m_model->rowCount() == 303 || !m_view->isStuckToBottom());
        ++pages;
    }
    QCOMPARE(pages, 5); // 250 rows, 50 at a time
    QCOMPARE(m_model->rowCount(), 303);
    QCOMPARE(m_model->index(302).data(MessageListModel::IdRole).toString(), u"b0299"_s);
    bar->setValue(bar->maximum());
    QVERIFY(m_view->isStuckToBottom());
}

void TestConversationView::codeCopyLinkAndThinkingRespondWhereDrawn()
{
    QVERIFY(m_model->openThread(u"t"_s));
    Message answer = message(u"a"_s, MessageRole::Assistant,
                             u"See [the docs](https://example.com/docs).\n\n```sh\nmake -j2\n```\n"_s);
    answer.content.prepend(ThinkingPart{u"Let me think about the build."_s, {}, {}, {}, {}});
    m_model->upsertMessage(answer);
    m_view->flushLayout();

    const QPoint copy = find(0, MessageDelegate::Hit::Kind::CopyCode);
    QVERIFY(!copy.isNull());
    QSignalSpy copied(m_view.get(), &ConversationView::textCopied);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, copy);
    QCOMPARE(copied.size(), 1);
    QCOMPARE(copied.at(0).at(0).toString(), u"make -j2"_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"make -j2"_s);

    const QPoint link = find(0, MessageDelegate::Hit::Kind::Link);
    QVERIFY(!link.isNull());
    QSignalSpy links(m_view.get(), &ConversationView::linkActivated);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, link);
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.at(0).at(0).toUrl(), QUrl(u"https://example.com/docs"_s));

    // Thinking starts collapsed; a click opens it and the row grows.
    const int collapsed = m_view->rowHeight(0);
    const QPoint toggle = find(0, MessageDelegate::Hit::Kind::ToggleThinking);
    QVERIFY(!toggle.isNull());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, toggle);
    QVERIFY(m_view->state().expanded.contains(ConversationState::key(u"a"_s, 0)));
    QVERIFY(m_view->rowHeight(0) > collapsed);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, find(0, MessageDelegate::Hit::Kind::ToggleThinking));
    QCOMPARE(m_view->rowHeight(0), collapsed);
}

void TestConversationView::chartMailAndCalendarCards()
{
    QVERIFY(m_model->openThread(u"t"_s));
    Message answer = message(u"a"_s, MessageRole::Assistant, u"Here you go."_s);
    const QJsonObject chart{{u"chartTitle"_s, u"Revenue"_s},
                            {u"xAxis"_s, QJsonArray{u"Q3"_s, u"Q4"_s}},
                            {u"yAxis"_s, QJsonArray{QJsonObject{{u"label"_s, u"North"_s}, {u"values"_s, QJsonArray{1.2, 1.5}}}}},
                            {u"insight"_s, u"North grew by a quarter."_s}};
    const QJsonObject mail{{u"to"_s, u"ann@example.com"_s}, {u"subject"_s, u"Hello there"_s}, {u"body"_s, u"Line 1\nLine & 2"_s}};
    const QJsonObject event{{u"title"_s, u"Review"_s}, {u"description"_s, u"Numbers"_s}, {u"location"_s, u"Room 2"_s},
                            {u"start"_s, u"2026-12-01T09:00:00Z"_s}, {u"end"_s, u"2026-12-01T10:00:00Z"_s}};
    answer.content << ToolUsePart{u"c1"_s, u"bar_chart"_s, chart, {}, {}, {}} << ToolUsePart{u"c2"_s, u"send_email"_s, mail, {}, {}, {}}
                   << ToolUsePart{u"c3"_s, u"create_calendar_event"_s, event, {}, {}, {}};
    m_model->upsertMessage(answer);
    m_view->resize(800, 1400);
    m_view->flushLayout();
    QVERIFY(m_view->rowHeight(0) > 280 + 150); // the chart's picture and the two cards

    QSignalSpy mails(m_view.get(), &ConversationView::mailRequested);
    const QPoint open = find(0, MessageDelegate::Hit::Kind::OpenMail);
    QVERIFY(!open.isNull());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, open);
    QCOMPARE(mails.size(), 1);
    const QUrl url = mails.at(0).at(0).toUrl();
    QCOMPARE(url.scheme(), u"mailto"_s);
    QCOMPARE(url.path(), u"ann@example.com"_s);
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"subject"_s, QUrl::FullyDecoded), u"Hello there"_s);
    QCOMPARE(query.queryItemValue(u"body"_s, QUrl::FullyDecoded), u"Line 1\nLine & 2"_s);

    QSignalSpy events(m_view.get(), &ConversationView::eventRequested);
    const QPoint add = find(0, MessageDelegate::Hit::Kind::SaveEvent);
    QVERIFY(!add.isNull());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, add);
    QCOMPARE(events.size(), 1);
    const QString ics = events.at(0).at(0).toString();
    QVERIFY(ics.contains(u"SUMMARY:Review\r\n"_s));
    QVERIFY(ics.contains(u"DTSTART:20261201T090000Z\r\n"_s));
    QVERIFY(ics.contains(u"UID:c3@agentdesk\r\n"_s));
}

// Text in messages selects like text anywhere: a drag from one paragraph through a code block to
// below the message selects all of it (blocks joined by a blank line), Ctrl+C copies exactly
// that, and a click on no text clears it.
void TestConversationView::draggingSelectsTextAndCopyTakesExactlyIt()
{
    QVERIFY(m_model->openThread(u"t"_s));
    m_model->upsertMessage(message(u"u"_s, MessageRole::User, u"Build it"_s));
    m_model->upsertMessage(message(u"a"_s, MessageRole::Assistant,
                                   u"Alpha **beta** gamma.\n\n```sh\nmake -j2\n```\n\nLast paragraph."_s, 1));
    m_view->flushLayout();
    QCOMPARE(highlightedPixels(), 0);

    const QPoint start = findText(1, 0, 6); // before "beta"
    QVERIFY(!start.isNull());
    const QPoint below(start.x(), m_view->rowTop(1) + m_view->rowHeight(1) + 40);
    QVERIFY(below.y() < m_view->viewport()->height());
    QSignalSpy copied(m_view.get(), &ConversationView::textCopied);
    drag(start, below);
    QCOMPARE(m_view->selectedText(), u"beta gamma.\n\nmake -j2\n\nLast paragraph."_s);
    QCOMPARE(copied.size(), 0); // selecting copies nothing by itself
    QVERIFY(highlightedPixels() > 200);

    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(copied.size(), 1);
    QCOMPARE(copied.at(0).at(0).toString(), u"beta gamma.\n\nmake -j2\n\nLast paragraph."_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"beta gamma.\n\nmake -j2\n\nLast paragraph."_s);

    // Dragging upwards selects the same way, from the user's bubble text back to its start.
    const QPoint userEnd = findText(0, 0, 8);
    const QPoint userStart = findText(0, 0, 2);
    QVERIFY(!userEnd.isNull() && !userStart.isNull());
    drag(userEnd, userStart);
    QCOMPARE(m_view->selectedText(), u"ild it"_s);

    // A click where there is no text clears the selection; Ctrl+C then copies nothing.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(2, below.y()));
    QCOMPARE(m_view->selectedText(), QString());
    QCOMPARE(highlightedPixels(), 0);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(copied.size(), 1);
}

void TestConversationView::doubleClickSelectsAWordAndShiftClickExtends()
{
    QVERIFY(m_model->openThread(u"t"_s));
    m_model->upsertMessage(message(u"a"_s, MessageRole::Assistant, u"Alpha beta gamma.\n\nSecond line here."_s));
    m_view->flushLayout();
    const QPoint inBeta = findText(0, 0, 8);
    QVERIFY(!inBeta.isNull());
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, inBeta);
    QCOMPARE(m_view->selectedText(), u"beta"_s);

    const QPoint inSecond = findText(0, 1, 6); // after "Second"
    QVERIFY(!inSecond.isNull());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, inSecond);
    QCOMPARE(m_view->selectedText(), u"beta gamma.\n\nSecond"_s);

    // Opening the thread again (a reset) drops the selection.
    QVERIFY(m_model->openThread(u"t"_s));
    QCOMPARE(m_view->selectedText(), QString());
}

// The painted messages and buttons exist for a screen reader too (product.md §11): a list of
// messages named by author and text, each with its buttons as named children that press like a
// click, and that follow the message's state.
void TestConversationView::assistiveTechnologyNamesAndPressesEveryButton()
{
    QVERIFY(m_model->openThread(u"t"_s));
    m_model->upsertMessage(message(u"u"_s, MessageRole::User, u"Weather in Lisbon?"_s));
    Message answer = message(u"a"_s, MessageRole::Assistant, u"Let me check.\n\n```sh\ncurl wttr.in\n```"_s, 1);
    answer.content.prepend(ThinkingPart{u"Use the tool."_s, {}, {}, {}, {}});
    answer.content << ToolUsePart{u"c1"_s, u"get_weather"_s, QJsonObject{{u"city"_s, u"Lisbon"_s}}, {}, {}, {}};
    m_model->upsertMessage(answer);
    m_view->setRunning(true);
    m_view->addPendingApproval(u"c1"_s);
    m_view->flushLayout();

    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(m_view.get());
    QVERIFY(list);
    QCOMPARE(list->role(), QAccessible::List);
    QCOMPARE(list->text(QAccessible::Name), u"Conversation"_s);
    QCOMPARE(list->childCount(), 2);
    QAccessibleInterface *user = list->child(0);
    QAccessibleInterface *assistant = list->child(1);
    QCOMPARE(user->role(), QAccessible::ListItem);
    QCOMPARE(user->text(QAccessible::Name), u"You: Weather in Lisbon?"_s);
    QCOMPARE(assistant->text(QAccessible::Name), u"Assistant: Let me check.\n\n```sh\ncurl wttr.in\n```"_s);
    QCOMPARE(user->parent(), list);
    QCOMPARE(list->indexOfChild(assistant), 1);
    QCOMPARE(list->child(1), assistant); // the same interface when asked again

    auto names = [](QAccessibleInterface *item) {
        QStringList out;
        for (int i = 0; i < item->childCount(); ++i)
            out << item->child(i)->text(QAccessible::Name);
        return out;
    };
    QCOMPARE(names(user), QStringList{u"Copy the message"_s});
    QCOMPARE(names(assistant), (QStringList{u"Show thoughts"_s, u"Copy code"_s, u"Hide the details of get_weather"_s,
                                            u"Allow once"_s, u"Allow for this thread"_s, u"Deny"_s, u"Copy the message"_s}));
    for (int i = 0; i < assistant->childCount(); ++i) {
        QAccessibleInterface *button = assistant->child(i);
        QCOMPARE(button->role(), QAccessible::Button);
        QCOMPARE(button->parent(), assistant);
        QCOMPARE(assistant->indexOfChild(button), i);
        QVERIFY(assistant->rect().contains(button->rect()));
        QCOMPARE(assistant->childAt(button->rect().center().x(), button->rect().center().y()), button);
    }

    // Pressing the thinking toggle opens it; the same button now says so.
    QAccessibleInterface *thoughts = assistant->child(0);
    QVERIFY(thoughts->state().collapsed);
    thoughts->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
    QVERIFY(m_view->state().expanded.contains(ConversationState::key(u"a"_s, 0)));
    QCOMPARE(thoughts->text(QAccessible::Name), u"Hide thoughts"_s);
    QVERIFY(thoughts->state().expanded);

    // Copy code, then the approval: the buttons go once answered.
    QSignalSpy copied(m_view.get(), &ConversationView::textCopied);
    assistant->child(1)->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(copied.size(), 1);
    QCOMPARE(copied.at(0).at(0).toString(), u"curl wttr.in"_s);
    QSignalSpy answered(m_view.get(), &ConversationView::approvalAnswered);
    QAccessibleInterface *allowForThread = assistant->child(4);
    allowForThread->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.at(0).at(0).toString(), u"c1"_s);
    QCOMPARE(answered.at(0).at(1).value<ApprovalDecision>(), ApprovalDecision::AllowForThread);
    QVERIFY(!allowForThread->isValid());
    // (the card was open only while it waited for the answer)
    QCOMPARE(names(assistant), (QStringList{u"Hide thoughts"_s, u"Copy code"_s, u"Show the details of get_weather"_s,
                                            u"Copy the message"_s}));
    user->child(0)->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(copied.at(1).at(0).toString(), u"Weather in Lisbon?"_s);
}

// The thinking header says "Thinking…" while the answer thinks, then how long it thought: first
// by the view's own clock, then by the figure stored with the answer (also after a restart). Read
// from the toggle's accessible description, which is the painted header.
void TestConversationView::thinkingSaysHowLongItLasted()
{
    QVERIFY(m_model->openThread(u"t"_s));
    auto header = [this](int row) {
        QAccessibleInterface *item = QAccessible::queryAccessibleInterface(m_view.get())->child(row);
        QAccessibleInterface *toggle = item ? item->child(0) : nullptr;
        if (!toggle || toggle->text(QAccessible::Name) != u"Show thoughts"_s)
            return u"(no thinking toggle)"_s;
        return toggle->text(QAccessible::Description);
    };
    RunMessageDeltaEvent thought;
    thought.messageId = u"a"_s;
    thought.partType = ContentPartType::Thinking;
    thought.text = u"Which city? "_s;
    m_model->applyDelta(thought);
    m_view->flushLayout();
    QCOMPARE(header(0), u"Thinking…"_s);
    thought.text = u"Lisbon."_s;
    m_model->applyDelta(thought);
    m_view->flushLayout();
    QCOMPARE(header(0), u"Thinking…"_s);

    RunMessageDeltaEvent text;
    text.messageId = u"a"_s;
    text.partIndex = 1;
    text.text = u"It is sunny."_s;
    m_model->applyDelta(text);
    m_view->flushLayout();
    QCOMPARE(header(0), u"Thought for 1 second"_s); // under half a second here: shown as one

    Message stored = message(u"a"_s, MessageRole::Assistant, u"It is sunny."_s);
    ThinkingPart part{u"Which city? Lisbon."_s, {}, {}, {}, {}};
    part.durationMs = 2600;
    stored.content.prepend(part);
    m_model->upsertMessage(stored);
    m_view->flushLayout();
    QCOMPARE(header(0), u"Thought for 3 seconds"_s);

    // Opened later (a new view): the stored figure; an answer stored without one says "Thoughts".
    Message older = message(u"b"_s, MessageRole::Assistant, u"Done."_s, 1);
    older.content.prepend(ThinkingPart{u"Quick."_s, {}, {}, {}, {}});
    m_stored = {stored, older};
    QVERIFY(m_model->openThread(u"t"_s));
    m_view->flushLayout();
    QCOMPARE(header(0), u"Thought for 3 seconds"_s);
    QCOMPARE(header(1), u"Thoughts"_s);
}

QTEST_MAIN(TestConversationView)
#include "tst_conversationview.moc"
