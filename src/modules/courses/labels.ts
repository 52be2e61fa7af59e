import type { CourseApplicationStatus, CourseFileKind, DeliveryMode } from './schema.js';

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
