#include "searchtokenizer.h"

#include <QChar>
#include <QString>

#include <array>

namespace AgentDesk {

namespace {

// Decodes one UTF-8 sequence at `p`; invalid or truncated input yields U+FFFD and one byte.
inline char32_t decode(const unsigned char *p, const unsigned char *end, int &length)
{
    const unsigned char c = p[0];
    if (c < 0x80) {
        length = 1;
        return c;
    }
    int n = 0;
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        cp = c & 0x07;
    } else {
        length = 1;
        return 0xFFFD;
    }
    if (end - p < n) {
        length = 1;
        return 0xFFFD;
    }
    for (int i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80) {
            length = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    length = n;
    return cp;
}

inline void append(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

inline bool isCjk(char32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF)     // Hiragana, Katakana
        || (cp >= 0x31F0 && cp <= 0x31FF)     // Katakana phonetic extensions
        || (cp >= 0x3400 && cp <= 0x4DBF)     // CJK extension A
        || (cp >= 0x4E00 && cp <= 0x9FFF)     // CJK unified ideographs
        || (cp >= 0xAC00 && cp <= 0xD7AF)     // Hangul syllables
        || (cp >= 0xF900 && cp <= 0xFAFF)     // CJK compatibility ideographs
        || (cp >= 0xFF66 && cp <= 0xFF9F)     // half-width Katakana
        || (cp >= 0x20000 && cp <= 0x3134F);  // CJK extensions B–G
}

enum class Class : unsigned char { Separator, Word, Mark, Cjk };

inline Class classify(char32_t cp)
{
    if (cp < 0x80) {
        const bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        return alnum ? Class::Word : Class::Separator;
    }
    if (isCjk(cp))
        return Class::Cjk;
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing: return Class::Mark;
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other: return Class::Word;
    default: return Class::Separator;
    }
}

// Lower-cases and strips diacritics of one non-ASCII code point. The Latin ranges, which carry
// almost all diacritics in practice, come from a table built once; the rest asks QChar.
char32_t foldSlow(char32_t cp)
{
    char32_t lower = QChar::toLower(cp);
    const QString decomposition = QChar::decomposition(lower);
    if (!decomposition.isEmpty() && QChar::decompositionTag(lower) == QChar::Canonical) {
        const QChar first = decomposition.at(0);
        if (!first.isHighSurrogate())
            lower = first.unicode();
    }
    return lower;
}

char32_t foldLatin(char32_t cp)
{
    static const std::array<char32_t, 0x250 - 0xC0> table = [] {
        std::array<char32_t, 0x250 - 0xC0> t{};
        for (char32_t c = 0xC0; c < 0x250; ++c)
            t[c - 0xC0] = foldSlow(c);
        return t;
    }();
    return (cp >= 0xC0 && cp < 0x250) ? table[cp - 0xC0] : foldSlow(cp);
}

// Emits the folded form of one word. `umlaut` reports whether a German umlaut was transliterated.
void foldWord(const unsigned char *p, const unsigned char *end, QByteArray &translit, QByteArray &stripped, bool &umlaut)
{
    translit.clear();
    stripped.clear();
    umlaut = false;
    while (p < end && translit.size() < SearchTokenizer::MaxTokenBytes) {
        if (*p < 0x80) {
            const char c = char(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
            translit.append(c);
            stripped.append(c);
            ++p;
            continue;
        }
        int length = 1;
        const char32_t cp = decode(p, end, length);
        p += length;
        switch (cp) {
        case 0xC4: case 0xE4: translit.append("ae"); stripped.append('a'); umlaut = true; continue;
        case 0xD6: case 0xF6: translit.append("oe"); stripped.append('o'); umlaut = true; continue;
        case 0xDC: case 0xFC: translit.append("ue"); stripped.append('u'); umlaut = true; continue;
        case 0xDF: case 0x1E9E: translit.append("ss"); stripped.append("ss"); continue;
        default: break;
        }
        const QChar::Category category = QChar::category(cp);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining || category == QChar::Mark_Enclosing)
            continue;
        const char32_t folded = foldLatin(cp);
        append(translit, folded);
        append(stripped, folded);
    }
}

} // namespace

int SearchTokenizer::tokenize(const char *text, int length, Mode mode, const Sink &sink)
{
    const auto *const begin = reinterpret_cast<const unsigned char *>(text);
    const auto *const end = begin + length;
    const auto *p = begin;
    QByteArray translit;
    QByteArray stripped;
    translit.reserve(MaxTokenBytes + 8);
    stripped.reserve(MaxTokenBytes + 8);

    // Offsets of the code points of the current CJK run: start of each, plus the end.
    std::array<int, 3> window{};
    while (p < end) {
        int cpLength = 1;
        const char32_t cp = decode(p, end, cpLength);
        const Class cls = classify(cp);
        if (cls == Class::Separator || cls == Class::Mark) {
            p += cpLength;
            continue;
        }
        if (cls == Class::Word) {
            const auto *wordStart = p;
            p += cpLength;
            while (p < end) {
                int n = 1;
                const char32_t next = decode(p, end, n);
                const Class c = classify(next);
                if (c != Class::Word && c != Class::Mark)
                    break;
                p += n;
            }
            bool umlaut = false;
            foldWord(wordStart, p, translit, stripped, umlaut);
            const int start = int(wordStart - begin);
            const int stop = int(p - begin);
            if (int rc = sink(translit.constData(), int(translit.size()), start, stop, false))
                return rc;
            if (umlaut && mode == Mode::Document) {
                if (int rc = sink(stripped.constData(), int(stripped.size()), start, stop, true))
                    return rc;
            }
            continue;
        }
        // A CJK run: slide a window of two code points over it.
        window[0] = int(p - begin);
        p += cpLength;
        window[1] = int(p - begin);
        bool emittedAny = false;
        for (;;) {
            bool hasNext = false;
            if (p < end) {
                int n = 1;
                const char32_t next = decode(p, end, n);
                if (classify(next) == Class::Cjk) {
                    hasNext = true;
                    window[2] = int(p - begin) + n;
                    p += n;
                }
            }
            if (hasNext) {
                if (int rc = sink(text + window[0], window[2] - window[0], window[0], window[2], false))
                    return rc;
                if (mode == Mode::Document) {
                    if (int rc = sink(text + window[0], window[1] - window[0], window[0], window[1], true))
                        return rc;
                }
                emittedAny = true;
                window[0] = window[1];
                window[1] = window[2];
                continue;
            }
            // Last character of the run: a document indexes it alone; a query needs it alone only
            // when the whole run is one character.
            if (mode == Mode::Document || !emittedAny) {
                if (int rc = sink(text + window[0], window[1] - window[0], window[0], window[1], false))
                    return rc;
            }
            break;
        }
    }
    return 0;
}

QByteArray SearchTokenizer::debugTokens(const QByteArray &utf8, Mode mode)
{
    QByteArray out;
    tokenize(utf8.constData(), int(utf8.size()), mode, [&](const char *token, int n, int, int, bool colocated) {
        if (!out.isEmpty())
            out.append(' ');
        out.append(token, n);
        if (colocated)
            out.append('@');
        return 0;
    });
    return out;
}

} // namespace AgentDesk
