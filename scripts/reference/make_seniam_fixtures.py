#!/usr/bin/env python3
"""Reference outputs for the seniam-v1 profile (libs/emg/src/seniam, libs/emg/src/fatigue),
computed with NumPy/SciPy, independently of the TypeScript code.

Run by hand (CI does not need Python):  python3 scripts/reference/make_seniam_fixtures.py
Writes test/fixtures/emg/seniam.json and test/fixtures/emg/bin/seniam_*.bin. The ghostly-v1
fixtures (make_emg_fixtures.py) are not touched; only its GHOSTLY reader and ghostly envelope
are imported.

Every step re-states docs/methods.md on SciPy primitives: butter(output='sos') + sosfiltfilt,
welch, scipy.stats.linregress and t.ppf, numpy cumsum/percentile/median.
"""
import json
import os
import sys

import numpy as np
from scipy import signal as sps
from scipy import stats

sys.path.insert(0, os.path.dirname(__file__))
from make_emg_fixtures import envelope as ghostly_envelope  # noqa: E402
from make_emg_fixtures import read_ghostly  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "emg")
BIN = os.path.join(OUT, "bin")
GHOSTLY = os.path.join(ROOT, "test", "fixtures", "ghostly")

P = dict(method="tkeo", low=20.0, high=450.0, order=4, nyq_frac=0.9, env_lp=6.0, env_order=4,
         rest_ms=500, k=3.0, tkeo_k=3.0, pfa=0.05, m=25, r0=10, min_on_ms=100, min_off_ms=100,
         nperseg=256, min_spec=128, mains=(50.0, 60.0), mains_nperseg=1024, nb_in=3.0, nb_out=10.0,
         min_slope=5, fi_base=3, conf=0.95, clip_run=3, clip_frac=0.001, flat_ms=100, snr_db=6.0,
         dc_ratio=1.0, mains_frac=0.05, mains_fail=0.25, mvc_ms=500, mvc_pct=75.0, dur_ms=2000.0)


def ms_samples(ms, fs):
    return int(ms / 1000 * fs)


def band(fs):
    return P["low"], min(P["high"], P["nyq_frac"] * fs / 2)


def bandpass(x, fs):
    lo, hi = band(fs)
    sos = np.vstack([sps.butter(P["order"], lo, "high", fs=fs, output="sos"),
                     sps.butter(P["order"], hi, "low", fs=fs, output="sos")])
    return sps.sosfiltfilt(sos, x)


def lin_env(x, fs):
    return sps.sosfiltfilt(sps.butter(P["env_order"], P["env_lp"], "low", fs=fs, output="sos"), np.abs(x))


def tkeo(x):
    y = np.empty_like(x)
    y[1:-1] = x[1:-1] ** 2 - x[:-2] * x[2:]
    y[0], y[-1] = y[1], y[-2]
    return y


def rest_window(env, w):
    w = max(1, min(len(env), w))
    c = np.concatenate([[0.0], np.cumsum(env)])
    s = int(np.argmin(c[w:] - c[:-w]))
    seg = env[s:s + w]
    return dict(start=s, end=s + w, mean=float(np.mean(seg)), sd=float(np.std(seg)))


def runs(mask):
    d = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.where(d == 1)[0].tolist(), np.where(d == -1)[0].tolist()))


def min_durations(spans, on, off):
    out = []
    for s, e in spans:
        if out and s - out[-1][1] < off:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return [(s, e) for s, e in out if e - s >= on]


def bonato(x, rest):
    s2 = np.mean(x[rest["start"]:rest["end"]] ** 2)
    zeta = -2 * np.log(P["pfa"])
    npairs = len(x) // 2
    g = (x[0:2 * npairs:2] ** 2 + x[1:2 * npairs:2] ** 2) / s2
    ex = g > zeta
    m, r0 = P["m"], P["r0"]
    cnt = np.convolve(ex.astype(int), np.ones(m, dtype=int), mode="valid")  # window starting at j
    spans = []
    for ja, jb in runs(cnt >= r0):
        jb -= 1
        first = ja + int(np.argmax(ex[ja:ja + m]))
        win = ex[jb:jb + m]
        last = jb + m - 1 - int(np.argmax(win[::-1]))
        spans.append((2 * first, 2 * last + 2))
    return spans, float(zeta)


