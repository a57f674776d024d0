import type { EmulatorContext } from './emulatorContext'

/** A user's wrong codes still inside the window. */
function recent(ctx: EmulatorContext, userId: string): number[] {
  const since = ctx.now() - ctx.settings.wrongChallengeWindowMs
  return ctx.state.wrongCodesOf(userId).filter((at) => at > since)
}

/** True when the user has used up their wrong codes across sessions (then validation answers 429). */
export const userIsLimited = (ctx: EmulatorContext, userId: string): boolean =>
  recent(ctx, userId).length >= ctx.settings.maxWrongChallengesPerUser

/** Counts one wrong code against the user; only the window's worth is kept. */
export function countWrongCode(ctx: EmulatorContext, userId: string): void {
  const times = [...recent(ctx, userId), ctx.now()]
  ctx.state.setWrongCodes(userId, times.slice(-ctx.settings.maxWrongChallengesPerUser))
}
