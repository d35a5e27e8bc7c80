#!/usr/bin/env python3
"""Reference outputs for libs/emg and libs/scoring, computed with NumPy/SciPy.

Run by hand (CI does not need Python):  python3 scripts/reference/make_emg_fixtures.py
Writes test/fixtures/emg/{synthetic.json, ghostly.json, bin/*.bin}.

The pipeline below re-states the original backend's steps (filters, envelope, thresholds,
detection and scores) directly on SciPy/NumPy primitives, so the TypeScript port is
checked against an independent implementation, not against its own output. The GHOSTLY
C3D floats are read here with numpy.frombuffer, independent of the TypeScript C3D reader.
"""
import json
import os
import struct
import sys

import numpy as np
from scipy import signal as sps

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "emg")
BIN = os.path.join(OUT, "bin")
GHOSTLY = os.path.join(ROOT, "test", "fixtures", "ghostly")


# ---------------------------------------------------------------- C3D (GHOSTLY layout only)
def read_ghostly(path):
    """Float C3D, Intel, 1 point + 4 analog channels x 30 samples per frame (spec 15.2)."""
    raw = open(path, "rb").read()
    words = struct.unpack("<12H", raw[:24])
    n_points, n_analog_per_frame, data_block = words[1], words[2], words[8]
    samples_per_frame = words[9]
    n_ch = n_analog_per_frame // samples_per_frame
    per_frame = 4 * n_points + n_analog_per_frame
    start = (data_block - 1) * 512
    n_frames = (len(raw) - start) // (4 * per_frame)
    flo = np.frombuffer(raw, dtype="<f4", count=n_frames * per_frame, offset=start)
    flo = flo.reshape(n_frames, per_frame)[:, 4 * n_points:]
    analog = flo.reshape(n_frames, samples_per_frame, n_ch)  # sample-major inside a frame
    chans = [analog[:, :, c].reshape(-1).astype(np.float64) for c in range(n_ch)]
    # labels of every GHOSTLY file, in this order (spec 15.2)
    labels = ["CH1 Raw", "CH2 Raw", "CH1 activated", "CH2 activated"][:n_ch]
    return dict(zip(labels, chans)), 990.0


# ---------------------------------------------------------------- original's steps
def moving_average_same(x, w):
    return np.convolve(x, np.ones(w) / w, mode="same")


def moving_rms(x, w):
    w = min(w, len(x))
    return np.sqrt(np.convolve(x ** 2, np.ones(w) / w, mode="same"))


def envelope(raw, fs):
    b, a = sps.butter(4, 20.0 / (fs / 2), "high")
    hp = sps.filtfilt(b, a, raw)
    rect = np.abs(hp)
    b, a = sps.butter(4, 10.0 / (fs / 2), "low")
    lp = sps.filtfilt(b, a, rect)
    return hp, lp, moving_average_same(lp, int(0.05 * fs))


def psd(x, fs):
    if len(x) < 256 or np.std(x) < 1e-10:
        return None
    return sps.welch(x, fs=fs, nperseg=min(256, len(x)))


def spectral(x, fs):
    r = psd(x, fs)
    if r is None:
        return None, None, None
    f, p = r
    tot = np.sum(p)
    mpf = float(np.sum(f * p) / tot) if tot > 0 else None
    cs = np.cumsum(p)
    idx = np.where(cs >= tot * 0.5)[0]
    mdf = float(f[idx[0]]) if len(idx) else None
    m = f > 0
    den = np.sum(p[m] * np.power(f[m], 5))
    fi = float(np.sum(p[m] * np.power(f[m], -1.0)) / den) if den != 0 else None
    return mpf, mdf, fi


def whole_metrics(x, fs):
    mpf, mdf, fi = spectral(x, fs)
    return dict(rms=float(np.sqrt(np.mean(x ** 2))), mav=float(np.mean(np.abs(x))),
                mpf=mpf, mdf=mdf, fatigue_index_fi_nsm5=fi)


