package io.launcher.network.bridge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A fake host: records every command and answers from a script (success with no output by default). */
final class RecordingRunner implements CommandRunner {

    record Call(Path tool, String stdin, List<String> args) {
        String line() {
            return tool.getFileName() + " " + String.join(" ", args);
        }
    }

    final List<Call> calls = new ArrayList<>();
    private Function<Call, CommandResult> answers = call -> new CommandResult(0, "", "");

    RecordingRunner answering(Function<Call, CommandResult> answers) {
        this.answers = answers;
        return this;
    }

    @Override
    public CommandResult run(Path tool, String stdin, String... args) {
        Call call = new Call(tool, stdin, List.of(args));
        calls.add(call);
        return answers.apply(call);
    }

    List<String> lines() {
        return calls.stream().map(Call::line).toList();
    }
}
