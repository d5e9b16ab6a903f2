import { inLanguage } from '../../i18n/locale.js';
import type { PanelViewProps } from '../types.js';

const justify = { left: 'flex-start', center: 'center', right: 'flex-end' } as const;

// Sizes are canvas px, so a banner spanning two screens keeps one size and lines up across the seam.
export function TextView({ props, language }: PanelViewProps<'text'>) {
  const text = inLanguage(language, props.text, props.textEn);
  const shown = inLanguage(language, 'vi', props.textEn ? 'en' : undefined);
  return (
    <div
      className="panel-fill panel-text"
      lang={shown}
      style={{ background: props.background, color: props.color, fontSize: props.fontSize, justifyContent: justify[props.align], textAlign: props.align }}
    >
      <span>{text}</span>
    </div>
  );
}
