#pragma once

#include <QString>
#include <QVariantMap>

#include <expected>

namespace AgentDesk {

// A failure as a value: a stable machine code (see product.md §5 for the run codes, ErrorCode for
// the rest), an English message for logs and the CLI, and optional structured details. User-facing
// GUI text is produced from the code at the edge.
struct Error
{
    QString code;
    QString message;
    QVariantMap details;

    friend bool operator==(const Error &, const Error &) = default;
};

template<typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> makeError(QString code, QString message, QVariantMap details = {})
{
    return std::unexpected(Error{std::move(code), std::move(message), std::move(details)});
}

namespace ErrorCode {
inline constexpr QLatin1String DatabaseOpenFailed{"DATABASE_OPEN_FAILED"};
inline constexpr QLatin1String DatabaseNotSqlite{"DATABASE_NOT_SQLITE"};
inline constexpr QLatin1String DatabaseCorrupt{"DATABASE_CORRUPT"};
inline constexpr QLatin1String DatabaseTooNew{"DATABASE_TOO_NEW"};
inline constexpr QLatin1String DatabaseMigrationFailed{"DATABASE_MIGRATION_FAILED"};
inline constexpr QLatin1String DatabaseQueryFailed{"DATABASE_QUERY_FAILED"};
inline constexpr QLatin1String DataDirUnwritable{"DATA_DIR_UNWRITABLE"};
inline constexpr QLatin1String NotFound{"NOT_FOUND"};
inline constexpr QLatin1String AlreadyExists{"ALREADY_EXISTS"};
inline constexpr QLatin1String InvalidArgument{"INVALID_ARGUMENT"};
inline constexpr QLatin1String BlobIoFailed{"BLOB_IO_FAILED"};
inline constexpr QLatin1String FileWriteFailed{"FILE_WRITE_FAILED"};
inline constexpr QLatin1String DatabaseInUse{"DATABASE_IN_USE"};
} // namespace ErrorCode

// Bad input, with the message for the user.
inline Error invalidArgument(QString message)
{
    return Error{QString(ErrorCode::InvalidArgument), std::move(message), {}};
}

} // namespace AgentDesk
