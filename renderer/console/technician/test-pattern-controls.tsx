import { useState, type ReactElement } from 'react';
import { patternKinds, type PatternKind } from '../../../common/panels/pattern.js';
import type { WallState } from '../../../common/state.js';
import { useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';
import type { Action } from './use-action.js';

type OptionName = 'spacing' | 'lineWidth' | 'diagonals' | 'lineColor' | 'background' | 'level' | 'steps' | 'direction' | 'color' | 'cell' | 'width' | 'speed' | 'size';
type Options = Partial<Record<OptionName, string | number | boolean>>;

const DEFAULTS: Record<PatternKind, Options> = {
  crosshatch: { spacing: 120, lineWidth: 1, diagonals: true, lineColor: '#ffffff', background: '#000000' },
  'colour-bars': { level: 100 },
  'grey-ramp': { steps: 11, direction: 'horizontal' },
  solid: { color: '#808080' },
  checkerboard: { cell: 1 },
  'moving-bar': { width: 64, speed: 960, direction: 'horizontal' },
  'seam-patches': { size: 120 },
};

// Test patterns over the layout (never in it): on the whole wall or on the selected screen.
export function TestPatternControls({ state, action }: { state: WallState; action: Action }) {
  const t = useT();
  const bridge = useBridge();
  const [kind, setKind] = useState<PatternKind>('crosshatch');
  const [options, setOptions] = useState<Record<PatternKind, Options>>(DEFAULTS);
  const selected = state.technician?.selectedScreenId ?? null;
  const showing = state.technician?.testPattern ?? null;
  const set = (name: OptionName, value: string | number | boolean) => setOptions((o) => ({ ...o, [kind]: { ...o[kind], [name]: value } }));
  const show = (screenId: string | null) => void action.run(() => bridge.setTestPattern({ screenId, pattern: { kind, ...options[kind] } }));
  const opts = options[kind];
  const num = (name: Exclude<OptionName, 'diagonals' | 'direction' | 'color' | 'lineColor' | 'background'>, min: number, max: number) => (
    <label className="tech-field" key={name}>
      <span className="tech-field__label">{t(`tech.pattern.opt.${name}`)}</span>
      <input type="number" min={min} max={max} value={Number(opts[name])} data-testid={`pattern-${name}`} onChange={(e) => set(name, Number(e.currentTarget.value))} />
    </label>
  );
  const choice = (name: 'level' | 'direction', values: readonly (100 | 75)[] | readonly ('horizontal' | 'vertical')[]) => (
    <label className="tech-field" key={name}>
      <span className="tech-field__label">{t(`tech.pattern.opt.${name}`)}</span>
      <select value={String(opts[name])} data-testid={`pattern-${name}`} onChange={(e) => set(name, typeof values[0] === 'number' ? Number(e.currentTarget.value) : e.currentTarget.value)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {typeof v === 'number' ? `${v} %` : t(`tech.pattern.dir.${v}`)}
          </option>
        ))}
      </select>
    </label>
  );
  const fields: Record<PatternKind, ReactElement[]> = {
    crosshatch: [num('spacing', 4, 4000), num('lineWidth', 1, 64), <label className="tech-field" key="diagonals"><input type="checkbox" checked={Boolean(opts.diagonals)} data-testid="pattern-diagonals" onChange={(e) => set('diagonals', e.currentTarget.checked)} />{t('tech.pattern.opt.diagonals')}</label>],
    'colour-bars': [choice('level', [100, 75])],
    'grey-ramp': [num('steps', 2, 256), choice('direction', ['horizontal', 'vertical'])],
    solid: [<label className="tech-field" key="color"><span className="tech-field__label">{t('tech.pattern.opt.color')}</span><input type="color" value={String(opts.color)} data-testid="pattern-color" onChange={(e) => set('color', e.currentTarget.value)} /></label>],
    checkerboard: [num('cell', 1, 512)],
    'moving-bar': [num('width', 1, 2000), num('speed', 10, 20000), choice('direction', ['horizontal', 'vertical'])],
    'seam-patches': [num('size', 8, 1000)],
  };

  return (
    <fieldset className="tech-group" data-testid="pattern-controls" data-showing={showing ? `${showing.pattern.kind}@${showing.screenId ?? 'wall'}` : ''}>
      <legend>{t('tech.patterns')}</legend>
      <label className="tech-field">
        <span className="tech-field__label">{t('tech.pattern.kind')}</span>
        <select value={kind} data-testid="pattern-kind" onChange={(e) => setKind(e.currentTarget.value as PatternKind)}>
          {patternKinds.map((k) => (
            <option key={k} value={k}>
              {t(`tech.pattern.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="tech-grid">{fields[kind]}</div>
      <div className="tech-row">
        <button type="button" disabled={action.busy} onClick={() => show(null)} data-testid="pattern-show-wall">
          {t('tech.pattern.showWall')}
        </button>
        <button type="button" disabled={action.busy || selected === null} onClick={() => show(selected)} data-testid="pattern-show-screen">
          {t('tech.pattern.showScreen')}
        </button>
        <button type="button" disabled={action.busy || !showing} onClick={() => void action.run(() => bridge.setTestPattern(null))} data-testid="pattern-off">
          {t('tech.pattern.off')}
        </button>
      </div>
    </fieldset>
  );
}
