import { RunPageSkeleton } from "@/components/runs/run-page-skeleton";

export default function Loading() {
  return <RunPageSkeleton />;
}
