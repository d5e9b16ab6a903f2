import type { AppError, ErrorParams } from '../../common/result.js';
import type { Language } from '../../common/state.js';
import { formatClockTime } from './locale.js';
import { isMessageKey, placeholders, translate, type MessageKey } from './translate.js';

// A refusal in the page's language: the dictionary's words for its code, filled from its params. A code
// the page has no words for, or params it lacks, shows the main process's English message instead.
// Params are values, a few by name: *At is a time (epoch ms); role and roles (comma-separated) are role ids.

export function errorText(language: Language, error: Pick<AppError, 'code' | 'message' | 'params'>): string {
  const key = `error.${error.code}`;
  if (!isMessageKey(key)) return error.message;
  const params = shownParams(language, error.params ?? {});
  const missing = placeholders(translate(language, key)).some((name) => !(name in params));
  return missing ? error.message : translate(language, key, params);
}

function shownParams(language: Language, params: ErrorParams): Record<string, string | number> {
  const roleName = (id: string) => {
    const key = `role.${id}`;
    return isMessageKey(key) ? translate(language, key as MessageKey).toLocaleLowerCase(language) : id;
  };
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('At') && typeof value === 'number') shown[name] = formatClockTime(language, value);
    else if (name === 'role') shown[name] = roleName(String(value));
    else if (name === 'roles') shown[name] = String(value).split(',').map(roleName).join(', ');
    else shown[name] = value;
  }
  return shown;
}
