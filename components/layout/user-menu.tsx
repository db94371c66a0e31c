import Link from "next/link";
import { SessionKeeper } from "@/components/auth/session-keeper";
import { currentUser } from "@/lib/auth/current-user";
import { SignOutButton } from "./sign-out-button";

export async function UserMenu() {
  const user = await currentUser();
  if (!user) {
    return (
      <Link href="/sign-in" className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex flex-col items-start gap-1 whitespace-nowrap text-sm lg:flex-row lg:items-center lg:gap-2">
      <SessionKeeper />
      <Link
        href="/my-plugins"
        className="rounded-md px-2 py-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
      >
        My plugins
      </Link>
      <Link
        href="/settings/tokens"
        className="rounded-md px-2 py-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
      >
        Settings
      </Link>
      {/* Who is signed in: first in the phone menu; inline only where there is room. */}
      <span className="order-first flex items-center gap-2 px-2 lg:order-none lg:px-0">
        <span className="text-zinc-700 lg:hidden xl:inline dark:text-zinc-300" data-testid="signed-in-as">
          {user.name}
        </span>
        {user.role === "admin" && (
          <Link href="/admin" title="Hub settings" className="rounded-full bg-brand-100 px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50">
            admin
          </Link>
        )}
      </span>
      <SignOutButton />
    </div>
  );
}
