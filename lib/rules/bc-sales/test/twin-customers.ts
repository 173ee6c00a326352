import { compileModel } from "@/lib/mapping/compile/compile";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { coupleDirectly } from "@/lib/sync/test/couple";
import { startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { BC_SALES_RULES } from "..";

const MAPPINGS = [
  "SALESPEOPLE",
  "CURRENCY",
  "PAYMENT TERMS",
  "SHIPMENT METHOD",
  "SHIPPING AGENT",
  "CUSTOMER",
  "CONTACT",
  "OPPORTUNITY",
];

export type TwinCustomers = {
  h: SyncHarness;
  run: (mapping: string, flow: "erp-to-crm" | "crm-to-erp", create?: boolean) => ReturnType<SyncHarness["run"]>;
  /** The two customers' company contacts (CT000010, CT000020) and their accounts. */
  companies: [string, string];
  accounts: [string, string];
  users: { jim: string; peter: string };
  coupledCrm: (mapping: string, erpId: string) => Promise<string | undefined>;
};

/**
 * Two ERP customers of the same name ("Contoso"), each with its company contact linked by a Contact Business Relation,
 * created as two accounts by the template's CUSTOMER over both sandboxes; salespeople JO and PS coupled to Jim and
 * Peter. A match by name cannot tell the two apart; the business relation can.
 */
export async function startTwinCustomers(): Promise<TwinCustomers> {
  const model = bcSalesTemplateModel();
  const h = await startSyncHarness(
    compileModel({ mappings: model.mappings.filter((m) => MAPPINGS.includes(m.name)) }, { catalogs: STATIC_CATALOGS })
      .config!,
  );
  const ctx = () => h.context({ rules: BC_SALES_RULES });
  const run: TwinCustomers["run"] = (mapping, flow, create = false) =>
    h.run(mapping, { direction: flow, ...(create ? { mode: "full", createUncoupled: true } : {}) }, ctx());
  const [jim, peter] = await h.seed("crm", "systemusers", [
    { fullname: "Jim Olive", internalemailaddress: "jim@contoso.test", isdisabled: false, islicensed: true },
    { fullname: "Peter Saddow", internalemailaddress: "peter@contoso.test", isdisabled: false, islicensed: true },
  ]);
  const [jo, ps] = await h.seed("erp", "salespeoplePurchasers", [
    { code: "JO", displayName: "Jim Olive", email: "jim@contoso.test" },
    { code: "PS", displayName: "Peter Saddow", email: "peter@contoso.test" },
  ]);
  await coupleDirectly(h.harness.database.db, h.pairId, "SALESPEOPLE", jo!, jim!);
  await coupleDirectly(h.harness.database.db, h.pairId, "SALESPEOPLE", ps!, peter!);
  const customers = await h.seed("erp", "customers", [
    { number: "10000", displayName: "Contoso", city: "Boston", blocked: "_x0020_" },
    { number: "20000", displayName: "Contoso", city: "Denver", blocked: "_x0020_" },
  ]);
  await h.seed(
    "erp",
    "contacts",
    customers.map((customerId, i) => {
      const number = `CT0000${i + 1}0`;
      return {
        number,
        type: "Company",
        displayName: "Contoso",
        companyNumber: number,
        companyName: "Contoso",
        contactBusinessRelation: "Customer",
        customerId,
      };
    }),
  );
  await run("CUSTOMER", "erp-to-crm", true);
  const coupledCrm = async (mapping: string, erpId: string) =>
    (await h.couplingsOf(mapping)).find((c) => c.erpId === erpId)?.crmId;
  const accounts = (await Promise.all(customers.map((id) => coupledCrm("CUSTOMER", id)))) as [string, string];
  return { h, run, companies: ["CT000010", "CT000020"], accounts, users: { jim: jim!, peter: peter! }, coupledCrm };
}
