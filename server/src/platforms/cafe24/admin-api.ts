// Calls to one mall's Admin API (`/api/v2/admin/...`): a bearer token from Cafe24AccessTokens, the call budget
// around every call, one retry with a new token after a 401, and Cafe24's answers turned into PlatformError
// (429 and 5xx retriable; 4xx with Cafe24's `error.message`). A 429 despite the budget is waited out and retried.
import { PlatformError } from "../../domain/shared/errors.js";
import type { CallBudget } from "./call-budget.js";
import type { BaseUrlFor } from "./oauth-client.js";

export interface TokenSource {
  accessToken(mallId: string, rejected?: string): Promise<string>;
}

export interface AdminAnswer<T> {
  status: number;
  body: T;
}

export interface Cafe24AdminApiOptions {
  baseUrlFor: BaseUrlFor;
  tokens: TokenSource;
  budget: CallBudget;
  /** `X-Cafe24-Api-Version`; omitted = the version set on the app in the Developer Center. */
  apiVersion?: string;
  fetch?: typeof fetch;
}

const MAX_429_RETRIES = 5;

export class Cafe24AdminApi {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: Cafe24AdminApiOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  get<T>(mallId: string, path: string, query: Record<string, string | number | undefined> = {}) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const search = params.size > 0 ? `?${params}` : "";
    return this.call<T>(mallId, "GET", `${path}${search}`);
  }

  post<T>(mallId: string, path: string, body: unknown) {
    return this.call<T>(mallId, "POST", path, body);
  }

  /** Any answer below 500 except 401/429 is returned; the caller decides what 404 or 422 mean. */
  async call<T>(mallId: string, method: string, path: string, body?: unknown): Promise<AdminAnswer<T>> {
    let rejected: string | undefined;
    for (let attempt = 0; ; attempt++) {
      const token = await this.options.tokens.accessToken(mallId, rejected);
      await this.options.budget.acquire(mallId);
      let res: Response;
      try {
        res = await this.fetchImpl(`${this.options.baseUrlFor(mallId)}/api/v2/admin${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            ...(this.options.apiVersion ? { "x-cafe24-api-version": this.options.apiVersion } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(60_000),
        });
      } catch (error) {
        this.options.budget.cancel(mallId);
        throw new PlatformError(`Cafe24 ${method} ${path}: network error (${(error as Error).message})`, true);
      }
      this.options.budget.settle(mallId, res.headers, res.status);
      const json = (await res.json().catch(() => null)) as T;
      if (res.status === 401 && rejected === undefined) {
        rejected = token;
        continue;
      }
      if (res.status === 429 && attempt < MAX_429_RETRIES) continue; // the budget now waits it out
      if (res.status === 429) throw new PlatformError(`Cafe24 ${method} ${path}: HTTP 429`, true, 1000);
      if (res.status >= 500) throw new PlatformError(`Cafe24 ${method} ${path}: HTTP ${res.status}`, true);
      if (res.status === 401 || res.status === 403)
        throw new PlatformError(
          `Cafe24 ${method} ${path}: HTTP ${res.status} ${errorMessage(json)}`,
          false,
          undefined,
          {
            status: res.status,
          },
        );
      return { status: res.status, body: json };
    }
  }
}

export function errorMessage(body: unknown): string {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === "string" ? error.message : "";
}

/** Throws for any answer that is not 2xx. */
export function expectOk<T>(answer: AdminAnswer<T>, what: string): T {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  throw new PlatformError(`${what}: HTTP ${answer.status} ${errorMessage(answer.body)}`, false, undefined, {
    status: answer.status,
  });
}
