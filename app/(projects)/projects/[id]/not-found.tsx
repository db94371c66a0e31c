import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

export default function ProjectNotFound() {
  return (
    <EmptyState title="Project not found" detail="No project with this id exists on this hub.">
      <Button href="/projects">All projects</Button>
    </EmptyState>
  );
}
