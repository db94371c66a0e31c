import type { Page } from "@playwright/test";

/** Drops a file on the dropzone the way a browser does: a real DataTransfer carrying a File. */
export async function dropFile(page: Page, bytes: Buffer, name: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ data, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type: "application/zip" }));
      return dt;
    },
    { data: [...bytes], name },
  );
  await page.getByTestId("dropzone").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.getByTestId("dropzone").dispatchEvent("drop", { dataTransfer: transfer });
}
