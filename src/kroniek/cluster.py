"""Analysis on a Dask cluster: workers analyse batches of pages, the caller stores them.

Each Dask worker loads the dictionaries and starts its own Frog pools once (`FrogPlugin`),
then runs `pipeline.process_page` over the batches it is sent and returns the PageResults.
Storing stays with the one process that called `run_on_cluster` (DuckDB has one writer),
which receives the results in input order, so exact and near-duplicate detection sees the
pages in the same order as a local run and decides the same.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from kroniek.errors import KroniekError, ReadError
from kroniek.pipeline import Resources, process_page, rules_fingerprint
from kroniek.read import Limits, read_paths
from kroniek.records import Page, PageResult

PLUGIN = "kroniek-frog"


class FrogPlugin(WorkerPlugin):
    """Per worker: dictionaries and Frog pools sized to the worker's threads, loaded once."""

    name = PLUGIN

    def __init__(self, frog_timeout: float = 120.0):
        self.frog_timeout = frog_timeout
        self.res: Resources | None = None

    def setup(self, worker) -> None:
        """Load the dictionaries and start the Frog processes before the first task."""
        self.res = Resources.load(workers=worker.state.nthreads, frog_timeout=self.frog_timeout)
        self.res.tagger.start()
        self.res.parser.start()

    def teardown(self, worker) -> None:
        """Stop this worker's Frog processes."""
        if self.res is not None:
            self.res.close()


def analyse_batch(pages: list[Page]) -> tuple[str, list[PageResult]]:
    """Dask task: the PageResults of a batch of pages, with the worker's rules fingerprint."""
    plugin = get_worker().plugins[PLUGIN]
    if not isinstance(plugin, FrogPlugin) or plugin.res is None:
        raise KroniekError("dask worker", "the kroniek plugin did not load the dictionaries")
    res = plugin.res
    return res.rules_sha256, [process_page(page, res) for page in pages]


def connect(spec: str) -> Client:
    """A Client for ``local``, ``local:N`` (a LocalCluster of N workers) or a scheduler address.

    A local cluster has one thread per worker, so each worker runs one tagging and one
    parsing Frog (about 2 GB); N defaults to the number of cores, at most 2.
    """
    if spec == "local" or spec.startswith("local:"):
        count = spec.partition(":")[2]
        if count and not count.isdigit():
            raise KroniekError(
                "--dask", f"not a worker count: {spec!r}", "use local, local:N or tcp://HOST:8786"
            )
        workers = int(count) if count else min(2, os.cpu_count() or 1)
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
        return Client(cluster)
    try:
        return Client(spec, timeout="20s")
    except OSError as err:
        raise KroniekError(
            "--dask",
            f"no Dask scheduler at {spec}: {err}",
            "start one (dask scheduler; dask worker HOST:8786) or use local:N",
        ) from err


def close(client: Client) -> None:
    """Close the client and, when it started one, its local cluster."""
    cluster = client.cluster
    client.close()
    if isinstance(cluster, LocalCluster):
        cluster.close()


def run_on_cluster(
    paths: Iterable[str | Path],
    client: Client,
    fetched_at: datetime | None = None,
    skip: Callable[[Page], bool] | None = None,
    captures: Mapping[str, datetime] | None = None,
    limits: Limits | None = None,
    batch: int = 4,
) -> Iterator[PageResult | ReadError]:
    """Like `pipeline.run`, with the analysis on the cluster's workers, in input order.

    Pages are read here and sent in batches of ``batch``; at most two batches per worker
    thread are in flight. Fails when a worker's dictionaries differ from the local ones.
    """
    client.register_plugin(FrogPlugin())
    expected = rules_fingerprint()
    threads = max(1, sum(client.nthreads().values()))
    queue: deque = deque()  # ReadErrors and futures of batches, in input order
    pending: list[Page] = []

    def flush() -> None:
        if pending:
            queue.append(client.submit(analyse_batch, list(pending), pure=False))
            pending.clear()

    def drain(limit: int) -> Iterator[PageResult | ReadError]:
        while sum(not isinstance(q, ReadError) for q in queue) > limit or (
            queue and isinstance(queue[0], ReadError)
        ):
            head = queue.popleft()
            if isinstance(head, ReadError):
                yield head
                continue
            rules, results = head.result()
            if rules != expected:
                raise KroniekError(
                    "--dask",
                    "a worker's dictionaries differ from this machine's",
                    "install the same kroniek version on every worker",
                )
            yield from results

    for item in read_paths(paths, fetched_at=fetched_at, limits=limits, captures=captures):
        if isinstance(item, ReadError):
            flush()
            queue.append(item)
            continue
        if skip is not None and skip(item):
            continue
        pending.append(item)
        if len(pending) >= batch:
            flush()
            yield from drain(2 * threads)
    flush()
    yield from drain(0)
