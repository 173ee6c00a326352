import net from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export type NeonWsProxy = { port: number; close: () => Promise<void> };

/**
 * The WebSocket→TCP relay Neon runs in front of Postgres, small enough for tests: each WebSocket at
 * `/v1?address=host:port` becomes one TCP connection, bytes copied both ways. Only local targets are allowed.
 */
export function startNeonWsProxy(
  options: { port?: number; host?: string; allowedHosts?: string[] } = {},
): Promise<NeonWsProxy> {
  const allowed = new Set(options.allowedHosts ?? ["127.0.0.1", "localhost", "::1"]);
  const server = new WebSocketServer({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });

  server.on("connection", (socket: WebSocket, request) => {
    const address = new URL(request.url ?? "/", "http://proxy").searchParams.get("address") ?? "";
    const match = /^(.+):(\d+)$/.exec(address);
    if (!match || !allowed.has(match[1]!)) {
      socket.close(1008, "address not allowed");
      return;
    }
    const tcp = net.connect({ host: match[1]!, port: Number(match[2]) });
    const pending: Buffer[] = [];
    tcp.on("connect", () => pending.splice(0).forEach((chunk) => tcp.write(chunk)));
    socket.on("message", (data: Buffer) => (tcp.connecting ? pending.push(data) : tcp.write(data)));
    tcp.on("data", (chunk) => socket.readyState === socket.OPEN && socket.send(chunk));
    const end = () => {
      tcp.destroy();
      if (socket.readyState === socket.OPEN) socket.close();
    };
    tcp.on("close", end);
    tcp.on("error", end);
    socket.on("close", end);
    socket.on("error", end);
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.once("listening", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.clients.forEach((client) => client.terminate());
            server.close(() => done());
          }),
      });
    });
  });
}

// `npx tsx db/neon-ws-proxy.ts [port]` runs it standalone; then NEON_WS_PROXY=127.0.0.1:<port>/v1.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const proxy = await startNeonWsProxy({ port: Number(process.argv[2] ?? 4444) });
  console.log(`Neon WebSocket proxy on ws://127.0.0.1:${proxy.port}/v1 (set NEON_WS_PROXY=127.0.0.1:${proxy.port}/v1)`);
}
