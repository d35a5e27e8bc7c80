/**
 * Expected facts per corpus file, transcribed from shared/data/c3d/MANIFEST.md (columns bytes, proc,
 * fmt, pts@Hz, ch@Hz (spf), frames (first)). Generated once; edit by hand when the MANIFEST changes.
 */
export interface CorpusFact {
  path: string;
  bytes: number;
  processor: 'intel' | 'dec' | 'mips';
  format: 'integer' | 'float';
  points: number;
  pointRate: number;
  channels: number;
  analogRate: number | null;
  samplesPerFrame: number;
  frames: number;
  firstFrame: number;
}

export const corpusFacts: CorpusFact[] = [
  { path: "BTKCore-history/1123x01EMG.c3d", bytes: 150144, processor: 'intel', format: 'float', points: 0, pointRate: 1000, channels: 8, analogRate: 1000, samplesPerFrame: 1, frames: 4564, firstFrame: 1 },
  { path: "BTKCore-history/561xxa01_anonym.C3D", bytes: 224936, processor: 'intel', format: 'float', points: 34, pointRate: 100, channels: 18, analogRate: 100, samplesPerFrame: 1, frames: 361, firstFrame: 1 },
  { path: "BTKCore-history/Analysis.c3d", bytes: 51392, processor: 'dec', format: 'float', points: 24, pointRate: 100, channels: 16, analogRate: 100, samplesPerFrame: 1, frames: 101, firstFrame: 1 },
  { path: "BTKCore-history/MyCube.c3d", bytes: 1760, processor: 'intel', format: 'float', points: 14, pointRate: 50, channels: 0, analogRate: 50, samplesPerFrame: 1, frames: 1, firstFrame: 1 },
  { path: "BTKCore-history/Res16bits.c3d", bytes: 500000, processor: 'intel', format: 'float', points: 44, pointRate: 100, channels: 81, analogRate: 1000, samplesPerFrame: 10, frames: 100, firstFrame: 1 },
  { path: "BTKCore-history/badParameterOffset.c3d", bytes: 77824, processor: 'intel', format: 'float', points: 41, pointRate: 250, channels: 0, analogRate: null, samplesPerFrame: 0, frames: 111, firstFrame: 1 },
  { path: "BTKCore-history/mocap36.c3d", bytes: 800768, processor: 'intel', format: 'float', points: 36, pointRate: 100, channels: 0, analogRate: null, samplesPerFrame: 0, frames: 1380, firstFrame: 1 },
  { path: "BTKCore-history/parameterOverflow.c3d", bytes: 269616, processor: 'dec', format: 'float', points: 142, pointRate: 100, channels: 36, analogRate: 100, samplesPerFrame: 1, frames: 101, firstFrame: 1 },
  { path: "BTKCore-history/shd01.c3d", bytes: 130256, processor: 'intel', format: 'float', points: 27, pointRate: 250, channels: 6, analogRate: 1000, samplesPerFrame: 4, frames: 237, firstFrame: 91 },
  { path: "c3dio-c3d.org-samples/sample_00/Codamotion/codamotion_gaitwands_19970212.c3d", bytes: 266240, processor: 'intel', format: 'float', points: 24, pointRate: 200, channels: 16, analogRate: 400, samplesPerFrame: 2, frames: 512, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_00/Cometa Systems/EMG Data Cometa.c3d", bytes: 3828224, processor: 'intel', format: 'float', points: 0, pointRate: 10, channels: 24, analogRate: 2000, samplesPerFrame: 200, frames: 199, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_00/Innovative Sports Training/Gait with EMG.c3d", bytes: 376576, processor: 'intel', format: 'float', points: 24, pointRate: 60, channels: 32, analogRate: 1080, samplesPerFrame: 18, frames: 134, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_00/Motion Analysis Corporation/Walk1.c3d", bytes: 298992, processor: 'intel', format: 'float', points: 49, pointRate: 60, channels: 18, analogRate: 960, samplesPerFrame: 16, frames: 151, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_00/Vicon Motion Systems/pyCGM2 lower limb CGM24 Walking01.c3d", bytes: 1499936, processor: 'intel', format: 'float', points: 171, pointRate: 100, channels: 6, analogRate: 1000, samplesPerFrame: 10, frames: 493, firstFrame: 63 },
  { path: "c3dio-c3d.org-samples/sample_01/Eb015pi.c3d", bytes: 156672, processor: 'intel', format: 'integer', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_01/Eb015pr.c3d", bytes: 307712, processor: 'intel', format: 'float', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_01/Eb015si.c3d", bytes: 156672, processor: 'mips', format: 'integer', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_01/Eb015sr.c3d", bytes: 307712, processor: 'mips', format: 'float', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_01/Eb015vi.c3d", bytes: 156672, processor: 'dec', format: 'integer', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_01/Eb015vr.c3d", bytes: 307712, processor: 'dec', format: 'float', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_02/dec_int.c3d", bytes: 43520, processor: 'dec', format: 'integer', points: 36, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 89, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_02/dec_real.c3d", bytes: 80384, processor: 'dec', format: 'float', points: 36, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 89, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_02/pc_int.c3d", bytes: 43520, processor: 'intel', format: 'integer', points: 36, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 89, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_02/pc_real.c3d", bytes: 80384, processor: 'intel', format: 'float', points: 36, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 89, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_02/sgi_int.c3d", bytes: 43520, processor: 'mips', format: 'integer', points: 36, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 89, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_02/sgi_real.c3d", bytes: 80384, processor: 'mips', format: 'float', points: 36, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 89, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_03/gait-pig-nz.c3d", bytes: 753384, processor: 'intel', format: 'float', points: 85, pointRate: 120, channels: 18, analogRate: 1800, samplesPerFrame: 15, frames: 301, firstFrame: 300 },
  { path: "c3dio-c3d.org-samples/sample_03/gait-raw.c3d", bytes: 177744, processor: 'dec', format: 'integer', points: 27, pointRate: 50, channels: 30, analogRate: 800, samplesPerFrame: 16, frames: 142, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_06/MACsample.c3d", bytes: 149504, processor: 'mips', format: 'integer', points: 33, pointRate: 60, channels: 16, analogRate: 1020, samplesPerFrame: 17, frames: 180, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_07/16bitanalog.c3d", bytes: 491312, processor: 'intel', format: 'float', points: 27, pointRate: 60, channels: 40, analogRate: 600, samplesPerFrame: 10, frames: 237, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_08/TESTAPI.c3d", bytes: 156672, processor: 'intel', format: 'integer', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_08/TESTBPI.c3d", bytes: 161280, processor: 'intel', format: 'integer', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_08/TESTCPI.c3d", bytes: 161280, processor: 'intel', format: 'integer', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_08/TESTDPI.c3d", bytes: 161280, processor: 'intel', format: 'integer', points: 26, pointRate: 50, channels: 16, analogRate: 200, samplesPerFrame: 4, frames: 450, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_10/TYPE-3.c3d", bytes: 126112, processor: 'dec', format: 'integer', points: 21, pointRate: 60, channels: 28, analogRate: 60, samplesPerFrame: 1, frames: 515, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_11/evart.c3d", bytes: 279040, processor: 'dec', format: 'integer', points: 22, pointRate: 60, channels: 28, analogRate: 1020, samplesPerFrame: 17, frames: 243, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_13/Dance.c3d", bytes: 338912, processor: 'intel', format: 'float', points: 40, pointRate: 65.0533, channels: 8, analogRate: 65.0533, samplesPerFrame: 1, frames: 499, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_13/Dance1.c3d", bytes: 340800, processor: 'intel', format: 'float', points: 40, pointRate: 65.0364, channels: 8, analogRate: 65.0364, samplesPerFrame: 1, frames: 498, firstFrame: 2 },
  { path: "c3dio-c3d.org-samples/sample_15/FP1.C3D", bytes: 294912, processor: 'intel', format: 'float', points: 8, pointRate: 60, channels: 12, analogRate: 600, samplesPerFrame: 10, frames: 480, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_16/basketball.c3d", bytes: 16896, processor: 'intel', format: 'float', points: 22, pointRate: 25, channels: 0, analogRate: null, samplesPerFrame: 0, frames: 34, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_16/giant.c3d", bytes: 169472, processor: 'intel', format: 'float', points: 29, pointRate: 50, channels: 0, analogRate: null, samplesPerFrame: 0, frames: 355, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_17/128analogchannels.c3d", bytes: 2730944, processor: 'intel', format: 'float', points: 10, pointRate: 160, channels: 128, analogRate: 160, samplesPerFrame: 1, frames: 4038, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_18/bad_parameter_section.c3d", bytes: 337920, processor: 'intel', format: 'integer', points: 45, pointRate: 120, channels: 32, analogRate: 1200, samplesPerFrame: 10, frames: 332, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_20/phasespace_sample.c3d", bytes: 449664, processor: 'intel', format: 'float', points: 40, pointRate: 30, channels: 0, analogRate: null, samplesPerFrame: 0, frames: 701, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_21/sample21.c3d", bytes: 302080, processor: 'dec', format: 'integer', points: 14, pointRate: 60, channels: 12, analogRate: 1020, samplesPerFrame: 17, frames: 574, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_22/BKINtechnologies.c3d", bytes: 583152, processor: 'intel', format: 'float', points: 2, pointRate: 1000, channels: 20, analogRate: 1000, samplesPerFrame: 1, frames: 5065, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_23/Vicon_analysis.c3d", bytes: 2426368, processor: 'intel', format: 'float', points: 89, pointRate: 120, channels: 34, analogRate: 1800, samplesPerFrame: 15, frames: 694, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_24/MotionMonitorC3D.c3d", bytes: 517120, processor: 'intel', format: 'float', points: 8, pointRate: 140, channels: 16, analogRate: 980, samplesPerFrame: 7, frames: 840, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_25/analogfpscale04.c3d", bytes: 514304, processor: 'intel', format: 'float', points: 17, pointRate: 120, channels: 28, analogRate: 1080, samplesPerFrame: 9, frames: 397, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_25/analogfpscale04i.c3d", bytes: 260608, processor: 'dec', format: 'integer', points: 17, pointRate: 120, channels: 28, analogRate: 1080, samplesPerFrame: 9, frames: 397, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_26/Capture0002.c3d", bytes: 238080, processor: 'intel', format: 'float', points: 18, pointRate: 240, channels: 16, analogRate: 240, samplesPerFrame: 1, frames: 661, firstFrame: 244 },
  { path: "c3dio-c3d.org-samples/sample_27/kyowadengyo.c3d", bytes: 31232, processor: 'dec', format: 'integer', points: 12, pointRate: 60, channels: 24, analogRate: 60, samplesPerFrame: 1, frames: 145, firstFrame: 33 },
  { path: "c3dio-c3d.org-samples/sample_28/dynamic.C3D", bytes: 170688, processor: 'intel', format: 'float', points: 34, pointRate: 100, channels: 6, analogRate: 100, samplesPerFrame: 1, frames: 296, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_28/type1.C3D", bytes: 143360, processor: 'intel', format: 'float', points: 28, pointRate: 100, channels: 6, analogRate: 100, samplesPerFrame: 1, frames: 296, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_29/Facial-Sing.c3d", bytes: 1829888, processor: 'intel', format: 'float', points: 38, pointRate: 100, channels: 0, analogRate: null, samplesPerFrame: 0, frames: 3000, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_30/emgwl.c3d", bytes: 258560, processor: 'intel', format: 'float', points: 0, pointRate: 50, channels: 4, analogRate: 1600, samplesPerFrame: 32, frames: 501, firstFrame: 0 },
  { path: "c3dio-c3d.org-samples/sample_32/vicon_zerowire.c3d", bytes: 916480, processor: 'intel', format: 'float', points: 55, pointRate: 100, channels: 13, analogRate: 4000, samplesPerFrame: 40, frames: 306, firstFrame: 306 },
  { path: "c3dio-c3d.org-samples/sample_33/bigparlove.c3d", bytes: 1349120, processor: 'intel', format: 'float', points: 205, pointRate: 200, channels: 30, analogRate: 1000, samplesPerFrame: 5, frames: 323, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_34/AlbertoINT.c3d", bytes: 1579008, processor: 'intel', format: 'integer', points: 40, pointRate: 120, channels: 0, analogRate: null, samplesPerFrame: 1, frames: 4921, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_35/Mega Electronics Isokinetic EMG Angle Torque Sample File.c3d", bytes: 602112, processor: 'intel', format: 'float', points: 0, pointRate: 1, channels: 4, analogRate: 1250, samplesPerFrame: 1250, frames: 29, firstFrame: 1 },
  { path: "c3dio-c3d.org-samples/sample_37/ART-Human_tools_integer_6dofLimbs.c3d", bytes: 347136, processor: 'intel', format: 'integer', points: 37, pointRate: 60, channels: 0, analogRate: null, samplesPerFrame: 0, frames: 1162, firstFrame: 1 },
  { path: "emg-c3d-analyzer-history/Ghostly_Emg_20240304_10-05-56-0883.c3d", bytes: 2348294, processor: 'intel', format: 'float', points: 1, pointRate: 33, channels: 4, analogRate: 990, samplesPerFrame: 30, frames: 4731, firstFrame: 1 },
  { path: "ezc3d-testFiles/BTS.c3d", bytes: 1437376, processor: 'intel', format: 'float', points: 22, pointRate: 100, channels: 44, analogRate: 1000, samplesPerFrame: 10, frames: 675, firstFrame: 1 },
  { path: "ezc3d-testFiles/C3DRotationExample.c3d", bytes: 488448, processor: 'intel', format: 'float', points: 0, pointRate: 85, channels: 0, analogRate: null, samplesPerFrame: 0, frames: 340, firstFrame: 1 },
  { path: "ezc3d-testFiles/FP_Type3.c3d", bytes: 9216, processor: 'intel', format: 'float', points: 34, pointRate: 250, channels: 16, analogRate: 1000, samplesPerFrame: 4, frames: 2, firstFrame: 1166 },
  { path: "ezc3d-testFiles/Kistler.c3d", bytes: 1271616, processor: 'intel', format: 'integer', points: 0, pointRate: 60, channels: 16, analogRate: 600, samplesPerFrame: 10, frames: 3969, firstFrame: 1 },
  { path: "ezc3d-testFiles/Optotrak.c3d", bytes: 28640, processor: 'intel', format: 'float', points: 54, pointRate: 30, channels: 0, analogRate: null, samplesPerFrame: 0, frames: 29, firstFrame: 1 },
  { path: "ezc3d-testFiles/Qualisys.c3d", bytes: 1252352, processor: 'intel', format: 'float', points: 55, pointRate: 200, channels: 69, analogRate: 2000, samplesPerFrame: 10, frames: 340, firstFrame: 705 },
  { path: "ezc3d-testFiles/read_NOTworking2.c3d", bytes: 125328, processor: 'dec', format: 'integer', points: 23, pointRate: 25, channels: 0, analogRate: 25, samplesPerFrame: 0, frames: 670, firstFrame: 0 },
];
