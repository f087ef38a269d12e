// A tiny client router on the History API: the server answers index.html for unknown paths, so deep links work.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

interface RouterValue {
  path: string;
  search: URLSearchParams;
  navigate(to: string): void;
  /** While set, leaving the page (in-app navigation, back/forward) asks this question first. */
  setLeaveGuard(question: string | null): void;
}

const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  const leaveGuard = useRef<string | null>(null);
  const current = useRef(location);
  current.current = location;
  const mayLeave = useCallback(() => leaveGuard.current === null || window.confirm(leaveGuard.current), []);
  useEffect(() => {
    const onPop = () => {
      // The browser has already moved: put the page's own URL back if the user chose to stay.
      if (!mayLeave()) return window.history.pushState(null, "", current.current.path + current.current.search);
      leaveGuard.current = null;
      setLocation({ path: window.location.pathname, search: window.location.search });
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [mayLeave]);
  const navigate = useCallback(
    (to: string) => {
      if (!mayLeave()) return;
      leaveGuard.current = null;
      window.history.pushState(null, "", to);
      const url = new URL(to, window.location.origin);
      setLocation({ path: url.pathname, search: url.search });
      window.scrollTo?.(0, 0);
    },
    [mayLeave],
  );
  const setLeaveGuard = useCallback((question: string | null) => {
    leaveGuard.current = question;
  }, []);
  const value = useMemo(
    () => ({ path: location.path, search: new URLSearchParams(location.search), navigate, setLeaveGuard }),
    [location, navigate, setLeaveGuard],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error("useRouter outside RouterProvider");
  return value;
}

/** Matches "/customers/:id"-style patterns; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/").filter(Boolean);
  const s = path.split("/").filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(":")) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}
