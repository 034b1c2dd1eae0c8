/**
 * A stand-in for some of `T`'s members in a test rig: the names are checked against `T` (a renamed or removed method
 * fails to compile, where `as never` failed only when a test ran), the shapes are the test's to keep right.
 */
export type FakeOf<T> = Partial<Record<keyof T, unknown>>;

/** Wires a fake where the real `T` is taken; `T` names what it stands for, so its keys are checked here too. */
export const asReal = <T>(fake: FakeOf<T>): T => fake as unknown as T;
