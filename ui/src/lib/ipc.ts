// Typed access to the desktop shell's commands.
//
// Every command rejects with `{ code, message }` (see `src-tauri/src/error.rs`); `call` turns
// that, and anything else `invoke` may throw, into an `AppError` whose `code` the UI can
// branch on. Components never call `invoke` directly.

import { invoke } from '@tauri-apps/api/core';
import type {
  Commands,
  CreateRequest,
  DocumentRequest,
  RegisterDialog,
  IpcError as IpcErrorPayload,
  JsonRecord,
  NoticeRequest,
  RecordKind,
} from './bindings';

/** Codes produced by the shell itself; core error codes pass through unchanged. */
export const ErrorCode = {
  /** No register is open (none given and the demo could not be created, or open failed). */
  RegisterNotOpen: 'register_not_open',
  /** `invoke` failed without a structured error (unknown command, denied by capability). */
  Ipc: 'ipc',
  /** The record changed in the file since it was read (e.g. by the CLI). */
  Conflict: 'conflict',
  /** A field's value is not valid; the message names the field. */
  Invalid: 'invalid',
  /** Something that is not an error object at all. */
  Unknown: 'unknown',
} as const;

/** An error from a command, with a machine-readable `code`. */
export class AppError extends Error {
  readonly code: string;
  /** The field concerned (`purposes[1].legal_basis`), when the core named one. */
  readonly field: string | undefined;
  /** The message in German, when the shell sent one. */
  readonly messageDe: string | undefined;
  /** With `field`: what is wrong with it, without the record and field the message names. */
  readonly fieldMessage: string | undefined;
  /** The same in German. */
  readonly fieldMessageDe: string | undefined;
  /** `register_not_open` after a failed attempt to open one: that failure's code. */
  readonly reason: string | undefined;

  constructor(
    code: string,
    message: string,
    options?: {
      cause?: unknown;
      field?: string;
      messageDe?: string;
      fieldMessage?: string;
      fieldMessageDe?: string;
      reason?: string;
    },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.field = options?.field;
    this.messageDe = options?.messageDe;
    this.fieldMessage = options?.fieldMessage;
    this.fieldMessageDe = options?.fieldMessageDe;
    this.reason = options?.reason;
  }

  /** The message in `lang` (German where the shell sent it, else English). */
  messageIn(lang: 'en' | 'de'): string {
    return lang === 'de' && this.messageDe ? this.messageDe : this.message;
  }

  /** What is wrong with the field in `lang`; the whole message when the shell sent no part. */
  fieldMessageIn(lang: 'en' | 'de'): string {
    if (lang === 'de' && this.fieldMessageDe) return this.fieldMessageDe;
    return this.fieldMessage ?? this.messageIn(lang);
  }

  /** Normalises whatever a rejected `invoke` produced into an `AppError`. */
  static from(error: unknown): AppError {
    if (error instanceof AppError) return error;
    if (isIpcErrorPayload(error)) {
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      return new AppError(error.code, error.message, {
        field: text(error.field),
        messageDe: text(error.messageDe),
        fieldMessage: text(error.fieldMessage),
        fieldMessageDe: text(error.fieldMessageDe),
        reason: text(error.reason),
      });
    }
    if (error instanceof Error) return new AppError(ErrorCode.Ipc, error.message, { cause: error });
    if (typeof error === 'string') return new AppError(ErrorCode.Ipc, error);
    return new AppError(ErrorCode.Unknown, 'Unexpected error', { cause: error });
  }
}

function isIpcErrorPayload(value: unknown): value is IpcErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

export type CommandName = keyof Commands;

/** Invokes `command`; rejects only with `AppError`. */
export async function call<C extends CommandName>(
  command: C,
  args: Commands[C]['args'],
): Promise<Commands[C]['result']> {
  try {
    return await invoke<Commands[C]['result']>(command, args);
  } catch (error) {
    throw AppError.from(error);
  }
}