def onsets(method, bp, env, fs):
    w = ms_samples(P["rest_ms"], fs)
    on, off = ms_samples(P["min_on_ms"], fs), ms_samples(P["min_off_ms"], fs)
    if method == "hodges":
        r = rest_window(env, w)
        thr = r["mean"] + P["k"] * r["sd"]
        spans = runs(env > thr)
    elif method == "tkeo":
        te = lin_env(tkeo(bp), fs)
        r = rest_window(te, w)
        thr = r["mean"] + P["tkeo_k"] * r["sd"]
        spans = runs(te > thr)
    else:
        r = rest_window(env, w)
        spans, thr = bonato(bp, r)
    return dict(method=method, threshold=float(thr), rest=r,
                spans=[[int(s), int(e)] for s, e in min_durations(spans, on, off)])


def band_spectrum(f, p, lo, hi):
    m = (f >= lo) & (f <= hi)
    fb, pb = f[m], p[m]
    tot = np.sum(pb)
    if len(fb) == 0 or not tot > 0:
        return None
    cs = np.cumsum(pb)
    j = int(np.argmax(cs >= tot / 2))
    mdf = fb[0] if j == 0 else fb[j - 1] + (tot / 2 - cs[j - 1]) / (cs[j] - cs[j - 1]) * (fb[j] - fb[j - 1])
    return dict(mnf=float(np.sum(fb * pb) / tot), mdf=float(mdf),
                fi=float(np.sum(pb / fb) / np.sum(fb ** 5 * pb)))


def contraction(bp, env, s, e, fs):
    seg = bp[s:e]
    n = e - s
    spec = None
    if n >= P["min_spec"]:
        f, p = sps.welch(seg, fs=fs, nperseg=min(P["nperseg"], n))
        spec = band_spectrum(f, p, *band(fs))
    return dict(start=s, end=e, mid_s=(s + e) / 2 / fs, duration_ms=n / fs * 1000,
                rms=float(np.sqrt(np.mean(seg ** 2))), mav=float(np.mean(np.abs(seg))),
                mnf=spec and spec["mnf"], mdf=spec and spec["mdf"], fi=spec and spec["fi"],
                env_peak=float(np.max(env[s:e])), env_mean=float(np.mean(env[s:e])))


def trend(t, y):
    if len(t) < 3:
        return None
    r = stats.linregress(t, y)
    q = stats.t.ppf((1 + P["conf"]) / 2, len(t) - 2)
    init = r.intercept + r.slope * t[0]
    lo, hi = r.slope - q * r.stderr, r.slope + q * r.stderr
    return dict(n=len(t), slope=float(r.slope), intercept=float(r.intercept), stderr=float(r.stderr),
                ci_low=float(lo), ci_high=float(hi), initial=float(init),
                slope_pct=float(100 * r.slope / init), ci_low_pct=float(100 * lo / init),
                ci_high_pct=float(100 * hi / init))


def fatigue(cs):
    spec = [c for c in cs if c["mdf"] is not None]
    t = [c["mid_s"] for c in spec]
    out = dict(n=len(spec), mdf=trend(t, [c["mdf"] for c in spec]), mnf=trend(t, [c["mnf"] for c in spec]))
    k = P["fi_base"]
    fi = [c for c in spec if c["fi"] is not None]
    if len(fi) >= k:
        base = float(np.mean([c["fi"] for c in fi[:k]]))
        ch = [100 * (c["fi"] / base - 1) for c in fi]
        out["fi"] = dict(baseline=base, change_pct=ch, final_change_pct=float(np.mean(ch[-k:])),
                         trend=trend([c["mid_s"] for c in fi], ch))
    else:
        out["fi"] = dict(baseline=None, change_pct=[], final_change_pct=None, trend=None)
    return out


