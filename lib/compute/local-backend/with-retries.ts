import "server-only";

/** Runs `work`, retrying with back-off (0.5, 1, 2, 4 s) before giving up with an error naming `what`. */
export async function withRetries<T>(what: string, work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw new Error(`${what} failed ${attempts} times: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 1)));
    }
  }
}
