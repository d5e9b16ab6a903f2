import type { CameraEntry } from '../protocol/data.js';

// Search the camera catalogue as an operator types: every word must appear in the name, place, road,
// id or a tag, in either language, with or without Vietnamese diacritics ("cau song han" finds "Cầu sông Hàn").

/** Lower case without diacritics; đ becomes d (it is a letter of its own, not a d with a mark). */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

function haystack(camera: CameraEntry): string {
  return foldVietnamese([camera.id, camera.name.vi, camera.name.en, camera.place.vi, camera.place.en, camera.road ?? '', ...camera.tags].join(' '));
}

/** The cameras matching every word of `query`, online ones first, then by name; an empty query lists all. */
export function searchCameras(cameras: readonly CameraEntry[], query: string, language: 'vi' | 'en' = 'vi'): CameraEntry[] {
  const words = foldVietnamese(query).split(/\s+/).filter(Boolean);
  const found = words.length ? cameras.filter((c) => {
    const text = haystack(c);
    return words.every((w) => text.includes(w));
  }) : [...cameras];
  return found.sort((a, b) => (a.status === b.status ? a.name[language].localeCompare(b.name[language], language) : a.status === 'online' ? -1 : 1));
}
