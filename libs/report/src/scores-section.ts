// The scores with their weights and how each was reached, written out with the session's own
// numbers (the formulas are those of @app/scoring).
import { GHOSTLY_TRIAL_DEFAULT } from '@app/scoring';
import { esc, num, score } from './html.js';
import type { ReportScores } from './model.js';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const w3 = (v: number | null | undefined) => (isNum(v) ? String(Number(v.toFixed(3))) : '–');

function card(label: string, value: number | null, weight: number | null | undefined, cls = ''): string {
  const weightText = isNum(weight) ? `weight ${w3(weight)}` : '';
  return `<div class="card ${cls}" data-score="${esc(label.toLowerCase())}"><div class="label">${esc(label)}</div><div class="value">${score(value)}</div><div class="weight">${weightText}</div></div>`;
}

function muscleLine(side: 'left' | 'right', channel: string | undefined, s: ReportScores): string {
  const w = s.weights;
  const c = side === 'left' ? s.completion_rate_left : s.completion_rate_right;
  const i = side === 'left' ? s.intensity_rate_left : s.intensity_rate_right;
  const d = side === 'left' ? s.duration_rate_left : s.duration_rate_right;
  const e = side === 'left' ? s.expected_contractions_left : s.expected_contractions_right;
  const total = side === 'left' ? s.left_muscle_compliance : s.right_muscle_compliance;
  const name = `${side === 'left' ? 'Left' : 'Right'} muscle${channel ? ` (${esc(channel)})` : ''}`;
  const formula = w
    ? `100 × (${w3(w.weight_completion)} × ${num(c, 3)} + ${w3(w.weight_intensity)} × ${num(i, 3)} + ${w3(w.weight_duration)} × ${num(d, 3)})`
    : '–';
  return (
    `<tr><th scope="row">${name}</th><td>${formula} = <b>${score(total)}</b><br>` +
    `<span class="meaning">completion = min(contractions / ${isNum(e) ? e : 'expected'}, 1) = ${num(c, 3)}; ` +
    `intensity = MVC-compliant / contractions = ${num(i, 3)}; duration = duration-compliant / contractions = ${num(d, 3)}</span></td></tr>`
  );
}

/** The score cards and the "how it was reached" table. */
export function scoresSection(s: ReportScores | null, channelNames: string[]): string {
  if (!s) return '<p class="muted">No scores stored for this session.</p>';
  const w = s.weights;
  const cards =
    `<div class="cards">${card('Overall', s.overall_score, null, 'overall')}` +
    card('Compliance', s.compliance_score, w?.weight_compliance) +
    card('Symmetry', s.symmetry_score, w?.weight_symmetry) +
    card('Effort', s.effort_score, w?.weight_effort) +
    card('Game', s.game_score, w?.weight_game) +
    '</div>';
  const gate = GHOSTLY_TRIAL_DEFAULT.bfrGate;
  const bfrText =
    s.bfr_pressure_aop === null
      ? `No BFR pressure recorded: gate = 1 (the gate applies only when a pressure is entered; it is 1 inside ${gate.minAop}–${gate.maxAop} % AOP, otherwise 0).`
      : `BFR pressure ${num(s.bfr_pressure_aop, 1)} % AOP: ${s.bfr_compliant ? 'inside' : 'outside'} the ${gate.minAop}–${gate.maxAop} % AOP window, gate = ${s.bfr_compliant ? 1 : 0}.`;
  const L = s.left_muscle_compliance;
  const R = s.right_muscle_compliance;
  const rpeText =
    s.rpe_value === null
      ? '–'
      : `RPE ${s.rpe_value} (${s.rpe_source === 'provided' ? 'entered after the session' : 'not entered: the configuration default'}) mapped through the Borg CR-10 table = <b>${score(s.effort_score)}</b>`;
  const gameText =
    s.game_score === null
      ? 'No game points entered: left out of the overall score (the other weights are renormalised).'
      : `${num(s.game_points_achieved, 0)} / ${num(s.game_points_max, 0)} points × 100 = <b>${score(s.game_score)}</b>`;
  const parts = [
    { s: s.compliance_score, w: w?.weight_compliance },
    { s: s.symmetry_score, w: w?.weight_symmetry },
    { s: s.effort_score, w: w?.weight_effort },
    { s: s.game_score, w: w?.weight_game },
  ].filter((p) => isNum(p.s) && isNum(p.w) && p.w > 0);
  const overallText = parts.length
    ? `(${parts.map((p) => `${w3(p.w)} × ${score(p.s)}`).join(' + ')}) / ${w3(parts.reduce((a, p) => a + p.w!, 0))} = <b>${score(s.overall_score)}</b>`
    : `<b>${score(s.overall_score)}</b>`;
  const rows = [
    muscleLine('left', channelNames[0], s),
    muscleLine('right', channelNames[1], s),
    `<tr><th scope="row">BFR gate</th><td>${esc(bfrText)}</td></tr>`,
    `<tr><th scope="row">Compliance</th><td>(${score(L)} + ${score(R)}) / 2 × gate ${s.bfr_compliant === false ? 0 : 1} = <b>${score(s.compliance_score)}</b><br><span class="meaning">How well the prescribed exercise was done, both muscles averaged.</span></td></tr>`,
    `<tr><th scope="row">Symmetry</th><td>100 × (1 − |${score(L)} − ${score(R)}| / (${score(L)} + ${score(R)})) = <b>${score(s.symmetry_score)}</b><br><span class="meaning">100 when both muscles complied equally.</span></td></tr>`,
    `<tr><th scope="row">Effort</th><td>${rpeText}<br><span class="meaning">Perceived exertion; 4–5 (moderate to hard) scores best.</span></td></tr>`,
    `<tr><th scope="row">Game</th><td>${gameText}</td></tr>`,
    `<tr><th scope="row">Overall</th><td>${overallText}<br><span class="meaning">Weighted mean over the components that are available.</span></td></tr>`,
  ];
  const config = s.scoring_config_name ?? s.scoring_config_id ?? 'unknown';
  return `${cards}<p class="muted">Scoring configuration: ${esc(config)}. All scores are 0–100.</p><table class="kv scores-how"><tbody>${rows.join('')}</tbody></table>`;
}
