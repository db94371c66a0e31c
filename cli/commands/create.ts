import path from "node:path";
import { createInterface } from "node:readline/promises";
import { CATEGORIES, CATEGORY_LABELS } from "../../lib/registry/config/categories";
import { slugify } from "../../lib/registry/config/normalize-config";
import { generatePlugin } from "../../lib/templates/generate";
import { DEFAULT_VERSION, defaultDescription, RUNTIME_LABELS, TEMPLATE_RUNTIMES, templateInputSchema, type TemplateInput } from "../../lib/templates/schemas";
import { FolderNotEmptyError, writeTemplate } from "../../lib/templates/write-template";
import { CliError, usageError } from "../errors";
import { print, type Output } from "../output";

export type CreateFlags = { name?: string; code?: string; version?: string; description?: string; category?: string; runtime?: string; out?: string };

/**
 * `create`: writes a new plugin folder from the category's template. On a terminal it asks for what
 * the flags leave out; in a script (no terminal) `--name` and `--category` are enough, the rest has
 * defaults. It never writes into a folder that holds anything.
 */
export async function create(
  flags: CreateFlags,
  output: Output,
  interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !output.json,
): Promise<void> {
  const input = interactive ? await ask(flags) : fromFlags(flags);
  const parsed = templateInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new CliError(
      "These values would not make a valid plugin:",
      2,
      parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`),
      "validation_failed",
    );
  }
  let generated;
  try {
    generated = generatePlugin(parsed.data);
  } catch (error) {
    throw new CliError(
      `--code: ${(error as Error).message.includes("derived") ? "cannot be derived from the name; pass --code" : (error as Error).message}`,
      2,
    );
  }
  const { variables, files } = generated;
  const folder = path.resolve(flags.out ?? variables.code);
  try {
    await writeTemplate(folder, files);
  } catch (error) {
    if (error instanceof FolderNotEmptyError) throw new CliError(error.message, 2, [], "folder_not_empty");
    throw error;
  }
  const relative = path.relative(process.cwd(), folder) || ".";
  print(
    output,
    [
      `Created ${variables.code}@${variables.version} (${CATEGORY_LABELS[variables.category]}, ${RUNTIME_LABELS[variables.runtime].label}) in ${folder}:`,
      ...files.map((f) => `  ${f.path}`),
      "",
      `Next: cd ${relative} && npx synapse-hub publish`,
    ],
    { folder, files: files.map((f) => f.path), variables },
  );
}

function fromFlags(flags: CreateFlags): TemplateInput {
  const missing = (["name", "category"] as const).filter((key) => !flags[key]);
  if (missing.length)
    throw usageError(`create needs ${missing.map((m) => `--${m}`).join(" and ")} when it cannot ask (no terminal). Categories: ${CATEGORIES.join(", ")}.`);
  return {
    name: flags.name!,
    code: flags.code,
    version: flags.version ?? DEFAULT_VERSION,
    category: flags.category as TemplateInput["category"],
    description: flags.description ?? defaultDescription(flags.category!),
    runtime: (flags.runtime ?? "hub") as TemplateInput["runtime"],
  };
}

/** Asks for each value the flags leave out, again until the registry's rule for that field accepts it. */
async function ask(flags: CreateFlags): Promise<TemplateInput> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // The line iterator buffers: answers typed (or pasted) ahead of their question are not lost.
  const lines = rl[Symbol.asyncIterator]();
  const shape = templateInputSchema.shape;
  const question = async (label: string, fallback: string | undefined, check: (value: string) => string | null): Promise<string> => {
    for (;;) {
      process.stdout.write(`${label}${fallback ? ` (${fallback})` : ""}: `);
      const line = await lines.next();
      if (line.done) throw new CliError("Stopped before every question was answered; nothing was written.", 2);
      const answer = String(line.value).trim() || fallback || "";
      const problem = check(answer);
      if (!problem) return answer;
      process.stdout.write(`  ${problem}\n`);
    }
  };
  const rule = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }) => (value: string) => {
    const result = schema.safeParse(value);
    return result.success ? null : (result.error?.issues[0]?.message ?? "is not valid");
  };
  try {
    const name = flags.name ?? (await question("Name", undefined, rule(shape.name)));
    const code = flags.code ?? (await question("Code", slugify(name) || undefined, rule(shape.code)));
    const version = flags.version ?? (await question("Version", DEFAULT_VERSION, rule(shape.version)));
    let category = flags.category;
    if (!category) {
      process.stdout.write(CATEGORIES.map((c, i) => `  ${i + 1}. ${c} (${CATEGORY_LABELS[c]})\n`).join(""));
      const pick = (value: string) => CATEGORIES[Number(value) - 1] ?? value;
      category = pick(await question("Category (number or name)", "custom", (v) => rule(shape.category)(pick(v))));
    }
    const description = flags.description ?? (await question("Description", defaultDescription(category), rule(shape.description)));
    let runtime = flags.runtime;
    if (!runtime) {
      process.stdout.write(TEMPLATE_RUNTIMES.map((r) => `  ${r}: ${RUNTIME_LABELS[r].label}. ${RUNTIME_LABELS[r].detail}\n`).join(""));
      runtime = await question("Runtime", "hub", rule(shape.runtime));
    }
    return { name, code, version, category: category as TemplateInput["category"], description, runtime: runtime as TemplateInput["runtime"] };
  } finally {
    rl.close();
  }
}
