import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { RPE_KEYS } from '../scoring-config.defaults.js';

const RPE_KEY_SET: ReadonlySet<string> = new Set(RPE_KEYS);

/** The first problem with a flat RPE -> score object, or undefined when it is valid. */
function rpeMappingProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  for (const [key, score] of Object.entries(value)) {
    if (!RPE_KEY_SET.has(key)) return `has key "${key}" (RPE keys are "0" to "10")`;
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) {
      return `maps RPE ${key} to ${JSON.stringify(score)} (scores are numbers from 0 to 100)`;
    }
  }
  return undefined;
}

/** A flat `{"0": 10, ..., "10": 10}`: keys "0".."10", scores 0..100. */
export function IsRpeMapping(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isRpeMapping',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => rpeMappingProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'rpe_mapping'} ${rpeMappingProblem(args?.value) ?? 'is invalid'}`,
      },
    });
  };
}
