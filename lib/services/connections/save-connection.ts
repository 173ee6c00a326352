import { randomUUID } from "node:crypto";
import { and, eq, ne, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { connectionPairs, connections, type Connection } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import { secretKey } from "@/lib/server/secrets";
import { parseInput } from "@/lib/validation";
import { writeAudit } from "../audit/write-audit";
import { hasSqlState, requireRole, UNIQUE_VIOLATION, withTransaction, type ServiceContext } from "../context";
import { businessCentralEndpoints, dataverseEndpoints } from "./connection-endpoints";
import {
  BusinessCentralConnectionInput,
  ConnectionIdInput,
  DataverseConnectionInput,
  type ConnectionInputValue,
} from "./connection-schemas";
import { toConnectionView, type ConnectionView } from "./connection-view";

/** Validates a connection form: the right schema for its system, so each field error names its own field. */
export function parseConnectionInput(input: unknown): ConnectionInputValue {
  const system = (input as { system?: unknown } | null)?.system;
  if (system === "crm") return parseInput(DataverseConnectionInput, input);
  if (system === "erp") return parseInput(BusinessCentralConnectionInput, input);
  throw new AppError("VALIDATION_FAILED", "system must be erp (Business Central) or crm (Dataverse)", {
    fieldErrors: { system: ["system must be erp (Business Central) or crm (Dataverse)"] },
  });
}

/** The row a form describes: URLs derived from tenant and environment, the non-secret parts in settings. */
export function rowFromInput(input: ConnectionInputValue) {
  if (input.system === "crm") {
    const endpoints = dataverseEndpoints(input);
    return {
      endpoints,
      values: {
        system: "crm" as const,
        baseUrl: endpoints.baseUrl,
        tokenUrl: endpoints.tokenUrl,
        clientId: input.clientId,
        settings: { scope: endpoints.scope, tenantId: input.tenantId ?? null, environmentUrl: input.environmentUrl },
        name: input.name ?? `Dataverse ${new URL(input.environmentUrl).host}`,
      },
    };
  }
  const endpoints = businessCentralEndpoints(input);
  return {
    endpoints,
    values: {
      system: "erp" as const,
      baseUrl: endpoints.baseUrl,
      tokenUrl: endpoints.tokenUrl,
      clientId: input.clientId,
      settings: {
        scope: endpoints.scope,
        tenantId: input.tenantId ?? null,
        environment: input.environment ?? null,
        companyId: input.companyId ?? null,
      },
      name: input.name ?? `Business Central ${input.environment ?? new URL(endpoints.baseUrl).host}`,
    },
  };
}

/** Whether an edit points a connection that is part of a pair at another service root or company. */
async function movesTenant(tx: DbOrTx, existing: Connection, values: ReturnType<typeof rowFromInput>["values"]) {
  const company = (settings: Record<string, unknown>) => settings.companyId ?? null;
  if (existing.baseUrl === values.baseUrl && company(existing.settings) === company(values.settings)) return false;
  const [paired] = await tx
    .select({ id: connectionPairs.id })
    .from(connectionPairs)
    .where(or(eq(connectionPairs.erpConnectionId, existing.id), eq(connectionPairs.crmConnectionId, existing.id)))
    .limit(1);
  return Boolean(paired);
}

async function activate(tx: DbOrTx, row: Connection): Promise<void> {
  await tx
    .update(connections)
    .set({ active: false })
    .where(and(eq(connections.system, row.system), ne(connections.id, row.id)));
  await tx.update(connections).set({ active: true, updatedAt: new Date() }).where(eq(connections.id, row.id));
}

/**
 * Creates or edits a real-tenant connection. The secret is encrypted with the connection's id bound in; an edit
 * without a new secret keeps the stored one. `activate` makes it the connection its system syncs through: the new
 * pair starts with no couplings, and the old pair's stay under it, read-only.
 */
export async function saveConnection(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<{ connection: ConnectionView; warnings: string[] }> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseConnectionInput(args.input);
  const { values, endpoints } = rowFromInput(input);
  const secret = input.clientSecret?.length ? input.clientSecret : null;
  try {
    const row = await withTransaction(ctx, async (tx) => {
      const [existing] = input.id ? await tx.select().from(connections).where(eq(connections.id, input.id)) : [];
      if (input.id && !existing) throw new AppError("NOT_FOUND", "No connection with that id.");
      if (existing?.kind === "sandbox")
        throw new AppError("CONFLICT", "The built-in sandbox connections cannot be edited; add a connection instead.");
      if (existing && existing.system !== values.system)
        throw new AppError("VALIDATION_FAILED", "A connection cannot change its system.");
      if (existing && (await movesTenant(tx, existing, values)))
        throw new AppError(
          "CONFLICT",
          "This connection has synchronized: pointing it at another environment or company would mix two tenants' couplings. Add a new connection instead.",
          {
            fieldErrors: {
              [values.system === "crm" ? "environmentUrl" : "companyId"]: ["add a new connection for another tenant"],
            },
          },
        );
      if (!existing && !secret)
        throw new AppError("VALIDATION_FAILED", "enter the client secret", {
          fieldErrors: { clientSecret: ["enter the client secret"] },
        });
      const id = existing?.id ?? randomUUID();
      const encrypted = secret
        ? encryptSecret(secret, secretKey(), { connectionId: id })
        : existing!.clientSecretEncrypted;
      const [saved] = existing
        ? await tx
            .update(connections)
            .set({ ...values, clientSecretEncrypted: encrypted, updatedAt: new Date() })
            .where(eq(connections.id, id))
            .returning()
        : await tx
            .insert(connections)
            .values({ ...values, id, kind: "real", clientSecretEncrypted: encrypted })
            .returning();
      if (input.activate) await activate(tx, saved!);
      await writeAudit(tx, ctx.actor, {
        action: existing ? "connection.update" : "connection.create",
        targetType: "connection",
        targetId: id,
        details: {
          system: values.system,
          name: values.name,
          baseUrl: values.baseUrl,
          tokenUrl: values.tokenUrl,
          secretReplaced: Boolean(secret && existing),
          activated: input.activate,
        },
      });
      const [fresh] = await tx.select().from(connections).where(eq(connections.id, id));
      return fresh!;
    });
    return { connection: toConnectionView(row), warnings: endpoints.warnings };
  } catch (error) {
    if (hasSqlState(error, UNIQUE_VIOLATION))
      throw new AppError("CONFLICT", `A connection named ${values.name} exists already.`, {
        fieldErrors: { name: ["this name is taken"] },
      });
    throw error;
  }
}

/** Makes a connection (a sandbox one too) the one its system syncs through. */
export async function activateConnection(args: { ctx: ServiceContext; input: unknown }): Promise<ConnectionView> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const { id } = parseInput(ConnectionIdInput, args.input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(connections).where(eq(connections.id, id));
    if (!row) throw new AppError("NOT_FOUND", "No connection with that id.");
    await activate(tx, row);
    await writeAudit(tx, ctx.actor, {
      action: "connection.activate",
      targetType: "connection",
      targetId: id,
      details: { system: row.system, name: row.name },
    });
    const [fresh] = await tx.select().from(connections).where(eq(connections.id, id));
    return toConnectionView(fresh!);
  });
}
