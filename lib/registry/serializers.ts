import "server-only";
import type { Plugin, PluginVersion } from "@/lib/generated/prisma/client";
import type { PluginAction, PluginConfig } from "./config/normalize-config";
import { renderReadme } from "./render-readme";
import type { ActionDto, PluginSummary, VersionDetail, VersionSummary } from "./schemas";

type PluginRow = Pick<Plugin, "code" | "name" | "category" | "description" | "latestVersion" | "versionCount" | "createdAt" | "updatedAt">;

export function toPluginSummary(row: PluginRow): PluginSummary {
  return {
    code: row.code,
    name: row.name,
    category: row.category as PluginSummary["category"],
    description: row.description,
    latestVersion: row.latestVersion,
    versionCount: row.versionCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function archiveUrl(code: string, version: string): string {
  return `/api/v1/plugins/${code}/versions/${encodeURIComponent(version)}/archive`;
}

export function toVersionSummary(code: string, row: PluginVersion): VersionSummary {
  return {
    version: row.version,
    sha256: row.sha256,
    sizeBytes: Number(row.sizeBytes),
    format: row.format as VersionSummary["format"],
    yanked: row.yanked,
    yankReason: row.yankReason,
    debug: row.debug,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    downloadUrl: archiveUrl(code, row.version),
  };
}

export function toVersionDetail(code: string, row: PluginVersion): VersionDetail {
  const config = row.config as unknown as PluginConfig;
  return {
    ...toVersionSummary(code, row),
    code,
    name: config.name,
    category: config.category,
    description: config.description,
    config: config as unknown as Record<string, unknown>,
    configYaml: row.configYaml,
    readme: row.readme,
    readmeHtml: renderReadme(row.readme),
    actions: row.actions as unknown as ActionDto[],
  };
}

/** Computed once at publish time and stored in declaration order. */
export function toActions(config: PluginConfig): ActionDto[] {
  return Object.entries(config.actions).map(([name, action]) => toAction(name, action));
}

function toAction(name: string, action: PluginAction): ActionDto {
  const hyper = action.hyperparameters as { train_ui_schemas?: unknown[] } | undefined;
  const params = (action.params_schema ?? action.ui_schema ?? hyper?.train_ui_schemas ?? []) as ActionDto["params"];
  return {
    name,
    method: action.method,
    entrypoint: action.entrypoint,
    description: typeof action.description === "string" ? action.description : null,
    params,
  };
}
