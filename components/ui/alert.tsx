import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** An inline message; errors use role="alert" so screen readers announce them. */
export function Alert({
  className,
  tone = "error",
  ...props
}: ComponentProps<"div"> & { tone?: "error" | "success" | "info" }) {
  const tones = {
    error: "border-destructive/30 bg-destructive/5 text-destructive",
    success: "border-success/30 bg-success/5 text-success",
    info: "border-border bg-muted text-muted-foreground",
  };
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-md border px-3 py-2 text-sm", tones[tone], className)}
      {...props}
    />
  );
}
