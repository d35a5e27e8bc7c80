// Minimal typing of the parts of fili (CommonJS, untyped) this library uses.
declare module 'fili' {
  interface FiliBiquadCoeffs {
    a: number[];
    b: number[];
    k: number;
  }
  interface FiliCascades {
    lowpass(params: object): FiliBiquadCoeffs[];
    highpass(params: object): FiliBiquadCoeffs[];
  }
  const Fili: { CalcCascades: new () => FiliCascades };
  export default Fili;
}
