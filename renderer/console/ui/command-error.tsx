import type { AppError } from '../../../common/result.js';
import { useErrorText } from '../../i18n/use-t.js';

/** A refusal as a person reads it, in the console's language. */
export function CommandError({ error, testId = 'command-error' }: { error: AppError | null; testId?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="command-error" role="alert" data-testid={testId} data-code={error.code}>
      {text(error)}
    </p>
  );
}