def temporal_stats(x, fs):
    w = int(1.0 * fs)
    step = max(1, int(w * 0.5))
    vals = {k: [] for k in ("rms", "mav", "mpf", "mdf", "fatigue_index")}
    for s in range(0, len(x) - w + 1, step):
        seg = x[s:s + w]
        vals["rms"].append(np.sqrt(np.mean(seg ** 2)))
        vals["mav"].append(np.mean(np.abs(seg)))
        mpf, mdf, fi = spectral(seg, fs)
        vals["mpf"].append(mpf)
        vals["mdf"].append(mdf)
        vals["fatigue_index"].append(fi)
    out = {}
    for k, v in vals.items():
        v = np.array([e for e in v if e is not None], dtype=float)
        if len(v) < 3:
            out[k] = dict(mean_value=None, std_value=None, min_value=None, max_value=None,
                          valid_windows=int(len(v)), coefficient_of_variation=None)
            continue
        mean, std = float(np.mean(v)), float(np.std(v, ddof=1))
        out[k] = dict(mean_value=mean, std_value=std, min_value=float(np.min(v)),
                      max_value=float(np.max(v)), valid_windows=int(len(v)),
                      coefficient_of_variation=(std / mean) if mean != 0 else None)
    return out


def edges(above):
    n = len(above)
    d = np.diff(above.astype(np.int8))
    starts = list(np.where(d == 1)[0] + 1)
    ends = list(np.where(d == -1)[0] + 1)
    if above[0]:
        starts.insert(0, 0)
    if above[-1] and (not ends or ends[-1] < n - 1):
        ends.append(n - 1)
    if len(starts) > len(ends):
        starts = starts[:len(ends)]
    elif len(ends) > len(starts):
        pairs, j = [], 0
        for s in starts:
            while j < len(ends) and ends[j] <= s:
                j += 1
            if j == len(ends):
                break
            pairs.append((s, ends[j]))
            j += 1
        return pairs
    return [(int(s), int(e)) for s, e in zip(starts, ends)]


def detect(env, timing, fs, factor, mvc_thr, dur_thr, min_ms=100, smooth=100):
    w = max(1, smooth)
    sm = moving_average_same(np.abs(timing), w)
    peak = float(np.max(sm))
    if peak < 1e-9:
        return sm, None, [], 0
    thr = peak * factor
    pairs = edges(sm > thr)
    min_s = int(min_ms / 1000 * fs)
    kept = [(s, e) for s, e in pairs if e - s >= min_s]
    pre_merge = len(kept)
    merge_s = int(200 / 1000 * fs)
    merged = []
    for s, e in kept:
        if merged and s - merged[-1][1] <= merge_s:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    max_s = int(10000 / 1000 * fs)
    final = []
    for s, e in merged:
        if e - s <= max_s:
            final.append((s, e))
            continue
        cur = s
        while cur < e:
            seg_end = min(cur + max_s, e)
            final.append((cur, seg_end))
            cur = seg_end + 1
    amp = np.abs(env)
    out = []
    for s, e in final:
        seg = amp[s:e + 1]
        dur = (e - s) / fs * 1000
        mvc_ok = mvc_thr is not None and bool(np.max(seg) >= mvc_thr)
        dur_ok = dur_thr is not None and bool(dur >= dur_thr)
        if mvc_thr is not None and dur_thr is not None:
            good = mvc_ok and dur_ok
        elif mvc_thr is not None:
            good = mvc_ok
        elif dur_thr is not None:
            good = dur_ok
        else:
            good = False
        out.append(dict(start_index=int(s), end_index=int(e), start_time_ms=s / fs * 1000,
                        end_time_ms=e / fs * 1000, duration_ms=dur,
                        mean_amplitude=float(np.mean(seg)), max_amplitude=float(np.max(seg)),
                        meets_mvc=mvc_ok, meets_duration=dur_ok, is_good=good))
    return sm, thr, out, pre_merge


def summary(cs):
    n = len(cs)
    d = [c["duration_ms"] for c in cs]
    return dict(
        contraction_count=n,
        good_contraction_count=sum(c["is_good"] for c in cs),
        mvc_compliant_count=sum(c["meets_mvc"] for c in cs),
        duration_compliant_count=sum(c["meets_duration"] for c in cs),
        avg_duration_ms=float(np.mean(d)) if n else 0.0,
        min_duration_ms=float(np.min(d)) if n else 0.0,
        max_duration_ms=float(np.max(d)) if n else 0.0,
        total_time_under_tension_ms=float(np.sum(d)) if n else 0.0,
        avg_amplitude=float(np.mean([c["mean_amplitude"] for c in cs])) if n else 0.0,
        max_amplitude=float(np.max([c["max_amplitude"] for c in cs])) if n else 0.0,
    )


