import express, { type Express, type RequestHandler, type Router } from "express";
import type { Db, DbKind } from "../db/database.js";
import { errorHandler } from "./error-handler.js";
import { NotFoundError } from "../domain/shared/errors.js";
import { healthRoutes } from "./routes/health.routes.js";
import { securityHeaders, type ServingMode } from "./security-headers.js";

export interface Mount {
  path: string;
  handler: Router | RequestHandler;
}

export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  /** Decides the frame-ancestors policy and HSTS (production only); demo when unset. */
  mode?: ServingMode;
  /** Mounted before any body parser: routes that must see the raw body (webhooks, HMAC checks). */
  rawMounts?: Mount[];
  /** Mounted after the JSON parser. */
  mounts?: Mount[];
  /** Mounted last, e.g. the built admin UI and its SPA fallback. */
  staticMounts?: Mount[];
}

/** Builds the Express app without listening, so tests can drive it directly. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders(deps.mode ?? "demo"));
  app.use(healthRoutes(deps));
  for (const m of deps.rawMounts ?? []) app.use(m.path, m.handler);
  app.use(express.json({ limit: "1mb" }));
  for (const m of deps.mounts ?? []) app.use(m.path, m.handler);
  // The admin API answers JSON even for paths it does not have (never the UI's HTML shell).
  app.use("/api", (req, _res, next) =>
    next(new NotFoundError(`No such endpoint: ${req.method} ${req.baseUrl}${req.path}`)),
  );
  for (const m of deps.staticMounts ?? []) app.use(m.path, m.handler);
  app.use(errorHandler());
  return app;
}
