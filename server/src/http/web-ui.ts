import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";

/** Serves the built admin UI (web/dist) with an SPA fallback for client-side routes. */
export function webUiRoutes(distDir: string): Router {
  const router = Router();
  const indexHtml = path.join(distDir, "index.html");
  router.use(express.static(distDir, { index: false }));
  router.get("/{*splat}", (req, res, next) => {
    if (req.path.startsWith("/api/") || !fs.existsSync(indexHtml)) return next();
    res.sendFile(indexHtml);
  });
  return router;
}
