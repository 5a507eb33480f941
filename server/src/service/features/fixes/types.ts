import type { Edit } from './text';

/** One quick fix, in file offsets. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  readonly preferred?: boolean;
  /** Applied by "fix all" and `source.fixAll`: no placeholder, no choice to make. */
  readonly safe?: boolean;
}
