import type { Language } from '../../../common/state.js';
import { translate } from '../../i18n/translate.js';

/** "1 giờ 05 phút" / "12 phút" / "40 giây": time since the scenario's activation. */
export function formatElapsed(ms: number, language: Language): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return translate(language, 'duration.s', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return translate(language, 'duration.m', { m });
  return translate(language, 'duration.hm', { h: Math.floor(m / 60), m: String(m % 60).padStart(2, '0') });
}
