// What the UI says about a failed command: the field it is about (so the form can show it
// there), one sentence for people, and whether to offer a reload (conflict).

import type { AppError } from './ipc';
import { type Lang, translate } from './i18n';

export interface ErrorView {
  /** The field path the error is about (`purposes[0].legal_basis`), if any. */
  field?: string;
  /** One sentence for people, in the UI language. */
  text: string;
  /** The record changed under the user: offer to reload. */
  conflict: boolean;
}

/** Maps an `AppError` to what the UI shows. */
export function describeError(error: AppError, lang: Lang): ErrorView {
  if (error.code === 'conflict') {
    return { text: translate(lang, 'error.conflict'), conflict: true };
  }
  const said = error.messageIn(lang);
  if (error.field) {
    // The shell sends what is wrong with the field apart from the record and field it names.
    const message = error.fieldMessageIn(lang);
    return {
      field: error.field,
      text: translate(lang, 'error.field', { field: error.field, message }),
      conflict: false,
    };
  }
  if (error.code === 'in_use') {
    return {
      text: translate(lang, 'error.in_use', { message: said }),
      conflict: false,
    };
  }
  return { text: translate(lang, 'error.generic', { message: said }), conflict: false };
}
