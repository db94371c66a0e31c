-- DropForeignKey
ALTER TABLE "runs" DROP CONSTRAINT "runs_version_id_fkey";

-- AlterTable
ALTER TABLE "plugin_versions" ADD COLUMN     "debug" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "debug" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "version_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "plugin_versions_debug_updated_at_idx" ON "plugin_versions"("debug", "updated_at");

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "plugin_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

