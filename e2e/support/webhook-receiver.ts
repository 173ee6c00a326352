import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { event: string; subject: string; body: Record<string, unknown>; signed: boolean };

/** A webhook receiver on a free local port: keeps every notification, with whether its signature verifies. */
export async function startReceiver(secret: string) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const timestamp = String(request.headers["x-tandem-timestamp"] ?? "");
      const signature = String(request.headers["x-tandem-signature"] ?? "");
      const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${raw}`).digest("hex")}`;
      const signed =
        signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      const body = JSON.parse(raw) as Record<string, unknown>;
      received.push({ event: String(body.event), subject: String(body.subject), body, signed });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tandem-hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
