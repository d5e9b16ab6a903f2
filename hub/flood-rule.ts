import type { DataEntry } from '../common/protocol/data.js';
import type { Localized } from '../common/protocol/primitives.js';

// A water gauge at or above alarm level III (báo động III) proposes the flood scenario; a leader
// confirms. One proposal per flood: the rule re-arms when every gauge is back below level II.

export interface RuleFinding {
  ruleId: string;
  reason: Localized;
}

const formatM = (m: number, locale: string) => m.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export class FloodRule {
  readonly id = 'flood-alarm-3';
  private armed = true;

  constructor(private readonly gaugesKey: (key: string) => boolean = (key) => key.startsWith('gauges.')) {}

  /** A finding when a gauge first reaches level III in this flood, else null. */
  check(entry: DataEntry): RuleFinding | null {
    if (entry.value.type !== 'gauges' || !this.gaugesKey(entry.key)) return null;
    const items = entry.value.items;
    if (!this.armed) {
      if (items.every((g) => g.levelM < g.alarmM[1])) this.armed = true;
      return null;
    }
    const over = items.filter((g) => g.levelM >= g.alarmM[2]).sort((a, b) => b.levelM - b.alarmM[2] - (a.levelM - a.alarmM[2]));
    const worst = over[0];
    if (!worst) return null;
    this.armed = false;
    const more = over.length - 1;
    return {
      ruleId: this.id,
      reason: {
        vi: `Mực nước sông ${worst.river} tại ${worst.name} ${formatM(worst.levelM, 'vi-VN')} m, vượt báo động III (${formatM(worst.alarmM[2], 'vi-VN')} m)${more ? `; thêm ${more} trạm khác` : ''}. Đề xuất chuyển sang kịch bản ứng phó lũ lụt.`,
        en: `${worst.river} river at ${worst.name}: ${formatM(worst.levelM, 'en-GB')} m, above alarm level III (${formatM(worst.alarmM[2], 'en-GB')} m)${more ? `; ${more} more station(s)` : ''}. Proposing the flood response scenario.`,
      },
    };
  }
}
