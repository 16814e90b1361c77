/**
 * The mock's embedding vectors: deterministic, cheap, and shaped so that vector-search code can be
 * tested for real.
 *
 * ## Method
 *
 * A vector is a hashed bag of words plus a little per-text noise, normalized to unit length:
 *
 * 1. **Features.** Text is lower-cased and cut into words (runs of letters, marks and digits).
 *    Han, Hiragana and Katakana characters and symbols such as emoji count as one word each.
 *    Each word gets a light English suffix strip (`databases` → `databas`, `managing` →
 *    `manag`, `queries` → `query`) so plural and verb forms meet. Every word is a feature of
 *    weight 1 (0.25 for English stop words and single ASCII characters), and every pair of
 *    adjacent words (not across punctuation or a line break) is a feature of weight
 *    `0.5 × w₁ × w₂`. Token inputs (`number[]`) use each token id as a word.
 * 2. **Projection.** Each feature is hashed (FNV-1a, then the murmur3 finalizer, seeded per
 *    model) and its hash seeds a xorshift generator that picks 16 positions, each with a sign;
 *    `±weight / 4` is added at each, so every feature carries the same energy. Twelve positions
 *    fall anywhere in the model's native size; four fall in its first 1/16, 1/8, 1/4 and 1/2, so
 *    a shortened vector (`dimensions`) keeps most words, as Matryoshka models keep the gist in
 *    their first components.
 * 3. **Noise.** A dense vector from a generator seeded with a hash of the exact input (case and
 *    punctuation included) is added with 10% of the words' energy: two different texts do not
 *    get the same vector, and a text with no words at all (`'!!!'`) still gets one.
 * 4. **Normalization.** The first `dimensions` components are divided by their L2 norm and
 *    rounded (half up) to 8 decimal places. Component `i` before normalization depends only on
 *    the input, the model and `i`, so a shortened vector is the prefix of the full one,
 *    renormalized.
 *
 * Only 32-bit integer arithmetic (`Math.imul`, shifts), `+ - * /`, `Math.sqrt` and truncation
 * are used, all exactly specified by IEEE 754 and ECMAScript: every platform, process and run
 * computes the same bits, and nothing depends on call order or `Math.random`. (Lower-casing and
 * the Unicode classes follow the engine's Unicode tables, which only ever change for rare
 * characters.)
 *
 * ## Guarantees
 *
 * - The same input, model and `dimensions` always give the same vector.
 * - Vectors have unit length (to float32 precision, about 1e-7).
 * - Texts that share words are closer than texts that do not: cosine similarity is roughly the
 *   share of their (weighted) words in common, so `python django engineer` is far closer to
 *   `Senior Python developer with Django and PostgreSQL` than to `Pastry chef in a French bakery`.
 * - Texts with no words in common have a cosine near 0: spread about `1/√dimensions` around it
 *   (a standard deviation of 0.03 at 1536 dimensions, 0.06 at 256).
 * - Vectors of different models are unrelated, even for the same text.
 *
 * ## Limits
 *
 * This is not a language model: it does not understand meaning. Synonyms (`car`, `automobile`),
 * translations and paraphrases without shared words are no closer than unrelated texts, and
 * words that merely look alike after suffix stripping meet. Test the plumbing of a search
 * (ranking, top-k, thresholds, storage) with it, not the quality of real embeddings.
 */
import type { EmbeddingModel } from './models.js';

/** A single input: a text, or the token ids of one. */
export type EmbeddingInput = string | readonly number[];

const POSITIONS_PER_FEATURE = 16;
/** How many of a feature's positions fall in a shorter prefix (1/16, 1/8, 1/4, 1/2 of native). */
const FRONT_LOADED_POSITIONS = 4;
const AMPLITUDE = 1 / Math.sqrt(POSITIONS_PER_FEATURE);
const STOP_WORD_WEIGHT = 0.25;
const PAIR_WEIGHT = 0.5;
/** Energy of the per-text noise, as a share of the energy of the words. */
const NOISE_SHARE = 0.1;
/** Components are rounded to multiples of 1 / DECIMAL_SCALE. */
const DECIMAL_SCALE = 1e8;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const PAIR_SALT = 0x2f6b_9c4d;
const TOKEN_SALT = 0x51ed_270b;
const NOISE_SALT = 0x6a09_e667;

