"use client";
import { createContext, useContext } from "react";
import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { Side } from "@/lib/mapping/model/direction";
import type { DesignerSnapshot } from "@/lib/services/designer/get-designer";

/** What the designer was opened with and never changes while it is open. */
export type DesignerEnv = {
  catalogs: Record<Side, SchemaCatalog>;
  catalogSource: DesignerSnapshot["source"];
  readOnly: boolean;
};

const DesignerEnvContext = createContext<DesignerEnv | null>(null);
export const DesignerEnvProvider = DesignerEnvContext.Provider;

export function useDesignerEnv(): DesignerEnv {
  const env = useContext(DesignerEnvContext);
  if (!env) throw new Error("useDesignerEnv needs a DesignerEnvProvider above it");
  return env;
}
