#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace AgentDesk {

// A line diff between two versions of an artifact (the artifact panel's comparison): Myers'
// O((N+M)·D) shortest edit script, so long documents with few changes stay fast; equal lines at
// both ends are matched first. Pure; any thread.
struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;
    int oldLine = 0; // 1-based; 0 for an added line
    int newLine = 0; // 1-based; 0 for a removed line
    friend bool operator==(const DiffLine &, const DiffLine &) = default;
};

class LineDiff
{
public:
    static QList<DiffLine> diff(const QStringList &before, const QStringList &after);
    static QList<DiffLine> diff(const QString &before, const QString &after);
    // Counts of added and removed lines.
    static std::pair<int, int> stats(const QList<DiffLine> &lines);
};

} // namespace AgentDesk
