#include "migrations.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// Timestamps are INTEGER milliseconds since the epoch (UTC). Tables whose rows an FTS index
// points at have an explicit INTEGER PRIMARY KEY so that VACUUM never renumbers them.
// The plain text of a message (what search indexes) is derived from its JSON content by the view
// message_search; it must match Message::plainText().
const QStringList schemaV1 = {
    uR"(CREATE TABLE providers (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
          kind TEXT NOT NULL CHECK (kind IN ('openai','openai-compatible','anthropic','ollama','gemini')),
          base_url TEXT NOT NULL,
          api_key_env TEXT,
          keychain_key TEXT,
          headers TEXT NOT NULL DEFAULT '{}',
          proxy TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL))"_s,
    uR"(CREATE TABLE models (
          id TEXT PRIMARY KEY,
          provider_id TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
          name TEXT NOT NULL CHECK (length(name) > 0),
          display_name TEXT NOT NULL DEFAULT '',
          tools INTEGER NOT NULL DEFAULT 0,
          vision INTEGER NOT NULL DEFAULT 0,
          reasoning INTEGER NOT NULL DEFAULT 0,
          streaming INTEGER NOT NULL DEFAULT 1,
          context_window INTEGER NOT NULL DEFAULT 0 CHECK (context_window >= 0),
          max_output_tokens INTEGER NOT NULL DEFAULT 0 CHECK (max_output_tokens >= 0),
          input_price REAL CHECK (input_price >= 0),
          output_price REAL CHECK (output_price >= 0),
          is_default INTEGER NOT NULL DEFAULT 0,
          is_title_model INTEGER NOT NULL DEFAULT 0,
          anonymous_only INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          UNIQUE (provider_id, name)))"_s,
    uR"(CREATE UNIQUE INDEX models_one_default ON models(is_default) WHERE is_default = 1)"_s,
    uR"(CREATE UNIQUE INDEX models_one_title_model ON models(is_title_model) WHERE is_title_model = 1)"_s,
    uR"(CREATE TABLE sources (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('file','text')),
          name TEXT NOT NULL,
          mime_type TEXT NOT NULL DEFAULT '',
          file_path TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL CHECK (status IN ('processing','ready','failed')),
          error TEXT NOT NULL DEFAULT '',
          size_bytes INTEGER NOT NULL DEFAULT 0,
          line_count INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL))"_s,
    uR"(CREATE TABLE source_chunks (
          cid INTEGER PRIMARY KEY,
          source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
          start_line INTEGER NOT NULL,
          end_line INTEGER NOT NULL,
          content TEXT NOT NULL,
          CHECK (start_line >= 1 AND end_line >= start_line)))"_s,
    uR"(CREATE INDEX source_chunks_source ON source_chunks(source_id, start_line))"_s,
    uR"(CREATE VIRTUAL TABLE source_chunk_fts USING fts5(content, content='source_chunks', content_rowid='cid', tokenize='agentdesk'))"_s,
    uR"(CREATE TRIGGER source_chunks_ai AFTER INSERT ON source_chunks BEGIN
          INSERT INTO source_chunk_fts(rowid, content) VALUES (new.cid, new.content); END)"_s,
    uR"(CREATE TRIGGER source_chunks_ad AFTER DELETE ON source_chunks BEGIN
          INSERT INTO source_chunk_fts(source_chunk_fts, rowid, content) VALUES ('delete', old.cid, old.content); END)"_s,
    uR"(CREATE TABLE knowledge_bases (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
          description TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL))"_s,
    uR"(CREATE TABLE knowledge_base_sources (
          knowledge_base_id TEXT NOT NULL REFERENCES knowledge_bases(id) ON DELETE CASCADE,
          source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
          PRIMARY KEY (knowledge_base_id, source_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE mcp_servers (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
          transport TEXT NOT NULL CHECK (transport IN ('stdio','http','sse')),
          command TEXT NOT NULL DEFAULT '',
          arguments TEXT NOT NULL DEFAULT '[]',
          environment TEXT NOT NULL DEFAULT '{}',
          url TEXT NOT NULL DEFAULT '',
          headers TEXT NOT NULL DEFAULT '{}',
          enabled INTEGER NOT NULL DEFAULT 1,
          returns_pii INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL))"_s,
    uR"(CREATE TABLE skills (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
          short_description TEXT NOT NULL DEFAULT '',
          instructions TEXT NOT NULL DEFAULT '',
          active INTEGER NOT NULL DEFAULT 1,
          pinned INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL))"_s,
    uR"(CREATE TABLE skill_sources (
          skill_id TEXT NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
          source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
          PRIMARY KEY (skill_id, source_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE skill_mcp_servers (
          skill_id TEXT NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
          mcp_server_id TEXT NOT NULL REFERENCES mcp_servers(id) ON DELETE CASCADE,
          PRIMARY KEY (skill_id, mcp_server_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE agents (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
          description TEXT NOT NULL DEFAULT '',
          instructions TEXT NOT NULL DEFAULT '',
          model TEXT NOT NULL DEFAULT '',
          enabled_tools TEXT NOT NULL DEFAULT '[]',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL))"_s,
    uR"(CREATE TABLE agent_mcp_servers (
          agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
          mcp_server_id TEXT NOT NULL REFERENCES mcp_servers(id) ON DELETE CASCADE,
          PRIMARY KEY (agent_id, mcp_server_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE agent_sources (
          agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
          source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
          PRIMARY KEY (agent_id, source_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE agent_skills (
          agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
          skill_id TEXT NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
          PRIMARY KEY (agent_id, skill_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE threads (
          tid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL DEFAULT '',
          model TEXT NOT NULL DEFAULT '',
          agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
          anonymous INTEGER NOT NULL DEFAULT 0,
          pinned INTEGER NOT NULL DEFAULT 0,
          archived INTEGER NOT NULL DEFAULT 0,
          draft TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          last_activity_at INTEGER NOT NULL))"_s,
    uR"(CREATE INDEX threads_by_activity ON threads(archived, pinned, last_activity_at))"_s,
    uR"(CREATE VIRTUAL TABLE thread_fts USING fts5(title, content='threads', content_rowid='tid', tokenize='agentdesk'))"_s,
    uR"(CREATE TRIGGER threads_ai AFTER INSERT ON threads BEGIN
          INSERT INTO thread_fts(rowid, title) VALUES (new.tid, new.title); END)"_s,
    uR"(CREATE TRIGGER threads_ad AFTER DELETE ON threads BEGIN
          INSERT INTO thread_fts(thread_fts, rowid, title) VALUES ('delete', old.tid, old.title); END)"_s,
    uR"(CREATE TRIGGER threads_au AFTER UPDATE OF title ON threads BEGIN
          INSERT INTO thread_fts(thread_fts, rowid, title) VALUES ('delete', old.tid, old.title);
          INSERT INTO thread_fts(rowid, title) VALUES (new.tid, new.title); END)"_s,
    uR"(CREATE TABLE messages (
          mid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          tid INTEGER NOT NULL REFERENCES threads(tid) ON DELETE CASCADE,
          role TEXT NOT NULL CHECK (role IN ('user','assistant','system','tool')),
          status TEXT NOT NULL CHECK (status IN ('complete','streaming','interrupted','failed')),
          created_at INTEGER NOT NULL,
          content TEXT NOT NULL CHECK (json_valid(content) AND json_type(content) = 'array')))"_s,
    uR"(CREATE INDEX messages_by_thread ON messages(tid, mid))"_s,
    uR"(CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming')"_s,
    uR"(CREATE VIEW message_search(mid, text) AS
          SELECT m.mid,
                 (SELECT group_concat(json_extract(part.value, '$.text'), char(10) || char(10))
                    FROM json_each(m.content) AS part
                   WHERE json_extract(part.value, '$.type') = 'text'
                     AND json_extract(part.value, '$.text') <> ''
                     AND coalesce(json_extract(part.value, '$.isSkillInstruction'), 0) = 0)
            FROM messages AS m)"_s,
    uR"(CREATE VIRTUAL TABLE message_fts USING fts5(text, content='message_search', content_rowid='mid', tokenize='agentdesk'))"_s,
    // Only finalised messages are indexed: a streaming row changes once a second while it streams.
    uR"(CREATE TRIGGER messages_ai AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
          INSERT INTO message_fts(rowid, text) SELECT mid, text FROM message_search WHERE mid = new.mid; END)"_s,
    uR"(CREATE TRIGGER messages_bu BEFORE UPDATE OF content, status ON messages WHEN old.status <> 'streaming' BEGIN
          INSERT INTO message_fts(message_fts, rowid, text) SELECT 'delete', mid, text FROM message_search WHERE mid = old.mid; END)"_s,
    uR"(CREATE TRIGGER messages_au AFTER UPDATE OF content, status ON messages WHEN new.status <> 'streaming' BEGIN
          INSERT INTO message_fts(rowid, text) SELECT mid, text FROM message_search WHERE mid = new.mid; END)"_s,
    uR"(CREATE TRIGGER messages_bd BEFORE DELETE ON messages WHEN old.status <> 'streaming' BEGIN
          INSERT INTO message_fts(message_fts, rowid, text) SELECT 'delete', mid, text FROM message_search WHERE mid = old.mid; END)"_s,
    uR"(CREATE TABLE thread_sources (
          thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
          source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
          origin_skill_id TEXT REFERENCES skills(id) ON DELETE SET NULL,
          PRIMARY KEY (thread_id, source_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE thread_mcp_servers (
          thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
          mcp_server_id TEXT NOT NULL REFERENCES mcp_servers(id) ON DELETE CASCADE,
          origin_skill_id TEXT REFERENCES skills(id) ON DELETE SET NULL,
          PRIMARY KEY (thread_id, mcp_server_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE thread_knowledge_bases (
          thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
          knowledge_base_id TEXT NOT NULL REFERENCES knowledge_bases(id) ON DELETE CASCADE,
          origin_skill_id TEXT REFERENCES skills(id) ON DELETE SET NULL,
          PRIMARY KEY (thread_id, knowledge_base_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE thread_skills (
          thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
          skill_id TEXT NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
          activated_at INTEGER NOT NULL,
          PRIMARY KEY (thread_id, skill_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE artifacts (
          id TEXT PRIMARY KEY,
          thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
          type TEXT NOT NULL CHECK (type IN ('document','spreadsheet','diagram')),
          title TEXT NOT NULL,
          current_version INTEGER NOT NULL DEFAULT 1 CHECK (current_version >= 1),
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL))"_s,
    uR"(CREATE INDEX artifacts_by_thread ON artifacts(thread_id))"_s,
    uR"(CREATE TABLE artifact_versions (
          artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
          version INTEGER NOT NULL CHECK (version >= 1),
          content TEXT NOT NULL,
          author TEXT NOT NULL CHECK (author IN ('user','assistant')),
          created_at INTEGER NOT NULL,
          PRIMARY KEY (artifact_id, version)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE usage_records (
          id TEXT PRIMARY KEY,
          thread_id TEXT REFERENCES threads(id) ON DELETE SET NULL,
          message_id TEXT NOT NULL DEFAULT '',
          provider_id TEXT NOT NULL DEFAULT '',
          model TEXT NOT NULL,
          input_tokens INTEGER NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
          output_tokens INTEGER NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
          cached_tokens INTEGER NOT NULL DEFAULT 0 CHECK (cached_tokens >= 0),
          cost REAL,
          duration_ms INTEGER NOT NULL DEFAULT 0,
          interrupted INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL))"_s,
    uR"(CREATE INDEX usage_by_time ON usage_records(created_at))"_s,
    uR"(CREATE TABLE pii_masks (
          thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
          category TEXT NOT NULL,
          mask_index INTEGER NOT NULL CHECK (mask_index >= 1),
          value TEXT NOT NULL,
          PRIMARY KEY (thread_id, category, mask_index),
          UNIQUE (thread_id, category, value)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE tool_approvals (
          tool_name TEXT NOT NULL,
          thread_id TEXT NOT NULL DEFAULT '',
          policy TEXT NOT NULL CHECK (policy IN ('allow','ask','deny')),
          PRIMARY KEY (tool_name, thread_id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL) WITHOUT ROWID)"_s,
};

// The conversation view shows each message's usage: looked up by message id.
const QStringList schemaV2 = {
    uR"(CREATE INDEX usage_by_message ON usage_records(message_id))"_s,
};

// Conversations become trees (issue 15): every message points at its parent (none for a first
// message); siblings are versions of each other, ordered by creation (mid), and `chosen` orders
// them by when each was last selected (the highest is the one shown below its parent). A thread's
// `active_mid` is the leaf of the path the user sees. Existing threads become a single path.
const QStringList schemaV3 = {
    uR"(ALTER TABLE messages ADD COLUMN parent_mid INTEGER REFERENCES messages(mid))"_s,
    uR"(ALTER TABLE messages ADD COLUMN chosen INTEGER NOT NULL DEFAULT 0)"_s,
    uR"(UPDATE messages SET parent_mid = (SELECT max(p.mid) FROM messages AS p WHERE p.tid = messages.tid AND p.mid < messages.mid))"_s,
    uR"(ALTER TABLE threads ADD COLUMN active_mid INTEGER)"_s,
    uR"(UPDATE threads SET active_mid = (SELECT max(m.mid) FROM messages AS m WHERE m.tid = threads.tid))"_s,
    // Children of a message (the parent link's foreign key check when a message is deleted, the
    // versions and the one chosen last); first messages by thread (parent_mid IS NULL).
    uR"(CREATE INDEX messages_children ON messages(parent_mid, tid, chosen))"_s,
};

// Imported conversations keep where they came from (issue 16): the service ('chatgpt', 'claude',
// 'agentdesk'; empty for a conversation made here) and its id for the thread, the export's id for
// each message — importing the same export again adds nothing, a newer one only what is new,
// including new branches of a conversation imported before. `label` is a project's name.
const QStringList schemaV4 = {
    uR"(ALTER TABLE threads ADD COLUMN origin TEXT NOT NULL DEFAULT '')"_s,
    uR"(ALTER TABLE threads ADD COLUMN origin_id TEXT)"_s,
    uR"(ALTER TABLE threads ADD COLUMN label TEXT NOT NULL DEFAULT '')"_s,
    uR"(ALTER TABLE messages ADD COLUMN origin_id TEXT)"_s,
    uR"(CREATE UNIQUE INDEX threads_by_origin ON threads(origin, origin_id) WHERE origin_id IS NOT NULL)"_s,
    uR"(CREATE UNIQUE INDEX messages_by_origin ON messages(tid, origin_id) WHERE origin_id IS NOT NULL)"_s,
};

} // namespace

const QList<Migrations::Migration> &Migrations::all()
{
    static const QList<Migration> migrations = {{1, schemaV1}, {2, schemaV2}, {3, schemaV3}, {4, schemaV4}};
    return migrations;
}

int Migrations::latestVersion()
{
    return all().constLast().version;
}

} // namespace AgentDesk
