/**
 * Which directory categories each Pronote category is compared with, and in which order the
 * categories are paired.
 */
import type { Category } from '../core/person';

/** Directory categories a Pronote category is compared with (DOMAIN.md: no ENT supervisors or inspectors). */
export const DIRECTORY_POOLS: Record<Category, Category[]> = {
  teacher: ['teacher'],
  staff: ['staff'],
  student: ['student'],
  guardian: ['guardian'],
  supervisor: ['teacher', 'staff'],
  inspector: ['teacher', 'staff'],
};

/**
 * Order of work: students first, whose sure pairs (birth dates) show the school's structures to the
 * teachers and staff (issue 13, point 2); guardians need their children paired; supervisors and
 * inspectors take what is left.
 */
export const ORDER: readonly Category[] = ['student', 'teacher', 'staff', 'guardian', 'supervisor', 'inspector'];
