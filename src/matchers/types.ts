/** placeholder, replaced by the matchers work */
export interface OpenAIMockMatchers<R = unknown> {
  toHaveUploadedFile(expected?: Record<string, unknown>): R;
  toHaveJobInStatus(jobId: string, status: string): R;
  toHaveReceivedRequest(method: string, path: string | RegExp, body?: unknown): R;
}
