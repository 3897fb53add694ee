/**
 * The address rule the signup widget and the reference endpoint share, so the two never disagree: at most
 * 254 characters, an @, a domain with at least one dot, and none of whitespace or `"(),:;<>[\]`. Those are what
 * quoted local parts, comments, display names and address lists are made of: a mail library would read
 * `a<victim@x.com>` or `x,victim@x.com` as another address than the one stored. (The one character class, written
 * three times, costs the drop-in file fewer gzipped bytes than a lookahead.)
 */
export const EMAIL = /^(?!.{255})[^\s"(),:;<>@[\\\]]+@[^\s"(),:;<>@[\\\].]+(\.[^\s"(),:;<>@[\\\].]+)+$/;
