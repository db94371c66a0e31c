import pg from "pg";

const TIMESTAMPTZ = 1184;
const parseDate = pg.types.getTypeParser(TIMESTAMPTZ, "text");
// "2026-11-25 12:27:05.782+00": what Postgres sends for a TIMESTAMPTZ(3) in a UTC session.
const UTC_MILLIS = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+00$/;

/**
 * pg type parsers that hand TIMESTAMPTZ columns over as ISO 8601 strings (what the API sends)
 * instead of Dates, for hot reads that only serialise them: the common case is a slice of the text,
 * anything else (another session time zone, fewer fraction digits) goes through a Date.
 */
export const isoTimestamps = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid !== TIMESTAMPTZ) return pg.types.getTypeParser(oid, format);
    return (text: string) => (UTC_MILLIS.test(text) ? `${text.slice(0, 10)}T${text.slice(11, 23)}Z` : (parseDate(text) as Date).toISOString());
  },
};
