// Helper of tst_crashsafety: writes messages the way a run does (user message, streaming assistant
// row, checkpoints, finalisation) as fast as it can, and reports each commit on stdout, until it
// is killed. Usage: crashwriter DATADIR THREADID
#include "storage/database.h"
#include "storage/messagerepository.h"

#include <QCoreApplication>

#include <cstdio>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    auto db = Database::open(QString::fromLocal8Bit(argv[1]));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    const QString threadId = QString::fromLocal8Bit(argv[2]);
    MessageRepository messages((*db)->connection());
    for (int i = 0;; ++i) {
        Message user;
        user.threadId = threadId;
        user.content = {TextPart{u"Question %1: "_s.arg(i) + QString(u"wie geht's? "_s).repeated(i % 20), false, {}, {}}};
        auto stored = messages.append(user);
        if (!stored)
            return 1;
        std::printf("user %s\n", qPrintable(stored->id));
        std::fflush(stdout);

        Message assistant;
        assistant.threadId = threadId;
        assistant.role = MessageRole::Assistant;
        assistant.status = MessageStatus::Streaming;
        auto row = messages.append(assistant);
        if (!row)
            return 1;
        QString text;
        for (int chunk = 0; chunk < 3; ++chunk) {
            text += u"Answer part %1 of question %2. "_s.arg(chunk).arg(i);
            if (!messages.update(row->id, {TextPart{text, false, {}, {}}}, MessageStatus::Streaming))
                return 1;
        }
        if (!messages.update(row->id, {TextPart{text, false, {}, {}}}, MessageStatus::Complete))
            return 1;
        std::printf("final %s %lld\n", qPrintable(row->id), static_cast<long long>(text.size()));
        std::fflush(stdout);
    }
}
