// Where a Cafe24 mall's Flow events may go (the merchant's webhook), and how its settings hold it.

export interface FlowWebhookTarget {
  url: string;
  secret: string;
}

/** https only; http://localhost (and 127.0.0.1) only when the app runs the demo. Null when fine, else why not. */
export function webhookUrlProblem(url: string, demo: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "not a URL";
  }
  if (parsed.protocol === "https:") return null;
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(parsed.hostname);
  if (parsed.protocol === "http:" && local && demo) return null;
  return "must be an https URL";
}

/** settings.flowWebhook = { url, secret } of shops.settings, or null when unset or incomplete. */
export function flowWebhookTargetOf(settings: Record<string, unknown> | null): FlowWebhookTarget | null {
  const hook = settings?.flowWebhook as Partial<FlowWebhookTarget> | undefined;
  return hook && typeof hook.url === "string" && typeof hook.secret === "string" && hook.secret
    ? { url: hook.url, secret: hook.secret }
    : null;
}
