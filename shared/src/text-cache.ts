/**
 * Values kept per query text, least recently used dropped first. Bounded both in entries and in the
 * characters of the texts it holds (a parsed document weighs a few times its text), so a client
 * sending ever new documents costs the gateway a fixed amount of memory; a text too long to keep is
 * simply not kept.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
    private readonly maxTextChars = Math.floor(maxChars / 16),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(text: string): V | undefined {
    const v = this.entries.get(text);
    if (v !== undefined) {
      // Map order is insertion order: moving a hit to the end keeps the oldest unused entry first.
      this.entries.delete(text);
      this.entries.set(text, v);
    }
    return v;
  }

  set(text: string, value: V): void {
    if (text.length > this.maxTextChars) return;
    if (this.entries.delete(text)) this.chars -= text.length;
    this.entries.set(text, value);
    this.chars += text.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