def mains(bp, fs):
    lo, hi = band(fs)
    if len(bp) < P["mains_nperseg"]:
        return None
    f, p = sps.welch(bp, fs=fs, nperseg=P["mains_nperseg"])
    bandp = np.sum(p[(f >= lo) & (f <= hi)])
    res = []
    for f0 in P["mains"]:
        lines, excess = [], 0.0
        h = 1
        while h * f0 <= hi:
            hz = h * f0
            h += 1
            if hz < lo:
                continue
            k0 = int(np.floor(hz / f[1] + 0.5))
            d = np.abs(f - hz)
            floor = float(np.median(p[(d >= P["nb_in"]) & (d <= P["nb_out"])]))
            three = p[k0 - 1:k0 + 2]
            excess += max(0.0, float(np.sum(three)) - 3 * floor)
            lines.append(dict(hz=hz, ratio_db=float(10 * np.log10(np.max(three) / floor))))
        res.append(dict(fundamental_hz=f0, lines=lines, fraction=excess / bandp))
    return dict(bin_hz=float(f[1]), fundamentals=res, fraction=max(r["fraction"] for r in res))


def gate(raw, bp, spans, fs, mains_frac, n_slope):
    n = len(raw)
    mx, mn = raw.max(), raw.min()

    def held(v):
        return sum(e - s for s, e in runs(raw == v) if e - s >= P["clip_run"])
    clipped = n if mx == mn else held(mx) + held(mn)
    same = np.concatenate([[False], raw[1:] == raw[:-1]])
    # longest run of identical samples = longest run of 'same' + 1
    longest = max([e - s for s, e in runs(same)] + [0]) + 1
    on = np.zeros(n, bool)
    for s, e in spans:
        on[s:e] = True
    snr = None
    if on.any() and (~on).any():
        snr = float(10 * np.log10(np.mean(bp[on] ** 2) / np.mean(bp[~on] ** 2)))
    rms_all = np.sqrt(np.mean(bp ** 2))
    m = dict(clip_fraction=clipped / n, longest_flat_ms=longest / fs * 1000, snr_db=snr,
             dc_ratio=float(abs(np.mean(raw)) / rms_all), mains_fraction=mains_frac,
             contractions_for_slope=n_slope)
    reasons = []
    if m["clip_fraction"] > P["clip_frac"]:
        reasons.append(("clipping", "fail"))
    if m["longest_flat_ms"] > P["flat_ms"]:
        reasons.append(("flat_line", "fail"))
    if not spans:
        reasons.append(("no_contractions", "fail"))
    elif snr is None or snr < P["snr_db"]:
        reasons.append(("low_snr", "fail"))
    if m["dc_ratio"] > P["dc_ratio"]:
        reasons.append(("dc_offset", "warn"))
    if mains_frac is not None and mains_frac > P["mains_frac"]:
        reasons.append(("mains_interference", "fail" if mains_frac > P["mains_fail"] else "warn"))
    if n_slope < P["min_slope"]:
        reasons.append(("too_few_contractions", "warn"))
    return dict(measures=m, reasons=[r[0] for r in reasons],
                passed=not any(r[1] == "fail" for r in reasons))


def best_window(env, w):
    w = max(1, min(len(env), w))
    c = np.concatenate([[0.0], np.cumsum(env)])
    s = int(np.argmax(c[w:] - c[:-w]))
    return dict(value=float(np.mean(env[s:s + w])), start=s, end=s + w)


