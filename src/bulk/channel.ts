// The queue between the listing and the workers of a bulk run.

/** An async queue whose producer waits while it is full. */
export class Channel<T> {
  private items: T[] = [];
  private closed = false;
  private takers: (() => void)[] = [];
  private putters: (() => void)[] = [];
  constructor(private readonly capacity: number) {}
  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.closed) await new Promise<void>((r) => this.putters.push(r));
    this.items.push(item);
    this.takers.shift()?.();
  }
  async take(): Promise<T | undefined> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        this.putters.shift()?.();
        return item;
      }
      if (this.closed) return undefined;
      await new Promise<void>((r) => this.takers.push(r));
    }
  }
  close(): void {
    this.closed = true;
    for (const t of this.takers.splice(0)) t();
    for (const p of this.putters.splice(0)) p();
  }
  drain(): T[] {
    return this.items.splice(0);
  }
}
