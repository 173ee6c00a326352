"use client";
import Link from "next/link";
import { tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import { cn } from "@/lib/utils/cn";

export const TABLE_FEATURES = tableFeatures({});
export type ServerColumn<T extends RowData> = ColumnDef<typeof TABLE_FEATURES, T, unknown> & {
  meta?: { sortKey?: string };
};

export type ServerTableState = {
  /** The page's URL search parameters as the server read them: links keep them and change one. */
  params: Record<string, string>;
  sort?: string;
  order?: "asc" | "desc";
  page: number;
  pageSize: number;
  total: number;
};

const hrefWith = (state: ServerTableState, change: Record<string, string | number>) => {
  const params = new URLSearchParams({
    ...state.params,
    ...Object.fromEntries(Object.entries(change).map(([k, v]) => [k, String(v)])),
  });
  return `?${params}`;
};

/**
 * A list the server filtered, sorted and paged: TanStack Table renders the columns; sorting and paging are links
 * that change the URL, so the database does the work and a page can be bookmarked or shared.
 */
export function ServerTable<T extends RowData>({
  label,
  columns,
  rows,
  state,
  rowId,
  empty,
}: {
  label: string;
  columns: ServerColumn<T>[];
  rows: T[];
  state: ServerTableState;
  rowId: (row: T) => string;
  empty: React.ReactNode;
}) {
  const table = useTable({ features: TABLE_FEATURES, columns, data: rows, getRowId: rowId });
  const pages = Math.max(1, Math.ceil(state.total / state.pageSize));
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto rounded-md border border-border">
        <table className="w-full text-sm" aria-label={label}>
          <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortKey = (header.column.columnDef as ServerColumn<T>).meta?.sortKey;
                  const sorted = sortKey && state.sort === sortKey ? state.order : undefined;
                  const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <th
                      key={header.id}
                      className="px-3 py-2 font-medium"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {sortKey ? (
                        <Link
                          className="hover:underline"
                          href={hrefWith(state, { sort: sortKey, order: sorted === "desc" ? "asc" : "desc", page: 1 })}
                        >
                          {content}
                          {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                        </Link>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-border align-top">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <div className="p-6 text-center text-sm text-muted-foreground">{empty}</div>}
      </div>
      <nav aria-label={`${label} pages`} className="flex items-center gap-3 text-sm">
        <span className="text-muted-foreground">
          {state.total.toLocaleString("en-US")} in all · page {state.page} of {pages}
        </span>
        <Link
          aria-disabled={state.page <= 1}
          className={cn("underline", state.page <= 1 && "pointer-events-none opacity-40")}
          href={hrefWith(state, { page: state.page - 1 })}
        >
          Previous
        </Link>
        <Link
          aria-disabled={state.page >= pages}
          className={cn("underline", state.page >= pages && "pointer-events-none opacity-40")}
          href={hrefWith(state, { page: state.page + 1 })}
        >
          Next
        </Link>
      </nav>
    </div>
  );
}
