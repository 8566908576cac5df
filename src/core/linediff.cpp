#include "linediff.h"

#include <vector>

namespace AgentDesk {

namespace {

QStringList splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(u'\n');
    if (text.endsWith(u'\n'))
        lines.removeLast();
    return lines;
}

} // namespace

QList<DiffLine> LineDiff::diff(const QString &before, const QString &after)
{
    return diff(splitLines(before), splitLines(after));
}

QList<DiffLine> LineDiff::diff(const QStringList &a, const QStringList &b)
{
    const int n = int(a.size());
    const int m = int(b.size());
    // Common prefix and suffix first: most edits touch a small part of a document.
    int prefix = 0;
    while (prefix < n && prefix < m && a.at(prefix) == b.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && a.at(n - 1 - suffix) == b.at(m - 1 - suffix))
        ++suffix;
    const int N = n - prefix - suffix;
    const int M = m - prefix - suffix;

    // Myers: for each edit distance d, the furthest x reached on every diagonal k; the traces are
    // kept to walk the script back.
    const int max = N + M;
    std::vector<std::vector<int>> trace;
    std::vector<int> v(size_t(2 * max + 3), 0); // diagonals -max-1 … max+1
    const int offset = max + 1;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)])) ? v[size_t(offset + k + 1)]
                                                                                                  : v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < N && y < M && a.at(prefix + x) == b.at(prefix + y)) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= N && y >= M) {
                found = d;
                break;
            }
        }
        trace.push_back(v);
    }

    // Walk back from (N, M) to (0, 0), collecting the middle part in reverse.
    QList<DiffLine> middle;
    int x = N;
    int y = M;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &previous = trace[size_t(d - 1)];
        const int k = x - y;
        const bool down = k == -d || (k != d && previous[size_t(offset + k - 1)] < previous[size_t(offset + k + 1)]);
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = previous[size_t(offset + prevK)];
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            --x;
            --y;
            middle.append({DiffLine::Kind::Same, a.at(prefix + x), prefix + x + 1, prefix + y + 1});
        }
        if (down) {
            --y;
            middle.append({DiffLine::Kind::Added, b.at(prefix + y), 0, prefix + y + 1});
        } else {
            --x;
            middle.append({DiffLine::Kind::Removed, a.at(prefix + x), prefix + x + 1, 0});
        }
    }
    while (x > 0 && y > 0) {
        --x;
        --y;
        middle.append({DiffLine::Kind::Same, a.at(prefix + x), prefix + x + 1, prefix + y + 1});
    }

    QList<DiffLine> out;
    out.reserve(prefix + middle.size() + suffix);
    for (int i = 0; i < prefix; ++i)
        out.append({DiffLine::Kind::Same, a.at(i), i + 1, i + 1});
    for (auto it = middle.crbegin(); it != middle.crend(); ++it)
        out.append(*it);
    for (int i = 0; i < suffix; ++i)
        out.append({DiffLine::Kind::Same, a.at(n - suffix + i), n - suffix + i + 1, m - suffix + i + 1});
    return out;
}

std::pair<int, int> LineDiff::stats(const QList<DiffLine> &lines)
{
    int added = 0;
    int removed = 0;
    for (const DiffLine &line : lines) {
        if (line.kind == DiffLine::Kind::Added)
            ++added;
        else if (line.kind == DiffLine::Kind::Removed)
            ++removed;
    }
    return {added, removed};
}

} // namespace AgentDesk
