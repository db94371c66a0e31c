import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

export default function PluginNotFound() {
  return (
    <EmptyState title="Plugin not found" detail="No plugin or version with that name is published on this hub.">
      <Button href="/">Back to the catalog</Button>
    </EmptyState>
  );
}
