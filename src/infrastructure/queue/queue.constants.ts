/** The one Bull queue of the service; job names within it are exported by each producer. */
export const SESSION_QUEUE = 'sessions';
