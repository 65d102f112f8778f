-- 0004_footprint.sql: footprint referentials (several side by side, each
-- with a name and version, some licensed), stored evaluations of inventories
-- and the avoided-impact estimates of actions.

-- restricted: licensed values (e.g. NegaOctet), never shown to a user
-- without rights on them; owner_org_id NULL for referentials of everyone.
CREATE TABLE referential (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	version TEXT NOT NULL,
	licence TEXT NOT NULL DEFAULT '',
	restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
	owner_org_id INTEGER REFERENCES org (id),
	loaded_at TEXT NOT NULL,
	loaded_by TEXT NOT NULL,
	UNIQUE (name, version)
);

-- idx is the criterion's position in the referential (its id in memory).
CREATE TABLE ref_criterion (
	referential_id INTEGER NOT NULL REFERENCES referential (id) ON DELETE CASCADE,
	idx INTEGER NOT NULL,
	code TEXT NOT NULL,
	label TEXT NOT NULL,
	unit TEXT NOT NULL,
	PRIMARY KEY (referential_id, idx)
);

CREATE TABLE ref_item (
	id INTEGER PRIMARY KEY,
	referential_id INTEGER NOT NULL REFERENCES referential (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	category TEXT NOT NULL DEFAULT '',
	avg_kwh REAL,
	source TEXT NOT NULL DEFAULT '',
	UNIQUE (referential_id, name)
);

CREATE TABLE ref_factor (
	item_id INTEGER NOT NULL REFERENCES ref_item (id) ON DELETE CASCADE,
	criterion INTEGER NOT NULL,
	phase TEXT NOT NULL CHECK (phase IN ('FABRICATION', 'DISTRIBUTION', 'UTILISATION', 'FIN_DE_VIE')),
	value REAL NOT NULL,
	PRIMARY KEY (item_id, criterion, phase)
);

CREATE TABLE ref_mix (
	referential_id INTEGER NOT NULL REFERENCES referential (id) ON DELETE CASCADE,
	country TEXT NOT NULL,
	criterion INTEGER NOT NULL,
	value REAL NOT NULL,
	source TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (referential_id, country, criterion)
);

CREATE TABLE ref_item_type (
	referential_id INTEGER NOT NULL REFERENCES referential (id) ON DELETE CASCADE,
	type TEXT NOT NULL,
	lifespan REAL,
	is_server INTEGER NOT NULL DEFAULT 0 CHECK (is_server IN (0, 1)),
	default_item TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (referential_id, type)
);

CREATE TABLE ref_match (
	referential_id INTEGER NOT NULL REFERENCES referential (id) ON DELETE CASCADE,
	model TEXT NOT NULL,
	item TEXT NOT NULL,
	PRIMARY KEY (referential_id, model)
);

CREATE TABLE ref_hypothesis (
	referential_id INTEGER NOT NULL REFERENCES referential (id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	value REAL NOT NULL,
	source TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (referential_id, key)
);

-- One stored evaluation per organisation and year (a new import replaces it).
CREATE TABLE fp_evaluation (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org (id),
	year INTEGER NOT NULL,
	referential_id INTEGER NOT NULL REFERENCES referential (id),
	eval_date TEXT NOT NULL,
	lifespan_mode TEXT NOT NULL CHECK (lifespan_mode IN ('real', 'fixed')),
	physical INTEGER NOT NULL,
	virtual INTEGER NOT NULL,
	applications INTEGER NOT NULL,
	errors INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	created_by TEXT NOT NULL,
	UNIQUE (org_id, year)
);

-- Aggregated results: dimension total / entite / type / datacenter /
-- application, its key, the criterion (code, label, unit as in the
-- referential), the phase and the yearly value.
CREATE TABLE fp_result (
	evaluation_id INTEGER NOT NULL REFERENCES fp_evaluation (id) ON DELETE CASCADE,
	dimension TEXT NOT NULL,
	key TEXT NOT NULL,
	criterion TEXT NOT NULL,
	criterion_label TEXT NOT NULL,
	unit TEXT NOT NULL,
	phase TEXT NOT NULL,
	value REAL NOT NULL,
	PRIMARY KEY (evaluation_id, dimension, key, criterion, phase)
);

-- The estimate of an action computed by a named method from a referential,
-- with its parameters, so it can be computed again when the referential
-- changes. ghg_kg is the CLIMATE_CHANGE value in kg CO2e (per year, or once
-- when one_time).
CREATE TABLE action_estimate (
	action_id INTEGER PRIMARY KEY REFERENCES action (id) ON DELETE CASCADE,
	method TEXT NOT NULL,
	params TEXT NOT NULL,
	referential_name TEXT NOT NULL,
	referential_version TEXT NOT NULL,
	ghg_kg REAL NOT NULL,
	one_time INTEGER NOT NULL DEFAULT 0 CHECK (one_time IN (0, 1)),
	trace TEXT NOT NULL,
	computed_at TEXT NOT NULL
);
