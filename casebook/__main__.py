"""``python -m casebook``: see :mod:`casebook.cli`.

OpenBLAS runs single-threaded unless told otherwise (set before numpy is imported): the
command's matrix products are small, and its threads wait for work by spinning. On two
cores shared with other work (load average 4-5), four ingests of a 1 MB article took a
median 8.8 s of wall time and 4.0 s of CPU with the default threads, 5.3 s and 3.4 s
with one.

For ``ingest`` on two cores or more, the helper process (:mod:`casebook.ingest.helper`)
is forked before the command's own imports, which it overlaps with its own.
"""

import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from casebook.ingest import helper  # noqa: E402 - light: no numpy

helper.start_early(sys.argv[1:])  # before the imports below, which the helper overlaps

from casebook.cli import main  # noqa: E402 - after the setting and the helper above

sys.exit(main())
