/** A postgres:// address without its password, for logs and answers. */
export function redactPgUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'postgres://(unreadable address)';
  }
}
