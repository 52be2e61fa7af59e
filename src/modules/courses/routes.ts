import type { App } from '../../platform/http/app-type.js';
import { registerCourseApi } from './http/api.js';
import { registerCourseEvaluationApi } from './http/evaluation-api.js';
import { registerCourseEvaluationPages } from './http/evaluation-pages.js';
import { registerCourseFilePages } from './http/file-pages.js';
import { registerCoursePages } from './http/pages.js';
import { registerCoursePartApi } from './http/part-api.js';
import { registerCoursePartPages } from './http/part-pages.js';

/** Course approval applications: the provider's pages (no JavaScript needed) and /api/v1/course-applications. */
export function registerCoursesRoutes(app: App): void {
  registerCoursePages(app);
  registerCourseFilePages(app);
  registerCoursePartPages(app);
  registerCourseApi(app);
  registerCoursePartApi(app);
  registerCourseEvaluationPages(app);
  registerCourseEvaluationApi(app);
}
