import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

export default function RunNotFound() {
  return (
    <EmptyState title="Run not found" detail="No run with this id exists on this hub.">
      <Button href="/runs">All runs</Button>
    </EmptyState>
  );
}
