/** Recorded with every import so a workspace says which Upstream built it. */
export const APP_VERSION = '0.1.0';
