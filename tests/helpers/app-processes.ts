// App instances as child processes on one database, for tests that kill them (tests/scale, tests/sync, tests/bench).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AppProcess {
  child: ChildProcess;
  port: number;
  url: string;
  output: string[];
}

/** Runs `entry` (a script under tests/ that prints "LISTENING <port>") with `env`; resolves once it listens. */
export function startAppProcess(entry: string, env: Record<string, string>): Promise<AppProcess> {
  // APP_NODE_ARGS: flags for the app processes only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (written at stopApp).
  const nodeArgs = process.env.APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: "", HOST: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const port = /LISTENING (\d+)/.exec(output.join(""))?.[1];
      if (port) resolve({ child, port: Number(port), url: `http://127.0.0.1:${port}`, output });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.once("exit", (code) => reject(new Error(`app exited (${code}) before listening:\n${output.join("")}`)));
  });
}

export function killHard(app: AppProcess): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    app.child.once("exit", () => resolve());
    app.child.kill("SIGKILL");
  });
}

/** SIGTERM (the app shuts down gracefully), then SIGKILL if it has not exited within `graceMs`. */
export function stopApp(app: AppProcess, graceMs = 10_000): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => app.child.kill("SIGKILL"), graceMs);
    app.child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    app.child.kill("SIGTERM");
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** CPU seconds (user + system) a running app process has used so far; undefined where /proc is not there. */
export function cpuSeconds(app: AppProcess): number | undefined {
  try {
    const fields = readFileSync(`/proc/${app.child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ, what /proc/<pid>/stat counts CPU time in. */
const CLOCK_TICKS = 100;
