import type { ApprovalState } from './rules/approval.js';
import type {
  CourseApplicationKind,
  CourseApplicationStatus,
  CourseFileKind,
  DeliveryMode,
} from './schema.js';

export const deliveryLabels: Record<DeliveryMode, string> = {
  face_to_face: 'Face to face',
  online: 'Online',
  both: 'Face to face and online',
};

export const statusLabels: Record<CourseApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_evaluation: 'Being evaluated',
  returned: 'Returned for revision',
  approved: 'Approved',
  declined: 'Declined',
};

export const fileKindLabels: Record<CourseFileKind, string> = {
  syllabus: 'Syllabus with readings',
  resume: 'Instructor’s résumé',
};

export const kindLabels: Record<CourseApplicationKind, string> = {
  course: 'One course',
  bundle: 'A bundle of courses',
};

export const approvalStateLabels: Record<ApprovalState, string> = {
  current: 'Approved',
  ends_soon: 'Ends soon',
  lapsed: 'Lapsed',
};
