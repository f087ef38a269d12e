// A Cafe24 merchant has no App Bridge: opening Dangol from the Cafe24 admin (the signed app launch) redirects here
// with a one-hour admin token in the URL fragment (#cafe24_token=…, never sent to a server or in a Referer). We
// move it to sessionStorage (this tab only), drop it from the address bar, and send it as a bearer token. When it
// has expired or the server refuses it, the only way back is a new launch from the Cafe24 admin.
const FRAGMENT_KEY = "cafe24_token"; // server/src/platforms/cafe24/admin-token.ts CAFE24_ADMIN_TOKEN_PARAM
const STORAGE_KEY = "dangol.cafe24AdminToken";

type Listener = () => void;
const listeners = new Set<Listener>();
let ended = false;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null; // storage disabled
  }
}

/** Takes a token the launch put in the fragment (a newer launch replaces the stored one) and cleans the URL. */
export function captureCafe24Token(location: Location = window.location, history: History = window.history): void {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
  const token = fragment.get(FRAGMENT_KEY);
  if (!token) return;
  storage()?.setItem(STORAGE_KEY, token);
  ended = false;
  fragment.delete(FRAGMENT_KEY);
  const rest = fragment.toString();
  history.replaceState(history.state, "", `${location.pathname}${location.search}${rest ? `#${rest}` : ""}`);
}

/** Seconds since the epoch the token stops being accepted, or null if it cannot be read. */
function expiryOf(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown };
    return typeof payload.exp === "number" ? payload.exp : null;
  } catch {
    return null;
  }
}

/** True once a Cafe24 session has been opened in this tab (even if it has since ended). */
export function hasCafe24Session(): boolean {
  return Boolean(storage()?.getItem(STORAGE_KEY));
}

/** The stored token while it is still good; null without one, and the session ends once it has expired. */
export function cafe24Token(nowMs = Date.now()): string | null {
  const token = storage()?.getItem(STORAGE_KEY) ?? null;
  if (!token) return null;
  const exp = expiryOf(token);
  if (exp === null || exp * 1000 <= nowMs) {
    endCafe24Session();
    return null;
  }
  return token;
}

/** The server refused the token (expired, signed with a rotated secret…), or it ran out here. */
export function endCafe24Session(): void {
  if (ended) return;
  ended = true;
  for (const listener of listeners) listener();
}

export function cafe24SessionEnded(): boolean {
  return ended;
}

export function onCafe24SessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
