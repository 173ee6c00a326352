import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { f } from "@/lib/mapping/model/filter";
import type { ChangePage } from "../connector";
import { startHarness, type Harness } from "../test/sandbox-harness";

const accounts = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    data: { name: `${prefix} ${i}`, statecode: 0, statuscode: 1 },
  }));

describe("Dataverse connector counts", () => {
  let h: Harness;
  const sent: string[] = [];
  const recording = () =>
    h.dataverse({
      fetch: (request: Request) => (sent.push(decodeURIComponent(new URL(request.url).pathname)), fetch(request)),
    });
  beforeAll(async () => {
    h = await startHarness();
    await h.runtime.stores.crm.insertMany("accounts", accounts("Counted", 30));
  });
  afterAll(() => h?.close());

  it("should count an option-set pseudo-entity from its options when it never sends RetrieveTotalRecordCount for it", async () => {
    sent.length = 0;
    const connector = recording();
    const options = ((await connector.readChanges({ entity: "account.paymenttermscode" }).next()).value as ChangePage)
      .records;
    expect(options.length).toBeGreaterThan(1);
    expect(await connector.count("account.paymenttermscode")).toBe(options.length);
    expect(await connector.count("account.paymenttermscode", undefined, { exact: true })).toBe(options.length);
    expect(await connector.count("account.paymenttermscode", f.eq("value", Number(options[0]!.values.value)))).toBe(1);
    expect(sent.filter((path) => path.includes("RetrieveTotalRecordCount"))).toEqual([]);
  });

  it("should answer an estimate from the day's snapshot when it counts without a filter", async () => {
    const connector = h.dataverse();
    const estimate = await connector.count("accounts");
    await h.runtime.stores.crm.insertMany("accounts", accounts("Added later", 5));
    expect(await connector.count("accounts")).toBe(estimate);
    expect(await connector.count("accounts", undefined, { exact: true })).toBe(estimate + 5);
  });

  it("should count the rows matching now with $count when it is asked for an exact count", async () => {
    sent.length = 0;
    expect(await recording().count("accounts", f.startsWith("name", "Counted "))).toBe(30);
    expect(sent.filter((path) => path.endsWith("/accounts"))).toHaveLength(1);
    expect(sent.filter((path) => path.includes("RetrieveTotalRecordCount"))).toEqual([]);
  });

  it("should read the keys past Dataverse's $count cap of 5000 when an exact count needs more", async () => {
    await h.runtime.stores.crm.insertMany("accounts", accounts("Bulk", 5_010));
    expect(await h.dataverse().count("accounts", f.startsWith("name", "Bulk "))).toBe(5_010);
    expect(await h.dataverse().count("accounts", undefined, { exact: true })).toBe(30 + 5 + 5_010);
  });

  it("should answer after one request, without reading the keys, when the count matters only up to a small number", async () => {
    const sent: string[] = [];
    const connector = h.dataverse({ fetch: (request) => (sent.push(new URL(request.url).pathname), fetch(request)) });
    expect(await connector.count("accounts", undefined, { exact: true, upTo: 2 })).toBeGreaterThanOrEqual(2);
    expect(sent.filter((path) => path.endsWith("/accounts"))).toHaveLength(1);
  });
});
