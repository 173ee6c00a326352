import { describe, expect, it } from "vitest";
import { compileModel } from "@/lib/mapping/compile/compile";
import type { Direction } from "@/lib/mapping/model/direction";
import type { RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import { bcSalesTemplateModel } from "@/lib/mapping/template/bc-sales";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { BC_SALES_RULES } from "@/lib/rules/bc-sales";
import { fullSyncMappings } from "@/lib/sync/plan/full-sync-plan";
import { dueMappings } from "@/lib/sync/plan/schedule";

/** The engine's plans (lib/sync/plan) over the standard template and its rules. */
const template = compileModel(bcSalesTemplateModel(), { catalogs: STATIC_CATALOGS }).config!;

describe("full synchronization plan of the template", () => {
  it("should leave document lines out when it lists the mappings of a full sync", () => {
    const names = fullSyncMappings(template).map((m) => m.name);
    expect(names).not.toContain("POSTEDSALESLINE-INV");
    expect(names).toContain("CUSTOMER");
  });
});

describe("full synchronization lines (§5.4)", () => {
  const withOrders = (direction: Direction): RuntimeConfig => ({
    ...template,
    mappings: template.mappings.map((m) => (m.name === "SALESORDER-ORDER" ? { ...m, direction } : m)),
  });

  it.each<[string, string, boolean, RuntimeConfig]>([
    ["a header mapping", "POSTEDSALESINV-INV", true, template],
    ["posted invoice lines (they run with their header)", "POSTEDSALESLINE-INV", false, template],
    ["one-way sales orders (unidirectional order mode)", "SALESORDER-ORDER", false, withOrders("erp-to-crm")],
    ["two-way sales orders (bidirectional order mode)", "SALESORDER-ORDER", true, withOrders("bidirectional")],
    ["customers", "CUSTOMER", true, template],
  ])("should decide whether %s (%s) is a line: %s", (_what, name, isLine, config) => {
    expect(fullSyncMappings(config, BC_SALES_RULES).some((m) => m.name === name)).toBe(isLine);
  });

  it("should leave out only document lines when no rule speaks", () => {
    expect(fullSyncMappings(template).map((m) => m.name)).toEqual(
      template.mappings.filter((m) => !m.parent).map((m) => m.name),
    );
  });
});

describe("dueMappings", () => {
  const now = new Date("2026-01-01T12:00:00.000Z");

  it("should run every scheduled main mapping when it never ran on schedule", () => {
    const due = dueMappings(template, new Map(), now);
    expect(due).toContain("CUSTOMER");
    expect(due).not.toContain("POSTEDSALESLINE-INV");
  });

  it("should wait for the interval since the last scheduled run when one ran", () => {
    const recent = new Map([["CUSTOMER", new Date(now.getTime() - 10 * 60_000)]]);
    const old = new Map([["CUSTOMER", new Date(now.getTime() - 30 * 60_000 + 2_000)]]);
    expect(dueMappings(template, recent, now)).not.toContain("CUSTOMER");
    expect(dueMappings(template, old, now)).toContain("CUSTOMER");
  });

  it("should leave a paused mapping out however long ago it ran when one of its runs is held", () => {
    const due = dueMappings(template, new Map(), now, new Set(["ITEM-PRODUCT"]));
    expect(due).not.toContain("ITEM-PRODUCT");
    expect(due).toContain("CUSTOMER");
  });
});
