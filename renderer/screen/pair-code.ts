// The code a waiting /screen page shows. Kept for the tab's life, so a reload shows the same code.
// No 0/O or 1/I: the technician reads it off a screen across the room.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const KEY = 'toan-canh.pair-code';
export const PAIR_CODE = /^[A-Z2-9]{6}$/;

export function newPairCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  // 256 is a multiple of 32, so every letter is equally likely.
  return [...random(6)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function pairCode(storage: KeyValueStore | null = (globalThis as { sessionStorage?: KeyValueStore }).sessionStorage ?? null): string {
  const kept = storage?.getItem(KEY);
  if (kept && PAIR_CODE.test(kept)) return kept;
  const code = newPairCode();
  storage?.setItem(KEY, code);
  return code;
}
