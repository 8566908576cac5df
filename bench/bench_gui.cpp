// GUI benchmark (issue 6 §10), offscreen. Prints one JSON object.
// (a) Streams 100,000 tokens of Markdown with paragraphs, lists, tables and code blocks into a
//     visible ConversationView at full speed: each update appends a few tokens to the model, lays
//     out what changed and paints the viewport synchronously (one event-loop task). Reports the
//     GUI time per update near 1k and near 100k tokens, their ratio, and the p99/max update time
//     (the longest event-loop stall the stream causes).
// (b) Opens the 10,000-message thread of the benchmark database to its first painted screen.
// (c) Cold start of the real `agentdesk` binary against the 1M-message database to its first paint
//     (wall time from exec to the line it prints), and its resident memory after opening the long
//     thread.
// Usage: bench_gui DATADIR AGENTDESK_BINARY
#include "itemmodels/messagelistmodel.h"
#include "storage/database.h"
#include "runs/conversationservice.h"
#include "storage/messagerepository.h"
#include "ui/conversationview.h"

#include "benchsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

using namespace AgentDesk;
using namespace AgentDesk::Bench;
using namespace Qt::StringLiterals;

namespace {

QJsonObject streaming()
{
    constexpr int Tokens = 100000;
    constexpr int TokensPerUpdate = 4;
    const QStringList tokens = markdownTokens(Tokens);
    MessageListModel model;
    model.setPageLoader([](const QString &, qint64, int) -> Result<MessageListModel::Page> { return MessageListModel::Page{}; });
    (void)model.openThread(u"bench"_s);
    ConversationView view;
    view.setModel(&model);
    view.resize(1000, 800);
    view.show();
    model.upsertMessage(streamQuestion());
    QCoreApplication::processEvents();

    RunMessageDeltaEvent delta;
    delta.messageId = u"a1"_s;
    const StreamTiming t = timeStream(tokens, TokensPerUpdate, [&](const QString &token) {
        delta.text = token;
        model.applyDelta(delta);
    }, [&] {
        view.flushLayout();
        view.viewport()->repaint();
    });
    QJsonObject figures = t.figures(Tokens, TokensPerUpdate);
    figures.insert(u"characters"_s, int(model.index(1).data(MessageListModel::TextRole).toString().size()));
    figures.insert(u"documentsBuilt"_s, double(view.messageDelegate()->documentsBuilt()));
    figures.insert(u"contentHeightPx"_s, view.contentHeight());
    return figures;
}

// The model reads pages of the active path through the repository, as the window does.
MessageListModel::PageLoader pagesFrom(const QSqlDatabase &connection)
{
    return [connection](const QString &threadId, qint64 cursor, int limit) -> Result<MessageListModel::Page> {
        auto page = MessageRepository(connection).page(threadId, cursor, limit);
        if (!page)
            return std::unexpected(page.error());
        return MessageListModel::Page{page->messages, page->cursor, page->hasMore};
    };
}

QJsonObject openLongThread(const QString &dataDir, QString *longThreadId)
{
    auto db = Database::open(dataDir);
    if (!db) {
        std::fprintf(stderr, "bench_gui: %s\n", qPrintable(db.error().message));
        std::exit(1);
    }
    QSqlQuery q((*db)->connection());
    q.exec(u"SELECT value FROM settings WHERE key = 'bench.longThread'"_s);
    if (!q.next()) {
        std::fprintf(stderr, "bench_gui: the database has no bench.longThread (run bench_storage first)\n");
        std::exit(1);
    }
    *longThreadId = q.value(0).toString();
    q.exec(u"SELECT id FROM threads WHERE id <> '%1' LIMIT 1"_s.arg(*longThreadId));
    q.next();
    const QString other = q.value(0).toString();
    QSqlDatabase connection = (*db)->connection();
    MessageListModel model;
    model.setPageLoader(pagesFrom(connection));
    ConversationView view;
    view.setModel(&model);
    view.resize(1000, 800);
    view.show();
    QCoreApplication::processEvents();
    QList<double> samples;
    for (int i = 0; i < 9; ++i) {
        (void)model.openThread(other);
        view.viewport()->repaint();
        QCoreApplication::processEvents();
        QElapsedTimer t;
        t.start();
        (void)model.openThread(*longThreadId);
        view.viewport()->repaint();
        samples << double(t.nsecsElapsed()) / 1e6;
    }
    return {{u"messagesInThread"_s, 10000}, {u"rowsLoaded"_s, model.rowCount()}, {u"firstMs"_s, samples.constFirst()},
            {u"medianMs"_s, median(samples)}, {u"maxMs"_s, percentile(samples, 1.0)}};
}

// Switching a version in the branched thread bench_storage made (issue 15: ≤ 16 ms on a
// 10,000-message thread): the service switches, the rows below the message are replaced and the
// view lays out and paints them — what "‹ ›" does in the window. Near the end (the newest page,
// where versions are made) and, with every row loaded, at the top of the thread (nearly all rows
// below it change).
QJsonObject switchVersions(const QString &dataDir)
{
    auto db = Database::open(dataDir);
    if (!db)
        std::exit(1);
    QSqlDatabase connection = (*db)->connection();
    QSqlQuery q(connection);
    q.exec(u"SELECT value FROM settings WHERE key = 'bench.branchedThread'"_s);
    if (!q.next()) {
        std::fprintf(stderr, "bench_gui: the database has no bench.branchedThread (run bench_storage first)\n");
        std::exit(1);
    }
    const QString threadId = q.value(0).toString();
    MessageListModel model;
    model.setPageLoader(pagesFrom(connection));
    model.setPathLoader([connection](const QString &messageId, int limit) { return MessageRepository(connection).shownBranchFrom(messageId, limit); });
    ConversationView view;
    view.setModel(&model);
    view.resize(1000, 800);
    view.show();
    (void)model.openThread(threadId);
    view.flushLayout();
    QCoreApplication::processEvents();
    ConversationService service(connection, dataDir);
    MessageRepository messages(connection);
    // Each sample: the whole switch, and how much of it went to storage (the switch and reading
    // the rows below) and to the model's replacing them.
    struct Samples
    {
        QList<double> total, storage, model;
    };
    auto loadAll = [&] {
        while (model.canFetchOlder())
            model.fetchOlder();
        while (model.canFetchNewer())
            model.fetchNewer();
        view.flushLayout();
        view.viewport()->repaint();
    };
    auto measure = [&](int row, int rounds, bool allLoaded) {
        Samples samples;
        for (int i = 0; i < rounds; ++i) {
            if (allLoaded) { // every sample replaces the whole path below the message, which is in view
                loadAll();
                view.scrollTo(model.index(row), QAbstractItemView::PositionAtCenter);
                view.viewport()->repaint();
            }
            const Message shown = model.message(row);
            const int step = shown.siblingIndex == 0 ? 1 : -1;
            QElapsedTimer t;
            t.start();
            auto other = service.switchVersion(shown.id, step);
            // As ChatPane::showBranchFrom: a page of the rows below, the rest as the view scrolls.
            const int page = MessageListModel::PageSize;
            auto below = other ? messages.shownBranchFrom(*other, page + 1) : Result<QList<Message>>(std::unexpected(other.error()));
            if (!below) {
                std::fprintf(stderr, "bench_gui: switching failed: %s\n", qPrintable(below.error().message));
                std::exit(1);
            }
            const qint64 read = t.nsecsElapsed();
            const bool more = below->size() > page;
            below->resize(std::min<qsizetype>(below->size(), page));
            model.replaceFrom(row, *below, more);
            const qint64 replaced = t.nsecsElapsed();
            view.flushLayout();
            view.viewport()->repaint();
            samples.total << double(t.nsecsElapsed()) / 1e6;
            samples.storage << double(read) / 1e6;
            samples.model << double(replaced - read) / 1e6;
        }
        return samples;
    };
    auto figures = [](const Samples &samples, int rowsBelow) {
        return QJsonObject{{u"rowsBelow"_s, rowsBelow},
                           {u"medianMs"_s, median(samples.total)},
                           {u"p95Ms"_s, percentile(samples.total, 0.95)},
                           {u"maxMs"_s, percentile(samples.total, 1.0)},
                           {u"storageMedianMs"_s, median(samples.storage)},
                           {u"modelMedianMs"_s, median(samples.model)}};
    };
    int nearEnd = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.message(row).siblingCount > 1)
            nearEnd = row;
    }
    const Samples near = measure(nearEnd, 30, false);
    const int rowsBelowNear = model.rowCount() - nearEnd;
    loadAll();
    int nearTop = -1;
    for (int row = 0; row < model.rowCount() && nearTop < 0; ++row) {
        if (model.message(row).siblingCount > 1)
            nearTop = row;
    }
    const int rowsLoaded = model.rowCount();
    const Samples top = measure(nearTop, 10, true); // even: the thread is left as it was
    QJsonObject atTop = figures(top, rowsLoaded - nearTop);
    atTop.insert(u"row"_s, nearTop);
    return {{u"messagesOnPath"_s, rowsLoaded}, {u"nearEnd"_s, figures(near, rowsBelowNear)}, {u"nearTopAllRowsLoaded"_s, atTop}};
}

