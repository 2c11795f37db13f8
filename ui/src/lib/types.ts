// Shapes returned by the desktop shell's commands. They mirror the `Serialize` structs in
// `src-tauri/src/commands/` (camelCase on the wire); keep the two in step.

/** One row of the activity list. */
export interface ActivitySummary {
  id: string;
  reference: string;
  name: string;
  status: string;
}

/** What the first screen shows: whose register is open and its processing activities. */
export interface RegisterOverview {
  /** The register file on disk. */
  path: string;
  /** The controller's legal name. */
  organisationName: string;
  activities: ActivitySummary[];
}

/** The error every command rejects with (`IpcError` in `src-tauri/src/error.rs`). */
export interface IpcErrorPayload {
  code: string;
  message: string;
}
