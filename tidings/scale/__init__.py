"""Archive scale: ``tidings batch`` codes WARC and JSONL shards on a Dask cluster into Parquet,
resumably and exactly (docs/scale.md).

* :mod:`tidings.scale.layout` - the output folder, its Parquet schemas, the plan of shards, markers;
* :mod:`tidings.scale.worker` - one shard on a worker: read, the one document loop, Parquet;
* :mod:`tidings.scale.batch`  - the client: skip finished shards, submit the rest, progress;
* :mod:`tidings.scale.cli`    - the ``tidings batch`` command.
"""
