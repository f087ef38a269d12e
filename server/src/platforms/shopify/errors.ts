// shopify-api errors → PlatformError, the only error adapters may throw.
import {
  GraphqlQueryError,
  HttpInternalError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpResponseError,
  HttpRetriableError,
  HttpThrottlingError,
} from "@shopify/shopify-api";
import { PlatformError } from "../../domain/shared/errors.js";

export interface GraphqlErrorEntry {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
}

/** GraphQL errors of a failed request (THROTTLED among them comes back as HTTP 200). */
export function graphqlErrorsOf(err: unknown): GraphqlErrorEntry[] {
  if (!(err instanceof GraphqlQueryError)) return [];
  const errors = err.body?.errors?.graphQLErrors;
  return Array.isArray(errors) ? (errors as GraphqlErrorEntry[]) : [];
}

export function isThrottled(err: unknown): boolean {
  return graphqlErrorsOf(err).some((e) => e.extensions?.code === "THROTTLED");
}

export function httpStatusOf(err: unknown): number | null {
  return err instanceof HttpResponseError ? Number(err.response.code) : null;
}

export function toPlatformError(err: unknown, what: string): PlatformError {
  if (err instanceof PlatformError) return err;
  if (isThrottled(err)) return new PlatformError(`${what}: throttled by Shopify`, true);
  if (err instanceof GraphqlQueryError) {
    return new PlatformError(`${what}: ${err.message}`, false, undefined, graphqlErrorsOf(err));
  }
  if (err instanceof HttpThrottlingError) {
    return new PlatformError(`${what}: HTTP 429 from Shopify`, true, (err.response.retryAfter ?? 1) * 1000);
  }
  if (
    err instanceof HttpInternalError ||
    err instanceof HttpRetriableError ||
    err instanceof HttpMaxRetriesError ||
    err instanceof HttpRequestError
  ) {
    return new PlatformError(`${what}: ${err.message.split("\n")[0]}`, true);
  }
  if (err instanceof HttpResponseError) {
    return new PlatformError(`${what}: HTTP ${err.response.code} from Shopify`, false, undefined, {
      status: err.response.code,
    });
  }
  if (err instanceof TypeError) return new PlatformError(`${what}: network error (${err.message})`, true);
  return new PlatformError(`${what}: ${err instanceof Error ? err.message : String(err)}`, false);
}

/** Mutations report validation problems as userErrors in a 200 response. */
export function throwOnUserErrors(
  what: string,
  userErrors: Array<{ field?: string[] | null; message: string }> | undefined,
): void {
  if (userErrors && userErrors.length > 0) {
    throw new PlatformError(`${what}: ${userErrors.map((e) => e.message).join("; ")}`, false, undefined, userErrors);
  }
}
