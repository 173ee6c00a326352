import { describe, expect, it } from "vitest";
import { blockedLines, readyLines, recommend, runStatus, type PlanLine } from "./full-sync-plan";
import { pickMatch } from "./match-records";

describe("full synchronization plan", () => {
  it.each([
    [0, 0, "none"],
    [5, 0, "full"],
    [0, 5, "full"],
    [5, 5, "couple"],
  ] as const)("should recommend %s/%s records as %s", (erp, crm, expected) => {
    expect(recommend(erp, crm)).toBe(expected);
  });

  it("should start a line only when every parent in the run finished", () => {
    const lines: PlanLine[] = [
      { mappingName: "SALESPEOPLE", dependsOn: [], status: "running" },
      { mappingName: "CURRENCY", dependsOn: [], status: "finished" },
      { mappingName: "CUSTOMER", dependsOn: ["SALESPEOPLE", "CURRENCY"], status: "pending" },
      { mappingName: "UNIT OF MEASURE", dependsOn: ["NOT IN RUN"], status: "pending" },
    ];
    expect(readyLines(lines).map((l) => l.mappingName)).toEqual(["UNIT OF MEASURE"]);
    lines[0]!.status = "finished";
    expect(readyLines(lines).map((l) => l.mappingName)).toEqual(["CUSTOMER", "UNIT OF MEASURE"]);
  });

  it("should block a line and fail the run when a parent failed", () => {
    const lines: PlanLine[] = [
      { mappingName: "CUSTOMER", dependsOn: [], status: "failed" },
      { mappingName: "CONTACT", dependsOn: ["CUSTOMER"], status: "pending" },
    ];
    expect(blockedLines(lines)).toEqual([{ line: lines[1], parent: "CUSTOMER" }]);
    lines[1]!.status = "blocked";
    expect(runStatus(lines)).toBe("failed");
  });
});

describe("pickMatch", () => {
  const groups = [
    { priority: 1, fields: [{ erp: "email", crm: "emailaddress1", caseSensitive: false }] },
    { priority: 0, fields: [{ erp: "name", crm: "name", caseSensitive: false }] },
  ];
  const candidates = [
    { id: "a", values: { name: "Adatum", emailaddress1: "x@adatum" } },
    { id: "b", values: { name: "Trey", emailaddress1: "info@trey" } },
    { id: "c", values: { name: "Trey", emailaddress1: "sales@trey" } },
  ];

  it("should couple the unique match of the first group, ignoring case, when there is one", () => {
    expect(pickMatch({ name: "ADATUM", email: "" }, candidates, groups, () => false)).toEqual({
      kind: "unique",
      id: "a",
      priority: 0,
    });
  });

  it("should try the next priority when the first group matches several records", () => {
    expect(pickMatch({ name: "Trey", email: "SALES@trey" }, candidates, groups, () => false)).toEqual({
      kind: "unique",
      id: "c",
      priority: 1,
    });
  });

  it("should not couple when the single match is already coupled", () => {
    expect(pickMatch({ name: "Adatum" }, candidates, groups, (id) => id === "a")).toEqual({ kind: "none" });
  });

  it("should ignore empty text on the local side when it matches", () => {
    expect(pickMatch({ name: "", email: "" }, candidates, groups, () => false)).toEqual({ kind: "none" });
  });

  it("should compare case-sensitively when the pair says so", () => {
    const strict = [{ priority: 0, fields: [{ erp: "name", crm: "name", caseSensitive: true }] }];
    expect(pickMatch({ name: "adatum" }, candidates, strict, () => false)).toEqual({ kind: "none" });
  });
});
