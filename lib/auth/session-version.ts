/** A session is current only while its token carries the user's session version; older tokens carry none. */
export function isSessionCurrent(tokenVersion: unknown, userVersion: number): boolean {
  return typeof tokenVersion === "number" && tokenVersion === userVersion;
}
