import type { Connection } from "@/db/schema";
import type { AccessCheck } from "@/lib/connectors/access/access-check";
import type { BcCompany } from "@/lib/connectors/access/business-central-access";
import { BusinessCentralConnector } from "@/lib/connectors/business-central/business-central-connector";
import { DataverseConnector } from "@/lib/connectors/dataverse/dataverse-connector";
import { AppError } from "@/lib/errors";
import { connectorFor } from "@/lib/integration/build-connectors";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import type { Side } from "@/lib/mapping/model/direction";
import { writeAudit } from "../audit/write-audit";
import { requireRole, withTransaction, type ServiceContext } from "../context";
import { getConnectionRow } from "./list-connections";
import { parseConnectionInput, rowFromInput } from "./save-connection";

export type ConnectionTest = { ok: boolean; checks: AccessCheck[]; companies?: BcCompany[]; warnings: string[] };

// One attempt and a short timeout: Test connection answers in seconds and says what to fix, not retries for minutes.
const PROBE = { retry: { maxAttempts: 1 }, timeoutMs: 15_000 };
/** A form not saved yet has no id: nothing is encrypted for it, and its audit row names no connection. */
const DRAFT_ID = "00000000-0000-4000-8000-000000000000";
const FALLBACK_ENTITIES: Record<Side, string[]> = { erp: ["customers", "contacts"], crm: ["accounts", "contacts"] };

async function mappedEntities(ctx: ServiceContext, side: Side): Promise<string[]> {
  const published = await loadPublishedConfig(ctx.db).catch(() => null);
  const names = published?.config.mappings.map((m) => m[side].entity) ?? FALLBACK_ENTITIES[side];
  return [...new Set(names)];
}

/** Runs the checks against one connection row (saved, or a form not saved yet). */
async function probe(ctx: ServiceContext, row: Connection, clientSecret?: string): Promise<ConnectionTest> {
  const { connector } = connectorFor(ctx.db, row, { ...PROBE, clientSecret });
  const entities = await mappedEntities(ctx, row.system);
  if (connector instanceof DataverseConnector) {
    const checks = await connector.checkAccess(entities);
    return { ok: checks.every((c) => c.status === "ok"), checks, warnings: [] };
  }
  if (connector instanceof BusinessCentralConnector) {
    const { checks, companies } = await connector.checkAccess(entities);
    return { ok: checks.every((c) => c.status === "ok"), checks, companies, warnings: [] };
  }
  throw new AppError("INTERNAL", "Unknown connector.");
}

/**
 * Test connection: `{ id }` tests a saved connection; a whole form (with or without an id) tests what was entered,
 * before saving — with the stored secret when the form leaves it empty. Business Central answers its companies, to
 * pick from. Nothing is written but the audit row.
 */
export async function testConnection(args: { ctx: ServiceContext; input: unknown }): Promise<ConnectionTest> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = args.input as { id?: unknown; system?: unknown } | null;
  let result: ConnectionTest;
  let row: Connection;
  if (input && typeof input === "object" && "system" in input) {
    const form = parseConnectionInput(input);
    const saved = form.id ? await getConnectionRow(ctx, form.id) : null;
    if (form.id && !saved) throw new AppError("NOT_FOUND", "No connection with that id.");
    if (saved && saved.system !== form.system)
      throw new AppError("VALIDATION_FAILED", "A connection cannot change its system.");
    const { values, endpoints } = rowFromInput(form);
    const secret = form.clientSecret?.length ? form.clientSecret : undefined;
    if (!secret && !saved?.clientSecretEncrypted)
      throw new AppError("VALIDATION_FAILED", "enter the client secret", {
        fieldErrors: { clientSecret: ["enter the client secret"] },
      });
    row = {
      ...(saved ?? { id: DRAFT_ID, createdAt: new Date(), active: false }),
      ...values,
      kind: "real",
      clientSecretEncrypted: saved?.clientSecretEncrypted ?? null,
      updatedAt: new Date(),
    } as Connection;
    result = { ...(await probe(ctx, row, secret)), warnings: endpoints.warnings };
  } else {
    const id = typeof input?.id === "string" ? input.id : "";
    const saved = /^[0-9a-f-]{36}$/i.test(id) ? await getConnectionRow(ctx, id) : null;
    if (!saved) throw new AppError("NOT_FOUND", "No connection with that id.");
    row = saved;
    result = await probe(ctx, row);
  }
  await withTransaction(ctx, (tx) =>
    writeAudit(tx, ctx.actor, {
      action: "connection.test",
      targetType: "connection",
      targetId: row.id === DRAFT_ID ? null : row.id,
      details: {
        system: row.system,
        baseUrl: row.baseUrl,
        ok: result.ok,
        failed: result.checks.filter((c) => c.status === "failed").map((c) => c.label),
      },
    }),
  );
  return result;
}
