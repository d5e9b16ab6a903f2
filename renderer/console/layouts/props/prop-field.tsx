import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { fieldKind, type FieldSchema } from './json-schema.js';

// One property of a panel. Lists, checkboxes and colours take effect at once; typed text and numbers
// when the field is left or Enter is pressed (one undo step per edit, not per key).

interface Props {
  name: string;
  schema: FieldSchema;
  value: unknown;
  required: boolean;
  onChange: (value: unknown) => void;
}

function TypedInput({ value, onCommit, ...rest }: { value: string; onCommit: (v: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <input
      {...rest}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => text !== value && onCommit(text)}
      onKeyDown={(e) => e.key === 'Enter' && text !== value && onCommit(text)}
    />
  );
}

export function PropField({ name, schema, value, required, onChange }: Props) {
  const kind = fieldKind(schema);
  const shown = value ?? schema.default;
  const id = `prop-${name}`;
  const testId = `prop-${name}`;
  let input;
  switch (kind.kind) {
    case 'choice':
      input = (
        <select id={id} data-testid={testId} value={String(shown ?? '')} onChange={(e) => onChange(kind.options.find((o) => String(o) === e.currentTarget.value))}>
          {!required && shown === undefined && <option value="">—</option>}
          {kind.options.map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      input = <input id={id} data-testid={testId} type="checkbox" checked={Boolean(shown)} onChange={(e) => onChange(e.currentTarget.checked)} />;
      break;
    case 'number':
      input = (
        <TypedInput
          id={id}
          data-testid={testId}
          type="number"
          step={kind.integer ? 1 : 'any'}
          min={kind.min}
          max={kind.max}
          value={shown === undefined ? '' : String(shown)}
          onCommit={(v) => onChange(v === '' ? undefined : Number(v))}
        />
      );
      break;
    case 'colour': {
      const hex = typeof shown === 'string' ? shown : '';
      input = (
        <span className="prop__colour">
          {/^#[0-9a-fA-F]{6}$/.test(hex) && <input type="color" aria-label={name} value={hex} onChange={(e) => onChange(e.currentTarget.value)} />}
          <TypedInput id={id} data-testid={testId} value={hex} onCommit={(v) => onChange(v === '' ? undefined : v)} />
        </span>
      );
      break;
    }
    case 'text':
      input = <TypedInput id={id} data-testid={testId} value={typeof shown === 'string' ? shown : ''} onCommit={(v) => onChange(v === '' && !required ? undefined : v)} />;
      break;
    default:
      input = <JsonField id={id} testId={testId} value={shown} onChange={onChange} />;
  }
  return (
    <div className="prop">
      <label htmlFor={id}>
        {name}
        {required && ' *'}
      </label>
      {input}
    </div>
  );
}

function JsonField({ id, testId, value, onChange }: { id: string; testId: string; value: unknown; onChange: (v: unknown) => void }) {
  const original = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [text, setText] = useState(original);
  const [bad, setBad] = useState<string | null>(null);
  useEffect(() => setText(original), [original]);
  const commit = () => {
    if (text === original) return;
    try {
      onChange(text.trim() === '' ? undefined : (JSON.parse(text) as unknown));
      setBad(null);
    } catch (err) {
      setBad(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      <textarea id={id} data-testid={testId} rows={Math.min(12, text.split('\n').length + 1)} value={text} onChange={(e) => setText(e.currentTarget.value)} onBlur={commit} spellCheck={false} />
      {bad && <span className="prop__bad">{bad}</span>}
    </>
  );
}