// prettier-ignore
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'after', 'again', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by', 'can', 'could', 'did',
  'do', 'does', 'doing', 'down', 'during', 'each', 'few', 'for', 'from', 'further', 'had', 'has',
  'have', 'having', 'he', 'her', 'here', 'hers', 'him', 'his', 'how', 'i', 'if', 'in', 'into', 'is',
  'it', 'its', 'just', 'me', 'more', 'most', 'my', 'no', 'nor', 'not', 'now', 'of', 'off', 'on',
  'once', 'only', 'or', 'other', 'our', 'ours', 'out', 'over', 'own', 'same', 'she', 'should', 'so',
  'some', 'such', 'than', 'that', 'the', 'their', 'theirs', 'them', 'then', 'there', 'these', 'they',
  'this', 'those', 'through', 'to', 'too', 'under', 'until', 'up', 'us', 'very', 'was', 'we', 'were',
  'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'why', 'will', 'with', 'would', 'you',
  'your', 'yours',
]);

/** Matches any UTF-16 code unit above 0x7f: text without one takes the fast ASCII path. */
const NON_ASCII = /[\u0080-\uffff]/;
/** One CJK character or symbol, or a run of other letters, marks and digits. */
const UNICODE_WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{So}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])+/gu;

/**
 * The embedding of one input under `model`, `dimensions` components long (default: the model's
 * native size). Each component is a double holding an exact 8-decimal value, so it prints short
 * in JSON and reads back as the same float32 (see the module comment).
 */
export function embeddingVector(
  input: EmbeddingInput,
  model: EmbeddingModel,
  dimensions: number = model.nativeDimensions,
): number[] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > model.nativeDimensions) {
    throw new RangeError(
      `dimensions must be an integer from 1 to ${model.nativeDimensions} for ${model.id}, got ${String(dimensions)}.`,
    );
  }
  const sketch: Sketch = {
    values: new Float64Array(dimensions),
    ranges: positionRanges(model.nativeDimensions),
    energy: 0,
    previousHash: 0,
    previousWeight: 0,
    hasPrevious: false,
  };
  let noiseSeed: number;
  if (typeof input === 'string') {
    addTextFeatures(sketch, input, model.seed);
    noiseSeed = hashText(input, 0, input.length, model.seed ^ NOISE_SALT);
  } else {
    addTokenFeatures(sketch, input, model.seed ^ TOKEN_SALT);
    noiseSeed = hashTokens(input, model.seed ^ NOISE_SALT);
  }
  addNoise(sketch, noiseSeed, model.nativeDimensions);
  return normalized(sketch.values);
}

/** The vector being built: its first `dimensions` components, and what the next word needs. */
interface Sketch {
  readonly values: Float64Array;
  readonly ranges: Int32Array;
  /** Sum of squared feature weights: the energy of the words, whatever `dimensions` is. */
  energy: number;
  previousHash: number;
  previousWeight: number;
  hasPrevious: boolean;
}

/** Adds a word (its hash already seeded per model), and the pair it forms with the previous one. */
function addWord(sketch: Sketch, hash: number, weight: number): void {
  addFeature(sketch, hash, weight);
  if (sketch.hasPrevious) {
    const pair = fmix32(Math.imul(sketch.previousHash, 31) + hash + PAIR_SALT);
    addFeature(sketch, pair, PAIR_WEIGHT * sketch.previousWeight * weight);
  }
  sketch.previousHash = hash;
  sketch.previousWeight = weight;
  sketch.hasPrevious = true;
}

