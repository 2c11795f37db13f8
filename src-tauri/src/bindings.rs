//! TypeScript bindings of every IPC payload, generated from the Rust types with `ts-rs` into
//! `ui/src/lib/bindings/` (committed). The test fails when the committed files differ from the
//! generated ones; `ROPA_UPDATE_BINDINGS=1 cargo test -p ropa-desk bindings` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};

use crate::command_list::{table, with_commands};
use crate::commands::{
    UiLanguage, dialogs, exports, notice, records, reference, register, register_files,
};
use crate::error::IpcError;
use ropa_core::documents;

/// Every command: name, arguments and result in TypeScript, from the one list the shell
/// registers ([`crate::command_list`]).
const COMMANDS: &[(&str, &str, &str)] = with_commands!(table);

fn generate() -> BTreeMap<String, String> {
    let cfg = Config::new().with_large_int("number");
    let mut files = BTreeMap::new();
    let mut names = Vec::new();
    macro_rules! add {
        ($($t:ty),* $(,)?) => {$(
            let text = <$t>::export_to_string(&cfg).expect("bindings generate");
            let name = <$t>::ident(&cfg);
            files.insert(format!("{name}.ts"), text);
            names.push(name);
        )*};
    }
    add!(
        IpcError,
        register::RegisterOverview,
        register::ActivitySummary,
        register::RegisterInfo,
        ropa_core::model::Entity,
        records::ListRequest,
        records::RecordRef,
        records::SaveRequest,
        records::OrganisationRequest,
        ropa_core::checks::CheckRun,
        ropa_core::checks::Finding,
        ropa_core::checks::Summary,
        ropa_core::checks::Severity,
        ropa_core::checks::Art30Letter,
        ropa_core::checks::Target,
        notice::NoticeRequest,
        notice::NoticeText,
        notice::NoticeSettingsRequest,
        notice::NoticeSectionView,
        notice::NoticeSentence,
        ropa_core::reference::CodeOption,
        register_files::RecentRegister,
        register_files::CreateRequest,
        dialogs::RegisterDialog,
        exports::ExportOutcome,
        // The core's documents: what can be exported, and how.
        documents::Document,
        documents::Format,
        documents::Table,
        documents::Preset,
        documents::Delimiter,
        documents::DocOption,
        documents::Selects,
        documents::DocumentRequest,
        documents::DocumentChoice,
        documents::FormatChoice,
        documents::Warning,
        documents::Facts,
        UiLanguage,
        // The register's records, as the core reads and writes them.
        ropa_core::model::NoticeSettings,
        ropa_core::model::SentenceOverride,
        ropa_core::model::PartyKind,
        ropa_core::model::Party,
        ropa_core::model::AgreementStatus,
        ropa_core::model::SubProcessorAuthorisation,
        ropa_core::model::Art28Checklist,
        ropa_core::model::Agreement,
        ropa_core::model::JointDuty,
        ropa_core::model::JointArrangement,
        ropa_core::model::DataCategory,
        ropa_core::model::SubjectCategory,
        ropa_core::model::Tom,
        ropa_core::model::Language,
        ropa_core::model::Contact,
        ropa_core::model::ProcessorService,
        ropa_core::model::ActivityStatus,
        ropa_core::model::ActivityRole,
        ropa_core::model::Activity,
        ropa_core::model::Purpose,
        ropa_core::model::NationalLawRef,
        ropa_core::model::Consent,
        ropa_core::model::ActivityData,
        ropa_core::model::PeriodUnit,
        ropa_core::model::Retention,
        ropa_core::model::DataSource,
        ropa_core::model::ProvisionRequirement,
        ropa_core::model::Provision,
        ropa_core::model::RecipientRole,
        ropa_core::model::Recipient,
        ropa_core::model::DpiaScreening,
        ropa_core::model::DpiaStatus,
        ropa_core::model::Dpia,
        ropa_core::model::AutomatedDecision,
        ropa_core::model::Organisation,
        ropa_core::model::DpoKind,
        ropa_core::model::Dpo,
        ropa_core::model::SourceDocument,
        ropa_core::model::TransferImpactAssessment,
        ropa_core::model::Transfer,
        ropa_core::model::LegalBasis,
        ropa_core::model::Art9Condition,
        ropa_core::model::SpecialCategory,
        // Editors' pickers.
        ropa_core::reference::CountryStatus,
        ropa_core::reference::DestinationStatus,
        ropa_core::reference::MechanismOption,
        ropa_core::reference::TransferOptions,
        ropa_core::model::Date,
        ropa_core::model::LocalText,
        ropa_core::model::Untranslated,
        ropa_core::model::TransferMechanism,
        ropa_core::model::MechanismField,
        ropa_core::model::FieldInput,
        ropa_core::model::SccModule,
        ropa_core::model::Art49Derogation,
        reference::TransferOptionsRequest,
        ropa_core::model::ReviewState,
        ropa_core::model::ReviewStatus,
        ropa_core::reference::NationalLawProvision,
    );
    names.sort();

    let mut commands = String::from(
        "// Generated by src-tauri/src/bindings.rs. Do not edit this file manually.\n",
    );
    for name in &names {
        commands.push_str(&format!("import type {{ {name} }} from \"./{name}\";\n"));
    }
    commands.push_str(
        "\n/** A record in the core's JSON shape (the interchange format of one record). */\n\
         export type JsonRecord = Record<string, unknown>;\n\n\
         /** The kinds of record the generic record commands take (the organisation and the notice\n \
         * settings have their own commands). */\n\
         export type RecordKind = Exclude<Entity, \"organisation\" | \"notice_settings\">;\n\n\
         /** Command name → its arguments and result. */\n\
         export interface Commands {\n",
    );
    for (name, args, response) in COMMANDS {
        commands.push_str(&format!(
            "  {name}: {{ args: {args}; result: {response} }};\n"
        ));
    }
    commands.push_str("}\n\nexport type {\n");
    for name in &names {
        commands.push_str(&format!("  {name},\n"));
    }
    commands.push_str("};\n");
    files.insert("index.ts".to_owned(), commands);
    files
}

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let dir = bindings_dir();
    let files = generate();
    if std::env::var_os("ROPA_UPDATE_BINDINGS").is_some() {
        if dir.exists() {
            std::fs::remove_dir_all(&dir).unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &files {
        if std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !files.contains_key(&name) {
            stale.push(format!("{name} (not generated)"));
        }
    }
    assert!(
        stale.is_empty(),
        "ui/src/lib/bindings/ is out of date: {stale:?}. \
         Regenerate with `ROPA_UPDATE_BINDINGS=1 cargo test -p ropa-desk bindings` and commit."
    );
}

/// Every command the UI names — calls (`call('…'`) and the commands its tests' mock shells
/// answer (`cmd === '…'`, `case '…'` of a `switch (cmd)`) — is one the shell registers: a mock
/// cannot stand in for a command that does not exist.
#[test]
fn the_ui_names_only_registered_commands() {
    let registered: Vec<&str> = COMMANDS.iter().map(|(name, _, _)| *name).collect();
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src");
    let mut files = vec![ui];
    let mut named = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            if path.ends_with("bindings") {
                continue;
            }
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for marker in ["call('", "cmd === '", "invoke('"] {
            for (at, _) in text.match_indices(marker) {
                let name = command_name(&text[at + marker.len()..]);
                named.push((path.display().to_string(), name));
            }
        }
        // The `case '…'` labels of a `switch (cmd)` (at its own depth, not a nested switch's),
        // up to its `default:`.
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.trim_start().starts_with("switch (cmd)") {
                continue;
            }
            let mut depth = None;
            for line in &lines[i + 1..] {
                let indent = line.len() - line.trim_start().len();
                let trimmed = line.trim_start();
                if trimmed.starts_with("case '") || trimmed.starts_with("default:") {
                    if *depth.get_or_insert(indent) != indent {
                        continue;
                    }
                    if trimmed.starts_with("default:") {
                        break;
                    }
                    named.push((path.display().to_string(), command_name(&trimmed[6..])));
                }
            }
        }
    }
    assert!(
        named.len() > 40,
        "the scan found the UI's commands: {named:?}"
    );
    let unknown: Vec<_> = named
        .iter()
        .filter(|(_, name)| !registered.contains(&name.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "the UI names commands the shell does not register: {unknown:?}"
    );
}

/// The command name at the start of `text` (up to the closing quote).
#[cfg(test)]
fn command_name(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
        .collect()
}

/// The transfer form labels the fields the core lists (`TransferMechanism::fields`) with
/// `transfer.field.<name>`: every one of them needs its label in English and in German.
#[test]
fn every_mechanism_field_the_core_lists_has_a_label_in_both_languages() {
    use ropa_core::model::TransferMechanism;
    let i18n = std::fs::read_to_string(bindings_dir().join("../i18n.ts")).expect("i18n.ts");
    let mut missing = Vec::new();
    for kind in TransferMechanism::kinds() {
        for f in TransferMechanism::fields(kind) {
            let key = format!("'transfer.field.{}':", f.name);
            if i18n.matches(&key).count() != 2 {
                missing.push(format!("{kind}.{}", f.name));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no label in ui/src/lib/i18n.ts for {missing:?}"
    );
}
