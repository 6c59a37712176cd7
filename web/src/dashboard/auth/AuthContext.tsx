import { createContext, useContext } from 'react';

import type { Claims } from './session';

/** The signed-in supervisor: the token for every request, the region it supervises, and the ways out. */
export interface Auth {
  token: string;
  claims: Claims;
  region: string;
  signOut(): void;
  /** The API refused the token (expired, revoked): back to sign-in with this message. */
  refuse(message: string): void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside the signed-in dashboard');
  return auth;
}
