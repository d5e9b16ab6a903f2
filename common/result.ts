// Results cross process boundaries as values: a thrown Error loses everything but its message.
export interface AppError {
  code: string;
  message: string;
  /** Where the problem is, e.g. "config/walls/demo.json › screens[2].bezelMm". */
  where?: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, where?: string): Result<never> => ({
  ok: false,
  error: where === undefined ? { code, message } : { code, message, where },
});
