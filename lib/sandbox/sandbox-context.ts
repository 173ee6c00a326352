import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { Preferences } from "./odata/prefer";
import type { SandboxSettings } from "./sandbox-settings";
import type { SandboxStore } from "./store/sandbox-store";

/** Who called: the OAuth client, and (Dataverse) the application user it acts as. */
export type Caller = { clientId: string; userId: string | null };

/** Everything a request handler of a simulated service needs. */
export type ServiceContext = {
  catalog: SchemaCatalog;
  store: SandboxStore;
  /** Absolute URL of the service root, for @odata.context, nextLink and OData-EntityId. */
  base: string;
  caller: Caller;
  preferences: Preferences;
  settings: SandboxSettings;
  now: () => Date;
};
