"""Speed and memory of linking SaudiNewsNet (31k articles, 14 outlets), with a naive baseline measured in the same run.

Cleaning and sentence splitting are per-document work, done once and cached in /tmp; what is timed is
`Linker.add` over every article in arrival order. The baseline is the naive clustering of the evaluation README
(TF-IDF cosine over title and lead, single link at 0.4) on a subsample, since its pairwise cost grows with n².

    .venv/bin/python benchmarks/bench_link.py ../shared/data/saudinewsnet
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from eval_stories_saudinewsnet import build_docs  # noqa: E402

from marsad.link import Linker  # noqa: E402
from marsad.link.features import words  # noqa: E402


def baseline(docs, threshold: float = 0.4) -> tuple[float, int]:
    """Naive single-link TF-IDF clustering; returns (seconds, clusters)."""
    t0 = time.perf_counter()
    vocab: dict[str, int] = {}
    rows = []
    for d in docs:
        ws = words((d.title or "") + " " + d.text[:600])
        rows.append([vocab.setdefault(w, len(vocab)) for w in ws])
    m = np.zeros((len(docs), len(vocab)), dtype=np.float32)
    for i, r in enumerate(rows):
        np.add.at(m[i], r, 1.0)
    df = (m > 0).sum(0)
    m *= np.log((1 + len(docs)) / (1 + df)) + 1
    m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-9
    sim = m @ m.T
    parent = list(range(len(docs)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in zip(*np.nonzero(np.triu(sim, 1) >= threshold)):
        parent[find(i)] = find(j)
    return time.perf_counter() - t0, len({find(i) for i in range(len(docs))})


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--baseline-n", type=int, default=3000)
    a = ap.parse_args(argv)
    docs = build_docs(a.folder)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    linker = Linker()
    t0 = time.perf_counter()
    for d in docs:
        linker.add(d)
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    dup_groups = len({d.duplicate_of for d in docs if d.duplicate_of})
    multi = sum(st.size >= 2 for st in linker.stories)
    print(f"linked {len(docs)} articles in {secs:.1f} s: {len(docs) / secs:.0f} articles/s")
    print(f"peak memory {peak:.0f} MiB (of which {rss_before:.0f} MiB before linking: the loaded Docs)")
    print(f"duplicate groups {dup_groups} ({linker.duplicates} copies); stories {len(linker.stories)}, "
          f"{multi} with 2+ reports")
    sub = docs[: a.baseline_n]
    b_secs, b_clusters = baseline(sub)
    print(f"baseline (naive TF-IDF single link at 0.4) on the first {len(sub)}: {b_secs:.1f} s, "
          f"{len(sub) / b_secs:.0f} articles/s, {b_clusters} clusters")
    print(f"speed ratio Marsad / baseline (articles/s): {(len(docs) / secs) / (len(sub) / b_secs):.2f}")


if __name__ == "__main__":
    main()
