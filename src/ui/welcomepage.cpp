#include "welcomepage.h"

#include "ui/workspace.h"

#include "core/providerpresets.h"

#include <QGridLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
constexpr int ProbeTimeoutMs = 2500;
const QStringList cloudPresets = {u"openai"_s, u"anthropic"_s, u"gemini"_s, u"openrouter"_s, u"mistral"_s};
} // namespace

QList<WelcomePage::Candidate> WelcomePage::defaultCandidates()
{
    QList<Candidate> out;
    for (const QString &id : {u"ollama"_s, u"lmstudio"_s, u"llamacpp"_s}) {
        if (const ProviderPreset *preset = ProviderPresets::find(id))
            out.append({id, preset->baseUrl});
    }
    return out;
}

WelcomePage::WelcomePage(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_candidates(defaultCandidates()),
      m_foundLayout(new QVBoxLayout), m_status(new QLabel)
{
    setObjectName(u"welcomePage"_s);
    auto *title = new QLabel(tr("Welcome to AgentDesk"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    auto *intro = new QLabel(tr("To start a conversation, connect a model: one running on this computer, or a cloud "
                                "service with your API key. Keys are kept in your system's keychain."));
    intro->setWordWrap(true);
    m_status->setObjectName(u"welcomeStatus"_s);
    m_status->setWordWrap(true);

    auto *localTitle = new QLabel(tr("On this computer"));
    QFont bold = localTitle->font();
    bold.setBold(true);
    localTitle->setFont(bold);
    auto *rescan = new QPushButton(tr("Look again"));
    rescan->setObjectName(u"rescanButton"_s);
    rescan->setAccessibleName(tr("Look for local model servers again"));
    connect(rescan, &QPushButton::clicked, this, &WelcomePage::detect);
    auto *localHeader = new QHBoxLayout;
    localHeader->addWidget(localTitle);
    localHeader->addStretch(1);
    localHeader->addWidget(rescan);

    auto *cloudTitle = new QLabel(tr("Cloud services"));
    cloudTitle->setFont(bold);
    auto *cloud = new QGridLayout;
    int i = 0;
    for (const QString &id : cloudPresets) {
        const ProviderPreset *preset = ProviderPresets::find(id);
        if (!preset)
            continue;
        auto *button = new QPushButton(preset->displayName);
        button->setObjectName(u"preset_"_s + id);
        button->setAccessibleName(tr("Set up %1").arg(preset->displayName));
        connect(button, &QPushButton::clicked, this, [this, id] { Q_EMIT settingsRequested(id); });
        cloud->addWidget(button, i / 3, i % 3);
        ++i;
    }
    auto *other = new QPushButton(tr("Other…"));
    other->setAccessibleName(tr("Set up another provider"));
    connect(other, &QPushButton::clicked, this, [this] { Q_EMIT settingsRequested({}); });
    cloud->addWidget(other, i / 3, i % 3);

    auto *skip = new QPushButton(tr("Continue without a provider"));
    skip->setObjectName(u"skipWelcomeButton"_s);
    skip->setFlat(true);
    connect(skip, &QPushButton::clicked, this, &WelcomePage::skipped);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(16);
    column->addLayout(localHeader);
    column->addLayout(m_foundLayout);
    column->addSpacing(16);
    column->addWidget(cloudTitle);
    column->addLayout(cloud);
    column->addSpacing(16);
    column->addWidget(m_status);
    column->addWidget(skip, 0, Qt::AlignLeft);
    auto *content = new QWidget;
    content->setFixedWidth(600);
    content->setLayout(column);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(content, 0, Qt::AlignHCenter);
    outer->addStretch(2);
    showFound();
}

void WelcomePage::detect()
{
    ++m_generation;
    m_found.clear();
    m_pending = int(m_candidates.size());
    showFound();
    for (const Candidate &candidate : std::as_const(m_candidates)) {
        const ProviderPreset *preset = ProviderPresets::find(candidate.presetId);
        if (!preset) {
            --m_pending;
            continue;
        }
        Provider probe;
        probe.name = preset->id;
        probe.kind = preset->kind;
        probe.baseUrl = candidate.baseUrl;
        m_workspace->providerService().discoverModels(probe, {}, [self = QPointer<WelcomePage>(this), id = candidate.presetId,
                                                 generation = m_generation](Result<QList<DiscoveredModel>> models) {
            if (!self || generation != self->m_generation)
                return; // an older round
            if (models && !models->isEmpty()) {
                QStringList names;
                for (const DiscoveredModel &m : std::as_const(*models))
                    names << m.name;
                self->m_found.insert(id, names);
            }
            if (--self->m_pending == 0) {
                self->showFound();
                Q_EMIT self->detectionFinished();
            }
        }, ProbeTimeoutMs);
    }
    if (m_pending == 0)
        Q_EMIT detectionFinished();
}

QStringList WelcomePage::detected() const
{
    QStringList ids;
    for (const Candidate &c : m_candidates) {
        if (m_found.contains(c.presetId))
            ids << c.presetId;
    }
    return ids;
}

void WelcomePage::showFound()
{
    while (QLayoutItem *item = m_foundLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_pending > 0) {
        m_foundLayout->addWidget(new QLabel(tr("Looking for Ollama, LM Studio and llama.cpp…")));
        return;
    }
    const QStringList ids = detected();
    if (ids.isEmpty()) {
        auto *none = new QLabel(tr("No local model server is running (Ollama on port 11434, LM Studio on 1234, "
                                   "llama.cpp on 8080). Start one and look again, or use a cloud service."));
        none->setWordWrap(true);
        none->setObjectName(u"noLocalServer"_s);
        m_foundLayout->addWidget(none);
        return;
    }
    for (const QString &id : ids) {
        const ProviderPreset *preset = ProviderPresets::find(id);
        const QStringList models = m_found.value(id);
        auto *row = new QWidget;
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(tr("%1 with %n model(s)", nullptr, int(models.size())).arg(preset->displayName));
        auto *use = new QPushButton(tr("Use %1").arg(preset->displayName));
        use->setObjectName(u"use_"_s + id);
        connect(use, &QPushButton::clicked, this, [this, id] { this->use(id); });
        layout->addWidget(label, 1);
        layout->addWidget(use);
        m_foundLayout->addWidget(row);
    }
}

void WelcomePage::use(const QString &presetId, std::function<void(Result<int>)> done)
{
    auto finish = [this, done](Result<int> result) {
        m_status->setText(result ? QString() : result.error().message);
        if (done)
            done(result);
        if (result)
            Q_EMIT providerReady();
    };
    const ProviderPreset *preset = ProviderPresets::find(presetId);
    const auto candidate = std::find_if(m_candidates.cbegin(), m_candidates.cend(),
                                        [&](const Candidate &c) { return c.presetId == presetId; });
    if (!preset || candidate == m_candidates.cend() || !m_found.contains(presetId))
        return finish(makeError(QString(ErrorCode::NotFound), tr("%1 was not found on this computer.").arg(presetId)));
    ProviderRepository repo = m_workspace->providers();
    Provider provider;
    provider.name = preset->id;
    for (int n = 2; repo.provider(provider.name); ++n) // a name that is free
        provider.name = preset->id + u'-' + QString::number(n);
    provider.kind = preset->kind;
    provider.baseUrl = candidate->baseUrl;
    auto stored = repo.addProvider(provider);
    if (!stored)
        return finish(std::unexpected(stored.error()));
    const bool needsDefault = !repo.defaultModel();
    int added = 0;
    for (const QString &name : m_found.value(presetId)) {
        Model m;
        m.providerName = stored->name;
        m.name = name;
        m.isDefault = needsDefault && added == 0;
        if (repo.addModel(m))
            ++added;
    }
    finish(added);
}

} // namespace AgentDesk
