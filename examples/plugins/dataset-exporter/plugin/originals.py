"""Each item's original file, saved once under origin_files/ (assignments of one task share it). A
file that cannot be downloaded is counted and logged as failed; the export goes on."""

import os


class Originals:
    def __init__(self, ctx, folder):
        self._ctx = ctx
        self._folder = folder
        self._by_file = {}  # the file's url path (its id) -> the name it was saved as, or None if it failed
        self._names = set()
        self.saved = 0
        self.failed = 0

    def save(self, item):
        """The saved file's path inside the output folder, or None (no file, or it failed)."""
        files = item.get("files") or {}
        url = files.get("url")
        if not url:
            return None
        key = url.split("?", 1)[0]
        if key in self._by_file:
            return self._by_file[key]
        name = self._unique(files.get("file_name_original") or f"item-{item['id']}")
        try:
            path = self._ctx.original_file(item, dest=os.path.join(self._folder, name))
        except Exception as error:  # one bad file must not end the export
            self._by_file[key] = None  # counted once, not once per assignment of its task
            self.failed += 1
            self._ctx.log("export_original_file", {"id": item["id"], "file_name": name, "status": "failed", "error": str(error)})
            return None
        self.saved += 1
        saved = os.path.relpath(path, self._ctx.output_dir).replace(os.sep, "/")
        self._by_file[key] = saved
        return saved

    def _unique(self, name):
        """The original's name, or `stem_2.ext`, … when another file of the export already has it."""
        stem, ext = os.path.splitext(os.path.basename(name.replace("\\", "/")))
        if stem in ("", ".", ".."):
            stem = "original"
        candidate, n = stem + ext, 1
        while candidate in self._names:
            n += 1
            candidate = f"{stem}_{n}{ext}"
        self._names.add(candidate)
        return candidate
