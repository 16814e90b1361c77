/**
 * A stable token estimate: about four characters a token. The mock has no tokenizer; every
 * `usage` figure it reports comes from here, so the same text always costs the same.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
