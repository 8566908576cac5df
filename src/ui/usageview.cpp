#include "usageview.h"

#include "ui/workspace.h"

#include "core/chatsettings.h"
#include "itemmodels/usagetotalsmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// Bars of input and output tokens per row of the totals model (cost as a label): drawn from the
// model, so it follows the table.
class UsageChart : public QWidget
{
public:
    explicit UsageChart(UsageTotalsModel *model) : m_model(model)
    {
        setObjectName(u"usageChart"_s);
        setAccessibleName(UsageView::tr("Usage chart"));
        setMinimumHeight(180);
        connect(model, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
        connect(model, &QAbstractItemModel::rowsInserted, this, qOverload<>(&QWidget::update));
        connect(model, &QAbstractItemModel::dataChanged, this, qOverload<>(&QWidget::update));
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRect area = rect().adjusted(8, 8, -8, -28);
        const int rows = m_model->rowCount();
        if (rows == 0) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect(), Qt::AlignCenter, UsageView::tr("No usage in this period"));
            return;
        }
        qint64 peak = 1;
        for (int r = 0; r < rows; ++r) {
            const auto t = m_model->total(r);
            peak = std::max(peak, t.inputTokens + t.outputTokens);
        }
        const double slot = double(area.width()) / rows;
        const double barWidth = std::max(2.0, std::min(48.0, slot * 0.7));
        const QColor input = palette().color(QPalette::Highlight);
        QColor output = input.darker(150);
        for (int r = 0; r < rows; ++r) {
            const auto t = m_model->total(r);
            const double x = area.left() + slot * r + (slot - barWidth) / 2;
            const double inH = area.height() * double(t.inputTokens) / double(peak);
            const double outH = area.height() * double(t.outputTokens) / double(peak);
            p.fillRect(QRectF(x, area.bottom() - inH, barWidth, inH), input);
            p.fillRect(QRectF(x, area.bottom() - inH - outH, barWidth, outH), output);
            if (rows <= 16) {
                p.setPen(palette().color(QPalette::Text));
                const QString label = m_model->index(r, UsageTotalsModel::KeyColumn).data().toString();
                p.drawText(QRectF(area.left() + slot * r, area.bottom() + 4, slot, 20), Qt::AlignHCenter | Qt::AlignTop,
                           fontMetrics().elidedText(label, Qt::ElideMiddle, int(slot)));
            }
        }
    }

private:
    UsageTotalsModel *m_model;
};

} // namespace

UsageView::UsageView(Workspace *workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_totals(new UsageTotalsModel(UsageTotalsModel::Grouping::ByDay, this)),
      m_periodField(new QComboBox), m_groupingField(new QComboBox), m_table(new QTableView), m_chart(new UsageChart(m_totals)),
      m_summary(new QLabel), m_budget(new QDoubleSpinBox), m_provider(new QComboBox), m_providerBudget(new QDoubleSpinBox),
      m_budgetStatus(new QLabel)
{
    setObjectName(u"usageView"_s);
    setWindowTitle(tr("Usage"));
    m_periodField->setAccessibleName(tr("Period"));
    m_periodField->addItems({tr("This month"), tr("Last 30 days"), tr("All time")});
    connect(m_periodField, &QComboBox::currentIndexChanged, this, [this](int i) { setPeriod(Period(i)); });
    m_groupingField->setAccessibleName(tr("Group by"));
    m_groupingField->addItems({tr("By day"), tr("By model")});
    connect(m_groupingField, &QComboBox::currentIndexChanged, this, [this](int i) { setGrouping(Grouping(i)); });
    m_table->setObjectName(u"usageTable"_s);
    m_table->setAccessibleName(tr("Usage table"));
    m_table->setModel(m_totals);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setObjectName(u"usageSummary"_s);
    m_summary->setWordWrap(true);

    for (QDoubleSpinBox *budget : {m_budget, m_providerBudget}) {
        budget->setRange(0, 100000);
        budget->setDecimals(2);
        budget->setPrefix(u"$ "_s);
        budget->setSpecialValueText(tr("no limit"));
    }
    m_budget->setAccessibleName(tr("Monthly budget, all providers"));
    m_provider->setAccessibleName(tr("Provider"));
    m_providerBudget->setAccessibleName(tr("Monthly budget of the provider"));
    for (const Provider &p : m_workspace->providers().providers().value_or(QList<Provider>{}))
        m_provider->addItem(p.name, p.id);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &UsageView::loadProviderBudget);
    m_budget->setValue(m_workspace->settings().chatSettings().value_or(ChatSettings{}).monthlyBudget.value_or(0));
    loadProviderBudget();
    m_budgetStatus->setObjectName(u"budgetStatus"_s);
    auto *saveBudget = new QPushButton(tr("Save budgets"));
    saveBudget->setObjectName(u"saveBudgetsButton"_s);
    connect(saveBudget, &QPushButton::clicked, this, [this] {
        const auto saved = saveBudgets();
        m_budgetStatus->setText(saved ? tr("Saved.") : saved.error().message);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_periodField);
    top->addWidget(m_groupingField);
    top->addStretch(1);
    auto *budgets = new QGroupBox(tr("Budgets (runs stop when a budget is used up)"));
    auto *budgetForm = new QFormLayout(budgets);
    budgetForm->addRow(tr("All providers, per month:"), m_budget);
    auto *providerRow = new QHBoxLayout;
    providerRow->addWidget(m_provider);
    providerRow->addWidget(m_providerBudget);
    budgetForm->addRow(tr("One provider, per month:"), providerRow);
    auto *budgetButtons = new QHBoxLayout;
    budgetButtons->addWidget(saveBudget);
    budgetButtons->addWidget(m_budgetStatus, 1);
    budgetForm->addRow(budgetButtons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_table, 1);
    layout->addWidget(budgets);
    layout->addWidget(close);
    resize(760, 680);
    reload();
}

std::pair<QDateTime, QDateTime> UsageView::range(Period period, const QDateTime &now)
{
    const QDateTime end = now.addSecs(1);
    switch (period) {
    case Period::ThisMonth: {
        const QDate today = now.toLocalTime().date();
        return {QDateTime(QDate(today.year(), today.month(), 1), QTime(0, 0)).toUTC(), end};
    }
    case Period::Last30Days: return {now.addDays(-30), end};
    case Period::AllTime: return {QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()), end};
    }
    return {now, end};
}

