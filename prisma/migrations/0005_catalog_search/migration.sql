-- Catalog search (lib/registry/catalog-search.ts) matches substrings of this text. Stored, so a
-- search reads it instead of computing lower(name || ' ' || code || ' ' || description) for every
-- candidate row, which was most of the cost of a search. Kept out of schema.prisma: Prisma 6 cannot
-- model a generated column, and never selects or writes a column it does not know.
-- (No semicolons or quotes in these comments: the migration runner splits statements on them.)
ALTER TABLE "plugins" ADD COLUMN "search_text" TEXT GENERATED ALWAYS AS (lower("name" || ' ' || "code" || ' ' || "description")) STORED;

-- The trigram index moves to the stored text. With fastupdate off a search never scans a pending
-- list of recent inserts (which made searches slow until the next vacuum), and publishes are rare.
DROP INDEX "plugins_search_trgm_idx";
CREATE INDEX "plugins_search_text_trgm_idx" ON "plugins" USING GIN ("search_text" gin_trgm_ops) WITH (fastupdate = off);
