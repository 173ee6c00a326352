import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { connections, mappingVersions } from "@/db/schema";
import { CRM_SCOPE, ERP_SCOPE, type Harness } from "@/lib/connectors/test/sandbox-harness";
import { encryptSecret, parseSecretKey } from "@/lib/crypto/secret-box";
import type { RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import { BC_COMPANY } from "@/lib/sandbox/business-central/bc-service";
import { DEMO_CLIENT } from "@/lib/sandbox/sandbox-settings";

/**
 * Prepares an app database for a `tandem sync` process of its own: connections to the harness's sandboxes over HTTP
 * (stored like a real tenant's, secret encrypted) and `config` published. Returns the environment the process needs.
 */
export async function configureExternalEngine(
  db: Database,
  harness: Harness,
  config: RuntimeConfig,
): Promise<Record<string, string>> {
  const key = randomBytes(32).toString("hex");
  // Each row's ciphertext is bound to its id, so the ids are chosen here rather than by the database.
  const ids = { erp: randomUUID(), crm: randomUUID() };
  const secretFor = (connectionId: string) =>
    encryptSecret(DEMO_CLIENT.clientSecret, parseSecretKey(key), { connectionId });
  await db.update(connections).set({ active: false });
  await db.insert(connections).values([
    {
      id: ids.erp,
      name: "ERP under test",
      system: "erp",
      kind: "real",
      baseUrl: harness.erpUrl,
      tokenUrl: harness.tokenUrl,
      clientId: DEMO_CLIENT.clientId,
      clientSecretEncrypted: secretFor(ids.erp),
      settings: { companyId: BC_COMPANY.id, scope: ERP_SCOPE },
      active: true,
    },
    {
      id: ids.crm,
      name: "CRM under test",
      system: "crm",
      kind: "real",
      baseUrl: harness.crmUrl,
      tokenUrl: harness.tokenUrl,
      clientId: DEMO_CLIENT.clientId,
      clientSecretEncrypted: secretFor(ids.crm),
      settings: { scope: CRM_SCOPE },
      active: true,
    },
  ]);
  const now = new Date();
  await db.insert(mappingVersions).values({
    number: 1,
    status: "published",
    graph: {},
    runtimeConfig: config,
    contentHash: config.version,
    createdAt: now,
    publishedAt: now,
  });
  return { TANDEM_SECRET_KEY: key, TANDEM_SANDBOX: "0" };
}