QJsonObject coldStart(const QString &binary, const QString &dataDir, const QString &longThreadId)
{
    auto launch = [&](const QStringList &extra, double *wallMs) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        process.start(binary, QStringList{u"--data-dir"_s, dataDir, u"--bench-startup"_s} + extra);
        process.waitForFinished(60000);
        *wallMs = double(t.nsecsElapsed()) / 1e6;
        const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const QJsonObject json = QJsonDocument::fromJson(line).object();
            if (json.contains(u"firstPaintMs"_s))
                return json;
        }
        std::fprintf(stderr, "bench_gui: %s printed no first paint\n%s\n", qPrintable(binary),
                     process.readAllStandardError().constData());
        std::exit(1);
    };
    double wall = 0;
    launch({}, &wall); // warm-up: the OS cache holds the binary and the database, as on a second start
    QList<double> walls;
    QList<double> inProcess;
    double rss = 0;
    for (int i = 0; i < 5; ++i) {
        const QJsonObject r = launch({}, &wall);
        walls << wall;
        inProcess << r.value(u"firstPaintMs"_s).toDouble();
        rss = r.value(u"rssKb"_s).toDouble();
    }
    QList<double> longRss;
    QList<double> longPaint;
    for (int i = 0; i < 3; ++i) {
        const QJsonObject r = launch({u"--open-thread"_s, longThreadId}, &wall);
        longRss << r.value(u"rssKb"_s).toDouble();
        longPaint << wall;
    }
    // The wall time includes the process's exit after the paint; the in-process figure starts at main().
    return {{u"firstPaintWallMsMedian"_s, median(walls)},
            {u"firstPaintInProcessMsMedian"_s, median(inProcess)},
            {u"rssMbAtFirstPaint"_s, rss / 1024},
            {u"longThreadFirstPaintWallMsMedian"_s, median(longPaint)},
            {u"rssMbAfterOpeningLongThread"_s, percentile(longRss, 1.0) / 1024}};
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_gui DATADIR AGENTDESK_BINARY [--switch-only]\n");
        return 2;
    }
    const QString dataDir = QString::fromLocal8Bit(argv[1]);
    const QString binary = QString::fromLocal8Bit(argv[2]);
    QString longThreadId;
    const QJsonObject open = openLongThread(dataDir, &longThreadId);
    const QJsonObject versions = switchVersions(dataDir);
    if (argc > 3 && qstrcmp(argv[3], "--switch-only") == 0) {
        std::printf("%s\n", QJsonDocument(versions).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    const QJsonObject stream = streaming();
    const QJsonObject start = coldStart(binary, dataDir, longThreadId);
    const QJsonObject result{{u"streaming"_s, stream}, {u"openLongThread"_s, open}, {u"switchVersion"_s, versions}, {u"coldStart"_s, start}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