def muscle_compliance(n, m, d, expected=12, w=(0.333, 0.333, 0.334)):
    comp = min(n / expected, 1.0)
    inten = m / n if n else 0.0
    dur = d / n if n else 0.0
    return (w[0] * comp + w[1] * inten + w[2] * dur) * 100, comp, inten, dur


def scores(a1, a2):
    left = muscle_compliance(a1["contraction_count"], a1["mvc_compliant_count"], a1["duration_compliant_count"])
    right = muscle_compliance(a2["contraction_count"], a2["mvc_compliant_count"], a2["duration_compliant_count"])
    sl, sr = left[0], right[0]
    compliance = (sl + sr) / 2
    symmetry = (1 - abs(sl - sr) / (sl + sr)) * 100 if sl + sr > 0 else 0.0
    effort = 100.0  # default RPE 4 -> 100 inside the overall (spec 6.3)
    overall = 0.5 * compliance + 0.25 * symmetry + 0.25 * effort
    return dict(left_muscle_compliance=sl, right_muscle_compliance=sr, compliance_score=compliance,
                symmetry_score=symmetry, overall_score=overall,
                completion_rate_left=left[1], completion_rate_right=right[1],
                intensity_rate_left=left[2], intensity_rate_right=right[2],
                duration_rate_left=left[3], duration_rate_right=right[3])


def analyze_channel(raw, act, fs):
    metrics = whole_metrics(raw, fs)
    temporal = temporal_stats(raw, fs)
    hp, lp, env = envelope(raw, fs)
    mvc = float(np.percentile(env, 95))
    thr = mvc * 75.0 / 100.0
    sm, det_thr, cs, pre = detect(env, act, fs, 0.05, thr, 2000.0)
    out = dict(summary(cs), **metrics)
    out.update(mvc_value=mvc, mvc75_threshold=thr, duration_threshold_actual_value=2000.0,
               detection_threshold=det_thr, pre_merge_count=pre, contractions=cs,
               temporal=temporal,
               envelope_stats=dict(p95=mvc, max=float(np.max(env)), min=float(np.min(env)),
                                   sum=float(np.sum(env))))
    return out, dict(hp=hp, lp=lp, env=env, sm=sm)


# ---------------------------------------------------------------- writers
def save_bin(name, arr, dtype="<f8"):
    os.makedirs(BIN, exist_ok=True)
    np.asarray(arr).astype(dtype).tofile(os.path.join(BIN, name))
    return name


