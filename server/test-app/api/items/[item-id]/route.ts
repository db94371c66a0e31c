type Ctx = { params: Promise<Record<string, unknown>> };
export const GET = async (_req: Request, { params }: Ctx) => Response.json({ route: "item", params: await params });
