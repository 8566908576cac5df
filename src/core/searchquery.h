#pragma once

#include <QString>

namespace AgentDesk {

// Turns what the user typed into the search field into an FTS5 MATCH expression. Pure logic.
//
// Words are matched as whole tokens, the last word also as a prefix while the user is still
// typing it (no trailing space); a word ending in `*` is a prefix anywhere; "quoted text" is a
// phrase. FTS5 operators typed by the user are treated as words, so no input is a syntax error.
//
// Bounded: repeated words count once, and only the first MaxTerms different words of the first
// MaxCharacters characters are used, so a pasted page of text costs what a sentence costs;
// `wasShortened` tells the front end to say so.
class SearchQuery
{
public:
    static constexpr int MaxTerms = 16;
    static constexpr int MaxCharacters = 512;

    enum class LastWord { Prefix, Exact };
    // All: every word must occur (the search field). Any: at least one, ranked by BM25 — for
    // questions in natural language, as the model asks them.
    enum class Join { All, Any };
    // With LastWord::Exact the word being typed matches whole words only (explicit `*` stays);
    // the search tries that cheaper form first.
    static QString toFts5(const QString &userText, LastWord lastWord = LastWord::Prefix, Join join = Join::All);
    // Whether toFts5 left out words of `userText` beyond the limits (not repeats).
    static bool wasShortened(const QString &userText);
};

} // namespace AgentDesk
