import { describe, expect, it } from "vitest";
import type { Direction } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { Recommendation } from "./full-sync-plan";
import { previewLine, previewReads, type SideTally } from "./full-sync-preview";

function mapping(direction: Direction, createIfNoMatch: boolean | null): TableMapping {
  return {
    name: "CUSTOMER",
    erp: { entity: "customers", key: "id" },
    crm: { entity: "accounts", key: "accountid" },
    direction,
    syncOnlyCoupled: true,
    dependsOn: [],
    conflicts: { update: "fail", delete: "fail" },
    fields: [],
    ...(createIfNoMatch === null
      ? {}
      : {
          match: {
            groups: [{ priority: 0, fields: [{ erp: "displayName", crm: "name", caseSensitive: false }] }],
            createIfNoMatch,
            syncAfterCoupling: false,
          },
        }),
  };
}

describe("what a full synchronization line would read", () => {
  it.each<[Direction, Recommendation, ReturnType<typeof previewReads>]>([
    ["bidirectional", "none", []],
    ["bidirectional", "couple", [{ side: "erp", match: true }]],
    ["crm-to-erp", "couple", [{ side: "erp", match: true }]],
    [
      "bidirectional",
      "full",
      [
        { side: "erp", match: true },
        { side: "crm", match: false },
      ],
    ],
    ["erp-to-crm", "full", [{ side: "erp", match: true }]],
    ["crm-to-erp", "full", [{ side: "crm", match: true }]],
  ])("should read a %s mapping's %s line as %j", (direction, recommendation, reads) => {
    expect(previewReads(mapping(direction, false), recommendation)).toEqual(reads);
  });
});

describe("what a full synchronization line would do", () => {
  const t = (uncoupled: number, matched: number): SideTally => ({ uncoupled, matched });
  it.each<
    [
      string,
      Direction,
      boolean | null,
      Recommendation,
      { erp?: SideTally; crm?: SideTally },
      [couple: number, createInCrm: number, createInErp: number, unmatched: number],
    ]
  >([
    [
      "count the unmatched as failed when create-if-no-match is off",
      "bidirectional",
      false,
      "couple",
      { erp: t(5, 3), crm: t(4, 0) },
      [3, 0, 0, 2],
    ],
    [
      "create the unmatched in the CRM when create-if-no-match is on",
      "bidirectional",
      true,
      "couple",
      { erp: t(5, 3) },
      [3, 2, 0, 0],
    ],
    [
      "never create in the CRM for a CRM → ERP mapping (SALESPEOPLE)",
      "crm-to-erp",
      true,
      "couple",
      { erp: t(5, 3) },
      [3, 0, 0, 2],
    ],
    [
      "create nothing in the ERP when coupling, whatever the CRM holds",
      "bidirectional",
      true,
      "couple",
      { erp: t(0, 0), crm: t(7, 0) },
      [0, 0, 0, 0],
    ],
    [
      "create both ways what has no match on a full line",
      "bidirectional",
      null,
      "full",
      { erp: t(5, 1), crm: t(3, 0) },
      [1, 4, 3, 0],
    ],
    [
      "create only into the ERP on a full line of a CRM → ERP mapping",
      "crm-to-erp",
      false,
      "full",
      { erp: t(9, 9), crm: t(4, 2) },
      [2, 0, 2, 0],
    ],
    [
      "create only into the CRM on a full line of an ERP → CRM mapping",
      "erp-to-crm",
      null,
      "full",
      { erp: t(6, 0), crm: t(8, 0) },
      [0, 6, 0, 0],
    ],
    ["do nothing when no records were found", "bidirectional", false, "none", { erp: t(5, 3) }, [0, 0, 0, 0]],
  ])(
    "should %s",
    (_what, direction, createIfNoMatch, recommendation, tallies, [couple, createInCrm, createInErp, unmatched]) => {
      expect(previewLine(mapping(direction, createIfNoMatch), recommendation, tallies)).toEqual({
        mapping: "CUSTOMER",
        recommendation,
        couple,
        createInCrm,
        createInErp,
        unmatched,
      });
    },
  );
});
