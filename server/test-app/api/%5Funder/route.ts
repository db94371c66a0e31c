export const GET = () => Response.json({ route: "underscore" });
