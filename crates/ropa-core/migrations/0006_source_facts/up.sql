-- RoPA Desk register schema, version 6: facts about the source a register was built from, kept
-- apart from the notices the app generates. `source` is a JSON SourceDocument (title, link,
-- the source's own "as of" date and version); NULL: not recorded. `notes_in_record` marks an
-- activity whose notes the Art. 30 record prints (they are internal otherwise).

ALTER TABLE organisation ADD COLUMN source TEXT;
ALTER TABLE activity ADD COLUMN notes_in_record INTEGER NOT NULL DEFAULT 0 CHECK (notes_in_record IN (0, 1));
