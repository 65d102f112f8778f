-- 0007_rgesn.sql: RGESN referentials (several versions side by side), the
-- register of digital services, their assessments and answers.

CREATE TABLE rgesn_ref (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	version TEXT NOT NULL,
	title TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT '',
	licence TEXT NOT NULL DEFAULT '',
	url TEXT NOT NULL DEFAULT '',
	full_text INTEGER NOT NULL DEFAULT 0 CHECK (full_text IN (0, 1)),
	loaded_at TEXT NOT NULL,
	loaded_by TEXT NOT NULL,
	UNIQUE (name, version)
);

CREATE TABLE rgesn_family (
	ref_id INTEGER NOT NULL REFERENCES rgesn_ref (id) ON DELETE CASCADE,
	num INTEGER NOT NULL,
	label TEXT NOT NULL,
	PRIMARY KEY (ref_id, num)
) WITHOUT ROWID;

-- position orders criteria (family, then number); crit_id is "4.3".
CREATE TABLE rgesn_criterion (
	ref_id INTEGER NOT NULL REFERENCES rgesn_ref (id) ON DELETE CASCADE,
	crit_id TEXT NOT NULL,
	position INTEGER NOT NULL,
	family INTEGER NOT NULL,
	num INTEGER NOT NULL,
	title TEXT NOT NULL,
	objective TEXT NOT NULL DEFAULT '',
	implementation TEXT NOT NULL DEFAULT '',
	test TEXT NOT NULL DEFAULT '',
	applies TEXT NOT NULL DEFAULT '',
	url TEXT NOT NULL DEFAULT '',
	priority TEXT NOT NULL CHECK (priority IN ('prioritaire', 'recommande', 'modere')),
	difficulty TEXT NOT NULL CHECK (difficulty IN ('faible', 'moyen', 'fort')),
	quick INTEGER NOT NULL DEFAULT 0 CHECK (quick IN (0, 1)),
	PRIMARY KEY (ref_id, crit_id)
) WITHOUT ROWID;

-- A digital service of a ministry. org_id: its owner, the ministry itself
-- or one of its directions (the owning direction); the ministry is the root
-- of that organisation's tree.
CREATE TABLE service (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org (id),
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	url TEXT NOT NULL DEFAULT '',
	audience TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL CHECK (status IN ('en_projet', 'en_production', 'retire')),
	contact TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- kind: complete assessment or quick self-diagnosis. published: the
-- declaration of this assessment is public (the latest published one is the
-- service's declaration).
CREATE TABLE assessment (
	id INTEGER PRIMARY KEY,
	service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
	ref_id INTEGER NOT NULL REFERENCES rgesn_ref (id),
	kind TEXT NOT NULL CHECK (kind IN ('complete', 'diagnostic')),
	assessed_on TEXT NOT NULL,
	published_at TEXT NOT NULL DEFAULT '',
	contact TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	created_by TEXT NOT NULL,
	from_id INTEGER REFERENCES assessment (id) ON DELETE SET NULL
);

-- A service's assessments, newest first; the latest complete one per service.
CREATE INDEX assessment_service ON assessment (service_id, kind, assessed_on);
CREATE INDEX service_org ON service (org_id);

CREATE TABLE assessment_answer (
	assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
	crit_id TEXT NOT NULL,
	answer TEXT NOT NULL CHECK (answer IN ('conforme', 'non_conforme', 'non_applicable', 'en_cours', 'non_evalue')),
	justification TEXT NOT NULL DEFAULT '',
	planned TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (assessment_id, crit_id)
) WITHOUT ROWID;
