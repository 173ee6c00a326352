"use client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import type { MatchSettings } from "@/lib/mapping/model/table-mapping";
import { Check, Section, Select } from "./form-bits";

type Props = {
  match: MatchSettings | undefined;
  erp?: CatalogEntity;
  crm?: CatalogEntity;
  onChange: (match: MatchSettings | undefined) => void;
};

/** Match-based coupling: groups tried by priority, each a set of field pairs that must all be equal. */
export function MatchSettingsEditor({ match, erp, crm, onChange }: Props) {
  const erpFields = ["", ...(erp?.fields.map((f) => f.name) ?? [])];
  const crmFields = ["", ...(crm?.fields.map((f) => f.name) ?? [])];
  const firstPair = {
    erp: erp?.primaryName ?? erpFields[1] ?? "",
    crm: crm?.primaryName ?? crmFields[1] ?? "",
    caseSensitive: false,
  };
  if (!match) {
    return (
      <Section title="Match-based coupling">
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() =>
            onChange({
              groups: [{ priority: 1, fields: [firstPair] }],
              createIfNoMatch: false,
              syncAfterCoupling: false,
            })
          }
        >
          Set up match-based coupling
        </Button>
      </Section>
    );
  }
  const setGroups = (groups: MatchSettings["groups"]) => onChange(groups.length ? { ...match, groups } : undefined);
  return (
    <Section title="Match-based coupling">
      {match.groups.map((group, g) => (
        <div key={g} className="flex flex-col gap-1 rounded border p-2" aria-label={`Match group ${g + 1}`}>
          <label className="flex items-center gap-2 text-xs">
            Priority
            <Input
              type="number"
              min={0}
              className="h-7 w-16 text-xs"
              value={group.priority}
              onChange={(e) =>
                setGroups(
                  match.groups.map((x, i) =>
                    i === g ? { ...x, priority: Math.max(0, Math.trunc(Number(e.target.value) || 0)) } : x,
                  ),
                )
              }
            />
          </label>
          {group.fields.map((pair, p) => {
            const setPair = (next: typeof pair | null) =>
              setGroups(
                match.groups
                  .map((x, i) =>
                    i === g
                      ? {
                          ...x,
                          fields: next
                            ? x.fields.map((y, j) => (j === p ? next : y))
                            : x.fields.filter((_, j) => j !== p),
                        }
                      : x,
                  )
                  .filter((x) => x.fields.length),
              );
            return (
              <div key={p} className="grid grid-cols-[1fr_1fr_auto] items-center gap-1">
                <Select
                  aria-label="ERP match field"
                  value={pair.erp}
                  options={erpFields}
                  onChange={(v) => setPair({ ...pair, erp: v })}
                />
                <Select
                  aria-label="CRM match field"
                  value={pair.crm}
                  options={crmFields}
                  onChange={(v) => setPair({ ...pair, crm: v })}
                />
                <button
                  type="button"
                  className="text-xs text-red-700"
                  onClick={() => setPair(null)}
                  aria-label="Remove match pair"
                >
                  ✕
                </button>
                <div className="col-span-3">
                  <Check
                    label="Case-sensitive"
                    checked={pair.caseSensitive}
                    onChange={(caseSensitive) => setPair({ ...pair, caseSensitive })}
                  />
                </div>
              </div>
            );
          })}
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() =>
              setGroups(match.groups.map((x, i) => (i === g ? { ...x, fields: [...x.fields, firstPair] } : x)))
            }
          >
            Add field pair
          </Button>
        </div>
      ))}
      <Button
        type="button"
        size="sm"
        variant="outline"
        onClick={() => setGroups([...match.groups, { priority: match.groups.length + 1, fields: [firstPair] }])}
      >
        Add match group
      </Button>
      <Check
        label="Create in Sales when nothing matches"
        checked={match.createIfNoMatch}
        onChange={(createIfNoMatch) => onChange({ ...match, createIfNoMatch })}
      />
      <Check
        label="Synchronize after coupling"
        checked={match.syncAfterCoupling}
        onChange={(syncAfterCoupling) => onChange({ ...match, syncAfterCoupling })}
      />
    </Section>
  );
}
