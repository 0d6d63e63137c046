/** Membership roles: defined in $lib/roles (shared with the browser), re-exported for the server. */
export * from '../../roles';
