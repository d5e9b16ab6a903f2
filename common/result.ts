// Results cross process boundaries as values: a thrown Error loses everything but its message.
export interface AppError {
  code: string;
  message: string;
  /** Where the problem is, e.g. "config/walls/demo.json › screens[2].bezelMm". */
  where?: string;
  /** Values a page fills into its own words for `code` (message stays the English fallback for logs). */
  params?: ErrorParams;
}
export type ErrorParams = Readonly<Record<string, string | number>>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, where?: string): Result<never> => ({
  ok: false,
  error: where === undefined ? { code, message } : { code, message, where },
});

/** A refusal a page words in its own language from `code` and `params`; `message` is the English for logs. */
export const failWith = (code: string, message: string, params: ErrorParams): Result<never> => ({ ok: false, error: { code, message, params } });
