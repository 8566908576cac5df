#pragma once

#include <QByteArray>

#include <functional>

namespace AgentDesk {

// Splits UTF-8 text into search tokens for the FTS5 index. Pure logic, any thread.
//
// - Words (letters, digits, combining marks) are lower-cased and folded: German umlauts are
//   transliterated (ä→ae, ö→oe, ü→ue, ß→ss) and other diacritics removed (é→e), so "Müller",
//   "Mueller" and "MÜLLER" are one token. In documents, a word that had umlauts also gets the
//   plainly stripped spelling ("muller") at the same position, so a search typed without umlauts
//   still finds it.
// - Chinese, Japanese and Korean runs have no spaces: documents get every overlapping bigram plus
//   every single character at the same position; queries get bigrams (or the single character),
//   so any substring of two or more characters is found as a phrase and one character alone too.
//
// Offsets are byte offsets into the input, used by FTS5 to highlight snippets in the original.
class SearchTokenizer
{
public:
    enum class Mode { Document, Query };
    static constexpr int MaxTokenBytes = 128;

    // Called per token; `colocated` means "same position as the previous token".
    // A non-zero return stops tokenizing and is returned from tokenize().
    using Sink = std::function<int(const char *token, int tokenLength, int start, int end, bool colocated)>;

    static int tokenize(const char *text, int length, Mode mode, const Sink &sink);

    // Convenience for tests: the tokens as "token" or "token@" (colocated), space separated.
    static QByteArray debugTokens(const QByteArray &utf8, Mode mode);
};

} // namespace AgentDesk
