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
          {/* Only the mark between lg and xl: the inline links need the room there. */}
          <span className="lg:sr-only xl:not-sr-only">synapse-hub</span>
        </Link>
        <HeaderMenu>
          <nav aria-label="Main" className="flex flex-col gap-1 whitespace-nowrap text-sm lg:flex-row lg:items-center">
            <NavLink href="/">Catalog</NavLink>
            <NavLink href="/projects">Projects</NavLink>
            <NavLink href="/runs">Runs</NavLink>
            <NavLink href="/exports">Exports</NavLink>
            <NavLink href="/compute">Compute</NavLink>
            <NavLink href="/publish">Publish</NavLink>
          </nav>
          <div className="border-t border-zinc-200 px-1 pt-3 lg:ml-auto lg:border-0 lg:px-0 lg:pt-0 dark:border-zinc-800">
            <UserMenu />
          </div>
        </HeaderMenu>
        <ThemeToggle />
      </div>
    </header>
  );
}
