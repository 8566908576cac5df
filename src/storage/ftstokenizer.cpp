#include "ftstokenizer.h"

#include "core/searchtokenizer.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

struct Tokenizer
{
};

int createTokenizer(void *, const char **, int, Fts5Tokenizer **out)
{
    // The tokenizer is stateless; one static instance serves every table.
    static Tokenizer instance;
    *out = reinterpret_cast<Fts5Tokenizer *>(&instance);
    return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer *) {}

int tokenize(Fts5Tokenizer *, void *context, int flags, const char *text, int length,
             int (*token)(void *, int, const char *, int, int, int))
{
    const auto mode = (flags & FTS5_TOKENIZE_DOCUMENT) || (flags & FTS5_TOKENIZE_AUX)
                          ? SearchTokenizer::Mode::Document
                          : SearchTokenizer::Mode::Query;
    return SearchTokenizer::tokenize(text, length, mode,
                                     [&](const char *t, int n, int start, int end, bool colocated) {
                                         return token(context, colocated ? FTS5_TOKEN_COLOCATED : 0, t, n, start, end);
                                     });
}

fts5_api *fts5Api(sqlite3 *handle)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

} // namespace

Result<void> FtsTokenizer::registerOn(const QSqlDatabase &db)
{
    const QVariant handleVariant = db.driver() ? db.driver()->handle() : QVariant();
    if (!handleVariant.isValid() || qstrcmp(handleVariant.typeName(), "sqlite3*") != 0)
        return makeError(QString(ErrorCode::DatabaseOpenFailed), u"The SQLite driver does not expose its handle"_s);
    auto *handle = *static_cast<sqlite3 *const *>(handleVariant.constData());
    fts5_api *api = fts5Api(handle);
    if (!api)
        return makeError(QString(ErrorCode::DatabaseOpenFailed), u"SQLite was built without FTS5"_s);
    fts5_tokenizer tokenizer{createTokenizer, deleteTokenizer, tokenize};
    if (api->xCreateTokenizer(api, Name, nullptr, &tokenizer, nullptr) != SQLITE_OK)
        return makeError(QString(ErrorCode::DatabaseOpenFailed), u"Registering the search tokenizer failed"_s);
    return {};
}

} // namespace AgentDesk
