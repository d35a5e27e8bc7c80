import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { extractEmgChannels } from '@app/analysis';
import { checkBidsDataset, parseTsv, readEdfHeader, resolutionOf } from '@app/bids';
import { readC3d } from '@app/c3d';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, createUser, signHs256, supabaseClaims, type TestUser } from '../support/tokens.js';
import { ghostly, multipart, waitForSession } from '../support/session-helpers.js';

const SECRET = 'exports-bids-e2e-secret-with-32-chars-ok';
const FILE = 'Ghostly_Emg_20230321_17-23-09-0409.c3d';
/** As the original client sends it with an upload. */
const MUSCLES = { CH1: 'Left Quadriceps', CH2: 'Right Quadriceps' };
/** Debian's interpreter, where python3-mne is installed (another python3 may come first on PATH). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const MNE_SCRIPT = `
import json, sys, mne
raw = mne.io.read_raw_edf(sys.argv[1], preload=True, verbose="error")
data = raw.get_data()
print(json.dumps({"ch_names": raw.ch_names, "sfreq": float(raw.info["sfreq"]), "n_times": int(raw.n_times),
  "data": data.tolist(),
  "annotations": [[float(a["onset"]), a["description"]] for a in raw.annotations]}))
`;

interface MneRead {
  ch_names: string[];
  sfreq: number;
  n_times: number;
  data: number[][];
}

describe('EMG-BIDS export of a patient (embedded), read back by MNE', () => {
  let t: TestApp;
  let researcher: TestUser;
  let tree: Map<string, Uint8Array>;
  let subject: string;
  const auth = async (u: TestUser) => bearer(await signHs256(SECRET, supabaseClaims(u)));

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: SECRET });
    const therapist = await createUser(t.database, 'therapist');
    researcher = await createUser(t.database, 'researcher');
    const p = await t.app.inject({
      method: 'POST',
      url: '/patients',
      headers: await auth(therapist),
      payload: {},
    });
    const patientCode = p.json<{ patient_code: string }>().patient_code;
    const body = multipart(
      { name: FILE, content: ghostly(FILE) },
      { patient_code: patientCode, channel_muscle_mapping: JSON.stringify(MUSCLES) },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/sessions',
      headers: { ...(await auth(therapist)), ...body.headers },
      payload: body.payload,
    });
    const code = res.json<{ session_code: string }>().session_code;
    expect((await waitForSession(t, await auth(therapist), code)).status).toBe('completed');
    const zip = await t.app.inject({
      method: 'GET',
      url: `/patients/${patientCode}/export?format=bids`,
      headers: await auth(researcher),
    });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    tree = new Map(Object.entries(unzipSync(new Uint8Array(zip.rawPayload))));
    subject = [...tree.keys()]
      .find((k) => k.startsWith('sub-'))!
      .split('/')[0]!
      .slice(4);
  });
  afterAll(async () => t.close());

  it('is a dataset that passes the BIDS rules, with a pseudonymous subject', () => {
    expect(checkBidsDataset(tree)).toEqual([]);
    expect(subject).toMatch(/^p[0-9a-f]{12}$/);
    const emgJson = JSON.parse(
      strFromU8(tree.get(`sub-${subject}/ses-001/emg/sub-${subject}_ses-001_task-ghostly_emg.json`)!),
    ) as Record<string, unknown>;
    for (const f of [
      'EMGPlacementScheme',
      'EMGReference',
      'SamplingFrequency',
      'PowerLineFrequency',
      'SoftwareFilters',
      'TaskName',
      'RecordingType',
    ])
      expect(emgJson).toHaveProperty(f);
    expect(emgJson.SamplingFrequency).toBe(990);
    expect(emgJson.EMGChannelCount).toBe(2);
    const events = parseTsv(
      strFromU8(
        tree.get(
          `derivatives/emg-c3d/sub-${subject}/ses-001/emg/sub-${subject}_ses-001_task-ghostly_events.tsv`,
        )!,
      ),
    );
    expect(events.columns.slice(0, 3)).toEqual(['onset', 'duration', 'trial_type']);
    expect(events.rows.length).toBe(26); // 15 contractions on CH1 + 11 on CH2
    const channels = parseTsv(
      strFromU8(tree.get(`sub-${subject}/ses-001/emg/sub-${subject}_ses-001_task-ghostly_channels.tsv`)!),
    );
    const muscleOf = channels.columns.indexOf('target_muscle');
    expect(channels.rows.filter((r) => r[muscleOf] !== 'n/a').map((r) => [r[0], r[muscleOf]])).toEqual(
      Object.entries(MUSCLES),
    );
    const readme = strFromU8(tree.get('README')!);
    expect(readme).toContain('- EMGReference: n/a.');
    // the session's mapping names the muscles: target_muscle is not among the unknowns
    expect(readme).not.toContain('target_muscle');
    expect(readme).toContain('pseudonyms made for this export only');
  });

  it('EDF+ read by MNE gives the raw samples within the EDF resolution', () => {
    const edf = tree.get(`sub-${subject}/ses-001/emg/sub-${subject}_ses-001_task-ghostly_emg.edf`)!;
    const path = join(mkdtempSync(join(tmpdir(), 'edf-')), 'x_emg.edf');
    writeFileSync(path, edf);
    const out = execFileSync(PYTHON, ['-c', MNE_SCRIPT, path], { maxBuffer: 64 * 1024 * 1024 }).toString();
    const mne = JSON.parse(out) as MneRead;
    const source = extractEmgChannels(readC3d(new Uint8Array(ghostly(FILE))));
    expect(mne.ch_names).toEqual(['CH1', 'CH2']);
    expect(mne.sfreq).toBe(990);
    const n = source.channels[0]!.raw.length;
    expect(n).toBe(74280);
    expect(mne.n_times).toBe(76 * 990); // whole 1 s records, the last one padded
    const header = readEdfHeader(edf);
    source.channels.forEach((ch, i) => {
      const s = header.signals[i]!;
      expect(s.unit).toBe('uV');
      // MNE returns volts; the file holds microvolts
      const step = resolutionOf(s.physicalMin, s.physicalMax) * 1e-6;
      let worst = 0;
      let shifted = 0;
      for (let k = 0; k < n; k++) {
        worst = Math.max(worst, Math.abs(mne.data[i]![k]! - ch.raw[k]!));
        if (k > 0) shifted = Math.max(shifted, Math.abs(mne.data[i]![k]! - ch.raw[k - 1]!));
      }
      expect(worst).toBeLessThanOrEqual(step / 2 + 1e-12);
      // near miss: the same data one sample late is far outside that bound
      expect(shifted).toBeGreaterThan(10 * step);
      // the physical range is the signal's own, so the 16 bits are used
      expect(step).toBeLessThan(1e-7);
    });
  });
});
