"""Run batches through pipeline workers: on Ray Data (`ray`) or with local processes (`local`).

Both engines hand each batch to `shards.analyze_batch` inside a worker that loaded the pipeline once,
so they write the same rows; a batch is a `Slice` of the input that the worker reads itself. A
crashed worker is replaced: Ray restarts the actor and retries its task (twice); the local engine
runs the batches of a broken pool once more in a fresh pool. Either way a batch whose marker the dead
worker had written is not analyzed again: its summary is read from the marker.
"""

from __future__ import annotations

import functools
import logging
import os
import pickle
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from warlog.batch.inputs import SCALE_HINT, Slice
from warlog.batch.shards import analyze_batch, read_summary
from warlog.errors import SettingsError, StoreError
from warlog.settings import Settings

Batch = tuple[int, Slice]
_worker: dict[str, Any] = {}


def _ignore(summary: dict) -> None:
    pass


def _load_worker(settings: Settings) -> None:
    import warlog

    _worker["pipeline"] = warlog.load(settings)


def _run_in_worker(part: int, piece: Slice, out: Path, published: str | None) -> dict:
    if "pipeline" not in _worker:  # in process: loaded on the first batch, so a rerun with nothing to do is quick
        _load_worker(_worker["settings"])
    return analyze_batch(_worker["pipeline"], part, piece.records(), out=out, published=published)


def run_local(
    batches: Iterator[Batch],
    *,
    settings: Settings,
    out: Path,
    published: str | None,
    workers: int,
    on_done: Callable[[dict], None] = _ignore,
) -> list[dict]:
    """Analyze batches in this process (one worker) or in a pool of `workers` fresh processes;
    `on_done` hears of each batch written, as it is."""
    if workers == 1:
        _worker.clear()
        _worker["settings"] = settings
        return [_told(on_done, _run_in_worker(part, piece, out, published)) for part, piece in batches]
    run = functools.partial(
        _run_pool, settings=settings, out=out, published=published, workers=workers, on_done=on_done
    )
    summaries: list[dict] = []
    for _ in range(2):  # a pool that dies under some batches: once more for those, in a fresh pool
        done, broken = run(batches)
        summaries += done
        # batches done before the pool broke, though their results were lost with it
        written = {part: summary for part, _ in broken if (summary := read_summary(out, part)) is not None}
        summaries += [_told(on_done, summary) for summary in written.values()]
        broken = [batch for batch in broken if batch[0] not in written]
        if not broken:
            return summaries
        batches = iter(broken)
    parts = ", ".join(str(part) for part, _ in broken)
    raise StoreError(f"batches {parts} crashed their worker twice; the others are written: run again to retry")


def _run_pool(
    batches: Iterator[Batch],
    *,
    settings: Settings,
    out: Path,
    published: str | None,
    workers: int,
    on_done: Callable[[dict], None],
) -> tuple[list[dict], list[Batch]]:
    """The summaries of the batches done, and the batches lost when the pool broke. At most two batches
    per worker are in flight, so the driver holds little of the input at a time."""
    summaries: list[dict] = []
    pending: dict[Future, Batch] = {}
    lost: list[Batch] = []
    context = get_context("spawn")  # a fresh interpreter: no threads of the driver (Ray, DuckDB) forked
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_load_worker, initargs=(settings,)) as pool:
        for batch in batches:
            if lost:
                lost.append(batch)
                continue
            try:
                pending[pool.submit(_run_in_worker, *batch, out, published)] = batch
            except BrokenProcessPool:
                lost.append(batch)
                continue
            if len(pending) >= 2 * workers:
                lost += _collect(pending, summaries, on_done)
        while pending:
            lost += _collect(pending, summaries, on_done)
    return summaries, sorted(lost, key=lambda batch: batch[0])


