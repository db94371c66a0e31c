// A TCP proxy in front of Postgres that can make the hub's LISTEN connection go silent without
// closing it — what a half-open link or a wedged middlebox looks like from the client's side.
import net from "node:net";

export type StallingProxy = {
  /** The database URL through the proxy. */
  url: string;
  /** From now on, server→client bytes of every connection that sent LISTEN are dropped. */
  stall: () => void;
  resume: () => void;
  /** How many listener connections have lost bytes so far. */
  stalledConnections: () => number;
  close: () => Promise<void>;
};

export async function startStallingProxy(databaseUrl: string): Promise<StallingProxy> {
  const target = new URL(databaseUrl);
  let stalling = false;
  const stalled = new Set<net.Socket>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    let listener = false;
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
    stalledConnections: () => stalled.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
