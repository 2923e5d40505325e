package io.launcher.cli;

import io.launcher.api.ImageReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tag}: gives an image another name. */
public final class TagCommand implements Callable<Integer>, CommandDeclaration.Fields {

    final LauncherCommand launcher;

    String source;
    String target;

    TagCommand(LauncherCommand launcher) {
        this.launcher = launcher;
    }

    /** How picocli sees {@code tag}: its help, flags and operands, bound to these fields. */
    CommandSpec spec() {
        return CommandDeclaration.command(this, "tag", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")
                .help()
                .operand("0", "SOURCE_IMAGE[:TAG]", null)
                .operand("1", "TARGET_IMAGE[:TAG]", null)
                .spec();
    }

    @Override
    public void set(String name, Object value) {
        switch (name) {
            case "SOURCE_IMAGE[:TAG]" -> source = (String) value;
            case "TARGET_IMAGE[:TAG]" -> target = (String) value;
            default -> throw CommandDeclaration.unknown(name);
        }
    }

    @Override
    public Integer call() {
        launcher.engine().tag(source, ImageReference.parse(target));
        return 0;
    }
}
