//! The schema migrations, embedded in the binary and applied in order with
//! `rusqlite_migration` (which tracks the applied version in `PRAGMA user_version`).
//!
//! Rules: migrations only move forward; a migration that has shipped is never edited; prefer
//! additive changes (new tables, new nullable columns) so that older files open without loss.

use rusqlite_migration::{M, Migrations};

const STEPS: &[&str] = &[
    include_str!("../../migrations/0001_init/up.sql"),
    include_str!("../../migrations/0002_notice/up.sql"),
    include_str!("../../migrations/0003_languages/up.sql"),
    include_str!("../../migrations/0004_retention_scopes/up.sql"),
    include_str!("../../migrations/0005_party_names/up.sql"),
    include_str!("../../migrations/0006_source_facts/up.sql"),
    include_str!("../../migrations/0007_service_privacy/up.sql"),
    include_str!("../../migrations/0008_checklist_unknown/up.sql"),
    include_str!("../../migrations/0009_agreement_asserted/up.sql"),
    include_str!("../../migrations/0010_dpo_designated/up.sql"),
];

/// Every migration of the register schema, oldest first.
pub static MIGRATIONS: std::sync::LazyLock<Migrations<'static>> =
    std::sync::LazyLock::new(|| Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect()));

/// The schema version a fully migrated register has.
pub const SCHEMA_VERSION: i64 = STEPS.len() as i64;

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_validate() {
        super::MIGRATIONS
            .validate()
            .expect("migrations must apply cleanly to an empty database");
    }
}
