import { describe, expect, it } from "vitest";
import { AFTER, BEFORE, coupling, record } from "../test/decide-fixtures";
import { changedSinceLastSync, laterInstant, nextWatermark, queryFrom } from "./change-detection";

describe("changedSinceLastSync", () => {
  it.each([
    ["later than the stored modified-on", AFTER, {}, true],
    ["equal to the stored modified-on (our own write's receipt)", "2026-01-01T10:00:00.000Z", {}, false],
    ["earlier than the stored modified-on", BEFORE, {}, false],
    ["without a modified-on (document lines)", null, {}, true],
    ["unchanged but the last pass into the other side failed", BEFORE, { lastResultCrm: "failure" as const }, true],
    ["unchanged, failed and skipped", BEFORE, { lastResultCrm: "failure" as const, skipped: true }, false],
    ["never synced", BEFORE, { lastSyncedErpModifiedOn: null }, true],
    ["stamped in the same second with another ETag", "2026-01-01T10:00:00.000Z", { erpEtag: 'W/"other"' }, true],
    [
      "stamped in the same second with the stored ETag",
      "2026-01-01T10:00:00.000Z",
      { erpEtag: 'W/"2026-01-01T10:00:00.000Z"' },
      false,
    ],
  ])("should say %s when the ERP record is the source", (_name, modifiedOn, state, expected) => {
    expect(changedSinceLastSync(record("e1", modifiedOn, {}), coupling(state), "erp-to-crm")).toBe(expected);
  });
});

describe("watermarks", () => {
  it("should cap the next watermark at the pass start when newer rows were seen", () => {
    expect(nextWatermark(null, "2026-01-02T00:00:00.000Z", new Date("2026-01-01T12:00:00.000Z"))).toBe(
      "2026-01-01T12:00:00.000Z",
    );
  });

  it("should never move the watermark backwards when the newest row seen is older", () => {
    expect(
      nextWatermark("2026-01-01T12:00:00.000Z", "2026-01-01T08:00:00.000Z", new Date("2026-01-02T00:00:00.000Z")),
    ).toBe("2026-01-01T12:00:00.000Z");
  });

  it("should start the query one overlap before the watermark when there is one", () => {
    expect(queryFrom("2026-01-01T12:00:00.000Z", 1000)).toBe("2026-01-01T11:59:59.000Z");
    expect(queryFrom(null, 1000)).toBeNull();
  });

  it("should keep the later of two instants when either is missing or both are set", () => {
    expect(laterInstant(null, AFTER)).toBe(AFTER);
    expect(laterInstant(AFTER, BEFORE)).toBe(AFTER);
  });
});
