import type { Language } from '../../../common/state.js';

// The camera panel's own words; failure reasons come from common/media/media-failure.ts.
const text = {
  vi: { signalLost: 'Mất tín hiệu', lastFrame: 'Khung hình cuối: {since} trước', noFrame: 'Chưa nhận được khung hình', retrying: 'Đang thử kết nối lại', emptyCell: 'Chưa gán camera', loading: 'Đang kết nối…' },
  en: { signalLost: 'Signal lost', lastFrame: 'Last frame {since} ago', noFrame: 'No frame received yet', retrying: 'Reconnecting', emptyCell: 'No camera assigned', loading: 'Connecting…' },
} as const;

export type CameraTextKey = keyof (typeof text)['vi'];

export function cameraText(language: Language, key: CameraTextKey, since?: string): string {
  const s: string = text[language][key];
  return since === undefined ? s : s.replace('{since}', since);
}
