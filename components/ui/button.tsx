import Link from "next/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const STYLES: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 shadow-sm",
  secondary:
    "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 shadow-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 dark:border-red-900 dark:bg-zinc-900 dark:text-red-400 dark:hover:bg-red-950",
  ghost: "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
};

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md"; href?: string; download?: boolean; children: ReactNode };

export function Button({ variant = "primary", size = "md", href, download, className = "", children, ...rest }: Props) {
  const classes = `inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${
    size === "sm" ? "px-2.5 py-1 text-xs" : "px-4 py-2 text-sm"
  } ${STYLES[variant]} ${className}`;
  if (href) {
    // A link keeps the accessible name and tooltip it was given ("Run train" for a bare "Run").
    const named = { "aria-label": rest["aria-label"], title: rest.title };
    return download ? (
      <a href={href} download className={classes} {...named}>
        {children}
      </a>
    ) : (
      <Link href={href} className={classes} {...named}>
        {children}
      </Link>
    );
  }
  return (
    <button type="button" {...rest} className={classes}>
      {children}
    </button>
  );
}
