-- RoPA Desk register schema, version 9: an Art. 28 agreement the source only asserts ("we have
-- concluded agreements with all our service providers") and nobody has seen.

ALTER TABLE agreement ADD COLUMN asserted_only INTEGER NOT NULL DEFAULT 0 CHECK (asserted_only IN (0, 1));
