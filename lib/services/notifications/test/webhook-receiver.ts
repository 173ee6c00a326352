import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
/** How the receiver answers its n-th request (1-based): a status, optional headers, or a delay before answering. */
export type Answer = { status: number; headers?: Record<string, string>; delayMs?: number };

export type WebhookReceiver = {
  url: string;
  requests: ReceivedRequest[];
  answer: (fn: (n: number) => Answer) => void;
  close: () => Promise<void>;
};

/** A real HTTP receiver on a free port of the loopback interface, recording every request it gets. */
export async function startWebhookReceiver(
  initial: (n: number) => Answer = () => ({ status: 204 }),
): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let answerFor = initial;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const { status, headers, delayMs } = answerFor(requests.length);
      const reply = () => res.writeHead(status, headers).end();
      if (delayMs) setTimeout(reply, delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/tandem`,
    requests,
    answer: (fn) => void (answerFor = fn),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
