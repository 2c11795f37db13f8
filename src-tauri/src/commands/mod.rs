//! Tauri commands: thin adapters from IPC to `ropa-core`, one module per area.
//!
//! A command validates nothing itself and holds no logic beyond picking the state it needs;
//! the core does the work and [`crate::IpcError`] carries its error code to the UI.

pub mod checks;
pub mod files;
pub mod notice;
pub mod records;
pub mod reference;
pub mod register;
