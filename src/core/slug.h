#pragma once

#include <QString>

namespace AgentDesk {

// Slugs as the reference makes them (runs-reference.md §3.5): German transliteration (ä→ae, ö→oe,
// ü→ue, ß→ss), other diacritics stripped, lower case, every run of other characters one dash,
// no dashes at the ends. "Übersetzen & Prüfen" → "uebersetzen-pruefen". Pure logic.
QString slugify(const QString &text);

} // namespace AgentDesk
