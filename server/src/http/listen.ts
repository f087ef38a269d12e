import type { Server } from "node:http";

/** The server could not listen; the message says why and which variable to change (no stack trace needed). */
export class ListenError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = "ListenError";
  }
}

const ACCEPT_QUEUE = 4096;

/** Listens, or rejects with a ListenError: a listen failure is an 'error' event, which unhandled crashes with a stack. */
export function listenOn(server: Server, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException) =>
      reject(new ListenError(explainListenError(err, port, host), { cause: err }));
    server.once("error", fail);
    // A burst of webhook senders opens connections faster than a busy process accepts them; beyond Node's default
    // queue of 511 the kernel drops them and each retries after 1 s, then 3 s (the kernel caps it at somaxconn).
    server.listen({ port, host, backlog: ACCEPT_QUEUE }, () => {
      server.off("error", fail);
      resolve(server);
    });
  });
}

export function explainListenError(err: NodeJS.ErrnoException, port: number, host: string): string {
  switch (err.code) {
    case "EADDRINUSE":
      return `Port ${port} is already in use on ${host}: stop the other process or set PORT`;
    case "EACCES":
      return `Port ${port} needs privileges this user does not have (EACCES): set PORT to 1024 or above`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
      return `HOST ${host} cannot be resolved (${err.code}): set HOST to an address of this machine, e.g. 127.0.0.1 or 0.0.0.0`;
    case "EADDRNOTAVAIL":
      return `HOST ${host} is not an address of this machine (EADDRNOTAVAIL): set HOST to one of its addresses, e.g. 127.0.0.1 or 0.0.0.0`;
    default:
      return `Cannot listen on ${host}:${port} (${err.code ?? "unknown error"}): ${err.message}`;
  }
}
