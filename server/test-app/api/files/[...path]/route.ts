type Ctx = { params: Promise<Record<string, unknown>> };
export const GET = async (_req: Request, { params }: Ctx) => Response.json({ route: "files", params: await params });
