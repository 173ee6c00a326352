import { describe, expect, it } from "vitest";
import type { RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import { dueMappings, withDefaultSchedule } from "./schedule";

const mapping = (name: string, extra: Record<string, unknown> = {}) =>
  ({
    name,
    erp: { entity: "e", key: "id" },
    crm: { entity: "c", key: "id" },
    direction: "bidirectional",
    fields: [],
    ...extra,
  }) as never;
const config = {
  schemaVersion: 1,
  version: "v",
  mappings: [mapping("OWN", { schedule: { everyMinutes: 30 } }), mapping("NONE"), mapping("LINES", { parent: "OWN" })],
} as unknown as RuntimeConfig;

describe("withDefaultSchedule", () => {
  it.each([
    ["no default", null, ["OWN"]],
    ["a default of 10 minutes", 10, ["OWN", "NONE"]],
  ])("should schedule %s as due when nothing ran yet", (_what, minutes, due) => {
    expect(dueMappings(withDefaultSchedule(config, minutes), new Map(), new Date())).toEqual(due);
  });

  it("should keep a mapping's own interval when a default is set", () => {
    const now = new Date();
    const last = new Map([
      ["OWN", new Date(now.getTime() - 15 * 60_000)],
      ["NONE", new Date(now.getTime() - 15 * 60_000)],
    ]);
    expect(dueMappings(withDefaultSchedule(config, 10), last, now)).toEqual(["NONE"]);
  });
});