def _collect(pending: dict[Future, Batch], summaries: list[dict], on_done: Callable[[dict], None]) -> list[Batch]:
    """Wait for at least one batch in flight; add the summaries of those done, return those lost."""
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    lost = []
    for future in done:
        batch = pending.pop(future)
        try:
            summaries.append(_told(on_done, future.result()))
        except BrokenProcessPool:
            lost.append(batch)
    return lost


def _told(on_done: Callable[[dict], None], summary: dict) -> dict:
    on_done(summary)
    return summary


class RayWorker:
    """A Ray Data actor: loads the pipeline once, then analyzes one batch per call."""

    def __init__(self, settings: Settings, out: str, published: str | None) -> None:
        import warlog

        self.pipeline = warlog.load(settings)
        self.out = Path(out)
        self.published = published

    def __call__(self, rows: dict[str, Any]) -> dict[str, list]:
        summaries = [
            self._batch(int(part), pickle.loads(payload))
            for part, payload in zip(rows["part"], rows["payload"], strict=True)
        ]
        return {key: [s[key] for s in summaries] for key in summaries[0]} if summaries else {}

    def _batch(self, part: int, piece: Slice) -> dict:
        # A marker here means a retry: an actor wrote the batch, then died before its result came back.
        return read_summary(self.out, part) or analyze_batch(
            self.pipeline, part, piece.records(), out=self.out, published=self.published
        )


def run_ray(
    batches: Iterator[Batch],
    *,
    settings: Settings,
    out: Path,
    published: str | None,
    workers: int | None,
    address: str | None,
    on_done: Callable[[dict], None] = _ignore,
) -> list[dict]:
    """Analyze batches on Ray Data: a pool of `workers` actors fed through `map_batches`. Joins the
    cluster at `address` (default workers: its CPUs), or starts a new local one on `workers` CPUs
    (default: all cores) and shuts it down after. The shard folder must be one every worker can write:
    a local folder on one machine, a shared mount on a cluster."""
    ray = require_ray()
    started = not ray.is_initialized()
    if started:
        # A cluster of our own needs no advice on its set-up (token auth is on, the dashboard off).
        level = logging.WARNING if address else logging.ERROR
        options: dict[str, Any] = {"logging_level": level, "log_to_driver": False}
        if address:
            try:
                ray.init(address=address, **options)
            except ConnectionError as e:
                raise SettingsError(
                    f"--address {address}: no Ray cluster answers there ({_first_line(e)}); check the address, "
                    "and for a cluster with token authentication set RAY_AUTH_MODE=token"
                ) from e
        else:  # "local": a new cluster, even where `ray start` left one running
            ray.init(address="local", num_cpus=workers or default_workers(), include_dashboard=False, **options)
    if workers is None:
        workers = int(ray.cluster_resources().get("CPU", 1)) if address else default_workers()
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        items = [{"part": part, "payload": pickle.dumps(piece)} for part, piece in batches]  # slices: no documents
        if not items:
            return []
        with warnings.catch_warnings():
            # Ray Data's own default retries a crashing batch for ever; bounded retries are still passed
            # as remote args, which Ray 2.60 marks deprecated (to go in 2.64, hence the pin below it).
            warnings.filterwarnings("ignore", message="`ray_remote_args` is deprecated")
            dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
                RayWorker,
                fn_constructor_kwargs={"settings": settings, "out": str(out.resolve()), "published": published},
                batch_size=1,
                compute=ray.data.ActorPoolStrategy(size=workers),
                num_cpus=1,
                max_restarts=2,
                max_task_retries=2,
            )
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # not "progress bars disabled": they are, on purpose
        return [_told(on_done, dict(row)) for row in dataset.iter_rows()]
    finally:
        if started:
            ray.shutdown()


def require_ray() -> Any:
    """The ray module, or a one-line SettingsError that says how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as e:
        raise SettingsError(f"--engine ray needs Ray, which is not installed; {SCALE_HINT}") from e
    logging.getLogger("ray").setLevel(logging.WARNING)
    return ray


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def default_workers() -> int:
    """All cores this process may use."""
    return len(os.sched_getaffinity(0))
