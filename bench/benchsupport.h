#pragma once

// What the GUI benchmarks share: simple statistics and the tokens of a long Markdown answer.

#include "core/message.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <random>

namespace AgentDesk::Bench {

using namespace Qt::StringLiterals;

inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

inline double median(QList<double> values)
{
    return percentile(std::move(values), 0.5);
}

inline double mean(const QList<double> &values)
{
    double sum = 0;
    for (double v : values)
        sum += v;
    return values.isEmpty() ? 0 : sum / double(values.size());
}

// Tokens of a long Markdown answer: roughly four characters each, as providers stream them.
inline QStringList markdownTokens(int count)
{
    static const QStringList words = {u"the"_s, u"stream"_s, u"renders"_s, u"each"_s, u"block"_s, u"once"_s,
                                      u"while"_s, u"tokens"_s, u"arrive"_s, u"quickly"_s, u"from"_s, u"a"_s,
                                      u"model"_s, u"server"_s, u"and"_s, u"layout"_s, u"stays"_s, u"cheap"_s};
    std::mt19937 rng(7);
    auto word = [&] { return words.at(int(rng() % words.size())); };
    QStringList tokens;
    int block = 0;
    while (tokens.size() < count) {
        switch (block++ % 4) {
        case 0: // a paragraph
            for (int i = 0, n = 40 + int(rng() % 40); i < n; ++i)
                tokens << word() + (i + 1 == n ? u".\n\n"_s : u" "_s);
            break;
        case 1: // a list
            for (int i = 0; i < 5; ++i) {
                tokens << u"- "_s;
                for (int j = 0; j < 6; ++j)
                    tokens << word() + (j == 5 ? u"\n"_s : u" "_s);
            }
            tokens << u"\n"_s;
            break;
        case 2: // a code block
            tokens << u"```cpp\n"_s;
            for (int i = 0; i < 15; ++i)
                tokens << u"    int "_s << word() << u" = "_s << QString::number(i) << u";\n"_s;
            tokens << u"```\n\n"_s;
            break;
        case 3: // a table
            tokens << u"| a | b | c |\n"_s << u"|---|---|---|\n"_s;
            for (int i = 0; i < 4; ++i)
                tokens << u"| "_s << word() << u" | "_s << word() << u" | "_s << QString::number(i) << u" |\n"_s;
            tokens << u"\n"_s;
            break;
        }
    }
    tokens.resize(count);
    return tokens;
}

// Times a stream of `tokens` fed `perUpdate` at a time: `apply(token)` for each token of an update,
// then `render()`; each update is timed whole (one event-loop task: the stall it causes), then the
// loop's other events run. `near1k`: updates over tokens 500–1,500; `near100k`: the last 1,000.
struct StreamTiming
{
    QList<double> all;
    QList<double> near1k;
    QList<double> near100k;
    double totalMs = 0;

    // The figures both GUI benchmarks report for a stream of `tokens` tokens, `perUpdate` at a time.
    QJsonObject figures(int tokens, int perUpdate) const
    {
        const double at1k = mean(near1k);
        const double at100k = mean(near100k);
        return {{u"tokens"_s, tokens},
                {u"tokensPerUpdate"_s, perUpdate},
                {u"updates"_s, int(all.size())},
                {u"msPerUpdateAt1k"_s, at1k},
                {u"msPerUpdateAt100k"_s, at100k},
                {u"ratio100kTo1k"_s, at1k > 0 ? at100k / at1k : 0},
                {u"stallP99Ms"_s, percentile(all, 0.99)},
                {u"stallMaxMs"_s, percentile(all, 1.0)},
                {u"totalSeconds"_s, totalMs / 1000},
                {u"tokensPerSecond"_s, tokens / (totalMs / 1000)}};
    }
};

// The question the streamed answer answers, in the thread "bench".
inline Message streamQuestion()
{
    Message user;
    user.id = u"u1"_s;
    user.threadId = u"bench"_s;
    user.createdAt = QDateTime::currentDateTimeUtc();
    user.content = {TextPart{u"Write a long answer with code."_s, false, {}, {}}};
    return user;
}

template<typename Apply, typename Render>
StreamTiming timeStream(const QStringList &tokens, int perUpdate, Apply apply, Render render)
{
    StreamTiming timing;
    QElapsedTimer total;
    total.start();
    const int count = int(tokens.size());
    for (int i = 0; i < count; i += perUpdate) {
        QElapsedTimer tick;
        tick.start();
        for (int k = i; k < std::min(count, i + perUpdate); ++k)
            apply(tokens.at(k));
        render();
        const double ms = double(tick.nsecsElapsed()) / 1e6;
        timing.all << ms;
        if (i >= 500 && i < 1500)
            timing.near1k << ms;
        if (i >= count - 1000)
            timing.near100k << ms;
        QCoreApplication::processEvents(); // what else the loop has to do between updates
    }
    timing.totalMs = double(total.nsecsElapsed()) / 1e6;
    return timing;
}

} // namespace AgentDesk::Bench
