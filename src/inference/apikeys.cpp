#include "apikeys.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace AgentDesk {

Result<QString> ApiKeys::fromEnvironment(const Provider &provider)
{
    const QString name = provider.apiKey.envVar;
    if (name.isEmpty())
        return QString();
    const QString value = qEnvironmentVariable(name.toLocal8Bit().constData()).trimmed();
    if (value.isEmpty()) {
        return makeError(u"PROVIDER_AUTH_FAILED"_s,
                         u"The environment variable %1 (the API key of provider %2) is not set"_s.arg(name, provider.name));
    }
    return value;
}

QString ApiKeys::keychainKey(const Provider &provider)
{
    return u"provider/"_s + provider.id;
}

namespace {
Error keychainError(const QKeychain::Job &job)
{
    return Error{u"KEYCHAIN_FAILED"_s, u"The system keychain failed: %1"_s.arg(job.errorString()), {{u"code"_s, int(job.error())}}};
}
} // namespace

void ApiKeys::readFromKeychain(const QString &key, KeyCallback done, QObject *context)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(KeychainService), context);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() == QKeychain::EntryNotFound)
            done(QString());
        else if (job->error() != QKeychain::NoError)
            done(std::unexpected(keychainError(*job)));
        else
            done(job->textData());
    });
    job->start();
}

void ApiKeys::writeToKeychain(const QString &key, const QString &secret, DoneCallback done, QObject *context)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(KeychainService), context);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            done(std::unexpected(keychainError(*job)));
        else
            done({});
    });
    job->start();
}

void ApiKeys::removeFromKeychain(const QString &key, DoneCallback done, QObject *context)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(KeychainService), context);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            done(std::unexpected(keychainError(*job)));
        else
            done({});
    });
    job->start();
}

} // namespace AgentDesk
