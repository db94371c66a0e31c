import { processSingleton } from "./process-singleton";

/**
 * Runs `task` now (without delaying the caller) and then every `intervalMs`, once per process however
 * many copies of lib/ are loaded (process-singleton.ts). A run still going when the next one is due
 * is not overlapped: that turn is skipped. The timer is unref'd, so it never keeps the process alive;
 * a failure is logged as "could not <what>" and the schedule goes on. Returns a function that stops it.
 */
export function every(name: string, intervalMs: number, what: string, task: () => Promise<unknown>): () => void {
  const schedule = processSingleton(`every.${name}`, () => ({ timer: undefined as NodeJS.Timeout | undefined, running: false }));
  const stop = () => {
    clearInterval(schedule.timer);
    schedule.timer = undefined;
  };
  if (schedule.timer) return stop;
  const run = async () => {
    if (schedule.running) return;
    schedule.running = true;
    try {
      await task();
    } catch (error) {
      console.error(`could not ${what}:`, error);
    } finally {
      schedule.running = false;
    }
  };
  schedule.timer = setInterval(run, intervalMs);
  schedule.timer.unref();
  void run();
  return stop;
}