void UsageView::setPeriod(Period period)
{
    m_period = period;
    if (m_periodField->currentIndex() != int(period))
        m_periodField->setCurrentIndex(int(period));
    reload();
}

void UsageView::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    m_grouping = grouping;
    if (m_groupingField->currentIndex() != int(grouping))
        m_groupingField->setCurrentIndex(int(grouping));
    // The grouping is the model's; a new model for the other one.
    auto *old = m_totals;
    m_totals = new UsageTotalsModel(grouping == Grouping::ByDay ? UsageTotalsModel::Grouping::ByDay : UsageTotalsModel::Grouping::ByModel, this);
    m_table->setModel(m_totals);
    auto *chart = new UsageChart(m_totals);
    delete layout()->replaceWidget(m_chart, chart); // the old widget's layout item is ours to delete
    delete m_chart;
    m_chart = chart;
    m_chart->show();
    old->deleteLater();
    reload();
}

void UsageView::reload()
{
    const auto [from, to] = range(m_period, QDateTime::currentDateTimeUtc());
    UsageRepository usage = m_workspace->usage();
    auto totals = m_grouping == Grouping::ByDay ? usage.totalsByDay(from, to) : usage.totalsByModel(from, to);
    m_totals->setTotals(totals.value_or(QList<UsageRepository::Total>{}));
    qint64 input = 0;
    qint64 output = 0;
    double cost = 0;
    for (const auto &t : totals.value_or(QList<UsageRepository::Total>{})) {
        input += t.inputTokens;
        output += t.outputTokens;
        cost += t.cost;
    }
    const QLocale locale;
    QString text = tr("%1 input and %2 output tokens, $%3 in this period.")
                       .arg(locale.toString(input), locale.toString(output), locale.toString(cost, 'f', 2));
    const auto [monthStart, now] = range(Period::ThisMonth, QDateTime::currentDateTimeUtc());
    const double month = usage.costSince(monthStart).value_or(0);
    if (const auto budget = m_workspace->settings().chatSettings().value_or(ChatSettings{}).monthlyBudget)
        text += u' ' + tr("This month: $%1 of the $%2 budget.").arg(locale.toString(month, 'f', 2), locale.toString(*budget, 'f', 2));
    m_summary->setText(text);
}

void UsageView::loadProviderBudget()
{
    const QString id = m_provider->currentData().toString();
    m_providerBudget->setEnabled(!id.isEmpty());
    m_providerBudget->setValue(id.isEmpty() ? 0 : m_workspace->settings().providerBudget(id).value_or(std::nullopt).value_or(0));
}

Result<void> UsageView::saveBudgets()
{
    SettingsRepository settings = m_workspace->settings();
    ChatSettings chat = settings.chatSettings().value_or(ChatSettings{});
    chat.monthlyBudget = m_budget->value() > 0 ? std::optional<double>(m_budget->value()) : std::nullopt;
    if (auto saved = settings.setChatSettings(chat); !saved)
        return saved;
    if (const QString id = m_provider->currentData().toString(); !id.isEmpty()) {
        if (auto saved = settings.setProviderBudget(id, m_providerBudget->value() > 0 ? std::optional<double>(m_providerBudget->value())
                                                                                       : std::nullopt);
            !saved)
            return saved;
    }
    reload();
    return {};
}

} // namespace AgentDesk
