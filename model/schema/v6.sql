-- Journeyboard .cjm schema, version 6 (current): v5 plus saved views and dot-voting rounds. Frozen: a test checks model/entities.py matches.
CREATE TABLE personas (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	goals TEXT NOT NULL, 
	needs TEXT NOT NULL, 
	frustrations TEXT NOT NULL, 
	quote TEXT NOT NULL, 
	photo BLOB, 
	notes TEXT DEFAULT '' NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE journeys (
	id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	objective TEXT NOT NULL, 
	scenario TEXT NOT NULL, 
	persona_id INTEGER, 
	owner VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	modified_at DATETIME NOT NULL, 
	next_review DATE, 
	review_interval_months INTEGER DEFAULT 3 NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(persona_id) REFERENCES personas (id) ON DELETE SET NULL
);
CREATE TABLE emotion_curves (
	id INTEGER NOT NULL, 
	journey_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	persona_id INTEGER, 
	color VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE, 
	FOREIGN KEY(persona_id) REFERENCES personas (id) ON DELETE SET NULL
);
CREATE INDEX ix_curves_journey ON emotion_curves (journey_id);
CREATE TABLE lanes (
	id INTEGER NOT NULL, 
	journey_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	color VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE
);
CREATE INDEX ix_lanes_journey ON lanes (journey_id);
CREATE TABLE opportunities (
	id INTEGER NOT NULL, 
	journey_id INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	description TEXT NOT NULL, 
	owner VARCHAR NOT NULL, 
	importance INTEGER NOT NULL, 
	cost INTEGER NOT NULL, 
	ease INTEGER NOT NULL, 
	status VARCHAR NOT NULL, 
	due_date DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE
);
CREATE INDEX ix_opportunities_journey ON opportunities (journey_id);
CREATE TABLE stages (
	id INTEGER NOT NULL, 
	journey_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	description TEXT NOT NULL, 
	color VARCHAR NOT NULL, 
	width FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE
);
CREATE INDEX ix_stages_journey ON stages (journey_id);
CREATE TABLE cards (
	id INTEGER NOT NULL, 
	journey_id INTEGER NOT NULL, 
	stage_id INTEGER NOT NULL, 
	lane_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	text TEXT NOT NULL, 
	color VARCHAR NOT NULL, 
	notes TEXT NOT NULL, 
	channel VARCHAR NOT NULL, 
	department VARCHAR NOT NULL, 
	owner VARCHAR DEFAULT '' NOT NULL, 
	usage_share FLOAT, 
	severity INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE, 
	FOREIGN KEY(stage_id) REFERENCES stages (id) ON DELETE CASCADE, 
	FOREIGN KEY(lane_id) REFERENCES lanes (id) ON DELETE CASCADE
);
CREATE INDEX ix_cards_cell ON cards (stage_id, lane_id, position);
CREATE INDEX ix_cards_journey ON cards (journey_id);
CREATE TABLE emotion_points (
	id INTEGER NOT NULL, 
	curve_id INTEGER NOT NULL, 
	stage_id INTEGER NOT NULL, 
	value INTEGER NOT NULL, 
	note TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (curve_id, stage_id), 
	FOREIGN KEY(curve_id) REFERENCES emotion_curves (id) ON DELETE CASCADE, 
	FOREIGN KEY(stage_id) REFERENCES stages (id) ON DELETE CASCADE
);
CREATE INDEX ix_points_stage ON emotion_points (stage_id);
CREATE TABLE opportunity_cards (
	opportunity_id INTEGER NOT NULL, 
	card_id INTEGER NOT NULL, 
	PRIMARY KEY (opportunity_id, card_id), 
	FOREIGN KEY(opportunity_id) REFERENCES opportunities (id) ON DELETE CASCADE, 
	FOREIGN KEY(card_id) REFERENCES cards (id) ON DELETE CASCADE
);
CREATE INDEX ix_opportunity_cards_card ON opportunity_cards (card_id);
CREATE TABLE metrics (
	id INTEGER NOT NULL, 
	journey_id INTEGER NOT NULL, 
	card_id INTEGER, 
	stage_id INTEGER, 
	position INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	unit VARCHAR NOT NULL, 
	range_min FLOAT, 
	range_max FLOAT, 
	value FLOAT, 
	mean FLOAT, 
	responses INTEGER, 
	period VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	computed BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE, 
	FOREIGN KEY(card_id) REFERENCES cards (id) ON DELETE CASCADE, 
	FOREIGN KEY(stage_id) REFERENCES stages (id) ON DELETE CASCADE
);
CREATE INDEX ix_metrics_card ON metrics (card_id);
CREATE INDEX ix_metrics_journey ON metrics (journey_id);
CREATE INDEX ix_metrics_stage ON metrics (stage_id);
CREATE TABLE snapshots (
	id INTEGER NOT NULL, 
	journey_id INTEGER NOT NULL, 
	label VARCHAR NOT NULL, 
	taken_at DATETIME NOT NULL, 
	card_count INTEGER NOT NULL, 
	data BLOB NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE
);
CREATE INDEX ix_snapshots_journey ON snapshots (journey_id);
CREATE TABLE saved_views (
	id INTEGER NOT NULL, 
	journey_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	zoom FLOAT, 
	highlight_kind VARCHAR, 
	persona_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE, 
	FOREIGN KEY(persona_id) REFERENCES personas (id) ON DELETE SET NULL
);
CREATE INDEX ix_saved_views_journey ON saved_views (journey_id);
CREATE TABLE saved_view_lanes (
	view_id INTEGER NOT NULL, 
	lane_id INTEGER NOT NULL, 
	PRIMARY KEY (view_id, lane_id), 
	FOREIGN KEY(view_id) REFERENCES saved_views (id) ON DELETE CASCADE, 
	FOREIGN KEY(lane_id) REFERENCES lanes (id) ON DELETE CASCADE
);
CREATE INDEX ix_saved_view_lanes_lane ON saved_view_lanes (lane_id);
CREATE TABLE vote_rounds (
	id INTEGER NOT NULL, 
	journey_id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	dots INTEGER NOT NULL, 
	pain_points BOOLEAN NOT NULL, 
	opportunities BOOLEAN NOT NULL, 
	started_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(journey_id) REFERENCES journeys (id) ON DELETE CASCADE
);
CREATE INDEX ix_vote_rounds_journey ON vote_rounds (journey_id);
CREATE TABLE votes (
	round_id INTEGER NOT NULL, 
	card_id INTEGER NOT NULL, 
	participant VARCHAR NOT NULL, 
	count INTEGER NOT NULL, 
	PRIMARY KEY (round_id, card_id, participant), 
	FOREIGN KEY(round_id) REFERENCES vote_rounds (id) ON DELETE CASCADE, 
	FOREIGN KEY(card_id) REFERENCES cards (id) ON DELETE CASCADE
);
CREATE INDEX ix_votes_card ON votes (card_id);
