-- 0003_review_audit.sql: review entries (recommendations, comments) on
-- roadmaps and their actions, and the audit log of every change.

-- action_ref keeps the reference the entry was written about, so the entry
-- still says which action it was about once that action is deleted (the
-- link then becomes NULL).
CREATE TABLE review (
	id INTEGER PRIMARY KEY,
	roadmap_id INTEGER NOT NULL REFERENCES roadmap (id) ON DELETE CASCADE,
	action_id INTEGER REFERENCES action (id) ON DELETE SET NULL,
	action_ref TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL CHECK (kind IN ('recommandation', 'commentaire')),
	text TEXT NOT NULL,
	author TEXT NOT NULL,
	created_at TEXT NOT NULL,
	addressed INTEGER NOT NULL DEFAULT 0 CHECK (addressed IN (0, 1))
);

CREATE INDEX review_roadmap ON review (roadmap_id);
CREATE INDEX review_action ON review (action_id);

-- Append-only: entity_key is a human key ("MIN-A/2022/ACT-01") so entries
-- outlive the rows they describe; before/after are JSON objects or ''.
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_key TEXT NOT NULL,
	op TEXT NOT NULL,
	before TEXT NOT NULL DEFAULT '',
	after TEXT NOT NULL DEFAULT ''
);

CREATE INDEX audit_key ON audit (entity_key);
