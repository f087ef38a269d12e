// A burst of new connections (Shopify's webhook senders open many at once) must wait in the kernel's accept queue
// while the process is busy, not be dropped: a dropped SYN is retried after 1 s, then 3 s, so Node's default
// backlog of 511 turned a 5,000-delivery burst into multi-second answers. A queued connection is complete for the
// client (its "connect" fires) before the busy process accepts it; a dropped one is not.
import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const CONNECTIONS = 1500;
// The kernel's own cap on any accept queue: below the burst, no listen option could hold it.
const SOMAXCONN = Number(readFileSync("/proc/sys/net/core/somaxconn", "utf8"));

const message = (child: ChildProcess) => new Promise<unknown>((resolve) => child.once("message", resolve));

describe("listenOn: the accept queue", () => {
  const child = fork(path.join(import.meta.dirname, "fixtures/blocked-listener.ts"), {
    execArgv: ["--import", "tsx"],
  });
  const sockets: Socket[] = [];
  afterAll(() => {
    for (const s of sockets) s.destroy();
    child.kill("SIGKILL");
  });

  it.skipIf(SOMAXCONN < CONNECTIONS)(
    `holds ${CONNECTIONS} connections opened at once while the process is busy`,
    async () => {
      const { port } = (await message(child)) as { port: number };
      child.send("block");
      expect(await message(child)).toBe("blocking");
      const unblocked = message(child);
      let connected = 0;
      const all = Array.from({ length: CONNECTIONS }, () => {
        const socket = connect(port, "127.0.0.1");
        sockets.push(socket);
        return new Promise((resolve, reject) =>
          socket.once("connect", () => resolve(++connected)).once("error", reject),
        );
      });
      await unblocked;
      const whileBusy = connected;
      await Promise.all(all);
      expect(whileBusy).toBe(CONNECTIONS);
    },
    30_000,
  );
});
