-- CreateTable
CREATE TABLE "plugins" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "latest_version" TEXT,
    "version_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plugins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plugin_versions" (
    "id" UUID NOT NULL,
    "plugin_id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "actions" JSONB NOT NULL,
    "config_yaml" TEXT NOT NULL,
    "readme" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "format" TEXT NOT NULL,
    "yanked" BOOLEAN NOT NULL DEFAULT false,
    "yank_reason" TEXT,
    "yanked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plugin_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hub_meta" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hub_meta_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "plugins_code_key" ON "plugins"("code");

-- CreateIndex
CREATE INDEX "plugins_updated_at_id_idx" ON "plugins"("updated_at", "id");

-- CreateIndex
CREATE INDEX "plugins_category_updated_at_id_idx" ON "plugins"("category", "updated_at", "id");

-- CreateIndex
CREATE INDEX "plugin_versions_sha256_idx" ON "plugin_versions"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "plugin_versions_plugin_id_version_key" ON "plugin_versions"("plugin_id", "version");

-- AddForeignKey
ALTER TABLE "plugin_versions" ADD CONSTRAINT "plugin_versions_plugin_id_fkey" FOREIGN KEY ("plugin_id") REFERENCES "plugins"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Catalog search matches substrings of name, code and description. A trigram index keeps it
-- fast at tens of thousands of plugins. (Kept out of schema.prisma: Prisma cannot model it.)
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "plugins_search_trgm_idx" ON "plugins"
  USING GIN ((lower("name" || ' ' || "code" || ' ' || "description")) gin_trgm_ops);
CREATE INDEX "plugins_lower_name_id_idx" ON "plugins" (lower("name"), "id");
