-- RoPA Desk register schema, version 2: privacy-notice settings.
-- One optional row (id 'notice'); lists are JSON text in the shape of the interchange format.
-- Sentence overrides are keyed by section id (an activity id or 'general:<name>'), so they are
-- not foreign keys: an override for an activity that is removed later is reported by the notice
-- builder, not silently applied elsewhere.

CREATE TABLE notice_settings (
    id             TEXT PRIMARY KEY CHECK (id = 'notice'),
    version        TEXT,
    version_date   TEXT,
    section_order  TEXT, -- JSON [string]
    rights_contact TEXT, -- JSON Contact
    overrides      TEXT, -- JSON [SentenceOverride]
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    revision       INTEGER NOT NULL
) STRICT;
