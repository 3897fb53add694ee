/**
 * The address rule the signup widget and the reference endpoint share, so the two never disagree: at most
 * 254 characters, no spaces, an @, and a domain with at least one dot.
 */
export const EMAIL = /^(?!.{255})[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
