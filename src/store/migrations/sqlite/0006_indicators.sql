-- 0006_indicators.sql: the common indicator catalogue, the values each
-- ministry reports per year, the state of each ministry's yearly collection,
-- and the quantities per equipment type of stored footprint evaluations
-- (for the workstation count computed from them).

-- kind, rule, better, calc: the codes of indicators/ind.h. position orders
-- the catalogue as its file did.
CREATE TABLE indicator (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	position INTEGER NOT NULL,
	label TEXT NOT NULL,
	definition TEXT NOT NULL DEFAULT '',
	unit TEXT NOT NULL,
	theme TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('nombre', 'part', 'montant', 'ratio')),
	rule TEXT NOT NULL CHECK (rule IN ('somme', 'moyenne_ponderee', 'moyenne', 'min', 'max')),
	weight_code TEXT NOT NULL DEFAULT '',
	min REAL,
	max REAL,
	better TEXT NOT NULL CHECK (better IN ('hausse', 'baisse')),
	calc TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT ''
);

CREATE TABLE indicator_target (
	indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
	year INTEGER NOT NULL,
	value REAL NOT NULL,
	PRIMARY KEY (indicator_id, year)
) WITHOUT ROWID;

-- One value per ministry, indicator and year. The primary key's order
-- (indicator, year, org) serves the national consolidation's scan.
CREATE TABLE indicator_value (
	indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
	year INTEGER NOT NULL,
	org_id INTEGER NOT NULL REFERENCES org (id),
	value REAL NOT NULL,
	comment TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (indicator_id, year, org_id)
) WITHOUT ROWID;
CREATE INDEX indicator_value_org ON indicator_value (org_id, year);

-- The same values packed per ministry and year, kept by the store with every
-- change of indicator_value (sqlite_ind_pack.c): the national page reads
-- every value, and one row of 25 values costs far less to read than 25 rows.
-- data: 12 bytes per value, the indicator id (4 bytes) then the IEEE 754
-- double (8 bytes), both little-endian.
CREATE TABLE indicator_pack (
	org_id INTEGER NOT NULL REFERENCES org (id),
	year INTEGER NOT NULL,
	data BLOB NOT NULL,
	PRIMARY KEY (org_id, year)
) WITHOUT ROWID;

-- The state of a ministry's collection of a year (brouillon when absent).
CREATE TABLE indicator_collection (
	org_id INTEGER NOT NULL REFERENCES org (id),
	year INTEGER NOT NULL,
	state TEXT NOT NULL CHECK (state IN ('brouillon', 'soumis', 'valide')),
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (org_id, year)
) WITHOUT ROWID;

-- Sum of the quantities of the physical equipment lines of an evaluation,
-- per equipment type (as written in the inventory).
CREATE TABLE fp_type_quantity (
	evaluation_id INTEGER NOT NULL REFERENCES fp_evaluation (id) ON DELETE CASCADE,
	type TEXT NOT NULL,
	quantity REAL NOT NULL,
	PRIMARY KEY (evaluation_id, type)
) WITHOUT ROWID;
