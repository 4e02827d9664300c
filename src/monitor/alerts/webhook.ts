/**
 * @module monitor/alerts/webhook
 * Alerts out of the process: a JSON POST to a webhook (Slack-style incoming hooks, Alertmanager
 * relays, a team's own endpoint). One retry after a short pause on a network error or a 5xx
 * answer; a failure is returned, never thrown — a broken hook must not stop the checks.
 */

export interface WebhookResult {
  readonly ok: boolean;
  readonly status: number | null;
  readonly error?: string;
}

/**
 * POST `payload` as JSON to `url`.
 * @example await postWebhook('http://127.0.0.1:9000/hook', { alerts }, { timeoutMs: 5000 })
 */
export async function postWebhook(url: string, payload: unknown, opts: { headers?: Readonly<Record<string, string>>; timeoutMs?: number } = {}): Promise<WebhookResult> {
  const body = JSON.stringify(payload);
  let last: WebhookResult = { ok: false, status: null, error: 'not sent' };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 500));
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'modelwright-monitor', ...(opts.headers ?? {}) },
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      last = { ok: res.ok, status: res.status, ...(res.ok ? {} : { error: `HTTP ${res.status}` }) };
      if (res.ok || res.status < 500) return last;
    } catch (err) {
      last = { ok: false, status: null, error: (err as Error).message };
    }
  }
  return last;
}
