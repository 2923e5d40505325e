package io.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.launcher.cli.CopyPaths.CopyInfo;
import io.launcher.cli.CopyPaths.Plan;
import org.junit.jupiter.api.Test;

/** Docker's naming rules of docker cp: a directory or its content, to an existing folder or a new name. */
class CopyPathsTest {

    @Test
    void splitKeepsTheContentMarker() {
        assertArrayEquals(new String[] {"/a", "b"}, CopyPaths.split("/a/b/"));
        assertArrayEquals(new String[] {"/a/b", "."}, CopyPaths.split("/a/b/."));
        assertArrayEquals(new String[] {"/", "a"}, CopyPaths.split("/a"));
        assertArrayEquals(new String[] {".", "a"}, CopyPaths.split("a"));
        assertEquals("/x", CopyPaths.clean("/../x/./"));
    }

    @Test
    void intoAnExistingDirectoryTheSourceKeepsItsName() throws CopyPaths.Refused {
        Plan plan = CopyPaths.prepare(new CopyInfo("/src/dir", true, true, null), new CopyInfo("/dst", true, true, null));
        assertEquals(new Plan("/dst", null), plan);
    }

    @Test
    void toANewPathTheSourceTakesItsName() throws CopyPaths.Refused {
        assertEquals(new Plan("/dst", "new"),
                CopyPaths.prepare(new CopyInfo("/src/dir", true, true, null), new CopyInfo("/dst/new", false, false, null)));
        assertEquals(new Plan("/dst", "file"),
                CopyPaths.prepare(new CopyInfo("/f", true, false, null), new CopyInfo("/dst/file", true, false, null)));
    }

    @Test
    void refusalsAreDockers() {
        CopyPaths.Refused dir = assertThrows(CopyPaths.Refused.class,
                () -> CopyPaths.prepare(new CopyInfo("/d", true, true, null), new CopyInfo("/f", true, false, null)));
        assertEquals("cannot copy directory", dir.getMessage());
        CopyPaths.Refused missing = assertThrows(CopyPaths.Refused.class,
                () -> CopyPaths.prepare(new CopyInfo("/f", true, false, null), new CopyInfo("/new/", false, false, null)));
        assertEquals("no such directory", missing.getMessage());
    }

    @Test
    void rebaseRenamesTheTopEntryOnly() {
        assertEquals("new/a/b", CopyPaths.rebase("dir/a/b", "dir", "new"));
        assertEquals("new", CopyPaths.rebase("dir", "dir", "new"));
        assertEquals("dirx/a", CopyPaths.rebase("dirx/a", "dir", "new"));
        assertEquals("new/a", CopyPaths.rebase("a", ".", "new"));
        assertEquals("a", CopyPaths.rebase("a", ".", "."));
        assertEquals("", CopyPaths.rebase("dir", "dir", "."));
    }

    @Test
    void followedLinksKeepTheNameAsked() {
        assertArrayEquals(new String[] {"/real/dir/", "link"}, CopyPaths.rebaseName("/tmp/link/", "/real/dir"));
        assertArrayEquals(new String[] {"/real/link", null}, CopyPaths.rebaseName("/tmp/link", "/real/link"));
    }

    @Test
    void endpointsSplitAsDockerDoes() {
        assertEquals(new CpCommand.Endpoint(java.util.Optional.of("c1"), "/etc"), CpCommand.Endpoint.parse("c1:/etc"));
        assertEquals(new CpCommand.Endpoint(java.util.Optional.empty(), "/a:b"), CpCommand.Endpoint.parse("/a:b"));
        assertEquals(new CpCommand.Endpoint(java.util.Optional.empty(), "./a:b"), CpCommand.Endpoint.parse("./a:b"));
        assertEquals(new CpCommand.Endpoint(java.util.Optional.empty(), "-"), CpCommand.Endpoint.parse("-"));
    }
}
