import { seen } from "../route";

export const GET = () => Response.json(seen);
