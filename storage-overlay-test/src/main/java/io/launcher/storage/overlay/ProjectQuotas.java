package io.launcher.storage.overlay;

import java.nio.file.Path;

/**
 * The kernel's project quotas, behind one seam so the policy ({@link LayerQuotas}) can be tested
 * without a quota-enabled filesystem. A project id tags a directory tree ({@code FS_IOC_FSSETXATTR}
 * with {@code FS_XFLAG_PROJINHERIT}, so what is created below it joins it); the filesystem then
 * counts the tree's blocks under that id and refuses writes past its hard limit with {@code EDQUOT}.
 * Every {@code onFilesystem} path names the filesystem by any directory on it.
 */
interface ProjectQuotas {

    /** Whether the filesystem of {@code onFilesystem} enforces project quotas on every writer (xfs mounted with pquota). */
    boolean enabled(Path onFilesystem);

    /** The project id of a directory (0: none). */
    int project(Path directory);

    /** Gives a directory project {@code id}, inherited by what is created below it. */
    void assign(Path directory, int id);

    /** Sets project {@code id}'s hard block limit; 0 clears it. */
    void limit(Path onFilesystem, int id, long bytes);

    /** Whether project {@code id} has a limit or counts any block or inode. */
    boolean inUse(Path onFilesystem, int id);
}