def synthetic():
    rng = np.random.default_rng(20240601)
    fs = 990.0
    t = lambda n: np.arange(n) / fs
    sigs = {
        "sine50": np.sin(2 * np.pi * 50 * t(3000)),
        "sine_dc": 0.3 + 0.5 * np.sin(2 * np.pi * 7 * t(2048)) + 0.1 * np.sin(2 * np.pi * 120 * t(2048)),
        "noise": rng.standard_normal(4000) * 1e-4,
        "step": np.concatenate([np.zeros(700), np.ones(900), 0.25 * np.ones(400)]),
        "short16": rng.standard_normal(16),
        "short300": rng.standard_normal(300) + 2.0,
        "len257": rng.standard_normal(257),
        "emg_like": (rng.standard_normal(5000) * (1 + 4 * (np.sin(2 * np.pi * 0.5 * t(5000)) > 0.6))) * 5e-5 + 2e-5,
    }
    cases = []
    coeffs = []
    for fc, kind, order in [(20, "high", 4), (10, "low", 4), (450, "low", 4), (5, "high", 2), (100, "low", 6), (20, "high", 1)]:
        b, a = sps.butter(order, fc / (fs / 2), kind)
        sos = sps.butter(order, fc / (fs / 2), kind, output="sos")
        coeffs.append(dict(order=order, cutoff=fc, fs=fs, kind=kind, b=b.tolist(), a=a.tolist(),
                           zi=sps.lfilter_zi(b, a).tolist(), sos=sos.tolist()))
    for name, x in sigs.items():
        c = dict(name=name, n=len(x), x=save_bin(f"syn_{name}_x.bin", x))
        for i, co in enumerate(coeffs):
            b, a, sos = np.array(co["b"]), np.array(co["a"]), np.array(co["sos"])
            if len(x) > 3 * max(len(a), len(b)):
                c[f"filtfilt_{i}"] = save_bin(f"syn_{name}_filtfilt_{i}.bin", sps.filtfilt(b, a, x))
            padlen = 3 * (2 * len(sos) + 1)
            if len(x) > padlen:
                c[f"sosfiltfilt_{i}"] = save_bin(f"syn_{name}_sosfiltfilt_{i}.bin", sps.sosfiltfilt(sos, x))
        c["ma49"] = save_bin(f"syn_{name}_ma49.bin", moving_average_same(x, 49))
        c["ma100"] = save_bin(f"syn_{name}_ma100.bin", moving_average_same(x, 100))
        c["ma1"] = save_bin(f"syn_{name}_ma1.bin", moving_average_same(x, 1))
        c["mrms49"] = save_bin(f"syn_{name}_mrms49.bin", moving_rms(np.abs(x), 49))
        c["percentiles"] = {str(q): float(np.percentile(x, q)) for q in (0, 5, 37.5, 50, 95, 99.9, 100)}
        f, p = sps.welch(x, fs=fs, nperseg=min(256, len(x)))
        c["welch_f"] = f.tolist()
        c["welch_p"] = save_bin(f"syn_{name}_welch_p.bin", p)
        mpf, mdf, fi = spectral(x, fs)
        c["spectral"] = dict(mpf=mpf, mdf=mdf, fi=fi)
        c["metrics"] = whole_metrics(x, fs)
        c["temporal"] = temporal_stats(x, fs)
        cases.append(c)
    # an 8-sample Welch (nperseg = n) exercises the non-power-of-two / short path
    x = rng.standard_normal(100)
    f, p = sps.welch(x, fs=fs, nperseg=min(256, len(x)))
    extra = dict(x=x.tolist(), f=f.tolist(), p=p.tolist())
    return dict(fs=fs, coeffs=coeffs, cases=cases, welch_short=extra,
                hann256=sps.get_window("hann", 256).tolist())


def ghostly():
    files = sorted(f for f in os.listdir(GHOSTLY) if f.endswith(".c3d"))
    out = {}
    for fn in files:
        chans, fs = read_ghostly(os.path.join(GHOSTLY, fn))
        res = {}
        for base in ("CH1", "CH2"):
            r, arrays = analyze_channel(chans[f"{base} Raw"], chans[f"{base} activated"], fs)
            res[base] = r
            if fn.endswith("0409.c3d") and base == "CH1":
                save_bin("g0409_ch1_raw.bin", chans["CH1 Raw"])
                save_bin("g0409_ch1_act.bin", chans["CH1 activated"])
                for k in ("hp", "lp", "env", "sm"):
                    save_bin(f"g0409_ch1_{k}.bin", arrays[k])
                save_bin("g0409_ch1_mrms49.bin", moving_rms(np.abs(chans["CH1 Raw"]), int(0.05 * fs)))
        res["n_samples"] = int(len(chans["CH1 Raw"]))
        res["performance"] = scores(res["CH1"], res["CH2"])
        out[fn] = res
        print(fn, res["CH1"]["contraction_count"], res["CH2"]["contraction_count"],
              round(res["performance"]["overall_score"], 2), file=sys.stderr)
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "synthetic.json"), "w") as fh:
        json.dump(synthetic(), fh)
    with open(os.path.join(OUT, "ghostly.json"), "w") as fh:
        json.dump(dict(generator="scripts/reference/make_emg_fixtures.py",
                       numpy=np.__version__, scipy=__import__("scipy").__version__,
                       files=ghostly()), fh, indent=1)


if __name__ == "__main__":
    main()
