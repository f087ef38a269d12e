import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "../api/client.js";

export interface ApiState<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (null = skip) and refetches when it changes; keeps the last data while reloading. */
export function useApi<T>(path: string | null, options: { pollMs?: number } = {}): ApiState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const pollMs = options.pollMs;
  const pathRef = useRef(path);
  pathRef.current = path;
  // A poll never cancels the request before it: one slower than the interval would otherwise never answer.
  const inFlight = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the reload trigger, not read inside
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    inFlight.current = true;
    apiFetch<T>(path, { signal: controller.signal }).then(
      (result) => {
        inFlight.current = false;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        inFlight.current = false;
        setError(err instanceof Error ? err : new Error(String(err)));
        setLoading(false);
      },
    );
    return () => {
      inFlight.current = false;
      controller.abort();
    };
  }, [path, tick]);

  useEffect(() => {
    if (!pollMs || path === null) return;
    const timer = setInterval(() => {
      if (!inFlight.current) reload();
    }, pollMs);
    return () => clearInterval(timer);
  }, [pollMs, path, reload]);

  return { data, error, loading, reload };
}
