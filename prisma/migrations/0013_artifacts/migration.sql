-- CreateTable
CREATE TABLE "run_artifacts" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sha256" CHAR(64),
    "crc32" BIGINT,
    "size_bytes" BIGINT NOT NULL DEFAULT 0,
    "content_type" TEXT NOT NULL,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploaded_at" TIMESTAMPTZ(3),

    CONSTRAINT "run_artifacts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "run_artifacts_sha256_idx" ON "run_artifacts"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "run_artifacts_run_id_path_key" ON "run_artifacts"("run_id", "path");

-- AddForeignKey
ALTER TABLE "run_artifacts" ADD CONSTRAINT "run_artifacts_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

