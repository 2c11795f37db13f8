-- RoPA Desk register schema, version 1.
-- Scalar facts are columns; small value objects without references (contact blocks, retention
-- rules, transfer mechanisms) are JSON text in the shape of the interchange format; every
-- reference between records is a foreign key, so SQLite itself refuses dangling links.

CREATE TABLE register_info (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    register_id TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 0 -- incremented by every write transaction
) STRICT;

CREATE TABLE organisation (
    id                    TEXT PRIMARY KEY CHECK (id = 'organisation'),
    legal_name            TEXT NOT NULL,
    street                TEXT,
    postcode              TEXT,
    city                  TEXT,
    country               TEXT,
    email                 TEXT,
    phone                 TEXT,
    website               TEXT,
    management            TEXT,
    representative        TEXT, -- JSON Contact
    dpo                   TEXT, -- JSON Dpo
    supervisory_authority TEXT, -- JSON Contact
    is_controller         INTEGER NOT NULL,
    is_processor          INTEGER NOT NULL,
    language              TEXT NOT NULL,
    employees             INTEGER,
    notes                 TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    revision              INTEGER NOT NULL
) STRICT;

CREATE TABLE data_category (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    special     TEXT, -- Art. 9(1) code
    criminal    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL
) STRICT;

CREATE TABLE subject_category (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL
) STRICT;

CREATE TABLE tom (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    area        TEXT,
    description TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL
) STRICT;

CREATE TABLE party (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('entity', 'category')),
    name               TEXT NOT NULL,
    address            TEXT,
    country            TEXT,
    email              TEXT,
    phone              TEXT,
    website            TEXT,
    privacy_policy_url TEXT,
    group_company      INTEGER NOT NULL DEFAULT 0,
    parent_id          TEXT REFERENCES party (id) DEFERRABLE INITIALLY DEFERRED, -- NO ACTION: RESTRICT would fire before a deferred check
    notes              TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    revision           INTEGER NOT NULL
) STRICT;
CREATE INDEX party_parent ON party (parent_id);

CREATE TABLE activity (
    id                 TEXT PRIMARY KEY,
    reference          TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    description        TEXT,
    department         TEXT,
    contact            TEXT,
    status             TEXT NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
    role               TEXT NOT NULL CHECK (role IN ('controller', 'joint_controller', 'processor')),
    retention          TEXT, -- JSON Retention (default for categories without their own)
    collection         TEXT,
    source             TEXT, -- JSON DataSource
    provision          TEXT, -- JSON Provision
    dpia               TEXT NOT NULL, -- JSON Dpia
    automated_decision TEXT, -- JSON AutomatedDecision
    no_recipients      INTEGER NOT NULL DEFAULT 0,
    rights_info        TEXT,
    in_notice          INTEGER NOT NULL,
    last_reviewed      TEXT,
    next_review        TEXT,
    notes              TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    revision           INTEGER NOT NULL
) STRICT;

CREATE TABLE purpose (
    activity_id         TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    id                  TEXT NOT NULL,
    position            INTEGER NOT NULL,
    description         TEXT NOT NULL,
    legal_basis         TEXT, -- Art. 6(1) code
    legitimate_interest TEXT,
    legal_provision     TEXT,
    art9_condition      TEXT,
    art10_authorisation TEXT,
    national_law        TEXT, -- JSON [NationalLawRef]
    consent             TEXT, -- JSON Consent
    basis_as_stated     TEXT,
    PRIMARY KEY (activity_id, id)
) STRICT;

