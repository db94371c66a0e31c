export const GET = () => Response.json({ route: "settings" });