/** Spreads one feature over its 16 signed positions (those inside `dimensions`). */
function addFeature(sketch: Sketch, hash: number, weight: number): void {
  const values = sketch.values;
  const dimensions = values.length;
  const ranges = sketch.ranges;
  const amplitude = weight * AMPLITUDE;
  // xorshift32 from a well-mixed, never-zero start.
  let state = fmix32(hash) | 1;
  for (let j = 0; j < POSITIONS_PER_FEATURE; j++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    // The high 16 bits scaled to [0, range); bit 0 gives the sign.
    const position = ((state >>> 16) * ranges[j]!) >>> 16;
    if (position < dimensions) values[position] = values[position]! + (state & 1 ? amplitude : -amplitude);
  }
  sketch.energy += weight * weight;
}

/** Adds the dense per-text noise, scaled to NOISE_SHARE of the words' energy. */
function addNoise(sketch: Sketch, seed: number, native: number): void {
  // Uniform values in [-1, 1) have a mean square of 1/3.
  const energy = sketch.energy > 0 ? NOISE_SHARE * sketch.energy : 1;
  const scale = Math.sqrt((3 * energy) / native) / 2147483648;
  const values = sketch.values;
  let state = fmix32(seed) | 1;
  for (let i = 0; i < values.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    values[i] = values[i]! + (state | 0) * scale;
  }
}

/** The vector divided by its norm, each component rounded to 8 decimal places. */
function normalized(values: Float64Array): number[] {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  // Filled with a double so that V8 keeps the array as unboxed doubles from the start.
  const out = new Array<number>(values.length).fill(0.5);
  if (sum === 0) {
    out.fill(0);
    out[0] = 1;
    return out;
  }
  const factor = DECIMAL_SCALE / Math.sqrt(sum);
  for (let i = 0; i < values.length; i++) {
    // Rounds half up, like Math.round, but faster: the shifted value is positive and below 2^31.
    const shifted = values[i]! * factor + (DECIMAL_SCALE + 0.5);
    out[i] = ((shifted | 0) - DECIMAL_SCALE) / DECIMAL_SCALE;
  }
  return out;
}

const rangesByNative = new Map<number, Int32Array>();

/** Position j of a feature is drawn from [0, ranges[j]). */
function positionRanges(native: number): Int32Array {
  let ranges = rangesByNative.get(native);
  if (!ranges) {
    ranges = new Int32Array(POSITIONS_PER_FEATURE);
    for (let j = 0; j < POSITIONS_PER_FEATURE; j++) {
      const shift = Math.max(0, FRONT_LOADED_POSITIONS - j);
      ranges[j] = Math.max(1, native >> shift);
    }
    rangesByNative.set(native, ranges);
  }
  return ranges;
}

function addTextFeatures(sketch: Sketch, text: string, seed: number): void {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) {
    addAsciiWords(sketch, lower, seed);
    return;
  }
  UNICODE_WORD.lastIndex = 0;
  let end = 0;
  for (let match = UNICODE_WORD.exec(lower); match !== null; match = UNICODE_WORD.exec(lower)) {
    // Words apart by more than spaces (a full stop, a comma, a line break) form no pair.
    if (!onlySpaces(lower, end, match.index)) sketch.hasPrevious = false;
    end = match.index + match[0].length;
    addTextWord(sketch, lower, match.index, end, seed);
  }
}