CREATE TABLE activity_subject (
    activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    subject_id  TEXT NOT NULL REFERENCES subject_category (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    PRIMARY KEY (activity_id, subject_id)
) STRICT;
CREATE INDEX activity_subject_subject ON activity_subject (subject_id);

CREATE TABLE activity_data (
    activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    category_id TEXT NOT NULL REFERENCES data_category (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    retention   TEXT, -- JSON Retention
    optional    INTEGER NOT NULL DEFAULT 0,
    note        TEXT,
    PRIMARY KEY (activity_id, category_id)
) STRICT;
CREATE INDEX activity_data_category ON activity_data (category_id);

CREATE TABLE activity_recipient (
    activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    party_id    TEXT NOT NULL REFERENCES party (id) ON DELETE RESTRICT,
    role        TEXT NOT NULL,
    service     TEXT,
    location    TEXT,
    note        TEXT,
    PRIMARY KEY (activity_id, position)
) STRICT;
CREATE INDEX activity_recipient_party ON activity_recipient (party_id);

CREATE TABLE activity_tom (
    activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    tom_id      TEXT NOT NULL REFERENCES tom (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    PRIMARY KEY (activity_id, tom_id)
) STRICT;
CREATE INDEX activity_tom_tom ON activity_tom (tom_id);

CREATE TABLE agreement (
    id             TEXT PRIMARY KEY,
    party_id       TEXT NOT NULL REFERENCES party (id) ON DELETE RESTRICT,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'ended')),
    signed_on      TEXT,
    document       TEXT,
    review_on      TEXT,
    expires_on     TEXT,
    subject_matter TEXT,
    checklist      TEXT NOT NULL, -- JSON Art28Checklist
    subprocessors  TEXT,
    notes          TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    revision       INTEGER NOT NULL
) STRICT;
CREATE INDEX agreement_party ON agreement (party_id);

CREATE TABLE agreement_activity (
    agreement_id TEXT NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    activity_id  TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (agreement_id, activity_id)
) STRICT;

CREATE TABLE joint_arrangement (
    id                  TEXT PRIMARY KEY,
    title               TEXT NOT NULL,
    scope               TEXT,
    information_duty    TEXT,
    requests_handled_by TEXT,
    responsibilities    TEXT,
    contact_point       TEXT,
    essence_url         TEXT,
    essence_text        TEXT,
    signed_on           TEXT,
    notes               TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    revision            INTEGER NOT NULL
) STRICT;

CREATE TABLE joint_party (
    arrangement_id TEXT NOT NULL REFERENCES joint_arrangement (id) ON DELETE CASCADE,
    party_id       TEXT NOT NULL REFERENCES party (id) ON DELETE RESTRICT,
    position       INTEGER NOT NULL,
    PRIMARY KEY (arrangement_id, party_id)
) STRICT;
CREATE INDEX joint_party_party ON joint_party (party_id);

CREATE TABLE joint_activity (
    arrangement_id TEXT NOT NULL REFERENCES joint_arrangement (id) ON DELETE CASCADE,
    activity_id    TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    PRIMARY KEY (arrangement_id, activity_id)
) STRICT;

CREATE TABLE processor_service (
    id                        TEXT PRIMARY KEY,
    controller_id             TEXT NOT NULL REFERENCES party (id) ON DELETE RESTRICT,
    name                      TEXT NOT NULL,
    processing_categories     TEXT NOT NULL, -- JSON [string]
    description               TEXT,
    controller_representative TEXT,
    controller_dpo            TEXT,
    agreement                 TEXT,
    notes                     TEXT,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    revision                  INTEGER NOT NULL
) STRICT;

CREATE TABLE service_tom (
    service_id TEXT NOT NULL REFERENCES processor_service (id) ON DELETE CASCADE,
    tom_id     TEXT NOT NULL REFERENCES tom (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL,
    PRIMARY KEY (service_id, tom_id)
) STRICT;

CREATE TABLE transfer (
    id                         TEXT PRIMARY KEY,
    activity_id                TEXT REFERENCES activity (id) ON DELETE CASCADE,
    service_id                 TEXT REFERENCES processor_service (id) ON DELETE CASCADE,
    party_id                   TEXT NOT NULL REFERENCES party (id) ON DELETE RESTRICT,
    country                    TEXT,
    international_organisation TEXT,
    mechanism_type             TEXT, -- TransferMechanism "type" tag, for filtering
    mechanism                  TEXT, -- JSON TransferMechanism
    repetitive                 INTEGER NOT NULL DEFAULT 0,
    tia                        TEXT, -- JSON TransferImpactAssessment
    copy_available             TEXT,
    as_stated                  TEXT,
    notes                      TEXT,
    created_at                 TEXT NOT NULL,
    updated_at                 TEXT NOT NULL,
    revision                   INTEGER NOT NULL,
    CHECK ((activity_id IS NULL) <> (service_id IS NULL)),
    CHECK (country IS NULL OR international_organisation IS NULL)
) STRICT;
CREATE INDEX transfer_activity ON transfer (activity_id);
CREATE INDEX transfer_service ON transfer (service_id);
CREATE INDEX transfer_party ON transfer (party_id);
