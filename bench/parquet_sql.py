"""The SQL that docs/parquet.md prints, read from the document itself.

docs/parquet.md holds one fenced ```sql block per engine and query, its first line
`-- engine: ENGINE; query: QUERY`. The benchmark (bench/scale.py) and the tests
(tests/python/test_parquet.py) run exactly that text, so the documented SQL is the SQL measured
and tested.
"""

import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def doc_sql(engine, query):
    """The SQL block of docs/parquet.md headed `-- engine: ENGINE; query: QUERY`.

    Raises LookupError when the document has no such block.
    """
    with open(os.path.join(ROOT, "docs", "parquet.md"), encoding="utf-8") as f:
        text = f.read()
    header = f"-- engine: {engine}; query: {query}\n"
    for block in re.findall(r"```sql\n(.*?)```", text, re.S):
        if block.startswith(header):
            return block
    raise LookupError(f"docs/parquet.md has no SQL block for {engine} / {query}")
