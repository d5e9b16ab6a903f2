import { codecName, type MediaFailure } from '../../../common/media/media-failure.js';
import type { Language } from '../../../common/state.js';
import { translate } from '../../i18n/translate.js';

/** One plain line for the overlay under "Mất tín hiệu". */
export function failureText(language: Language, failure: Pick<MediaFailure, 'kind' | 'httpStatus' | 'codec'>): string {
  if (failure.kind === 'unsupported') {
    const codec = codecName(failure.codec);
    return codec ? translate(language, 'camera.failure.unsupportedCodec', { codec }) : translate(language, 'camera.failure.unsupported');
  }
  return translate(language, `camera.failure.${failure.kind}`, { status: failure.httpStatus ?? 0 });
}

/** "12 giây" / "3 phút 05 giây" since the last frame, ticking on the overlay. */
export function sinceText(language: Language, ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return translate(language, 'since.hours', { h, m: pad(m) });
  return m > 0 ? translate(language, 'since.minutes', { m, s: pad(s) }) : translate(language, 'since.seconds', { s });
}
