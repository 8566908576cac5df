#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTableView;

namespace AgentDesk {

class Workspace;

class UsageTotalsModel;

// The usage view (product.md §9/§11, issue 6 §6): tokens and cost in a period, as a table and a
// bar chart, by day or by model; the spending so far this month against the monthly budget, and
// the budget itself (global and per provider). GUI thread.
class UsageView : public QDialog
{
    Q_OBJECT
public:
    enum class Period { ThisMonth, Last30Days, AllTime };
    enum class Grouping { ByDay, ByModel };

    explicit UsageView(Workspace *workspace, QWidget *parent = nullptr);

    void setPeriod(Period period);
    void setGrouping(Grouping grouping);
    UsageTotalsModel *totals() const { return m_totals; }
    QLabel *summary() const { return m_summary; }
    // The period's first and last instant (UTC), "now" given for tests.
    static std::pair<QDateTime, QDateTime> range(Period period, const QDateTime &now);

    Result<void> saveBudgets();
    QDoubleSpinBox *monthlyBudgetField() const { return m_budget; }
    QComboBox *providerField() const { return m_provider; }
    QDoubleSpinBox *providerBudgetField() const { return m_providerBudget; }

private:
    void reload();
    void loadProviderBudget();

    Workspace *m_workspace;
    Period m_period = Period::ThisMonth;
    Grouping m_grouping = Grouping::ByDay;
    UsageTotalsModel *m_totals;
    QComboBox *m_periodField;
    QComboBox *m_groupingField;
    QTableView *m_table;
    QWidget *m_chart;
    QLabel *m_summary;
    QDoubleSpinBox *m_budget;
    QComboBox *m_provider;
    QDoubleSpinBox *m_providerBudget;
    QLabel *m_budgetStatus;
};

} // namespace AgentDesk
