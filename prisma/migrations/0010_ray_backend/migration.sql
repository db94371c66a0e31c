-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "backend_log_offset" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resources" JSONB,
ADD COLUMN     "unreachable_since" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ray_serve_apps" (
    "run_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ray_serve_apps_pkey" PRIMARY KEY ("run_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ray_serve_apps_name_key" ON "ray_serve_apps"("name");

-- CreateIndex
CREATE INDEX "runs_backend_status_idx" ON "runs"("backend", "status");

-- AddForeignKey
ALTER TABLE "ray_serve_apps" ADD CONSTRAINT "ray_serve_apps_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

