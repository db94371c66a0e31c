"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

const PANEL_ID = "site-menu";

/**
 * The header's nav and account links: inline from the md breakpoint, behind a menu button below it
 * (a disclosure: Escape, a click outside, leaving it with Tab, or following a link closes it).
 * One copy of the links serves both layouts, so nothing is rendered twice.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // Open only on the page it was opened on: navigating closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = () => setOpenOn(null);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      close();
      button.current?.focus();
    };
    const outside = (target: EventTarget | null) => !(target instanceof Node) || !(panel.current?.contains(target) || button.current?.contains(target));
    const onPointer = (event: PointerEvent) => outside(event.target) && close();
    const onFocusOut = (event: FocusEvent) => event.relatedTarget && outside(event.relatedTarget) && close();
    const wide = matchMedia("(min-width: 1024px)"); // lg: where the links sit inline (site-header.tsx)
    const onWide = () => wide.matches && close();
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    panel.current?.addEventListener("focusout", onFocusOut);
    wide.addEventListener("change", onWide);
    panel.current?.querySelector<HTMLElement>("a[href], button")?.focus();
    const current = panel.current;
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
      current?.removeEventListener("focusout", onFocusOut);
      wide.removeEventListener("change", onWide);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={PANEL_ID}
        aria-label="Menu"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="ml-auto rounded-md p-2 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 lg:hidden dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
      </button>
      <div
        ref={panel}
        id={PANEL_ID}
        // A followed link to the page already shown does not change the path: close on the click too.
        onClick={(event) => (event.target as Element).closest("a") && setOpenOn(null)}
        className={`${open ? "absolute inset-x-0 top-full flex max-h-[calc(100dvh-3.5rem)] flex-col gap-3 overflow-y-auto border-b border-zinc-200 bg-white px-4 py-3 shadow-lg dark:border-zinc-800 dark:bg-zinc-950" : "hidden"} lg:static lg:flex lg:max-h-none lg:flex-1 lg:flex-row lg:items-center lg:gap-2 lg:overflow-visible xl:gap-4 lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none lg:dark:bg-transparent`}
      >
        {children}
      </div>
    </>
  );
}
