#include "roletracker.h"

#include "itemmodels/artifactlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The artifact panel's lists: artifacts of a thread and the versions of one.
class TestArtifactListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNewVersionChangesTheArtifactRowInPlace();
    void versionsAppendInOrder();
};

void TestArtifactListModel::aNewVersionChangesTheArtifactRowInPlace()
{
    ArtifactListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RoleTracker roles(&model);
    const QDateTime t0(QDate(2026, 11, 24), QTime(9, 0), QTimeZone::utc());
    Artifact doc{u"d1"_s, u"t1"_s, ArtifactType::Document, u"Plan"_s, 1, ArtifactAuthor::Assistant, t0, t0};
    Artifact sheet{u"d2"_s, u"t1"_s, ArtifactType::Spreadsheet, u"Budget"_s, 3, ArtifactAuthor::User, t0, t0};
    model.setItems({doc, sheet});
    QCOMPARE(model.index(0).data(ArtifactListModel::TypeRole).toString(), u"document"_s);
    QCOMPARE(model.index(1).data(ArtifactListModel::TypeRole).toString(), u"spreadsheet"_s);
    QCOMPARE(model.index(1).data(ArtifactListModel::CurrentAuthorRole).toString(), u"user"_s);
    doc.currentVersion = 2;
    doc.currentAuthor = ArtifactAuthor::User;
    doc.updatedAt = t0.addSecs(60);
    model.upsert(doc);
    QCOMPARE(roles.take(), QStringList{u"0:currentVersion,currentAuthor,updatedAt"_s});
    doc.title = u"Plan v2"_s;
    model.upsert(doc);
    QCOMPARE(roles.take(), QStringList{u"0:display,title"_s});
}

void TestArtifactListModel::versionsAppendInOrder()
{
    ArtifactVersionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RoleTracker roles(&model);
    const QDateTime t0(QDate(2026, 11, 24), QTime(9, 0), QTimeZone::utc());
    model.setItems({{u"d1"_s, 1, u"# Plan"_s, ArtifactAuthor::Assistant, t0}});
    model.upsert({u"d1"_s, 2, u"# Plan\n\nMore."_s, ArtifactAuthor::User, t0.addSecs(5)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data(ArtifactVersionModel::VersionRole).toInt(), 2);
    QCOMPARE(model.index(1).data(ArtifactVersionModel::AuthorRole).toString(), u"user"_s);
    QCOMPARE(model.index(1).data(ArtifactVersionModel::ContentRole).toString(), u"# Plan\n\nMore."_s);
    QVERIFY(model.index(1).data().toString().startsWith(u"Version 2 · you · "_s));
    QCOMPARE(roles.take(), QStringList{});
    // Stored versions do not change; a re-read that differs reports what differs.
    model.upsert({u"d1"_s, 2, u"# Plan\n\nMore!"_s, ArtifactAuthor::User, t0.addSecs(5)});
    QCOMPARE(roles.take(), QStringList{u"1:content"_s});
}

QTEST_APPLESS_MAIN(TestArtifactListModel)
#include "tst_artifactlistmodel.moc"
