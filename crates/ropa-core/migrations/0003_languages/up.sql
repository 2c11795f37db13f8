-- RoPA Desk register schema, version 3: the organisation's document languages.
-- Texts themselves need no schema change: a text column holds a plain text (the primary
-- language's, as before) or a JSON object of texts by language (see model/local_text.rs).
-- `languages` is a JSON list of the further languages its documents are written in; NULL
-- means the primary language (`language`) only.

ALTER TABLE organisation ADD COLUMN languages TEXT;
