import { describe, expect, it } from "vitest";
import { connectionState, fillHours, receiverState } from "./dashboard-view";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 8, 4, minutes)).toISOString();

describe("connectionState", () => {
  it.each([
    { when: "no call was ever made", success: null, failure: null, state: "unknown" },
    { when: "it only succeeded", success: at(1), failure: null, state: "healthy" },
    { when: "it succeeded after its last failure", success: at(5), failure: at(1), state: "healthy" },
    { when: "its last failure came after its last success", success: at(1), failure: at(5), state: "failing" },
    { when: "it only failed", success: null, failure: at(1), state: "failing" },
  ])("should be $state when $when", ({ success, failure, state }) => {
    expect(connectionState({ lastSuccessAt: success, lastFailureAt: failure })).toBe(state);
  });
});

describe("receiverState", () => {
  const base = { url: "https://hooks.example/x", lastDeliveredAt: at(1), lastGaveUpAt: null, lastError: null };
  it.each([
    { when: "its last notification was delivered", extra: { failedAttemptsSinceSuccess: 0 }, failing: false },
    { when: "two attempts failed since", extra: { failedAttemptsSinceSuccess: 2 }, failing: false },
    { when: "three attempts failed since", extra: { failedAttemptsSinceSuccess: 3 }, failing: true },
    {
      when: "a notification was given up after the last delivery",
      extra: { failedAttemptsSinceSuccess: 1, lastGaveUpAt: at(9) },
      failing: true,
    },
    { when: "no webhook is set", extra: { url: null, failedAttemptsSinceSuccess: 9 }, failing: false },
  ])("should say failing=$failing when $when", ({ extra, failing }) => {
    expect(receiverState({ ...base, ...extra }).failing).toBe(failing);
  });
});

describe("fillHours", () => {
  it("should give every hour of the window, zero where no job ran, oldest first", () => {
    const now = new Date(Date.UTC(2026, 11, 8, 4, 30));
    const points = fillHours([{ hour: "2026-12-08T02:00:00+00:00", synced: 7, failed: 1, jobs: 2 }], now, 4);
    expect(points).toEqual([
      { hour: "2026-12-08T01:00:00.000Z", synced: 0, failed: 0 },
      { hour: "2026-12-08T02:00:00.000Z", synced: 7, failed: 1 },
      { hour: "2026-12-08T03:00:00.000Z", synced: 0, failed: 0 },
      { hour: "2026-12-08T04:00:00.000Z", synced: 0, failed: 0 },
    ]);
  });
});
