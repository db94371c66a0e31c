-- CreateTable
CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "plugin_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "plugin_code" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" JSONB,
    "metrics" JSONB,
    "result" JSONB,
    "error" TEXT,
    "exit_code" INTEGER,
    "backend" TEXT NOT NULL,
    "launched_by_id" TEXT,
    "idempotency_key" TEXT,
    "request_hash" TEXT,
    "token_hash" CHAR(64),
    "timeout_seconds" INTEGER NOT NULL,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "node" TEXT,
    "pid" INTEGER,
    "serve_port" INTEGER,
    "last_seq" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_events" (
    "run_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_events_pkey" PRIMARY KEY ("run_id","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "runs_token_hash_key" ON "runs"("token_hash");

-- CreateIndex
CREATE INDEX "runs_created_at_id_idx" ON "runs"("created_at", "id");

-- CreateIndex
CREATE INDEX "runs_status_created_at_idx" ON "runs"("status", "created_at");

-- CreateIndex
CREATE INDEX "runs_plugin_code_created_at_idx" ON "runs"("plugin_code", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "runs_launched_by_id_idempotency_key_key" ON "runs"("launched_by_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_plugin_id_fkey" FOREIGN KEY ("plugin_id") REFERENCES "plugins"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "plugin_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_launched_by_id_fkey" FOREIGN KEY ("launched_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

