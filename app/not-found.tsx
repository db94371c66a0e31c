import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

export default function NotFound() {
  return (
    <EmptyState title="Page not found" detail="There is nothing at this address.">
      <Button href="/">Go to the catalog</Button>
    </EmptyState>
  );
}
