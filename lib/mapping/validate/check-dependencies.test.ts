import { describe, expect, it } from "vitest";
import { findCycles } from "./check-dependencies";

const graph = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe("findCycles", () => {
  it.each<[string, Record<string, string[]>, string[][]]>([
    ["no cycle", { A: [], B: ["A"], C: ["A", "B"] }, []],
    ["two mappings depending on each other", { A: ["B"], B: ["A"] }, [["B", "A"]]],
    ["a cycle beside a dead end", { X: ["A", "Y"], Y: ["X"], A: [] }, [["Y", "X"]]],
    [
      "a node between two cycles",
      { A: ["B", "C"], B: ["A"], C: ["D"], D: ["E"], E: ["D"] },
      [
        ["B", "A"],
        ["E", "D"],
      ],
    ],
    ["a self-dependency", { A: ["A"] }, []],
    ["an unknown dependency", { A: ["NOPE"] }, []],
  ])("should find %s", (_label, entries, cycles) => {
    expect(findCycles(graph(entries)).map((c) => [...c].sort())).toEqual(cycles.map((c) => [...c].sort()));
  });

  it("should not overflow the stack when the chain is long", () => {
    const entries: Record<string, string[]> = {};
    for (let i = 0; i < 20_000; i++) entries[`M${i}`] = i ? [`M${i - 1}`] : [];
    entries.M0 = ["M19999"];
    expect(findCycles(graph(entries))[0]).toHaveLength(20_000);
  });
});
