export const GET = () => Response.json({ route: "static" });
