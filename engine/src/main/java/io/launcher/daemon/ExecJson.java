package io.launcher.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.launcher.api.ContainerId;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import java.util.List;

/** Docker's exec create body and exec inspect answer, both ways (the client reads what the daemon writes). */
public final class ExecJson {
    private ExecJson() {
    }

    public static ExecConfig readConfig(JsonNode node) {
        return new ExecConfig(DockerJson.strings(node, "Cmd"), DockerJson.strings(node, "Env"),
                DockerJson.text(node, "WorkingDir"), DockerJson.text(node, "User"), DockerJson.bool(node, "Tty"),
                DockerJson.bool(node, "AttachStdin"), DockerJson.bool(node, "AttachStdout"),
                DockerJson.bool(node, "AttachStderr"), DockerJson.bool(node, "Privileged"));
    }

    public static ObjectNode writeConfig(ExecConfig config) {
        ObjectNode node = DockerJson.object();
        node.put("AttachStdin", config.attachStdin());
        node.put("AttachStdout", config.attachStdout());
        node.put("AttachStderr", config.attachStderr());
        node.put("Tty", config.tty());
        node.set("Cmd", DockerJson.array(config.cmd()));
        node.set("Env", DockerJson.array(config.env()));
        node.put("WorkingDir", config.workingDir());
        node.put("User", config.user());
        node.put("Privileged", config.privileged());
        return node;
    }

    /** {@code ExitCode} is null until the process ended, as Docker's. */
    public static ObjectNode writeDetails(ExecDetails exec) {
        ExecConfig config = exec.config();
        ObjectNode node = DockerJson.object();
        node.put("ID", exec.id());
        node.put("ContainerID", exec.container().value());
        node.put("Running", exec.running());
        if (exec.running() || exec.exitCode() < 0) {
            node.putNull("ExitCode");
        } else {
            node.put("ExitCode", exec.exitCode());
        }
        node.put("Pid", exec.pid());
        node.put("OpenStdin", config.attachStdin());
        node.put("OpenStdout", config.attachStdout());
        node.put("OpenStderr", config.attachStderr());
        node.put("CanRemove", false);
        node.put("DetachKeys", "");
        ObjectNode process = node.putObject("ProcessConfig");
        process.put("privileged", config.privileged());
        process.put("user", config.user());
        process.put("tty", config.tty());
        process.put("entrypoint", config.cmd().get(0));
        process.set("arguments", DockerJson.array(config.cmd().subList(1, config.cmd().size())));
        // Not Docker's: lets a client of this engine get the whole exec config back.
        process.set("env", DockerJson.array(config.env()));
        process.put("workingDir", config.workingDir());
        return node;
    }

    public static ExecDetails readDetails(JsonNode node) {
        JsonNode process = DockerJson.field(node, "ProcessConfig");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(DockerJson.text(process, "entrypoint"));
        cmd.addAll(DockerJson.strings(process, "arguments"));
        ExecConfig config = new ExecConfig(cmd, DockerJson.strings(process, "env"), DockerJson.text(process, "workingDir"),
                DockerJson.text(process, "user"), DockerJson.bool(process, "tty"), DockerJson.bool(node, "OpenStdin"),
                DockerJson.bool(node, "OpenStdout"), DockerJson.bool(node, "OpenStderr"),
                DockerJson.bool(process, "privileged"));
        JsonNode exit = DockerJson.field(node, "ExitCode");
        return new ExecDetails(DockerJson.text(node, "ID"), new ContainerId(DockerJson.text(node, "ContainerID")), config,
                DockerJson.bool(node, "Running"), exit == null ? -1 : exit.asInt(), (int) DockerJson.number(node, "Pid"));
    }
}
