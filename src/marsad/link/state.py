"""Saving and restoring a Linker's running state, so that an ingest can be resumed later with the same stories.

The blob is a compressed numpy archive (no pickle: a stored blob is never code): the numeric parts (term counts
seen so far, MinHash signatures, the stories' kept term vectors, the term index) as arrays, and everything else
(story dates, entities, headline names, core events, outlets) as one JSON document stored as bytes.
"""
from __future__ import annotations

import io
import json
from collections import Counter

import numpy as np

from marsad.errors import LinkerStateError
from marsad.link.features import prior
from marsad.link.signals import CoreEvent

FORMAT = 1


def _flat(dicts: list[dict[int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lengths = np.fromiter((len(d) for d in dicts), dtype=np.int64, count=len(dicts))
    keys = np.fromiter((k for d in dicts for k in d), dtype=np.int64, count=int(lengths.sum()))
    vals = np.fromiter((v for d in dicts for v in d.values()), dtype=np.float64, count=int(lengths.sum()))
    return lengths, keys, vals


def _unflat(lengths: np.ndarray, keys: np.ndarray, vals) -> list[dict]:
    out, i = [], 0
    for n in lengths.tolist():
        out.append(dict(zip(keys[i:i + n].tolist(), vals[i:i + n].tolist())))
        i += n
    return out


def _story_meta(st) -> dict:
    return {"id": st.id, "first": st.first, "size": st.size, "day_min": st.day_min, "day_max": st.day_max,
            "weak_day": st.weak_day,
            "event_days": list(st.event_days.items()), "entities": list(st.entities.items()),
            "named": sorted(st.named), "towns": sorted(st.towns), "outlets": sorted(st.outlets),
            "core": sorted(([c.type, sorted(c.actors), c.place, c.day] for c in st.core), key=json.dumps),
            "quotes": sorted(st.quotes), "figures": sorted(st.figures), "members": len(st.members),
            "weighted_at": st.weighted_at}


def dump(linker) -> bytes:
    """The state of `linker` as bytes."""
    base, _ = prior()
    seen = linker.df.counts - base  # only what the linker counted itself: the prior is rebuilt from resources
    nz = np.flatnonzero(seen)
    index = linker.index
    stories = index.stories
    members = [m for st in stories for m in st.members] + [r for st in stories for r in st.raw]
    post_keys = list(index.postings)
    dedup_ids = list(linker.dedup.sigs)
    meta = {"format": FORMAT, "n": linker.df.n, "duplicates": linker.duplicates,
            "ef": [linker.ef.n, list(linker.ef.counts.items())], "stories": [_story_meta(st) for st in stories],
            "story_of": list(linker.story_of.items()), "dedup": dedup_ids,
            "indexed": [sorted(st.indexed) for st in stories]}
    m_len, m_keys, m_vals = _flat(members)
    p_len = np.fromiter((len(index.postings[k]) for k in post_keys), dtype=np.int64, count=len(post_keys))
    arrays = {
        "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        "df_ids": nz.astype(np.int64), "df_counts": seen[nz].astype(np.int32),
        "m_len": m_len, "m_keys": m_keys, "m_vals": m_vals,
        "p_keys": np.asarray(post_keys, dtype=np.int64), "p_len": p_len,
        "p_vals": np.fromiter((s for k in post_keys for s in index.postings[k]), dtype=np.int64,
                              count=int(p_len.sum())),
        "sigs": (np.stack([linker.dedup.sigs[i] for i in dedup_ids]) if dedup_ids
                 else np.zeros((0, 0), dtype=np.uint64)),
    }
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


def restore(linker, blob: bytes) -> None:
    """Replaces the state of `linker` (built with the same settings) by the one saved in `blob`."""
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as z:
            a = {k: z[k] for k in z.files}
        meta = json.loads(a["meta"].tobytes().decode("utf-8"))
    except (ValueError, KeyError, OSError, UnicodeDecodeError) as e:
        raise LinkerStateError(f"unreadable linker state: {e}") from e
    if meta.get("format") != FORMAT:
        raise LinkerStateError(f"linker state format {meta.get('format')!r}, expected {FORMAT}")
    base, _ = prior()
    counts = base.copy()
    counts[a["df_ids"]] += a["df_counts"]
    linker.df.counts, linker.df.n = counts, meta["n"]
    linker.ef.n, linker.ef.counts = meta["ef"][0], Counter(dict(meta["ef"][1]))
    linker.duplicates = meta["duplicates"]
    linker.story_of = dict(meta["story_of"])
    _restore_stories(linker.index, meta, a)
    for doc_id, sig in zip(meta["dedup"], a["sigs"]):
        linker.dedup.insert(doc_id, sig)


def _restore_stories(index, meta: dict, a: dict) -> None:
    from marsad.link.stories import Story

    flat = _unflat(a["m_len"], a["m_keys"], a["m_vals"])
    half = len(flat) // 2  # the weighted vectors of every story, then their raw counts in the same order
    members, raws = flat[:half], flat[half:]
    index.stories, i = [], 0
    for s, indexed in zip(meta["stories"], meta["indexed"]):
        st = Story(id=s["id"], first=s["first"], size=s["size"], day_min=s["day_min"], day_max=s["day_max"])
        st.members, st.raw = members[i:i + s["members"]], raws[i:i + s["members"]]
        st.weighted_at = s["weighted_at"]
        i += s["members"]
        st.event_days = Counter(dict(s["event_days"]))
        st.entities = Counter(dict(s["entities"]))
        st.named, st.towns, st.outlets = set(s["named"]), set(s["towns"]), set(s["outlets"])
        st.core = {CoreEvent(t, frozenset(actors), place, day) for t, actors, place, day in s["core"]}
        st.quotes = set(s.get("quotes", ()))
        st.figures = set(s.get("figures", ()))
        st.weak_day = s.get("weak_day")
        st.indexed = set(indexed)
        index.stories.append(st)
    index.postings = {}
    j = 0
    for k, n in zip(a["p_keys"].tolist(), a["p_len"].tolist()):
        index.postings[k] = a["p_vals"][j:j + n].tolist()
        j += n
