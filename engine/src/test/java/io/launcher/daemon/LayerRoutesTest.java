package io.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.launcher.api.CommitRequest;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.FilesystemChange;
import io.launcher.api.ImageDeletion;
import io.launcher.api.ImageReference;
import io.launcher.api.NotFoundException;
import io.launcher.client.RemoteEngine;
import io.launcher.daemon.ApiServerExtension.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** commit, changes, export, history, tag and image removal over the socket, raw and through RemoteEngine. */
class LayerRoutesTest {
    private final FakeEngine engine = new FakeEngine();
    @RegisterExtension
    final ApiServerExtension api = new ApiServerExtension(engine);
    private String container;

    @BeforeEach
    void start() throws IOException {
        Answer created = api.call("POST", "/containers/create?name=c1", "{\"Image\":\"base\",\"Cmd\":[\"sh\"]}");
        container = DockerMapper.MAPPER.readTree(created.body()).get("Id").asText();
    }

    @Test
    void commitAnswers201WithTheIdAndPassesTagCommentAuthorAndChanges() throws IOException {
        Answer answer = api.call("POST", "/v1.47/commit?container=c1&repo=snap&tag=v1&comment=hi&author=me&changes=CMD%20sh", "");
        assertEquals(201, answer.status(), answer.body());
        assertEquals("sha256:" + "c".repeat(64), answer.json().get("Id").asText());
        assertEquals(Optional.of(ImageReference.parse("snap:v1")), engine.lastCommit.tag());
        assertEquals("hi", engine.lastCommit.comment());
        assertEquals("me", engine.lastCommit.author());
        assertEquals(List.of("CMD sh"), engine.lastCommit.changes());
        assertEquals(true, engine.lastCommit.pause(), "Docker pauses unless told not to");
        assertEquals(201, api.call("POST", "/commit?container=c1&pause=0", "").status());
        assertEquals(false, engine.lastCommit.pause());
        assertEquals(201, api.call("POST", "/commit?container=c1&pause=true", "").status());
        assertEquals(true, engine.lastCommit.pause());
        assertEquals(404, api.call("POST", "/commit?container=nope", "").status());
        assertEquals(400, api.call("POST", "/commit", "").status());
    }

    @Test
    void changesUseDockerKinds() throws IOException {
        JsonNode changes = api.call("GET", "/containers/c1/changes", "").json();
        assertEquals("[{\"Path\":\"/etc\",\"Kind\":0},{\"Path\":\"/etc/x\",\"Kind\":1},{\"Path\":\"/bin/y\",\"Kind\":2}]",
                changes.toString());
    }

    @Test
    void exportStreamsTheTarAndAMissingContainerIs404() throws IOException {
        Answer export = api.call("GET", "/containers/c1/export", "");
        assertEquals(200, export.status());
        assertEquals("tar of " + container, export.body());
        assertEquals(404, api.call("GET", "/containers/nope/export", "").status());
    }

    @Test
    void historyTagAndRemoveInDockerShapes() throws IOException {
        JsonNode history = api.call("GET", "/images/base/history", "").json();
        assertEquals(2, history.size());
        assertEquals("/bin/sh -c echo hi > /x", history.get(0).get("CreatedBy").asText());
        assertTrue(history.get(0).get("Created").isNumber());
        assertTrue(history.get(1).get("Tags").isNull());
        assertEquals("<missing>", history.get(1).get("Id").asText());
        assertEquals(201, api.call("POST", "/images/base/tag?repo=localhost:5000/x&tag=t", "").status());
        assertTrue(engine.image("base").repoTags().contains("localhost:5000/x:t"));
        assertEquals(409, api.call("DELETE", "/images/base", "").status());
        JsonNode removed = api.call("DELETE", "/images/base?force=1", "").json();
        assertEquals("base:latest", removed.get(0).get("Untagged").asText());
        assertEquals("sha256:" + "a".repeat(64), removed.get(removed.size() - 1).get("Deleted").asText());
    }

    @Test
    void remoteEngineRoundTripsEveryCall() throws IOException {
        RemoteEngine remote = RemoteEngine.connect(api.socket());
        assertEquals("sha256:" + "c".repeat(64), remote.commit("c1",
                new CommitRequest(Optional.of(ImageReference.parse("snap")), "m", "a", List.of())).toString());
        assertEquals(ImageReference.parse("snap:latest"), engine.lastCommit.tag().orElseThrow());
        assertEquals(FilesystemChange.Kind.DELETED, remote.changes("c1").get(2).kind());
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        remote.export("c1", tar);
        assertEquals("tar of " + container, tar.toString(StandardCharsets.UTF_8));
        assertEquals(12, remote.history("base").get(0).size());
        remote.tag("base", ImageReference.parse("again"));
        assertTrue(engine.image("base").repoTags().contains("again:latest"));
        assertThrows(FailedPreconditionException.class, () -> remote.removeImage("base", false));
        List<ImageDeletion> removed = remote.removeImage("base", true);
        assertEquals(ImageDeletion.untagged("base:latest"), removed.get(0));
        assertThrows(NotFoundException.class, () -> remote.history("base"));
    }
}
