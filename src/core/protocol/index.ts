export * from './constants'
export type * from './wire'
