// What other libs and apps use: the module, its services, the pure rules and the DTO.
export { OnsiteModule } from './onsite.module.js';
export { BadgeCodes, type BadgeHolder, type BadgeStatus } from './badge-codes.service.js';
export { Badges, type BadgeFile } from './badges.service.js';
export {
  badgeNotValid,
  CheckIns,
  type CheckInResult,
  type DeskPerson,
} from './check-ins.service.js';
export { DoorAttendance, type DoorResult, type DoorSession } from './door-attendance.service.js';
export { attendedSessionIds } from './attended-sessions.js';
export {
  DOOR_OPENS_BEFORE_MINUTES,
  doorWindow,
  refuseOutsideDoorWindow,
  timeOfDay,
} from './attendance-window.js';
export { badgeCodeFrom, newBadgeCode } from './badge-code.js';
export { renderBadgeSheets, type BadgeFace } from './badge-pdf.js';
export * from './dto/check-in.dto.js';
