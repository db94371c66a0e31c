import { formatDuration } from "@/lib/runs/client/format-duration";
import type { RunProgress as Progress, RunStatus } from "@/lib/runs/schemas";
import { ProgressBar } from "@/components/ui/progress-bar";

/** The overall bar, then one bar per step with the time the plugin expects it still needs. */
export function RunProgress({ progress, status }: { progress: Progress | null; status: RunStatus }) {
  const steps = Object.entries(progress?.steps ?? {});
  const overall = status === "succeeded" ? 100 : (progress?.overall ?? null);
  if (overall === null && steps.length === 0) {
    return (
      <p className="text-sm text-zinc-500">
        {status === "queued" || status === "starting" ? "Waiting for the run to report progress…" : "No progress reported."}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {overall !== null && <ProgressBar label="Overall" percent={overall} />}
      {steps.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2">
          {steps.map(([name, step]) => (
            <ProgressBar
              key={name}
              label={name}
              percent={step.percent}
              detail={step.timeRemaining && step.percent < 100 ? `${formatDuration(step.timeRemaining * 1000)} left` : undefined}
            />
          ))}
        </div>
      )}
    </div>
  );
}
