#include "localapitoken.h"

#include "inference/apikeys.h"

#include <QRandomGenerator>

#include <array>

using namespace Qt::StringLiterals;

namespace AgentDesk::LocalApiToken {

QString generate()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->generate(words.begin(), words.end());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return u"adk-"_s + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void regenerate(Done done, QObject *context)
{
    const QString token = generate();
    ApiKeys::writeToKeychain(QString(KeychainKey), token, [token, done = std::move(done)](Result<void> written) {
        if (!written)
            return done(std::unexpected(written.error()));
        done(token);
    }, context);
}

void readOrCreate(Done done, QObject *context)
{
    ApiKeys::readFromKeychain(QString(KeychainKey), [done = std::move(done), context](Result<QString> stored) mutable {
        if (!stored || !stored->isEmpty())
            return done(std::move(stored));
        regenerate(std::move(done), context);
    }, context);
}

} // namespace AgentDesk::LocalApiToken
