"""What the plan of a search weighs: every measured cost and tuned size the window's choice of plan
(statements/search/window.py) and the per-year indexes (statements/search/year_indexes.py) rest on.

Gathered here so that the numbers a plan is chosen by are read, and re-measured, in one place.

They were measured on the corpus of the search bench, `python -m bench.search` (1M generated quotes
in the demarche_bench database, see bench/search.py), on a 2-core machine. To re-measure them:

1. load the corpus: `python -m bench.search` (later runs: `--keep`);
2. in `psql demarche_bench`, run `EXPLAIN (ANALYZE, BUFFERS)` on the SQL the search page runs for a
   broad query (the probe's walk: "ransomware") and for a narrow one (the gathering: "Biden
   sanctions", "cybercriminal extradition date:2020.."); `bench.search.page_statements(query)` returns
   that SQL with its parameters inlined;
3. divide each plan node's actual time by its actual rows: the Index Scan on quote_newest_first for
   WALK_ROW_MICROSECONDS, the Bitmap Index Scan on quote_search_vector_gin for GIN_ENTRY_MICROSECONDS
   (per quote the words match), the Bitmap Heap Scan for MATCH_ROW_MICROSECONDS (per match read), the
   Bitmap Index Scan on the date index for DATE_ENTRY_MICROSECONDS (per quote of the period);
4. run `python -m bench.search --keep` again: the page p95 must stay within its goal (50 ms, and at
   most twice its SQL replayed), and `statements/tests/test_search_limits.py` must pass.

The plans are chosen by the ratios between these costs, not their size: a faster machine lowers them
all alike and chooses the same plans.
"""

# The probe: how many of the newest candidates are tested first. Enough to measure a hit rate of 1 %
# (15 hits); a broad query's walk goes on after it.
PROBE_ROWS = 1500
# Walk, or gather over, twice what the hit rate predicts: hit rates vary over time.
PERIOD_MARGIN = 2

# Walking the date index: a random heap read and the query tested, per quote walked.
WALK_ROW_MICROSECONDS = 3.5
# The GIN index: per quote of the whole table the query matches (whatever the other filters keep).
GIN_ENTRY_MICROSECONDS = 0.5
# The table: per match read from it (the query checked again).
MATCH_ROW_MICROSECONDS = 2.5
# Narrowing the matches to a period with the date index: per quote of the period.
DATE_ENTRY_MICROSECONDS = 0.06

# A year with fewer quotes gets no index of its own and is left to the main index: a period gather
# reaches back through the recent, dense years, and a few hundred dates cost little to intersect.
YEAR_INDEX_MIN_QUOTES = 1000
