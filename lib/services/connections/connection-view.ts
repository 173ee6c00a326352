import type { Connection } from "@/db/schema";

/** A connection as a browser or the CLI may see it: the secret only as set/unset. */
export type ConnectionView = {
  id: string;
  name: string;
  system: "erp" | "crm";
  kind: "sandbox" | "real";
  active: boolean;
  baseUrl: string;
  tokenUrl: string | null;
  clientId: string | null;
  secretSet: boolean;
  tenantId: string | null;
  environment: string | null;
  environmentUrl: string | null;
  companyId: string | null;
  updatedAt: string;
};

export function toConnectionView(row: Connection): ConnectionView {
  const settings = row.settings as Record<string, unknown>;
  const text = (key: string) => (typeof settings[key] === "string" ? (settings[key] as string) : null);
  return {
    id: row.id,
    name: row.name,
    system: row.system,
    kind: row.kind,
    active: row.active,
    baseUrl: row.baseUrl,
    tokenUrl: row.tokenUrl,
    clientId: row.clientId,
    secretSet: row.kind === "sandbox" || Boolean(row.clientSecretEncrypted),
    tenantId: text("tenantId"),
    environment: text("environment"),
    environmentUrl: text("environmentUrl"),
    companyId: text("companyId"),
    updatedAt: row.updatedAt.toISOString(),
  };
}
