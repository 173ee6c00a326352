/**
 * Whether this process serves the sandbox simulators. On the embedded default (no DATABASE_URL) they are the product's
 * demo and are on; a deployment on a server database talks to real tenants, so there they are off unless
 * TANDEM_SANDBOX=1 asks for them. TANDEM_SANDBOX=0 turns them off anywhere.
 */
export function sandboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const flag = env.TANDEM_SANDBOX?.trim();
  if (flag === "1") return true;
  if (flag === "0") return false;
  return !env.DATABASE_URL?.trim();
}
