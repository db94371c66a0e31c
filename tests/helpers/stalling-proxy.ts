// A TCP proxy in front of Postgres that can make the hub's LISTEN connection go silent without
// closing it — what a half-open link or a wedged middlebox looks like from the client's side — or
// keep answering its queries while losing every notification.
import net from "node:net";

export type StallingProxy = {
  /** The database URL through the proxy. */
  url: string;
  /** From now on, server→client bytes of every connection that sent LISTEN are dropped. */
  stall: () => void;
  resume: () => void;
  /** From now on, listener connections still get query results but never a notification. */
  muteNotifications: () => void;
  /** How many listener connections have lost a notification so far. */
  mutedConnections: () => number;
  /** How many listener connections have lost bytes so far. */
  stalledConnections: () => number;
  close: () => Promise<void>;
};

export async function startStallingProxy(databaseUrl: string): Promise<StallingProxy> {
  const target = new URL(databaseUrl);
  let stalling = false;
  let muting = false;
  const stalled = new Set<net.Socket>();
  const muted = new Set<net.Socket>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    let listener = false;
    let pending = Buffer.alloc(0);
    // Server messages are a type byte and a length (counting itself); 'A' is NotificationResponse.
    const withoutNotifications = (chunk: Buffer): Buffer => {
      pending = Buffer.concat([pending, chunk]);
      const kept: Buffer[] = [];
      let at = 0;
      while (pending.length - at >= 5 && pending.length - at >= 1 + pending.readInt32BE(at + 1)) {
        const size = 1 + pending.readInt32BE(at + 1);
        if (pending[at] === 0x41) muted.add(client);
        else kept.push(pending.subarray(at, at + size));
        at += size;
      }
      pending = pending.subarray(at);
      return Buffer.concat(kept);
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => {
      // Plain-text protocol: a simple query is 'Q', a length, then the SQL.
      if (chunk[0] === 0x51 && chunk.includes("LISTEN ")) listener = true;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (listener && stalling) stalled.add(client);
      else if (listener && muting) client.write(withoutNotifications(chunk));
      else client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    stall: () => void (stalling = true),
    resume: () => void (stalling = false),
    muteNotifications: () => void (muting = true),
    mutedConnections: () => muted.size,
    stalledConnections: () => stalled.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
