// Human output on stdout, progress on stderr (only on a terminal), or one JSON document with --json.

export type Output = { json: boolean };

export function print(output: Output, human: string | string[], data: unknown): void {
  if (output.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else process.stdout.write(`${Array.isArray(human) ? human.join("\n") : human}\n`);
}

export function progressBar(label: string): (done: number, total: number) => void {
  if (!process.stderr.isTTY) return () => {};
  let last = -1;
  return (done, total) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    if (percent === last) return;
    last = percent;
    const width = 24;
    const filled = Math.round((percent / 100) * width);
    process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${String(percent).padStart(3)}%`);
    if (percent === 100) process.stderr.write("\n");
  };
}

export function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join("  ")
      .trimEnd(),
  );
}
