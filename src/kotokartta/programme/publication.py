"""What the public site currently publishes, in the few words every cache needs: which data set
(its id and checksum) and when it was loaded. The programme app registers `current` as core's
one data version provider (`core.dataversion`, in AppConfig.ready()), so that core needs no
import of this app; core reads it once per request."""

from __future__ import annotations

from kotokartta.core.dataversion import DataVersion
from kotokartta.programme.models import DataSet


def current() -> DataVersion | None:
    """The published data set's version (`id:checksum`, loaded_at), or None before the first
    load. One indexed one-row query."""
    row = DataSet.objects.order_by("-loaded_at").values_list("id", "checksum", "loaded_at").first()
    if row is None:
        return None
    dataset_id, checksum, loaded_at = row
    return DataVersion(token=f"{dataset_id}:{checksum}", published_at=loaded_at)
