import type { formsVi } from './forms-vi.js';

export const formsEn: Record<keyof typeof formsVi, string> = {
  'form.missing': '“{field}” is required.',
  'form.tooShort': '“{field}” needs at least {min} characters (it has {length}).',
  'form.tooLong': '“{field}” takes at most {max} characters (it has {length}).',
  'form.invalid': '“{field}” is not in the right form.',
  'form.date': '“{field}”: type the date as dd/MM/yyyy, optionally with a time HH:mm (e.g. 07/12/2026 08:30).',
  'form.datePlaceholder': 'dd/MM/yyyy HH:mm',
  'file.choose': 'Choose a file…',
  'file.none': 'No file chosen',
  'problem.config/invalid': 'A configuration file has a wrong field',
  'problem.config/geometry': 'The wall\'s geometry is not valid',
  'problem.config/layout-mismatch': 'The layout does not fit the wall',
  'problem.config/watch-failed': 'Cannot watch the configuration file for changes',
};
