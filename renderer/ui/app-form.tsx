import { useState, type FormEvent, type FormHTMLAttributes, type ReactNode } from 'react';
import { useT } from '../i18n/use-t.js';
import { fieldProblem } from './form-problem.js';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The words a person reads for a field: its aria-label, else its label's text without the field, else its placeholder. */
function fieldName(el: Field): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  const label = el.labels?.[0];
  if (label) {
    const copy = label.cloneNode(true) as HTMLElement;
    for (const inner of copy.querySelectorAll('input, select, textarea, datalist')) inner.remove();
    const text = copy.textContent?.trim();
    if (text) return text;
  }
  return ('placeholder' in el && el.placeholder) || el.name || '?';
}

// Every form of the app: checked by the browser's constraints (required, minLength…) but worded by the app
// in the page's language, the first problem shown under the form and its field focused.
export function AppForm({ onSubmit, children, ...rest }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> & { onSubmit: (e: FormEvent<HTMLFormElement>) => void; children: ReactNode }) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    for (const el of e.currentTarget.elements) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) || el.disabled) continue;
      const text = fieldProblem(t, {
        field: fieldName(el),
        validity: el.validity,
        custom: el.validationMessage,
        length: el.value.length,
        minLength: 'minLength' in el ? el.minLength : -1,
        maxLength: 'maxLength' in el ? el.maxLength : -1,
      });
      if (text) {
        setProblem(text);
        el.focus();
        return;
      }
    }
    setProblem(null);
    onSubmit(e);
  };
  return (
    <form {...rest} noValidate onSubmit={submit} onInput={() => problem && setProblem(null)}>
      {children}
      {problem && (
        <p className="form-problem" role="alert" data-testid="form-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
