-- RoPA Desk register schema, version 5: parties as sources name them. `aliases` is a JSON list
-- of the other names a source uses for the same party ("Facebook, Inc." for "Meta Platforms,
-- Inc.", "Twitter Inc." for "X Corp."); NULL: none. `entity_not_named` marks a provider named
-- only by its service ("YouTube", "LinkedIn") whose operating company the source does not name:
-- a named recipient all the same, not a recipient category.

ALTER TABLE party ADD COLUMN aliases TEXT;
ALTER TABLE party ADD COLUMN entity_not_named INTEGER NOT NULL DEFAULT 0 CHECK (entity_not_named IN (0, 1));
