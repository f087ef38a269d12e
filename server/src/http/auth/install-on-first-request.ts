import type { RequestHandler } from "express";
import type { InstallService } from "../../services/install.service.js";

/**
 * Shopify mode, after the admin auth: the first request from a shop without an offline token installs it
 * (token exchange of this very session token). Later requests cost one indexed lookup. A Cafe24 admin token is
 * not Shopify's to exchange: Cafe24 malls install through their OAuth callback.
 */
export function installOnFirstRequest(install: Pick<InstallService, "ensureInstalled">): RequestHandler {
  return (req, res, next) => {
    const token = /^Bearer (\S+)$/.exec(req.get("authorization") ?? "")?.[1];
    const shop = res.locals.shop;
    if (!token || typeof shop !== "string" || res.locals.platform === "cafe24") return next();
    install.ensureInstalled(shop, token).then(() => next(), next);
  };
}
