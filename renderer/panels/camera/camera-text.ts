import type { Language } from '../../../common/state.js';

// The camera panel's own words; failure reasons come from common/media/media-failure.ts.
const text = {
  vi: {
    signalLost: 'Mất tín hiệu',
    lastFrame: 'Khung hình cuối: {since} trước',
    noFrame: 'Chưa nhận được khung hình',
    retrying: 'Đang thử kết nối lại',
    emptyCell: 'Chưa gán camera',
    loading: 'Đang kết nối…',
    notAllowed: 'Nguồn camera chưa được phép',
    notAllowedBody: 'Nguồn {since} chưa có trong danh sách webOrigins.cameras của tường. Kỹ thuật viên thêm nguồn vào cấu hình tường để phát camera này.',
  },
  en: {
    signalLost: 'Signal lost',
    lastFrame: 'Last frame {since} ago',
    noFrame: 'No frame received yet',
    retrying: 'Reconnecting',
    emptyCell: 'No camera assigned',
    loading: 'Connecting…',
    notAllowed: 'Camera source not allowed',
    notAllowedBody: 'Origin {since} is not on the wall’s webOrigins.cameras list. A technician adds it to the wall configuration to play this camera.',
  },
} as const;

export type CameraTextKey = keyof (typeof text)['vi'];

export function cameraText(language: Language, key: CameraTextKey, since?: string): string {
  const s: string = text[language][key];
  return since === undefined ? s : s.replace('{since}', since);
}
