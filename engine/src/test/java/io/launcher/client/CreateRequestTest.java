package io.launcher.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.launcher.daemon.CreateBody;
import io.launcher.daemon.JsonTrees;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateRequestTest {

    /** The daemon reads the client's streamed body back into the request it was made from, whatever is set. */
    @Test
    void writesWhatTheDaemonReadsBack() throws IOException {
        assertRoundTrip("{\"Image\":\"base\"}");
        assertRoundTrip("{\"Image\":\"base\",\"Cmd\":[\"/bin/sh\",\"-c\",\"echo \\\"hé\\\"\\n\"],"
                + "\"Entrypoint\":[\"/init\"],\"Env\":[\"A=1\",\"B=\\u0001\"],\"WorkingDir\":\"/w\",\"User\":\"1:2\","
                + "\"Hostname\":\"box\",\"Tty\":true,\"OpenStdin\":true,\"StdinOnce\":true,"
                + "\"Labels\":{\"z\":\"last\",\"a\":\"first\"},\"ExposedPorts\":{\"80/tcp\":{},\"53/udp\":{}},"
                + "\"HostConfig\":{\"AutoRemove\":true,\"NetworkMode\":\"none\",\"Memory\":67108864,\"CpuShares\":512,"
                + "\"NanoCpus\":1500000000,\"PidsLimit\":64,\"Binds\":[\"/a:/b:ro\"],\"ReadonlyRootfs\":true,"
                + "\"CapAdd\":[\"NET_ADMIN\"],\"CapDrop\":[\"ALL\"],\"PublishAllPorts\":true,"
                + "\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8080\"},{\"HostPort\":\"\"}],"
                + "\"53/udp\":[{\"HostIp\":\"\",\"HostPort\":\"5353\"}]},"
                + "\"SecurityOpt\":[\"seccomp=unconfined\"],\"StorageOpt\":{\"size\":\"10m\"},"
                + "\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{\"max-size\":\"1m\",\"max-file\":\"2\"}},"
                + "\"Privileged\":true,\"Devices\":[{\"PathOnHost\":\"/dev/null\",\"PathInContainer\":\"/dev/x\","
                + "\"CgroupPermissions\":\"rw\"}],\"DeviceCgroupRules\":[\"c 1:3 rwm\"]}}");
    }

    @Test
    void readsTheScalarsOfAReply() throws IOException {
        Map<String, String> wait = ClientJson.scalars(stream("{\"StatusCode\":137,\"Error\":{\"Message\":\"gone\"},"
                + "\"Warnings\":[\"x\",{\"y\":1}],\"Nothing\":null}\n"));
        assertEquals(Map.of("StatusCode", "137", "Error.Message", "gone"), wait);
        assertEquals(137, ClientJson.number(wait.get("StatusCode")));
        assertEquals(0, ClientJson.number(wait.get("Absent")));
        assertEquals(Map.of(), ClientJson.scalars(stream("")));
        assertEquals(Map.of("Id", "abc"), ClientJson.scalars(stream("{\"Id\":\"abc\",\"Warnings\":[]}")));
    }

    private static void assertRoundTrip(String request) throws IOException {
        CreateBody body = CreateBody.read(JsonTrees.read(request));
        String sent = new String(CreateRequest.body(body.config(), body.hostConfig()), StandardCharsets.UTF_8);
        assertEquals(body, CreateBody.read(JsonTrees.read(sent)), sent);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
