/**
 * Server clock minus device clock, in ms, estimated from the HTTP `Date` header (RFC 9110 §6.6.1, 1 s
 * resolution) at the midpoint of the request. Undefined when the header is missing or unreadable.
 */
export function clockOffsetFromDate(dateHeader: string | null, sentAt: number, receivedAt: number): number | undefined {
  if (!dateHeader) return undefined;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return undefined;
  // The header truncates to whole seconds: its true value lies in [server, server + 1000).
  return Math.round(server + 500 - (sentAt + receivedAt) / 2);
}

let lastOffset: number | undefined;
export const getClockOffset = () => lastOffset;
export const setClockOffset = (value: number | undefined) => {
  if (value !== undefined) lastOffset = value;
};
