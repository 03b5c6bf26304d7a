#!/usr/bin/env python3
"""Annotate a corpus on a Dask cluster: each partition is piped through `news-annotator stream` on a worker.

News Annotator does not schedule work across machines itself; Dask does. This recipe splits the corpus into
partitions (a dask.bag), and on the worker that gets a partition it runs one `news-annotator stream` process:
JSON lines in on stdin, one result line per article out, in order. The results are written as JSONL, one
file per partition (OUTPUT/part-00000.jsonl, ...), each line {"id", "annotations", "entities", "referenceDate"}
or {"id", "error"} for an article that could not be annotated.

INPUT is either
  - a folder of articles: every .txt and .md file under it (hidden entries skipped), id = the path relative to
    INPUT with '/' separators; the workers read the files, so the folder must be visible to them (shared storage);
  - JSONL shards: a .jsonl file, a glob ("shards/*.jsonl") or a folder of .jsonl files, each line
    {"id", "text", "referenceDate"?, "lexicon"?} as `news-annotator stream` reads it; one partition per shard.

The workers need Node.js and the CLI (`npm install -g news-annotator`, or `--cli "node /path/to/dist/cli.js"`).

Usage:
  annotate_corpus.py INPUT OUTPUT [--scheduler tcp://host:8786 | --workers 2] [--partition-size 200]
                     [--reference-date YYYY-MM-DD] [--cli "news-annotator"]
Without --scheduler a LocalCluster with --workers worker processes (one thread each) is started.
Exit code: 0 every article annotated, 1 some failed (their error lines are in the output), 2 bad usage.

Requires dask.distributed (Debian: apt install python3-distributed; elsewhere: pip install "dask[distributed]").
"""
import argparse
import glob
import json
import os
import shlex
import subprocess
import sys

ARTICLE_EXTENSIONS = ('.txt', '.md')
SIDECAR_SUFFIX = '.annotations.json'


def list_articles(folder):
    """Article files under `folder`, sorted, as (id, absolute path); the same files `news-annotator annotate` takes."""
    found = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
        for name in sorted(files):
            if name.startswith('.') or not name.lower().endswith(ARTICLE_EXTENSIONS) or name.endswith(SIDECAR_SUFFIX):
                continue
            path = os.path.join(current, name)
            found.append((os.path.relpath(path, folder).replace(os.sep, '/'), path))
    return sorted(found)


def list_shards(spec):
    if os.path.isdir(spec):
        return sorted(glob.glob(os.path.join(spec, '*.jsonl')))
    return sorted(glob.glob(spec))


def run_stream(cli, lines):
    """Pipes JSON lines through one `news-annotator stream` process; returns its output lines (one per input line)."""
    # one job per process: Dask already runs one partition per worker thread
    proc = subprocess.run(shlex.split(cli) + ['stream', '--jobs', '1'], input=''.join(lines).encode('utf-8'),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    # exit code 1 means some lines failed: their {"id", "error"} lines are in the output, in place
    if proc.returncode not in (0, 1):
        raise RuntimeError(f'news-annotator stream exited with {proc.returncode}: {proc.stderr.decode("utf-8", "replace")}')
    return proc.stdout.decode('utf-8').splitlines()


def annotate_files(partition, cli, reference_date):
    """A partition of (id, path) pairs: read on the worker, annotated by one stream process."""
    lines = []
    for article_id, path in partition:
        with open(path, 'rb') as f:
            # utf-8-sig drops a byte-order mark, as the CLI does when it reads a file
            text = f.read().decode('utf-8-sig')
        record = {'id': article_id, 'text': text}
        if reference_date:
            record['referenceDate'] = reference_date
        lines.append(json.dumps(record, ensure_ascii=False) + '\n')
    return run_stream(cli, lines)


def annotate_lines(partition, cli):
    """A partition of JSONL lines (one shard), passed to the stream process as they are."""
    lines = [line if line.endswith('\n') else line + '\n' for line in partition if line.strip()]
    return run_stream(cli, lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('input', help='a folder of .txt/.md articles, or JSONL shards (a file, a glob or a folder)')
    parser.add_argument('output', help='folder for the part-NNNNN.jsonl results')
    parser.add_argument('--scheduler', help='address of a running Dask scheduler (default: start a LocalCluster)')
    parser.add_argument('--workers', type=int, default=2, help='LocalCluster worker processes (default 2)')
    parser.add_argument('--partition-size', type=int, default=200, help='articles per partition, folder input (default 200)')
    parser.add_argument('--reference-date', help='publication date for folder input (YYYY-MM-DD)')
    parser.add_argument('--cli', default='news-annotator', help='how the workers run the CLI (default: news-annotator)')
    args = parser.parse_args(argv)

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    shards = [] if os.path.isdir(args.input) and not list_shards(args.input) else list_shards(args.input)
    if shards:
        bag = db.read_text(shards, blocksize=None).map_partitions(annotate_lines, args.cli)
    elif os.path.isdir(args.input):
        articles = list_articles(args.input)
        if not articles:
            print(f'annotate_corpus: {args.input}: no .txt or .md articles found', file=sys.stderr)
            return 2
        bag = db.from_sequence(articles, partition_size=args.partition_size).map_partitions(annotate_files, args.cli, args.reference_date)
    else:
        print(f'annotate_corpus: {args.input}: neither a folder nor JSONL shards', file=sys.stderr)
        return 2

    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(args.scheduler or cluster) as client:
        os.makedirs(args.output, exist_ok=True)
        # each worker writes its own partitions' file; the name keeps the input's order (part-00000 first)
        bag.to_textfiles(os.path.join(args.output, 'part-*.jsonl'), name_function=lambda i: f'{i:05d}', compute=True)
        # count the error lines on the workers too, so nothing but a number comes back
        failed = sum(db.read_text(os.path.join(args.output, 'part-*.jsonl')).map(lambda line: 'error' in json.loads(line)).compute())
        client.close()
    if cluster is not None:
        cluster.close()
    if failed:
        print(f'annotate_corpus: {failed} articles failed (their error lines are in {args.output})', file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
