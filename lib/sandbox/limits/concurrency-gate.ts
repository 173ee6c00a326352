/** At most `max` requests in flight per client; others wait in line, and give up after `timeoutMs`. */
export class ConcurrencyGate {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  async acquire(key: string, max: number, timeoutMs: number): Promise<(() => void) | null> {
    if ((this.running.get(key) ?? 0) < max) return this.enter(key);
    return new Promise((resolve) => {
      const queue = this.waiting.get(key) ?? this.waiting.set(key, []).get(key)!;
      const wake = () => {
        clearTimeout(timer);
        resolve(this.enter(key));
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(wake), 1);
        resolve(null);
      }, timeoutMs);
      queue.push(wake);
    });
  }

  inFlight(key: string): number {
    return this.running.get(key) ?? 0;
  }

  private enter(key: string): () => void {
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running.set(key, this.running.get(key)! - 1);
      this.waiting.get(key)?.shift()?.();
    };
  }
}
