import { RunsListSkeleton } from "@/components/runs/runs-list-skeleton";

export default function Loading() {
  return <RunsListSkeleton />;
}