/** The commands, one typed function each. */
export const api = {
  /** Facts about the open register. */
  registerInfo: () => call('register_info', {}),
  /** Every record of a kind. */
  listRecords: (kind: RecordKind) => call('list_records', { request: { kind } }),
  /** One record (activities also by reference code). */
  getRecord: (kind: RecordKind, id: string) => call('get_record', { request: { kind, id } }),
  /** Adds a record; returns it as stored. */
  insertRecord: (kind: RecordKind, record: JsonRecord) =>
    call('insert_record', { request: { kind, record } }),
  /** Replaces a record; rejects with code `conflict` when the file holds a newer revision. */
  updateRecord: (kind: RecordKind, record: JsonRecord) =>
    call('update_record', { request: { kind, record } }),
  /** Deletes a record. */
  deleteRecord: (kind: RecordKind, id: string, revision?: number) =>
    call('delete_record', { request: { kind, id, revision } }),
  /** The organisation profile. */
  getOrganisation: () => call('get_organisation', {}),
  /** Saves the organisation profile. */
  saveOrganisation: (record: JsonRecord) => call('save_organisation', { request: { record } }),
  /** Runs the register checks. */
  runChecks: () => call('run_checks', {}),
  untranslatedTexts: () => call('untranslated_texts', {}),
  /** Builds the draft privacy notice. */
  exportNotice: (request: NoticeRequest) => call('export_notice', { request }),
  /** The Art. 6(1) lawful bases. */
  legalBases: () => call('legal_bases', {}),
  /** Opens the register file at `path` and returns its overview. */
  openRegister: (path: string) => call('open_register', { path }),
  /** The overview of the register that is open. */
  registerOverview: () => call('register_overview', {}),
  // --- Register files and exports (start screen, export screen) ---
  /** Recently opened registers, most recent first (missing files flagged). */
  recentRegisters: () => call('recent_registers', {}),
  /** Removes a register from the recent list (the file stays). */
  forgetRecent: (path: string) => call('forget_recent', { path }),
  /** Creates a register (empty with an organisation name, or from the demo) and opens it. */
  createRegister: (request: CreateRequest) => call('create_register', { request }),
  /** Copies the open register to `path` (a new file); returns the copy's path. */
  duplicateRegister: (path: string) => call('duplicate_register', { path }),
  /** Native open/save dialog for a register; `null` when cancelled. */
  chooseRegisterFile: (request: RegisterDialog) => call('choose_register_file', { request }),
  /** The notice settings (defaults with revision 0 while none were saved). */
  getNoticeSettings: () => call('get_notice_settings', {}),
  /** Saves the notice settings; rejects with `conflict` when they changed since read. */
  saveNoticeSettings: (record: JsonRecord) =>
    call('save_notice_settings', { request: { record } }),
  /** The draft notice's sections in their current order, headed in `language`. */
  noticeSections: (language: 'en' | 'de') => call('notice_sections', { request: { language } }),
  /** The template sentences that may be reworded. */
  noticeSentences: () => call('notice_sentences', {}),
  /** Tells the shell the interface language (for the file dialogs' titles). */
  setUiLanguage: (language: 'en' | 'de') => call('set_ui_language', { request: { language } }),
  /** Native save dialog for an export, with a default file name; `null` when cancelled. */
  chooseExportFile: (request: DocumentRequest) => call('choose_export_file', { request }),
  /** The documents and their formats. */
  exportChoices: () => call('export_choices', {}),
  /** Writes the export to `path` (chosen in the save dialog). */
  exportDocument: (request: DocumentRequest, path: string) =>
    call('export_document', { request, path }),
  /** Opens a file exported in this session in the system viewer. */
  openExported: (path: string) => call('open_exported', { path }),
  /** Shows a file exported in this session in the file manager. */
  revealExported: (path: string) => call('reveal_exported', { path }),
  // Editors' pickers.
  /** Every country with its Chapter V status (EEA, adequacy, third country). */
  countries: () => call('countries', {}),
  /** The transfer mechanisms that fit a destination country, with reasons. */
  transferOptions: (country: string) => call('transfer_options', { request: { country } }),
  /** The Art. 9(1) special categories. */
  specialCategories: () => call('special_categories', {}),
  /** The Art. 9(2) conditions. */
  art9Conditions: () => call('art9_conditions', {}),
  /** The statutory retention rules. */
  retentionRules: () => call('retention_rules', {}),
  /** National provisions relied on alongside the GDPR (in force first). */
  nationalLaw: () => call('national_law', {}),
  /** When each activity's review falls due. */
  reviewDue: () => call('review_due', {}),
};
