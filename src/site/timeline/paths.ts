import type { Filter } from './timeline.ts';

/** The timeline page, or one of its filtered pages: `timeline/`, `timeline/kind/court/`, `timeline/theme/<id>/`. */
export function timelinePath(filter?: Filter): string {
  return filter ? `timeline/${filter.by}/${filter.value}/` : 'timeline/';
}

/** Fragment of an event on the timeline pages. */
export const eventFragment = (id: string) => `event-${id}`;
/** Fragment of a resolution landmark on the timeline pages. */
export const landmarkFragment = (slug: string) => `resolution-${slug}`;
/** Fragment of a year heading. */
export const yearFragment = (year: number) => `y${year}`;
