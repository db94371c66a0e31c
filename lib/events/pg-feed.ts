import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { databaseUrl, env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";

/**
 * Tells every instance of the hub what changed elsewhere (the catalog, run events). Writers NOTIFY
 * inside their transaction (delivered on commit); each instance LISTENs on one dedicated connection. A link can die without
 * closing (a half-open TCP connection, a stalled proxy), and then no NOTIFY ever arrives; so the
 * feed counts as live only while it proves it delivers: TCP keep-alive on the socket, and a
 * heartbeat that this instance NOTIFYs on a channel of its own and must hear back within a
 * deadline (the feed turns live only when the first one comes back). When the proof fails the
 * connection is dropped and reopened. While `isLive()` is false,
 * readers must not trust anything cached, and must not wait for a notification to learn of a change.
 */
export const CHANNELS = ["catalog_changed", "run_events", "run_cancel"] as const;
export type Channel = (typeof CHANNELS)[number];
/** How the listener shows in pg_stat_activity (followed by the process id). */
export const FEED_APPLICATION_NAME = "synapse-hub change feed";

/** Called with a notification's payload, or with null when the feed went down or came back (anything may have changed). */
type Listener = (payload: string | null) => void;
type Feed = { listeners: Map<Channel, Set<Listener>>; live: boolean; started: boolean; failures: number };

const feed = processSingleton("pg-feed", (): Feed => ({
  listeners: new Map(CHANNELS.map((channel) => [channel, new Set<Listener>()])),
  live: false,
  started: false,
  failures: 0,
}));

function start(): Feed {
  if (!feed.started) {
    feed.started = true;
    void connect();
  }
  return feed;
}

async function connect(): Promise<void> {
  const { CATALOG_HEARTBEAT_INTERVAL_MS: interval, CATALOG_HEARTBEAT_TIMEOUT_MS: timeout } = env();
  const heartbeatChannel = `catalog_heartbeat_${randomBytes(8).toString("hex")}`;
  const client = new pg.Client({
    connectionString: databaseUrl(),
    application_name: `${FEED_APPLICATION_NAME} (pid ${process.pid})`,
    keepAlive: true,
    keepAliveInitialDelayMillis: interval,
  });
  let closed = false;
  let watchdog: NodeJS.Timeout | undefined;
  let awaited: string | undefined; // the heartbeat on its way

  const fail = (reason: string) => {
    if (closed) return;
    closed = true;
    clearTimeout(watchdog);
    if (feed.live) console.error(`change feed lost (${reason}); caches are bypassed and live views poll until it is back`);
    feed.live = false;
    changed(null);
    // end() would wait for the server's goodbye, which a dead link never sends.
    client.connection.stream.destroy();
    const delay = Math.min(250 * 2 ** feed.failures++, 10_000);
    setTimeout(() => void connect(), delay).unref();
  };
  const expectWithin = (what: string) => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => fail(`${what} not answered within ${timeout} ms`), timeout).unref();
  };

  client.on("error", (error) => fail(error.message));
  client.on("end", () => fail("connection closed"));
  client.on("notification", (message) => {
    if (message.channel !== heartbeatChannel) return delivered(message.channel as Channel, message.payload ?? "");
    if (message.payload !== awaited) return;
    awaited = undefined;
    clearTimeout(watchdog);
    // Live only once a heartbeat came back: a link that takes queries but never delivers a
    // notification must not be trusted, nor count as recovered (which would reset the back-off).
    if (closed || feed.live) return;
    if (feed.failures > 0) console.log("change feed is back");
    feed.failures = 0;
    feed.live = true;
    changed(null); // anything cached before we listened may be stale
  });

  expectWithin("connecting");
  try {
    await client.connect();
    await client.query([...CHANNELS, heartbeatChannel].map((channel) => `LISTEN ${channel}`).join("; "));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (closed) return;

  let sequence = 0;
  const heartbeat = () => {
    if (awaited !== undefined) return; // the watchdog already runs for the last one
    awaited = String(++sequence);
    expectWithin("heartbeat");
    client.query("SELECT pg_notify($1, $2)", [heartbeatChannel, awaited]).catch((error: Error) => fail(error.message));
  };
  heartbeat(); // the first one, at once: its echo is what makes the feed live
  const ticker = setInterval(() => (closed ? clearInterval(ticker) : heartbeat()), interval).unref();
}

function delivered(channel: Channel, payload: string): void {
  for (const listener of feed.listeners.get(channel) ?? []) listener(payload);
}

function changed(payload: null): void {
  for (const listeners of feed.listeners.values()) for (const listener of listeners) listener(payload);
}

/** Subscribes to a channel; returns the unsubscribe function. */
export function listen(channel: Channel, listener: Listener): () => void {
  const listeners = start().listeners.get(channel)!;
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isLive(): boolean {
  return start().live;
}
