#!/usr/bin/env python3
"""Reference MVC calibration (POST /mvc/calibrate) for the GHOSTLY fixtures, with NumPy/SciPy.

Run by hand (CI does not need Python):  python3 scripts/reference/make_mvc_fixtures.py
Writes test/fixtures/emg/mvc.json.

The estimation is the original's MVC service applied to the processed envelope that the session
analysis uses: mvc = 95th percentile (numpy linear), threshold = mvc x pct / 100, and
confidence = 0.4 max(0, 1 - std/mean) + 0.4 min(1, (p95/mean) / 5) + 0.2 min(1, N / 10000),
clipped to [0, 1], std with ddof 0. The envelope comes from make_emg_fixtures.envelope (SciPy).
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from make_emg_fixtures import GHOSTLY, OUT, envelope, read_ghostly  # noqa: E402


def estimate(env, fs, pct):
    mean = float(np.mean(env))
    std = float(np.std(env))
    p95 = float(np.percentile(env, 95))
    n = len(env)
    conf = 0.4 * max(0.0, 1 - std / mean) + 0.4 * min(1.0, (p95 / mean) / 5) + 0.2 * min(1.0, n / 10000)
    return dict(
        mvc_value=p95,
        threshold_value=p95 * pct / 100,
        confidence_score=min(1.0, max(0.0, conf)),
        signal_mean=mean,
        signal_std=std,
        percentile_90=float(np.percentile(env, 90)),
        percentile_95=p95,
        percentile_99=float(np.percentile(env, 99)),
        signal_length_seconds=n / fs,
    )


def main():
    out = {}
    for fn in sorted(f for f in os.listdir(GHOSTLY) if f.endswith(".c3d")):
        chans, fs = read_ghostly(os.path.join(GHOSTLY, fn))
        out[fn] = {base: estimate(envelope(chans[f"{base} Raw"], fs)[2], fs, 75.0) for base in ("CH1", "CH2")}
    with open(os.path.join(OUT, "mvc.json"), "w") as fh:
        json.dump(dict(generator="scripts/reference/make_mvc_fixtures.py", numpy=np.__version__,
                       threshold_percentage=75.0, files=out), fh, indent=1)


if __name__ == "__main__":
    main()
