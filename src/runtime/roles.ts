/** The roles a tickerwire process can play. */
export type Role = 'web' | 'worker' | 'scheduler';

export const ALL_ROLES: readonly Role[] = ['web', 'worker', 'scheduler'];
