import Link from "next/link";
import { HeaderMenu } from "./header-menu";
import { NavLink } from "./nav-link";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 whitespace-nowrap font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-brand-600 text-sm text-white">
            S
          </span>
          {/* Only the mark between md and lg: the inline links need the room there. */}
          <span className="md:sr-only lg:not-sr-only">synapse-hub</span>
        </Link>
        <HeaderMenu>
          <nav aria-label="Main" className="flex flex-col gap-1 whitespace-nowrap text-sm md:flex-row md:items-center">
            <NavLink href="/">Catalog</NavLink>
            <NavLink href="/runs">Runs</NavLink>
            <NavLink href="/compute">Compute</NavLink>
            <NavLink href="/publish">Publish</NavLink>
          </nav>
          <div className="border-t border-zinc-200 px-1 pt-3 md:ml-auto md:border-0 md:px-0 md:pt-0 dark:border-zinc-800">
            <UserMenu />
          </div>
        </HeaderMenu>
        <ThemeToggle />
      </div>
    </header>
  );
}