def agreement(det, ref, fs):
    used = [False] * len(det)
    pairs = []
    for ri, (rs, re_) in enumerate(ref):
        best, best_ov = -1, 0
        for di, (ds, de) in enumerate(det):
            ov = min(de, re_) - max(ds, rs)
            if not used[di] and ov > best_ov:
                best, best_ov = di, ov
        if best >= 0:
            used[best] = True
            pairs.append((best, ri))

    def st(d):
        if not d:
            return None
        q25, q75 = np.percentile(d, 25), np.percentile(d, 75)
        return dict(median=float(np.percentile(d, 50)), q25=float(q25), q75=float(q75), iqr=float(q75 - q25),
                    median_abs=float(np.percentile(np.abs(d), 50)))
    nd, nr, k = len(det), len(ref), len(pairs)
    return dict(detected=nd, reference=nr, matched=k, f1=(2 * k / (nd + nr)) if nd + nr else None,
                onset=st([(det[d][0] - ref[r][0]) / fs * 1000 for d, r in pairs]),
                offset=st([(det[d][1] - ref[r][1]) / fs * 1000 for d, r in pairs]))


def channel(raw, act, fs, mvc=None):
    bp = bandpass(raw, fs)
    env = lin_env(bp, fs)
    on, off = ms_samples(P["min_on_ms"], fs), ms_samples(P["min_off_ms"], fs)
    ref = min_durations(runs(act > 0), on, off) if act is not None else None
    methods = {m: onsets(m, bp, env, fs) for m in ("hodges", "bonato", "tkeo")}
    for m in methods.values():
        m["agreement"] = agreement(m["spans"], ref, fs) if ref is not None else None
    spans = methods[P["method"]]["spans"]
    cs = [contraction(bp, env, s, e, fs) for s, e in spans]
    mvc_value = mvc if mvc is not None else float(np.percentile(env, 95))
    thr = mvc_value * P["mvc_pct"] / 100
    for c in cs:
        c["pct_mvc_peak"] = 100 * c["env_peak"] / mvc_value
        c["pct_mvc_mean"] = 100 * c["env_mean"] / mvc_value
        c["meets_mvc"] = bool(c["env_peak"] >= thr)
        c["meets_duration"] = bool(c["duration_ms"] >= P["dur_ms"])
    fat = fatigue(cs)
    mn = mains(bp, fs)
    on_mask = np.zeros(len(bp), bool)
    for s, e in spans:
        on_mask[s:e] = True
    spec = [c for c in cs if c["mdf"] is not None]
    summary = dict(rms=float(np.sqrt(np.mean(bp[on_mask] ** 2))) if spans else None,
                   mav=float(np.mean(np.abs(bp[on_mask]))) if spans else None,
                   mnf=float(np.mean([c["mnf"] for c in spec])) if spec else None,
                   mdf=float(np.mean([c["mdf"] for c in spec])) if spec else None)
    g = gate(raw, bp, spans, fs, mn and mn["fraction"], fat["n"])
    return dict(band=list(band(fs)), methods=methods, contractions=cs, fatigue=fat, mains=mn, gate=g,
                summary=summary, mvc=dict(value=mvc_value, threshold=thr),
                activated_spans=[[int(s), int(e)] for s, e in ref] if ref is not None else None,
                mvc_window=best_window(env, ms_samples(P["mvc_ms"], fs))), bp, env


def save_bin(name, arr):
    os.makedirs(BIN, exist_ok=True)
    np.asarray(arr, dtype="<f8").tofile(os.path.join(BIN, name))
    return name


def coloured_noise(rng, n, a=0.9):
    return sps.lfilter([1.0], [1.0, -a], rng.standard_normal(n))


def burst(rng, n, fs, centre_hz):
    """Band-limited noise centred on centre_hz (one octave wide), unit RMS."""
    lo, hi = centre_hz / np.sqrt(2), min(centre_hz * np.sqrt(2), 0.45 * fs)
    b = sps.butter(4, [lo, hi], "bandpass", fs=fs, output="sos")
    y = sps.sosfilt(b, rng.standard_normal(n + 200))[200:]
    return y / np.sqrt(np.mean(y ** 2))


