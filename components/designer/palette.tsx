"use client";
import { Plus } from "lucide-react";
import { useMemo, useState } from "react";
import { Input } from "@/components/ui/input";
import type { Side } from "@/lib/mapping/model/direction";
import { cn } from "@/lib/utils/cn";
import { useDesignerEnv } from "./designer-env";
import { addEntity } from "./graph-ops/add-nodes";
import { useDesignerStore } from "./store/designer-context";

const SIDES: { side: Side; label: string }[] = [
  { side: "erp", label: "Business Central" },
  { side: "crm", label: "Dynamics 365 Sales" },
];

/** The connected systems' entities, searchable; Add puts one on the canvas with all its fields showing. */
export function EntityPalette() {
  const { catalogs, readOnly, catalogSource } = useDesignerEnv();
  const store = useDesignerStore();
  const [side, setSide] = useState<Side>("erp");
  const [query, setQuery] = useState("");
  const entities = useMemo(() => {
    const q = query.trim().toLowerCase();
    return catalogs[side].entities.filter(
      (e) => !q || e.name.toLowerCase().includes(q) || (e.label ?? "").toLowerCase().includes(q),
    );
  }, [catalogs, side, query]);

  const add = (name: string) => {
    const entity = catalogs[side].entities.find((e) => e.name === name);
    if (!entity) return;
    let id = "";
    store.getState().change((graph) => {
      const added = addEntity(graph, side, entity);
      id = added.id;
      return added.graph;
    });
    if (id) {
      store.getState().toggleExpanded(id, true);
      store.getState().focusNode(id);
    }
  };

  return (
    <aside className="flex h-full w-60 flex-col border-r bg-card" aria-label="Entity palette">
      <div role="tablist" aria-label="System" className="grid grid-cols-2 border-b text-xs">
        {SIDES.map((s) => (
          <button
            key={s.side}
            role="tab"
            type="button"
            aria-selected={side === s.side}
            onClick={() => setSide(s.side)}
            className={cn(
              "px-2 py-2 font-medium",
              side === s.side ? "border-b-2 border-primary" : "text-muted-foreground",
            )}
          >
            {s.label}
          </button>
        ))}
      </div>
      <div className="p-2">
        <Input
          type="search"
          placeholder="Search entities"
          aria-label="Search entities"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <ul className="min-h-0 flex-1 overflow-y-auto px-2 pb-2 text-sm" aria-label={`${side.toUpperCase()} entities`}>
        {entities.length === 0 && <li className="p-2 text-xs text-muted-foreground">No entity matches “{query}”.</li>}
        {entities.map((e) => (
          <li key={e.name} className="flex items-center gap-1 rounded px-1 py-1 hover:bg-muted">
            <div className="min-w-0 flex-1">
              <div className="truncate">{e.label ?? e.name}</div>
              <div className="truncate text-[10px] text-muted-foreground">{e.name}</div>
            </div>
            {!readOnly && (
              <button
                type="button"
                className="rounded p-1 hover:bg-background"
                aria-label={`Add ${side.toUpperCase()} entity ${e.name}`}
                onClick={() => add(e.name)}
              >
                <Plus className="h-4 w-4" aria-hidden />
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="border-t p-2 text-[10px] text-muted-foreground">
        {catalogSource === "connections" ? "Catalogs from the connected systems." : "Offline: built-in catalogs."}
      </p>
    </aside>
  );
}
