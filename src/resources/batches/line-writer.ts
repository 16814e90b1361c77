const encoder = new TextEncoder();

/** Size of the blocks lines are encoded into. */
const BLOCK_BYTES = 4 << 20;

/**
 * Encodes lines of text one after another into large blocks, then hands them back as one
 * buffer. A batch of 50,000 lines then leaves a few dozen buffers for the garbage collector to
 * track rather than 50,000, which keeps a large batch's cost in proportion to its size.
 */
export class LineWriter {
  readonly #blocks: Uint8Array[] = [];
  #block = new Uint8Array(0);
  #used = 0;
  #total = 0;

  /** Appends `text` (UTF-8) and returns how many bytes it took. */
  write(text: string): number {
    const first = encoder.encodeInto(text, this.#block.subarray(this.#used));
    let written = first.written;
    if (first.read < text.length) {
      // It did not fit: what was written is dropped, and the text goes whole into a new block.
      this.#seal();
      this.#block = new Uint8Array(Math.max(BLOCK_BYTES, text.length * 3));
      this.#used = 0;
      written = encoder.encodeInto(text, this.#block).written;
    }
    this.#used += written;
    this.#total += written;
    return written;
  }

  /** Everything written, as one buffer. */
  finish(): Uint8Array {
    this.#seal();
    this.#block = new Uint8Array(0);
    this.#used = 0;
    if (this.#blocks.length === 1) return this.#blocks[0]!.slice();
    return Buffer.concat(this.#blocks, this.#total);
  }

  #seal(): void {
    if (this.#used > 0) this.#blocks.push(this.#block.subarray(0, this.#used));
  }
}
