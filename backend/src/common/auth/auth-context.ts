import { Role } from './role';

/** Who is calling: proven by the access token and re-checked against the database. */
export interface AuthContext {
  userId: string;
  role: Role;
  sessionId: string;
  email: string;
}
