"use client";
import dynamic from "next/dynamic";

/**
 * The designer renders in the browser only: React Flow cannot measure nodes on the server, so server-rendering a
 * large canvas only costs time (HTML, hydration) before the real first render.
 */
export const DesignerClient = dynamic(() => import("./designer").then((m) => m.Designer), {
  ssr: false,
  loading: () => (
    <div className="flex h-full items-center justify-center text-sm text-muted-foreground" role="status">
      Opening the designer…
    </div>
  ),
});
