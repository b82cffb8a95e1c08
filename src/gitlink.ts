import type { FileDiff } from './model.js';

/** A gitlink's mode: a submodule's pinned commit, not a file (git-diff(1) shows it as `Subproject commit <sha>`). */
export const GITLINK_MODE = '160000';

/** Is this section a submodule's pin (a gitlink) on either side, rather than a file? */
export const isGitlink = (file: Pick<FileDiff, 'oldMode' | 'newMode'>): boolean => file.oldMode === GITLINK_MODE || file.newMode === GITLINK_MODE;
