/**
 * Mutation keys of the kit, from one place (filter with `useMutationState({ filters: { mutationKey: ssks2MRKeys.all }
 * })`).
 * Keys never hold a user id, session or secret: devtools and persisters show them.
 */
export const ssks2MRKeys = {
  all: ['ssks2mr'] as const,
  save: () => ['ssks2mr', 'saveIdentity'] as const,
  retrieve: () => ['ssks2mr', 'retrieveIdentity'] as const,
}

/** Retrievals share this TanStack mutation scope, so they run one at a time (key renewal must not race). */
export const RETRIEVE_SCOPE_ID = 'ssks2mr-retrieve'
