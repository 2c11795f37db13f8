//! The one list of the commands the webview may call: each with its arguments and its result
//! in TypeScript. [`crate::setup`] registers exactly these (`tauri::generate_handler!`), and the
//! UI's typed `Commands` interface is generated from the same list (`bindings.rs`), so the UI
//! cannot call a command the shell does not register, nor with other arguments.
//!
//! An entry reads `module::command(args) -> "Result"`, where `args` is empty, `path` (a file
//! path), `request: "Type"` or both (`request: "Type", path`).

/// Expands `$then! { entries }` with every command.
macro_rules! with_commands {
    ($then:ident) => {
        $then! {
            register::open_register(path) -> "RegisterOverview",
            register::register_overview() -> "RegisterOverview",
            register::register_info() -> "RegisterInfo",
            records::list_records(request: "ListRequest") -> "Array<JsonRecord>",
            records::get_record(request: "RecordRef") -> "JsonRecord",
            records::insert_record(request: "SaveRequest") -> "JsonRecord",
            records::update_record(request: "SaveRequest") -> "JsonRecord",
            records::delete_record(request: "RecordRef") -> "null",
            records::get_organisation() -> "JsonRecord",
            records::save_organisation(request: "OrganisationRequest") -> "JsonRecord",
            checks::run_checks() -> "CheckRun",
            checks::untranslated_texts() -> "Array<Untranslated>",
            notice::export_notice(request: "NoticeRequest") -> "NoticeText",
            notice::get_notice_settings() -> "JsonRecord",
            notice::save_notice_settings(request: "NoticeSettingsRequest") -> "JsonRecord",
            notice::notice_sections(request: "UiLanguage") -> "Array<NoticeSectionView>",
            notice::notice_sentences() -> "Array<NoticeSentence>",
            reference::legal_bases() -> "Array<CodeOption>",
            // Register files and exports (start screen, export screen).
            register_files::recent_registers() -> "Array<RecentRegister>",
            register_files::forget_recent(path) -> "null",
            register_files::create_register(request: "CreateRequest") -> "RegisterOverview",
            register_files::duplicate_register(path) -> "string",
            dialogs::choose_register_file(request: "RegisterDialog") -> "string | null",
            dialogs::choose_export_file(request: "DocumentRequest") -> "string | null",
            dialogs::set_ui_language(request: "UiLanguage") -> "null",
            exports::export_choices() -> "Array<DocumentChoice>",
            exports::export_document(request: "DocumentRequest", path) -> "ExportOutcome",
            exports::open_exported(path) -> "null",
            exports::reveal_exported(path) -> "null",
            // Editors' pickers.
            reference::countries() -> "Array<CountryStatus>",
            reference::transfer_options(request: "TransferOptionsRequest") -> "TransferOptions",
            reference::special_categories() -> "Array<CodeOption>",
            reference::art9_conditions() -> "Array<CodeOption>",
            reference::retention_rules() -> "Array<CodeOption>",
            reference::national_law() -> "Array<NationalLawProvision>",
            reference::review_due() -> "Array<ReviewState>",
        }
    };
}
pub(crate) use with_commands;

/// `tauri::generate_handler!` over the listed commands.
macro_rules! handler {
    ($($module:ident :: $name:ident ($($args:tt)*) -> $result:literal),* $(,)?) => {
        tauri::generate_handler![$(commands::$module::$name),*]
    };
}
pub(crate) use handler;

/// The TypeScript type of one argument.
#[cfg(test)]
macro_rules! ts_arg {
    (path) => {
        "string"
    };
    ($arg:ident : $ty:literal) => {
        $ty
    };
}
#[cfg(test)]
pub(crate) use ts_arg;

/// The TypeScript type of a command's arguments.
#[cfg(test)]
macro_rules! ts_args {
    () => {
        "Record<string, never>"
    };
    ($($arg:ident $(: $ty:literal)?),+) => {
        concat!("{ ", $(stringify!($arg), ": ", $crate::command_list::ts_arg!($arg $(: $ty)?), "; ",)+ "}")
    };
}
#[cfg(test)]
pub(crate) use ts_args;

/// The list as (name, arguments, result) in TypeScript.
#[cfg(test)]
macro_rules! table {
    ($($module:ident :: $name:ident ($($args:tt)*) -> $result:literal),* $(,)?) => {
        &[$((stringify!($name), $crate::command_list::ts_args!($($args)*), $result)),*]
    };
}
#[cfg(test)]
pub(crate) use table;
