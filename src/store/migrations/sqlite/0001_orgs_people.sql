-- 0001_orgs_people.sql: organisations (a tree of ministries, directions,
-- services) and the people who work in them.
-- Enumerations are stored as their stable codes (see core/model.h).

CREATE TABLE org (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL
		CHECK (kind IN ('ministere', 'direction', 'service', 'mission')),
	parent_id INTEGER REFERENCES org (id)
);

CREATE INDEX org_parent ON org (parent_id);

CREATE TABLE person (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	role TEXT NOT NULL
		CHECK (role IN ('admin', 'referent', 'correspondant', 'lecteur')),
	org_id INTEGER NOT NULL REFERENCES org (id)
);

CREATE INDEX person_org ON person (org_id);
