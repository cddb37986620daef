/** A plaintext text that is not a valid value; `position` is the 0-based character offset. */
export class PlaintextError extends Error {
  override name = 'PlaintextError';
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at position ${position}`);
  }
}
