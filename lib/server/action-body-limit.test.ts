import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { MAX_DRAFT_BYTES } from "@/lib/services/designer/designer-schemas";
import { DRAFT_LIMIT_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from "./action-body-limit";
import nextConfig from "@/next.config";

// The encoder the browser runs to send a server action's arguments (Next's own copy of React's).
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const utf8 = (text: string) => Buffer.byteLength(text, "utf8");

/** A draft whose JSON text is at most `size` UTF-8 bytes (as save-draft counts), made of `unit`. */
function draftOfSize(size: number, unit = "x") {
  const empty = { schemaVersion: 1, nodes: [], edges: [] };
  const node = { id: "c1", type: "constant", position: { x: 0, y: 0 }, data: { mapping: "M", value: "" } };
  const overhead = utf8(JSON.stringify({ ...empty, nodes: [node] }));
  node.data.value = unit.repeat(Math.floor((size - overhead) / utf8(unit)));
  return { ...empty, nodes: [node] };
}

const bodyBytes = async (graph: unknown) => {
  const body = await encodeReply([{ graph, baseHash: "a".repeat(64) }]);
  expect(typeof body).toBe("string");
  return Buffer.byteLength(body as string, "utf8");
};

describe("the server-action body limit", () => {
  it("should follow the draft limit when save-draft's limit is read", () => {
    expect(MAX_DRAFT_BYTES).toBe(DRAFT_LIMIT_BYTES);
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
  });

  it("should let the largest draft save-draft accepts through when it is sent as an action", async () => {
    const graph = draftOfSize(MAX_DRAFT_BYTES);
    expect(utf8(JSON.stringify(graph))).toBeLessThanOrEqual(MAX_DRAFT_BYTES);
    expect(await bodyBytes(graph)).toBeLessThan(SERVER_ACTION_BODY_LIMIT_BYTES);
    // Text that the reply encoding escapes (quotes) grows in the body: the envelope room covers it.
    const quoted = draftOfSize(MAX_DRAFT_BYTES, '"' + "x".repeat(9));
    expect(await bodyBytes(quoted)).toBeLessThan(SERVER_ACTION_BODY_LIMIT_BYTES);
    const accented = draftOfSize(MAX_DRAFT_BYTES, "é" + "x".repeat(9));
    expect(await bodyBytes(accented)).toBeLessThan(SERVER_ACTION_BODY_LIMIT_BYTES);
  });

  it("should refuse a draft well beyond the draft limit when it is sent as an action", async () => {
    expect(await bodyBytes(draftOfSize(MAX_DRAFT_BYTES + 2 * 1024 * 1024))).toBeGreaterThan(
      SERVER_ACTION_BODY_LIMIT_BYTES,
    );
  });
});
