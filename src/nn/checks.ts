/**
 * Argument checks shared by the library. Each error names the function, the argument and
 * the value it got, so a reader's typo reads as a sentence rather than a stack trace.
 */

export function checkPositiveInt(where: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${where}: ${name} must be a positive integer, got ${value}`);
  }
}

export function checkNonNegative(where: string, name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${where}: ${name} must be a finite number >= 0, got ${value}`);
  }
}

/** For coefficients such as momentum and betas that must lie in [0, 1). */
export function checkUnitInterval(where: string, name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value >= 1) {
    throw new RangeError(`${where}: ${name} must be in [0, 1), got ${value}`);
  }
}

export function checkFinite(where: string, name: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${where}: ${name} must be a finite number, got ${value}`);
  }
}

export function checkSameShape(where: string, a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
    throw new RangeError(`${where}: input shape [${a.join(', ')}] and target shape [${b.join(', ')}] differ`);
  }
}
