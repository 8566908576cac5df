#include "testsupport.h"

#include "storage/messagerepository.h"
#include "storage/threadrepository.h"

#include <QElapsedTimer>
#include <QProcess>

#include <csignal>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

// Kills a writing child process with SIGKILL at many different points and checks after every
// kill that the database is intact and holds every message whose commit the child had reported.
class TestCrashSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void survivesSigkillAnywhere();
};

void TestCrashSafety::survivesSigkillAnywhere()
{
    QTemporaryDir dir;
    QString threadId;
    {
        auto db = AD_VERIFY_OK(Database::open(dir.path()));
        threadId = AD_VERIFY_OK(ThreadRepository((*db)->connection()).create({})).value().id;
    }

    QStringList committedUsers;
    QHash<QString, int> finalLengths;
    constexpr int Rounds = 40;
    for (int round = 0; round < Rounds; ++round) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(QString::fromLocal8Bit(CRASHWRITER_PATH), {dir.path(), threadId});
        QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));

        // Vary the kill point: after a different number of reported commits each round, plus a
        // different busy delay, so kills land before, inside and after transactions.
        const int targetLines = round % 4 == 0 ? 0 : 1 + (round * 7) % 23;
        QByteArray output;
        while (output.count('\n') < targetLines) {
            if (!writer.waitForReadyRead(20000))
                QFAIL(qPrintable(u"writer stalled: "_s + QString::fromLocal8Bit(writer.readAllStandardError())));
            output += writer.readAllStandardOutput();
        }
        QElapsedTimer spin;
        spin.start();
        const qint64 delayNs = (round * 97'003) % 3'000'000;
        while (spin.nsecsElapsed() < delayNs) {
        }
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        output += writer.readAllStandardOutput();

        // Only complete lines are commits the child reported.
        const QList<QByteArray> lines = output.left(output.lastIndexOf('\n') + 1).split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.split(' ');
            if (fields.value(0) == "user")
                committedUsers << QString::fromLatin1(fields.value(1));
            else if (fields.value(0) == "final")
                finalLengths.insert(QString::fromLatin1(fields.value(1)), fields.value(2).toInt());
        }

        auto db = AD_VERIFY_OK(Database::open(dir.path()));
        const QString check = AD_VERIFY_OK((*db)->integrityCheck()).value();
        QVERIFY2(check == "ok"_L1, qPrintable(u"round %1: %2"_s.arg(round).arg(check)));
        MessageRepository messages((*db)->connection());
        const QList<Message> stored = AD_VERIFY_OK(messages.path(threadId)).value();
        QHash<QString, Message> byId;
        for (const auto &m : stored)
            byId.insert(m.id, m);
        for (const QString &id : std::as_const(committedUsers))
            QVERIFY2(byId.contains(id), qPrintable(u"round %1: committed user message %2 is missing"_s.arg(round).arg(id)));
        for (auto it = finalLengths.cbegin(); it != finalLengths.cend(); ++it) {
            QVERIFY2(byId.contains(it.key()), qPrintable(u"round %1: final message missing"_s.arg(round)));
            const Message &m = byId.value(it.key());
            QCOMPARE(m.status, MessageStatus::Complete);
            QCOMPARE(int(m.plainText().size()), it.value());
        }
        // Whatever else is there is whole: every row parses and is a user or assistant message.
        for (const auto &m : stored)
            QVERIFY(m.role == MessageRole::User || m.role == MessageRole::Assistant);
    }
    QVERIFY2(committedUsers.size() > Rounds, "the writer should have committed many messages");
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
