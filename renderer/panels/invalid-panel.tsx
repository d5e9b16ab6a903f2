import { useT } from '../i18n/use-t.js';

/** Shown inside a panel whose configuration does not validate, naming the fields to fix. */
export function InvalidPanel({ fields, title }: { fields: string[]; title?: string }) {
  const t = useT();
  return (
    <div className="panel-problem" role="alert" data-testid="panel-invalid">
      <strong>{title ?? t('panel.invalid')}</strong>
      <ul>
        {fields.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
    </div>
  );
}
