/** Why a layer could not be read to the end: becomes the `unreadable` reason of the paths it leaves open. */
export class LayerProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayerProblem';
  }
}

/** A layer whose bytes, read to the end, are not the ones its digest names: nothing read from it is trusted. */
export class DigestMismatch extends LayerProblem {
  constructor(message: string) {
    super(message);
    this.name = 'DigestMismatch';
  }
}
