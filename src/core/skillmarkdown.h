#pragma once

#include "error.h"
#include "skill.h"

#include <QString>

namespace AgentDesk {

// Skills in the SKILL.md format (product.md §9): a YAML front matter block with `name` and
// `description`, then the instructions as Markdown. Reading understands the YAML that such files
// use — plain, single- and double-quoted scalars and `|` / `>` block scalars — and skips other keys
// (license, allowed-tools, metadata maps). Writing quotes where YAML needs it, so a written file
// reads back to the same skill. Pure logic.
class SkillMarkdown
{
public:
    static Result<Skill> parse(const QString &text);
    static QString write(const Skill &skill);
};

} // namespace AgentDesk
