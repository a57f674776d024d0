import { buildTestWorld, type TestWorld, type TestWorldOptions } from './buildTestWorld'

/** `createTestWorld` for the browser entry: the in-process transport only (no Node server there). */
export function createTestWorld(options: TestWorldOptions = {}): Promise<TestWorld> {
  return buildTestWorld(options, undefined)
}
