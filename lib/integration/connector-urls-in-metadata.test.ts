import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRM_SCOPE, ERP_SCOPE } from "@/lib/connectors/test/sandbox-harness";
import { compileModel } from "@/lib/mapping/compile/compile";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { BC_SALES_RULES } from "@/lib/rules/bc-sales";
import { SANDBOX_PATHS } from "@/lib/sandbox/sandbox-runtime";
import { seedSandboxIfEmpty } from "@/lib/sandbox/seed-sandbox";
import { parseMetadata, type MetadataModel } from "@/lib/sandbox/test/metadata-model";
import { recordingFetch, type RecordedRequest } from "@/lib/sandbox/test/recorded-requests";
import { checkUrl } from "@/lib/sandbox/test/url-against-metadata";
import { runFullSync } from "@/lib/sync/engine/full-sync";
import { startSyncHarness, type SyncHarness } from "./test/sync-harness";

/**
 * Every URL the connectors send during the demo's full synchronization — inside $batch bodies too — names only what
 * the sandbox's own $metadata declares, so a client generated from that document can make the same calls.
 */
describe("connector URLs against the sandboxes' $metadata", () => {
  let h: SyncHarness;
  let requests: RecordedRequest[];
  const documents = new Map<string, MetadataModel>();

  /** The service root a URL belongs to: Dataverse's, or the Business Central API before `companies(…)`. */
  const rootOf = (url: URL) => {
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith(SANDBOX_PATHS.crm)) return SANDBOX_PATHS.crm;
    const api = /^(.*?)\/(?:companies\b|\$batch$|\$metadata$)/.exec(path.slice(SANDBOX_PATHS.erp.length))?.[1];
    return api === undefined ? null : `${SANDBOX_PATHS.erp}${api}`;
  };
  const metadataOf = async (root: string) => {
    if (!documents.has(root)) {
      const token = await h.harness.tokens(root.startsWith(SANDBOX_PATHS.crm) ? CRM_SCOPE : ERP_SCOPE).token();
      const response = await fetch(`${h.harness.served.origin}${root}/$metadata`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status, root).toBe(200);
      documents.set(root, parseMetadata(await response.text()));
    }
    return documents.get(root)!;
  };
  const problemsOf = async (url: string) => {
    const parsed = new URL(url);
    const root = rootOf(parsed);
    if (!root) return [`no service root in ${parsed.pathname}`];
    return checkUrl(await metadataOf(root), decodeURIComponent(parsed.pathname).slice(root.length), parsed.search);
  };

  beforeAll(async () => {
    h = await startSyncHarness(compileModel(bcSalesTemplateModel(), { catalogs: STATIC_CATALOGS }).config!);
    await seedSandboxIfEmpty(h.harness.database.db);
    const recorder = recordingFetch();
    await runFullSync(h.context({ rules: BC_SALES_RULES, connector: { fetch: recorder.fetch } }), null);
    requests = recorder.requests.filter((r) => !new URL(r.url).pathname.startsWith(SANDBOX_PATHS.token));
  }, 180_000);
  afterAll(async () => h?.close());

  it("should declare every path segment and every property the connectors name when they run a full sync", async () => {
    const problems: string[] = [];
    for (const request of requests)
      for (const problem of await problemsOf(request.url))
        problems.push(`${request.method} ${decodeURIComponent(request.url)}: ${problem}`);
    expect([...new Set(problems)]).toEqual([]);
  });

  it("should have checked the kinds of URL a sync sends when the demo runs", () => {
    const paths = requests.map(
      (r) => `${r.inBatch ? "batched " : ""}${r.method} ${decodeURIComponent(new URL(r.url).pathname)}`,
    );
    for (const expected of [
      /^POST .*\/sandbox\/crm\/.*\/\$batch$/,
      /^POST .*\/sandbox\/erp\/.*\/\$batch$/,
      /^batched POST \/sandbox\/crm\//,
      /^batched POST \/sandbox\/erp\/.*companies\(/,
      /\/WhoAmI$/,
      /\/InsertOptionValue$/,
      /\/UpdateOptionValue$/,
      /EntityDefinitions\(.*\/Microsoft\.Dynamics\.CRM\.PicklistAttributeMetadata$/,
      /^GET \/sandbox\/erp\/.*\/companies\([^)]+\)\/\w+$/,
    ]) {
      expect(
        paths.some((p) => expected.test(p)),
        String(expected),
      ).toBe(true);
    }
    expect(
      requests.some((r) => /\$filter=/.test(decodeURIComponent(r.url)) && /\$select=/.test(decodeURIComponent(r.url))),
    ).toBe(true);
    // The review's recommendations count exactly ($count on a query), never from RetrieveTotalRecordCount's snapshot.
    expect(
      requests.some((r) => r.url.includes("/sandbox/crm/") && /\$count=true/.test(decodeURIComponent(r.url))),
    ).toBe(true);
    expect(requests.some((r) => r.url.includes("RetrieveTotalRecordCount"))).toBe(false);
  });

  it("should name what the metadata does not declare when a URL strays from it", async () => {
    const crm = `${h.harness.crmUrl}`;
    const erp = `${h.harness.erpUrl}/v2.0/companies(00000000-0000-0000-0000-000000000001)`;
    expect(await problemsOf(`${crm}/nosuchset`)).toEqual(["no entity set or operation import 'nosuchset'"]);
    expect(await problemsOf(`${crm}/accounts?$select=name,nosuchcolumn&$filter=nosuchfilter eq 'x'`)).toEqual([
      "$select: no property of Microsoft.Dynamics.CRM.account named 'nosuchcolumn'",
      "$filter: no property of Microsoft.Dynamics.CRM.account named 'nosuchfilter'",
    ]);
    expect(await problemsOf(`${crm}/RetrieveTotalRecordCount(Names=['account'])`)).toEqual([
      "no parameter 'Names' of Microsoft.Dynamics.CRM.RetrieveTotalRecordCount",
    ]);
    expect(await problemsOf(`${crm}/accounts/Microsoft.Dynamics.CRM.NoSuchAction`)).toHaveLength(1);
    expect(await problemsOf(`${erp}/nosuchset`)).toEqual([
      "no navigation property of Microsoft.NAV.company named 'nosuchset'",
    ]);
  });
});
