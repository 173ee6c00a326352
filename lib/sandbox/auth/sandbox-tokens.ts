import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "@/db/drivers/types";
import { sandboxTokens } from "@/db/schema";
import type { SystemSide } from "@/db/schema/enums";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export type TokenHolder = { system: SystemSide; clientId: string; expiresAt: number };

/** Issues and checks the sandbox's bearer tokens; a small cache spares a query per API request. */
export class SandboxTokens {
  private readonly cache = new Map<string, TokenHolder>();

  constructor(private readonly db: Database) {}

  async issue(system: SystemSide, clientId: string, lifetimeSeconds: number, now = Date.now()): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = now + lifetimeSeconds * 1000;
    await this.db
      .insert(sandboxTokens)
      .values({ tokenHash: hash(token), system, clientId, expiresAt: new Date(expiresAt) });
    await this.db.delete(sandboxTokens).where(lt(sandboxTokens.expiresAt, new Date(now - 60_000)));
    this.cache.set(hash(token), { system, clientId, expiresAt });
    return token;
  }

  async verify(token: string, now = Date.now()): Promise<TokenHolder | null> {
    const key = hash(token);
    let holder = this.cache.get(key);
    if (!holder) {
      const [row] = await this.db
        .select()
        .from(sandboxTokens)
        .where(and(eq(sandboxTokens.tokenHash, key), gt(sandboxTokens.expiresAt, new Date(now))))
        .limit(1);
      if (!row) return null;
      holder = { system: row.system, clientId: row.clientId, expiresAt: row.expiresAt.getTime() };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, holder);
    }
    return holder.expiresAt > now ? holder : null;
  }
}
