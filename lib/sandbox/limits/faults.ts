import type { FaultSettings } from "../sandbox-settings";

export type Fault = { kind: "none" | "throttle" | "server-error" | "timeout"; delayMs: number };

/** mulberry32: a tiny seeded generator, so a fault pattern repeats run after run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides, request by request, whether the sandbox misbehaves and how long it dawdles first. */
export class FaultInjector {
  private random: () => number;
  private seed: number;

  constructor(seed = 1) {
    this.seed = seed;
    this.random = generator(seed);
  }

  next(settings: FaultSettings): Fault {
    if (settings.seed !== this.seed) {
      this.seed = settings.seed;
      this.random = generator(settings.seed);
    }
    const delayMs = settings.latencyMs + (settings.jitterMs ? this.random() * settings.jitterMs : 0);
    const roll = this.random();
    if (roll < settings.throttleRate) return { kind: "throttle", delayMs };
    if (roll < settings.throttleRate + settings.serverErrorRate) return { kind: "server-error", delayMs };
    if (roll < settings.throttleRate + settings.serverErrorRate + settings.timeoutRate)
      return { kind: "timeout", delayMs };
    return { kind: "none", delayMs };
  }
}
