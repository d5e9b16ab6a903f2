/** What the database reports through; `console` fits. */
export interface Logger {
  warn(message: string, ...detail: unknown[]): void;
}
