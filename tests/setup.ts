// Tests never reach the internet: any fetch to a non-loopback host fails loudly.
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`Test tried to reach ${url.origin}; only loopback is allowed`);
  }
  return realFetch(input, init);
}) as typeof fetch;