/** The ASCII path, without a regular expression: words are runs of [a-z0-9]. */
function addAsciiWords(sketch: Sketch, lower: string, seed: number): void {
  const length = lower.length;
  let i = 0;
  let end = 0;
  while (i < length) {
    if (!isAsciiWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < length && isAsciiWordChar(lower.charCodeAt(i))) i++;
    if (!onlySpaces(lower, end, start)) sketch.hasPrevious = false;
    end = i;
    addTextWord(sketch, lower, start, end, seed);
  }
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

/** The longest stop word, so longer words skip the lookup. */
const STOP_WORD_MAX_LENGTH = Math.max(...[...STOP_WORDS].map((w) => w.length));

/** Adds `text[start, end)`, a lower-case word, under its stem. */
function addTextWord(sketch: Sketch, text: string, start: number, end: number, seed: number): void {
  const length = end - start;
  const minor =
    (length === 1 && text.charCodeAt(start) < 0x80) ||
    (length <= STOP_WORD_MAX_LENGTH && STOP_WORDS.has(text.slice(start, end)));
  const cut = stemCut(text, start, end);
  let hash = hashText(text, start, cut >>> 1, seed, false);
  if (cut & 1) hash = Math.imul(hash ^ 0x79, FNV_PRIME); // the 'y' of '-ies' → '-y'
  addWord(sketch, fmix32(hash), minor ? STOP_WORD_WEIGHT : 1);
}

function addTokenFeatures(sketch: Sketch, tokens: readonly number[], seed: number): void {
  for (const token of tokens) addWord(sketch, hashToken(token, seed), 1);
}

/**
 * A light English suffix strip, enough for plurals and common verb forms to meet:
 * `-ies` → `-y`, or else `-ing`, `-ed` or a plural `-s` (not `-ss`, `-us`, `-is`) is dropped,
 * then a final `-e`. Words of 3 letters or fewer are kept whole.
 */
export function stem(word: string): string {
  const cut = stemCut(word, 0, word.length);
  return word.slice(0, cut >>> 1) + (cut & 1 ? 'y' : '');
}

/** Where the stem of `text[start, end)` ends, times 2, plus 1 if it takes a final 'y'. */
function stemCut(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= 3) return end * 2;
  const endsWith = (suffix: string): boolean => text.startsWith(suffix, end - suffix.length);
  if (length > 4 && endsWith('ies')) return (end - 3) * 2 + 1;
  let cut = end;
  if (length > 5 && endsWith('ing')) cut = end - 3;
  else if (length > 4 && endsWith('ed')) cut = end - 2;
  else if (endsWith('s') && !endsWith('ss') && !endsWith('us') && !endsWith('is')) cut = end - 1;
  if (cut - start > 3 && text.charCodeAt(cut - 1) === 0x65) cut -= 1;
  return cut * 2;
}

/**
 * FNV-1a over the UTF-16 code units of `text[start, end)`, seeded; with `finish` (the default),
 * passed through the murmur3 finalizer so that every bit is well mixed.
 */
function hashText(text: string, start: number, end: number, seed: number, finish = true): number {
  let hash = FNV_OFFSET ^ seed;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return finish ? fmix32(hash) : hash;
}

function hashToken(token: number, seed: number): number {
  const high = Math.floor(token / 4294967296) | 0;
  return fmix32(fmix32((token | 0) ^ seed) ^ Math.imul(high, 0x27d4eb2d));
}

function hashTokens(tokens: readonly number[], seed: number): number {
  let hash = FNV_OFFSET ^ seed;
  for (const token of tokens) hash = Math.imul(hash ^ hashToken(token, TOKEN_SALT), FNV_PRIME);
  return fmix32(hash ^ tokens.length);
}

/** murmur3's 32-bit finalizer: every input bit affects every output bit. Returns an unsigned int. */
function fmix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The vector as the API's `base64` encoding: the little-endian IEEE 754 float32 bytes of each
 * component (4 per dimension), base64-encoded.
 */
export function toBase64(vector: readonly number[]): string {
  const floats = Float32Array.from(vector);
  if (!LITTLE_ENDIAN) {
    const view = new DataView(floats.buffer);
    for (let i = 0; i < floats.length; i++) view.setFloat32(i * 4, vector[i]!, true);
  }
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}

/** Decodes the API's `base64` encoding (little-endian float32) back into numbers. */
export function fromBase64(encoded: string): Float32Array {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.byteLength % 4 !== 0) {
    throw new RangeError(`A base64 embedding must decode to a multiple of 4 bytes, got ${bytes.byteLength}.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const floats = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < floats.length; i++) floats[i] = view.getFloat32(i * 4, true);
  return floats;
}
