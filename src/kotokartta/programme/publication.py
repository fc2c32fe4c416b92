"""What the public site currently publishes, in the few words HTTP caching needs: which data set
(its id and checksum) and when it was loaded. `core.httpcache` reads it through the
`HTTP_CACHE_VERSION` setting, so that core needs no import of this app."""

from __future__ import annotations

import datetime as dt

from kotokartta.programme.models import DataSet


def current() -> tuple[str, dt.datetime] | None:
    """(`id:checksum`, loaded_at) of the published data set, or None before the first load.
    One indexed one-row query."""
    row = DataSet.objects.order_by("-loaded_at").values_list("id", "checksum", "loaded_at").first()
    if row is None:
        return None
    dataset_id, checksum, loaded_at = row
    return f"{dataset_id}:{checksum}", loaded_at
