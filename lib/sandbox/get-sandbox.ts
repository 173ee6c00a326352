import "server-only";
import { getDb } from "@/db/client";
import { SandboxRuntime } from "./sandbox-runtime";

export { sandboxEnabled } from "./sandbox-enabled";

const KEY = Symbol.for("tandem.sandbox");
type Holder = { [KEY]?: Promise<SandboxRuntime> };

/** The process's sandbox runtime over the app's database (one per process, like the database handle). */
export function getSandbox(): Promise<SandboxRuntime> {
  const holder = globalThis as Holder;
  holder[KEY] ??= getDb().then(({ db }) => new SandboxRuntime({ db }));
  return holder[KEY];
}
