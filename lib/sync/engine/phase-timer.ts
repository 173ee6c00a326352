/** Time spent per phase of a pass (reading, deciding, writing, bookkeeping), kept on the pass result. */
export class PhaseTimer {
  readonly totals: Record<string, number> = {};

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.totals[phase] = (this.totals[phase] ?? 0) + performance.now() - started;
    }
  }

  rounded(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.totals).map(([phase, ms]) => [phase, Math.round(ms)]));
  }
}
