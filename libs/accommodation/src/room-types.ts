/** The kinds of room a hotel sells to the network, and how many people each sleeps. */
export const ROOM_TYPES = ['single', 'twin', 'double'] as const;
export type RoomType = (typeof ROOM_TYPES)[number];

export const ROOM_CAPACITY: Record<RoomType, number> = { single: 1, twin: 2, double: 2 };

export const ROOM_PREFERENCES = ['single', 'shared'] as const;
export type RoomPreference = (typeof ROOM_PREFERENCES)[number];

/** The most rooms of one type a hotel can be booked for on one night (a typo guard). */
export const MAX_ROOMS_PER_NIGHT = 200;
