import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="w-full overflow-x-auto">
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
export const THead = (props: ComponentProps<"thead">) => (
  <thead className="border-b border-border bg-muted/50" {...props} />
);
export const TBody = (props: ComponentProps<"tbody">) => <tbody className="divide-y divide-border" {...props} />;
export const Tr = (props: ComponentProps<"tr">) => <tr className="hover:bg-muted/40" {...props} />;
export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn("h-9 px-3 text-left align-middle font-medium text-muted-foreground", className)}
      {...props}
    />
  );
}
export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2 align-middle", className)} {...props} />;
}
