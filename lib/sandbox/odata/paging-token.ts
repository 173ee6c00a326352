/**
 * Our paging cookie: rows already returned, the last id when paging in key order (keyset: no re-scan of earlier
 * pages), and (change tracking) the change sequence the snapshot was taken at.
 */
export type PagingState = { offset: number; after?: string; snapshot?: number };

export function encodePagingToken(state: PagingState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

export function decodePagingToken(token: string): PagingState | null {
  try {
    const state = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as PagingState;
    return Number.isInteger(state.offset) && state.offset >= 0 ? state : null;
  } catch {
    return null;
  }
}
