import "server-only";
import { getDb } from "@/db/client";
import { SandboxRuntime } from "./sandbox-runtime";

const KEY = Symbol.for("tandem.sandbox");
type Holder = { [KEY]?: Promise<SandboxRuntime> };

/** The process's sandbox runtime over the app's database (one per process, like the database handle). */
export function getSandbox(): Promise<SandboxRuntime> {
  const holder = globalThis as Holder;
  holder[KEY] ??= getDb().then(({ db }) => new SandboxRuntime({ db }));
  return holder[KEY];
}

/** The sandboxes are on unless TANDEM_SANDBOX=0 (a production deployment talking only to real tenants). */
export const sandboxEnabled = () => process.env.TANDEM_SANDBOX !== "0";
