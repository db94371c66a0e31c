"""One `POST /logs/` entry, encoded once when the plugin logs it: `{event, data, datetime, job, level, file?}`."""

from datetime import datetime, timezone

from .jsonsafe import dumps


def encode_entry(job_id, event, data, level="info", file_uri=None) -> str:
    entry = {"event": event, "data": data, "datetime": datetime.now(timezone.utc).isoformat(), "job": job_id, "level": level}
    if file_uri is not None:
        entry["file"] = file_uri
    return dumps(entry)
