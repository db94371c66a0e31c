import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { processSingleton } from "@/lib/process-singleton";

/**
 * Names this hub process as the owner of the local processes it starts: `<host>/<pid>/<random>`.
 * Another instance on the same host can tell whether the owner still lives (its pid), and a restarted
 * hub, whose pid may be reused, still differs by the random part.
 */
const instance = processSingleton("hub-instance", () => ({ id: `${hostname()}/${process.pid}/${randomBytes(4).toString("hex")}` }));

export const instanceId = (): string => instance.id;

/** Whether the instance that wrote `node` is certainly gone: same host, and its process no longer exists. */
export function ownerIsGone(node: string): boolean {
  const [host, pid] = node.split("/");
  if (host !== hostname() || node === instance.id) return false;
  try {
    process.kill(Number(pid), 0);
    return false; // a live process with that pid: maybe the owner, so leave its runs alone
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
