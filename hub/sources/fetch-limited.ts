// One HTTP GET with a timeout and a size limit: a hanging server is cut off at timeoutMs, an answer
// bigger than maxBytes is refused without reading it all. Errors are plain sentences for the health.

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

export async function fetchText(url: string, limits: FetchLimits): Promise<{ ok: true; text: string; contentType: string } | { ok: false; message: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const res = await fetch(url, { headers: limits.headers ?? {}, signal: controller.signal, redirect: 'error' });
    if (!res.ok) {
      await res.body?.cancel();
      return { ok: false, message: `${url} answered HTTP ${res.status}` };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await res.body?.cancel();
      return { ok: false, message: `the answer (${declared} bytes) is larger than maxBytes ${limits.maxBytes}` };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        size += chunk.length;
        if (size > limits.maxBytes) {
          // Leaving the loop cancels the body; the rest is not read.
          return { ok: false, message: `the answer is larger than maxBytes ${limits.maxBytes}` };
        }
        chunks.push(chunk);
      }
    }
    return { ok: true, text: Buffer.concat(chunks).toString('utf8'), contentType: res.headers.get('content-type') ?? '' };
  } catch (err) {
    if (controller.signal.aborted) return { ok: false, message: `${url} did not answer within ${limits.timeoutMs} ms` };
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, message: `${url} unreachable: ${cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))}` };
  } finally {
    clearTimeout(timer);
  }
}
