import { useEffect, useRef, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  unit?: string;
  step: number;
  disabled?: boolean;
  testId: string;
  /** Called with what the technician typed (Enter or leaving the field) or nudged to; the core clamps it. */
  onCommit(value: number): void;
}

// A value the technician types or nudges by one step; sent only when complete, so typing "120" does not
// send 1 and 12 on the way (each would be clamped and shown on the wall).
export function NumberField({ label, value, unit, step, disabled, testId, onCommit }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  // What was last sent and not yet answered: Enter then leaving the field must not send it twice.
  const sent = useRef<number | null>(null);
  useEffect(() => {
    sent.current = null;
    setText(String(value));
  }, [value]);
  const commit = () => {
    const n = Number(text.replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(n)) return setText(String(value));
    if (n === value || n === sent.current) return;
    sent.current = n;
    onCommit(n);
  };
  const nudge = (by: number) => onCommit(Number((value + by).toFixed(4)));
  return (
    <label className="tech-field">
      <span className="tech-field__label">{label}</span>
      <button type="button" className="tech-field__nudge" disabled={disabled} onClick={() => nudge(-step)} data-testid={`${testId}-minus`} aria-label={`${label} −${step}`}>
        −
      </button>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        data-testid={testId}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(String(value));
        }}
      />
      <button type="button" className="tech-field__nudge" disabled={disabled} onClick={() => nudge(step)} data-testid={`${testId}-plus`} aria-label={`${label} +${step}`}>
        +
      </button>
      {unit && <span className="tech-field__unit">{unit}</span>}
    </label>
  );
}
