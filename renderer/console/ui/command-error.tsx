import type { AppError } from '../../../common/result.js';
import { useT } from '../../i18n/use-t.js';

/** A refusal as a person reads it: the role message for "forbidden", else the main process's words. */
export function CommandError({ error, testId = 'command-error' }: { error: AppError | null; testId?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="command-error" role="alert" data-testid={testId} data-code={error.code}>
      {error.code === 'forbidden' ? `${t('error.forbidden')} ` : ''}
      {error.message}
    </p>
  );
}
