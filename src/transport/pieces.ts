/** Bodies past this size leave a transport as a stream of views of them rather than whole. */
export const PIECE_BYTES = 1 << 20;

/**
 * Views of `bytes`, {@link PIECE_BYTES} at a time. A large file (a batch's output can be hundreds
 * of megabytes) handed whole to `Response` or to nock's socket would be copied at full size on
 * its way out; streamed as views it is held once, by the mock.
 */
export function* pieces<T extends Uint8Array>(bytes: T): Generator<T> {
  for (let offset = 0; offset < bytes.byteLength; offset += PIECE_BYTES) {
    yield bytes.subarray(offset, offset + PIECE_BYTES) as T;
  }
}
