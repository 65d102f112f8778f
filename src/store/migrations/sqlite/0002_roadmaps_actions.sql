-- 0002_roadmaps_actions.sql: roadmaps (one per organisation and period) and
-- their actions.
-- Optional values are NULL when absent (dates, budget, impact); optional
-- free texts are '' so exports never have to tell NULL from empty.

CREATE TABLE roadmap (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org (id),
	period TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'brouillon'
		CHECK (state IN ('brouillon', 'soumise', 'relue', 'validee')),
	UNIQUE (org_id, period)
);

CREATE INDEX roadmap_period ON roadmap (period);

CREATE TABLE action (
	id INTEGER PRIMARY KEY,
	roadmap_id INTEGER NOT NULL REFERENCES roadmap (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	ref TEXT NOT NULL,
	title TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	theme TEXT NOT NULL
		CHECK (theme IN ('strategie', 'sensibilisation', 'achats', 'conception',
				 'datacenter', 'usage', 'fin_de_vie')),
	level TEXT NOT NULL
		CHECK (level IN ('reflexion', 'experimentation', 'realisation')),
	status TEXT NOT NULL
		CHECK (status IN ('a_lancer', 'en_cours', 'realisee', 'reportee',
				  'abandonnee')),
	key_action INTEGER NOT NULL DEFAULT 0 CHECK (key_action IN (0, 1)),
	direction_id INTEGER REFERENCES org (id),
	start_date TEXT,
	due_date TEXT,
	budget_cents INTEGER,
	indicator TEXT NOT NULL DEFAULT '',
	impact_value REAL,
	impact_unit TEXT CHECK (impact_unit IN ('kgCO2e', 'tCO2e', 'kWh', 'MWh')),
	impact_method TEXT NOT NULL DEFAULT '',
	comment TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	CHECK ((impact_value IS NULL AND impact_unit IS NULL)
	       OR (impact_value IS NOT NULL AND impact_unit IS NOT NULL)),
	UNIQUE (roadmap_id, ref)
);

CREATE INDEX action_order ON action (roadmap_id, position);
