"""Cross-document linking: near-duplicates, stories, merged events, propagation and story summaries.

`Linker` runs incrementally as analysed reports arrive; `merge_events`, `propagate` and `summarise` are pure
functions over the stored reports of one story, and `records_story_view` applies them to stored records.
"""
from marsad.link.merge import merge_events, propagate
from marsad.link.stories import Linker
from marsad.link.summary import summarise
from marsad.link.view import records_story_view

__all__ = ["Linker", "merge_events", "propagate", "records_story_view", "summarise"]
