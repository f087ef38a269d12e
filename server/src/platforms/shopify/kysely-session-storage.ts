import { Session, type OnlineAccessInfo } from "@shopify/shopify-api";
import type { Db } from "../../db/database.js";
import * as sessions from "../../db/repositories/session.repository.js";

/**
 * shopify-api's SessionStorage contract (the five methods of @shopify/shopify-app-session-storage) on Kysely,
 * so sessions live in the same SQLite/PostgreSQL database as everything else. Persists the refresh token and
 * its expiry, which expiring offline tokens need.
 */
export class KyselySessionStorage {
  constructor(private readonly db: Db) {}

  async storeSession(session: Session): Promise<boolean> {
    await sessions.upsertSession(this.db, toRow(session));
    return true;
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const row = await sessions.findSessionById(this.db, id);
    return row ? fromRow(row) : undefined;
  }

  async deleteSession(id: string): Promise<boolean> {
    await sessions.deleteSessionsById(this.db, [id]);
    return true;
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    await sessions.deleteSessionsById(this.db, ids);
    return true;
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    return (await sessions.findSessionsByShop(this.db, shop)).map(fromRow);
  }
}

function toRow(session: Session): sessions.SessionRow {
  return {
    id: session.id,
    shop: session.shop,
    state: session.state,
    is_online: session.isOnline ? 1 : 0,
    scope: session.scope ?? null,
    expires: session.expires ? session.expires.toISOString() : null,
    access_token: session.accessToken ?? null,
    refresh_token: session.refreshToken ?? null,
    refresh_token_expires: session.refreshTokenExpires ? session.refreshTokenExpires.toISOString() : null,
    online_access_info: session.onlineAccessInfo ? JSON.stringify(session.onlineAccessInfo) : null,
  };
}

function fromRow(row: sessions.SessionRow): Session {
  return new Session({
    id: row.id,
    shop: row.shop,
    state: row.state,
    isOnline: row.is_online === 1,
    scope: row.scope ?? undefined,
    expires: row.expires ? new Date(row.expires) : undefined,
    accessToken: row.access_token ?? undefined,
    refreshToken: row.refresh_token ?? undefined,
    refreshTokenExpires: row.refresh_token_expires ? new Date(row.refresh_token_expires) : undefined,
    onlineAccessInfo: row.online_access_info ? (JSON.parse(row.online_access_info) as OnlineAccessInfo) : undefined,
  });
}
