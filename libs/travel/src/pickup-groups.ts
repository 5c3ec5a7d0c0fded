/** Arrivals closer than this to the first person of a group wait for the same car. */
export const PICKUP_WINDOW_MINUTES = 90;

export interface PickupGroup<T> {
  /** Airport and rank of the group at that airport in time order, such as TNG-2. */
  id: string;
  airport: string;
  firstAt: Date;
  lastAt: Date;
  members: T[];
}

/**
 * Groups arrivals per airport so that everyone in a group lands within `windowMinutes`
 * of the group's first arrival: whoever lands first waits at most that long. (Chaining
 * "within 90 minutes of the previous one" would let a group stretch over hours.)
 * Groups come back in time order; ids are derived, so they shift when arrivals change.
 */
export function groupArrivals<T extends { airport: string; at: Date }>(
  arrivals: readonly T[],
  windowMinutes = PICKUP_WINDOW_MINUTES,
): PickupGroup<T>[] {
  const sorted = [...arrivals].sort(
    (a, b) => a.airport.localeCompare(b.airport) || a.at.getTime() - b.at.getTime(),
  );
  const groups: PickupGroup<T>[] = [];
  const rank = new Map<string, number>();
  let current: PickupGroup<T> | undefined;
  for (const arrival of sorted) {
    const fits =
      current &&
      current.airport === arrival.airport &&
      arrival.at.getTime() - current.firstAt.getTime() <= windowMinutes * 60_000;
    if (current && fits) {
      current.members.push(arrival);
      current.lastAt = arrival.at;
      continue;
    }
    const n = (rank.get(arrival.airport) ?? 0) + 1;
    rank.set(arrival.airport, n);
    current = {
      id: `${arrival.airport}-${n}`,
      airport: arrival.airport,
      firstAt: arrival.at,
      lastAt: arrival.at,
      members: [arrival],
    };
    groups.push(current);
  }
  return groups.sort(
    (a, b) => a.firstAt.getTime() - b.firstAt.getTime() || a.airport.localeCompare(b.airport),
  );
}
