#include "roletracker.h"

#include "itemmodels/agentlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// The agent and skill lists: filled once (a reset), then changed in place with exact roles.
class TestAgentListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agentsChangeInPlaceWithExactRoles();
    void skillsChangeInPlaceWithExactRoles();
};

void TestAgentListModel::agentsChangeInPlaceWithExactRoles()
{
    AgentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RoleTracker roles(&model);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    Agent writer{u"a1"_s, u"Writer"_s, u"Drafts texts"_s, u"Be concise."_s, {}, {u"bar_chart"_s}, {}, {}, {}, {}, {}};
    Agent analyst{u"a2"_s, u"Analyst"_s, QString(), QString(), u"local/m"_s, {}, {}, {}, {u"s1"_s, u"s2"_s}, {}, {}};
    model.setItems({writer, analyst});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data().toString(), u"Writer"_s);
    QCOMPARE(model.index(0).data(Qt::ToolTipRole).toString(), u"Drafts texts"_s);
    QCOMPARE(model.index(0).data(AgentListModel::ToolCountRole).toInt(), 1);
    QCOMPARE(model.index(1).data(AgentListModel::ModelRole).toString(), u"local/m"_s);
    QCOMPARE(model.index(1).data(AgentListModel::SkillCountRole).toInt(), 2);

    writer.name = u"Ghostwriter"_s;
    model.upsert(writer);
    QCOMPARE(roles.take(), QStringList{u"0:display,name"_s});
    writer.instructions = u"Changed, not shown in the list"_s;
    model.upsert(writer);
    QCOMPARE(roles.take(), QStringList{});
    analyst.model.clear();
    analyst.skillIds.removeLast();
    analyst.description = u"Numbers"_s;
    model.upsert(analyst);
    QCOMPARE(roles.take(), QStringList{u"1:toolTip,description,model,skillCount"_s});

    Agent third{u"a3"_s, u"Translator"_s, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    model.upsert(third);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(u"a3"_s), 2);
    model.remove(u"a1"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(u"a3"_s), 1);
    QCOMPARE(model.index(0).data(AgentListModel::IdRole).toString(), u"a2"_s);
    // A re-read: the changed row in place, the new one appended, the missing one removed.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    analyst.name = u"Data analyst"_s;
    Agent fourth{u"a4"_s, u"Planner"_s, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    model.sync({analyst, fourth});
    QCOMPARE(roles.take(), QStringList{u"0:display,name"_s});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data(AgentListModel::IdRole).toString(), u"a4"_s);
    QCOMPARE(reset.size(), 1);
}

void TestAgentListModel::skillsChangeInPlaceWithExactRoles()
{
    SkillListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RoleTracker roles(&model);
    Skill review{u"s1"_s, u"Review"_s, u"Reviews code"_s, u"Look for bugs."_s, {}, {}, true, false, {}, {}};
    model.setItems({review});
    QCOMPARE(model.index(0).data(SkillListModel::ShortDescriptionRole).toString(), u"Reviews code"_s);
    QVERIFY(model.index(0).data(SkillListModel::ActiveRole).toBool());
    review.pinned = true;
    review.active = false;
    model.upsert(review);
    QCOMPARE(roles.take(), QStringList{u"0:active,pinned"_s});
    review.shortDescription = u"Reviews diffs"_s;
    review.updatedAt = QDateTime(QDate(2026, 11, 24), QTime(8, 0), QTimeZone::utc());
    model.upsert(review);
    QCOMPARE(roles.take(), QStringList{u"0:toolTip,shortDescription,updatedAt"_s});
    QCOMPARE(model.index(0).data(Qt::ToolTipRole).toString(), u"Reviews diffs"_s);
}

QTEST_APPLESS_MAIN(TestAgentListModel)
#include "tst_agentlistmodel.moc"
