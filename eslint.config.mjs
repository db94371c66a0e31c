import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      ".test-data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".venv*/**",
      "bench/.out/**",
    ],
  },
];

export default config;