def synthetic_cases():
    """Bursts of known onset, duration, amplitude and spectral centre on coloured noise."""
    rng = np.random.default_rng(18)
    fs = 990.0
    cases = []
    for snr_db, centre, drift in [(20, 120.0, 0.0), (12, 90.0, -0.4), (6, 150.0, 0.0)]:
        n = int(30 * fs)
        noise = coloured_noise(rng, n)
        noise *= 1e-5 / np.sqrt(np.mean(noise ** 2))
        x = noise + 2e-5  # a DC offset the band-pass removes
        truth = []
        t = 1.5
        while t < 27:
            dur = rng.uniform(0.4, 1.5)
            s, e = int(t * fs), int((t + dur) * fs)
            c = centre * (1 + drift * (t / 30))  # spectral centre moving down: a known fatigue trend
            amp = 1e-5 * 10 ** (snr_db / 20) * rng.uniform(0.8, 1.2)
            x[s:e] += amp * burst(rng, e - s, fs, c) * np.hanning(e - s) ** 0.2
            truth.append([s, e])
            t += dur + rng.uniform(1.0, 2.0)
        name = f"syn_snr{snr_db}"
        res, bp, env = channel(x, None, fs, mvc=4e-5)
        res["truth"] = truth
        res["truth_agreement"] = {m: agreement(v["spans"], truth, fs) for m, v in res["methods"].items()}
        case = dict(name=name, fs=fs, n=n, x=save_bin(f"seniam_{name}_x.bin", x), mvc=4e-5, result=res)
        if snr_db == 20:  # intermediate signals of one case are enough for the filters
            case.update(bp=save_bin(f"seniam_{name}_bp.bin", bp), env=save_bin(f"seniam_{name}_env.bin", env),
                        tkeo_env=save_bin(f"seniam_{name}_tkeo_env.bin", lin_env(tkeo(bp), fs)))
        cases.append(case)
    return cases


def primitives():
    """Small closed-form cases: band spectrum interpolation, t quantiles, trend."""
    f = np.arange(0, 20) * 5.0
    p = np.abs(np.sin(np.arange(20))) + 0.1
    tq = {str(df): float(stats.t.ppf(0.975, df)) for df in (1, 2, 3, 5, 10, 30, 120)}
    tq_other = {f"{q}_{df}": float(stats.t.ppf(q, df)) for q in (0.9, 0.995, 0.6) for df in (3, 17)}
    rng = np.random.default_rng(7)
    t = np.sort(rng.uniform(0, 60, 12))
    y = 80 - 0.2 * t + rng.standard_normal(12)
    return dict(band=dict(f=f.tolist(), p=p.tolist(), lo=20.0, hi=80.0, result=band_spectrum(f, p, 20.0, 80.0)),
                t975=tq, t_other=tq_other, trend=dict(t=t.tolist(), y=y.tolist(), result=trend(list(t), list(y))))


def ghostly():
    out = {}
    for fn in sorted(f for f in os.listdir(GHOSTLY) if f.endswith(".c3d")):
        chans, fs = read_ghostly(os.path.join(GHOSTLY, fn))
        res = {}
        for base in ("CH1", "CH2"):
            raw = chans[f"{base} Raw"]
            r, _, _ = channel(raw, chans[f"{base} activated"], fs)
            _, _, genv = ghostly_envelope(raw, fs)
            r["ghostly_mvc_window"] = best_window(genv, ms_samples(P["mvc_ms"], fs))
            res[base] = r
            a = r["methods"][P["method"]]["agreement"]
            print(fn, base, len(r["contractions"]), "act", a["reference"], "F1", round(a["f1"] or 0, 2),
                  "MDF", r["summary"]["mdf"] and round(r["summary"]["mdf"], 1), r["gate"]["reasons"], file=sys.stderr)
        out[fn] = res
    return out


def main():
    doc = dict(generator="scripts/reference/make_seniam_fixtures.py", numpy=np.__version__,
               scipy=__import__("scipy").__version__, params=P, primitives=primitives(),
               synthetic=synthetic_cases(), ghostly=ghostly())
    with open(os.path.join(OUT, "seniam.json"), "w") as fh:
        json.dump(doc, fh, indent=1)


if __name__ == "__main__":
    main()
