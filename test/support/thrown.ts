/** The error `act` throws, failing the test unless it is an `Expected`, so that its fields can be checked. */
export function thrown<E extends Error>(Expected: abstract new (...args: never[]) => E, act: () => unknown): E {
  try {
    act();
  } catch (err) {
    if (err instanceof Expected) return err;
    throw err;
  }
  throw new Error(`expected a ${Expected.name}, but nothing was thrown`);
}
