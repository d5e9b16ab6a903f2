import type { Translate } from '../i18n/translate.js';

// The app's own words for a field the browser finds invalid: forms are `noValidate`, so Chromium's bubbles
// ("Please fill out this field", "Please lengthen this text…") never show in its own language.

/** The part of the DOM's ValidityState this reads (a plain type: the file is unit-tested outside a browser). */
export interface Validity {
  valid: boolean;
  valueMissing: boolean;
  tooShort: boolean;
  tooLong: boolean;
  customError: boolean;
}

export interface FieldCheck {
  /** What the person reads next to the field. */
  field: string;
  validity: Validity;
  /** The field's own message (setCustomValidity, already in the page's language). */
  custom: string;
  length: number;
  minLength: number;
  maxLength: number;
}

export function fieldProblem(t: Translate, c: FieldCheck): string | null {
  if (c.validity.valid) return null;
  if (c.validity.customError && c.custom) return c.custom;
  if (c.validity.valueMissing) return t('form.missing', { field: c.field });
  if (c.validity.tooShort) return t('form.tooShort', { field: c.field, min: c.minLength, length: c.length });
  if (c.validity.tooLong) return t('form.tooLong', { field: c.field, max: c.maxLength, length: c.length });
  return t('form.invalid', { field: c.field });
}
