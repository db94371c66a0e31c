// The admin the first-run journey creates; later journeys reuse its signed-in browser state.
export const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };
export const ADMIN_STATE = ".test-data/e2e-admin-state.json";
