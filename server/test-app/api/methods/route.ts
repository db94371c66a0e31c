export const GET = (req: Request) => Response.json({ method: req.method, url: req.url });
export const POST = async (req: Request) => Response.json({ got: await req.text() }, { status: 201 });
