import { beforeAll, expect, it } from "vitest";
import { describeEachDriver } from "@/db/test/test-database";
import { toODataFilter } from "@/lib/mapping/filter/odata-filter";
import { toPredicate } from "@/lib/mapping/filter/filter-predicate";
import { findEntity, findField } from "@/lib/mapping/model/catalog";
import { f, type FilterAst } from "@/lib/mapping/model/filter";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { parseFilter } from "../odata/filter-parser";
import { buildShape } from "./entity-shape";
import { filterToSql } from "./filter-sql";
import { SandboxStore } from "./sandbox-store";

const accounts = findEntity(STATIC_CATALOGS.crm, "accounts")!;
const owner = crypto.randomUUID();
const ROWS: Record<string, unknown>[] = [
  { name: "Adatum", creditlimit: 1000, customertypecode: 3, statecode: 0, ownerid: owner },
  { name: "adatum corp", creditlimit: 0, customertypecode: 11, statecode: 1 },
  { name: "50% off_sale", creditlimit: null, customertypecode: 3, statecode: 0 },
  { name: "O'Brien", customertypecode: null, statecode: 0, description: "note" },
  { name: null, creditlimit: 2500.5, statecode: 0 },
];

const CASES: [string, FilterAst][] = [
  ["equal text in another case", f.eq("name", "ADATUM")],
  ["not equal with nulls", f.ne("creditlimit", 1000)],
  ["greater than with a null", f.gt("creditlimit", 500)],
  ["not of a comparison with a null", f.not(f.gt("creditlimit", 500))],
  ["contains with wildcard characters as text", f.contains("name", "% off_")],
  ["not contains on a null name", f.not(f.contains("name", "adatum"))],
  ["starts with a quote", f.startsWith("name", "O'")],
  ["or of unknown and true", f.or(f.contains("name", "zzz"), f.eq("statecode", 0))],
  ["and with an in-list", f.and(f.in("customertypecode", [3, 11]), f.ne("statecode", 1))],
  ["a lookup is null", f.eq("ownerid", null)],
  ["a lookup equals an id", f.eq("ownerid", owner)],
  ["a null option is not 3", f.ne("customertypecode", 3)],
];

describeEachDriver("the sandbox's SQL and the in-memory predicate", (database) => {
  let store: SandboxStore;
  const ids: string[] = [];
  beforeAll(async () => {
    store = new SandboxStore(database().db, "crm");
    for (const row of ROWS) {
      const id = crypto.randomUUID();
      ids.push(id);
      await store.write("accounts", {
        id,
        data: Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)),
      });
    }
  });

  it.each(CASES)("should select the same records for %s", async (_label, filter) => {
    const text = toODataFilter(filter, { dialect: "dataverse", field: (name) => findField(accounts, name) });
    const where = filterToSql(parseFilter(text, "dataverse"), buildShape(accounts, "crm"), "dataverse");
    const fromSql = (await store.query({ entity: "accounts", where, limit: 100 })).map((r) => r.id).sort();
    const predicate = toPredicate(filter, { field: (name) => findField(accounts, name) });
    const inMemory = ROWS.map((row, i) => (predicate(row) ? ids[i]! : null))
      .filter((id): id is string => id !== null)
      .sort();
    expect(fromSql).toEqual(inMemory);
  });

  it("should report changes since a sequence, deletes last, when records change", async () => {
    const start = await store.lastSequence("accounts");
    await store.write("accounts", { id: ids[0]!, data: { name: "Adatum 2" } });
    await store.delete("accounts", ids[1]!);
    const changes = await store.changesSince("accounts", start);
    expect(changes.upserted.map((r) => r.id)).toEqual([ids[0]]);
    expect(changes.deleted).toEqual([ids[1]]);
    expect(changes.lastSequence).toBeGreaterThan(start);
    expect(typeof changes.lastSequence).toBe("number");
  });
});
