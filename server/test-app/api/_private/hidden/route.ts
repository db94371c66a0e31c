export const GET = () => Response.json({ route: "private" });
