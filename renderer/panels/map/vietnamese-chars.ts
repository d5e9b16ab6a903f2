// deck.gl's TextLayer draws only the characters in its atlas (ASCII by default): every Vietnamese letter
// with its tone marks has to be listed. Built from the vowels and the five tone marks (NFC), plus đ/Đ.
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

function build(): string[] {
  const chars = new Set<string>();
  for (let c = 32; c < 127; c++) chars.add(String.fromCharCode(c));
  for (const v of VOWELS) {
    for (const tone of TONES) {
      const lower = (v + tone).normalize('NFC');
      chars.add(lower);
      chars.add(lower.toUpperCase());
    }
  }
  for (const c of 'đĐ–—…°·’“”') chars.add(c);
  return [...chars];
}

export const VIETNAMESE_CHARACTER_SET: readonly string[] = build();
