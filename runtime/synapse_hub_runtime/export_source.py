"""An export's data, read from the hub's Synapse routes, the same ones the SDK's export action reads
(`sdk/assignments/`, `sdk/tasks/`, `sdk/ground_truth_events/`; /work/notes/export-protocol.md).

`items()` is lazy: one page (`page_size` items, cursor paging) is held at a time and the next one is
fetched only when the previous is consumed, so an export of a whole project never holds it in
memory. Each item is the hub's row (`id`, `data`, `data_unit`, `task`, `worker`, …) plus `files`, the
primary file entry, as the SDK's `get_export_item` yields it (`{id, data, files}`): code written
against either reads the same keys.
"""

import json
from urllib.parse import urlencode, urlsplit

from .originals import download_original
from .params import Params
from .transport import SENT

TARGETS = {
    "assignment": ("/sdk/assignments/", "project"),
    "task": ("/sdk/tasks/", "project"),
    "ground_truth": ("/sdk/ground_truth_events/", "ground_truth_dataset_versions"),
}
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 100, 1000
# A plugin waits for its pages: past this much failing, the export fails instead of hanging.
PAGE_GIVE_UP_SECONDS = 60.0


class ExportError(Exception):
    """The hub refused the export's request (a filter it does not support, a project it cannot
    read), or could not be reached; the message says which, in the hub's words."""


class ExportSource:
    def __init__(self, transport, hub_url, params):
        self._transport = transport
        self._prefix = urlsplit(hub_url).path.rstrip("/")
        self._origin = _origin(hub_url)
        self._params = params

    def items(self, target=None, filter=None, page_size=None):
        target = target if target is not None else self._params.get("target")
        if target not in TARGETS:
            raise ValueError(f"target must be one of {', '.join(TARGETS)}, got {target!r}")
        filters = dict(filter if filter is not None else self._params.get("filter") or {})
        path, required = TARGETS[target]
        if target == "ground_truth" and "ground_truth_dataset_version" in filters:
            # The SDK's params carry the singular spelling; the list's filter is the plural one.
            filters.setdefault("ground_truth_dataset_versions", filters.pop("ground_truth_dataset_version"))
        if filters.get(required) in (None, "", []):
            raise ValueError(f"an export of {target} needs filter.{'ground_truth_dataset_version' if target == 'ground_truth' else required}")
        size = int(page_size or DEFAULT_PAGE_SIZE)
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}, got {size}")
        return ExportItems(self, target, path, filters, size)

    def original_file(self, item, slot=None, dest=None):
        entry = _file_entry(item, slot)
        return download_original(entry, self._origin, self._prefix, dest, item.get("id"))

    def get_json(self, path_and_query):
        outcome = self._transport.send("GET", path_and_query, lambda: None, give_up_after=PAGE_GIVE_UP_SECONDS)
        if outcome != SENT:
            status, text = self._transport.last_refusal or (0, "no answer")
            raise ExportError(f"GET {path_and_query.split('?')[0]} failed: {_problem(status, text)}")
        return json.loads(self._transport.last_answer)

    def local_path(self, url):
        """A `next` link as a path on the hub the runtime reports to (links carry the origin the
        hub was asked on, which may be a public name this process cannot reach)."""
        parts = urlsplit(url)
        path = parts.path
        if self._prefix and path.startswith(self._prefix + "/"):
            path = path[len(self._prefix) :]
        return f"{path}?{parts.query}" if parts.query else path


class ExportItems:
    """The items of one target, page by page. `count` is the total (one cheap request, made when
    first asked); iterating fetches the pages in turn and may be done once."""

    def __init__(self, source, target, path, filters, page_size):
        self._source = source
        self.target = target
        self._path = path
        self.filters = filters
        self._page_size = page_size
        self._count = None

    @property
    def count(self):
        if self._count is None:
            # The SDK's own probe: page mode, one item; cursor pages carry no count.
            page = self._source.get_json(self._path + "?" + _query({**self.filters, "page_size": 1}))
            self._count = int(page.get("count") or 0)
        return self._count

    def __len__(self):
        return self.count

    def __iter__(self):
        url = self._path + "?" + _query({**self.filters, "page_size": self._page_size, "pagination": "cursor", "ordering": "id"})
        while url:
            page = self._source.get_json(url)
            results = page.get("results") or []
            following = page.get("next")
            url = self._source.local_path(following) if following else None
            # The page is dropped as it is consumed: only the rows not yet handed out stay alive.
            results.reverse()
            while results:
                yield export_item(results.pop())


def export_item(row):
    """The row plus `files`: the primary file entry, where the SDK's handlers look for it."""
    item = Params(row)
    if "files" not in item:
        item["files"] = _primary(row)
    return item


def _primary(row):
    if isinstance(row.get("file"), dict) and row["file"]:
        return row["file"]
    files = (row.get("data_unit") or {}).get("files") or {}
    for entry in files.values():
        if isinstance(entry, dict) and entry.get("is_primary"):
            return entry
    return next(iter(files.values()), {})


def _file_entry(item, slot):
    if slot is None:
        entry = item.get("files") or _primary(item)
    else:
        entry = ((item.get("data_unit") or {}).get("files") or {}).get(slot)
        if entry is None:
            raise KeyError(f"item {item.get('id')} has no file in the slot {slot!r}")
    if not entry or not entry.get("url"):
        raise KeyError(f"item {item.get('id')} has no original file")
    return entry


def _query(filters):
    pairs = []
    for key, value in filters.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        pairs.append((key, str(value)))
    return urlencode(pairs)


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _problem(status, text):
    try:
        body = json.loads(text)
        if isinstance(body, dict) and (body.get("detail") or body.get("title")):
            return f"HTTP {status} {body.get('code') or ''}: {body.get('detail') or body.get('title')}".replace("  ", " ")
    except ValueError:
        pass
    return f"HTTP {status}: {text[:300]}" if status else text
